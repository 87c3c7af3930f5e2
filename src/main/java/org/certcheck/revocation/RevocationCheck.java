package org.certcheck.revocation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.net.HttpOutcome;
import org.certcheck.tls.Handshake;
import org.certcheck.validate.CertificatePath;

/**
 * Checks the revocation status of every certificate on a trusted path except the anchor, and
 * judges it by the run's {@link RevocationMode}. Sources and their order are those of
 * {@link CertificateLookup}; verification is that of {@link OcspCheck} and {@link CrlCheck}.
 *
 * <p>One instance per run, shared by all its threads: it holds the run's cache, so a CRL is
 * downloaded once for all targets. The network is reached only through the injected
 * {@link Fetcher}.
 */
public final class RevocationCheck {
    /** Four of the default 5 s fetch timeouts: an OCSP and a CRL source of the leaf and its CA each. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    private static final RevocationCheck OFF = new RevocationCheck(RevocationMode.OFF, new Fetcher() {
        @Override
        public HttpOutcome get(java.net.URI uri) {
            throw new IllegalStateException("revocation checking is off");
        }

        @Override
        public HttpOutcome postOcsp(java.net.URI uri, byte[] request) {
            throw new IllegalStateException("revocation checking is off");
        }
    }, List.of());

    private final RevocationMode mode;
    private final Duration deadline;
    private final CertificateLookup lookup;
    private final RevocationFindings findings;
    private final CrlHealthCheck health;
    private final List<RevocationList> localCrls;
    private final IssuingCas cas = new IssuingCas();

    /**
     * @param localCrls CRLs read before the run ({@code --crl}); each covers the certificates of its issuer
     */
    public RevocationCheck(RevocationMode mode, Fetcher fetcher, List<RevocationList> localCrls) {
        this(mode, fetcher, localCrls, DEFAULT_DEADLINE);
    }

    /**
     * @param deadline how long one target's checking may go on starting network fetches (see
     *                 {@link RevocationDeadline})
     */
    public RevocationCheck(RevocationMode mode, Fetcher fetcher, List<RevocationList> localCrls, Duration deadline) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        RevocationCache cache = new RevocationCache();
        CrlDownloads crls = new CrlDownloads(Objects.requireNonNull(fetcher, "fetcher"), cache);
        this.lookup = new CertificateLookup(fetcher, cache, crls, localCrls);
        this.findings = new RevocationFindings(mode);
        // --revocation hard: a CRL nobody could download fails the run, as an unknown status fails a target.
        this.health = new CrlHealthCheck(crls, localCrls, mode == RevocationMode.HARD
                ? Calibration.DEFAULT.raising(Set.of(FindingCode.CRL_UNREACHABLE)) : Calibration.DEFAULT);
        this.localCrls = List.copyOf(localCrls);
    }

    /** Checks nothing: for {@code --revocation off} and callers that do not ask. */
    public static RevocationCheck off() {
        return OFF;
    }

    public RevocationMode mode() {
        return mode;
    }

    /**
     * The status of each certificate of {@code path} but its anchor, as of {@code now}. Empty when
     * checking is off, when the path is not trusted (the chain already fails, and an untrusted
     * chain's URLs are not worth fetching), or when the path is the anchor alone.
     */
    public Optional<PathRevocation> check(Handshake handshake, CertificatePath path, Instant now) {
        return check(path, handshake.stapledOcsp(), now);
    }

    /** As {@link #check(Handshake, CertificatePath, Instant)}, for a path without a connection (offline). */
    public Optional<PathRevocation> check(CertificatePath path, List<byte[]> stapled, Instant now) {
        if (mode == RevocationMode.OFF || !path.trusted() || path.certificates().size() < 2) {
            return Optional.empty();
        }
        List<X509Certificate> certificates = path.certificates();
        List<CertificateRevocation> statuses = new ArrayList<>();
        List<Finding> judged = new ArrayList<>();
        RevocationDeadline started = RevocationDeadline.starting(deadline);
        for (int i = 0; i < certificates.size() - 1; i++) {
            X509Certificate certificate = certificates.get(i);
            CertificateLookup.Result result = lookup.find(certificate, certificates.get(i + 1), stapled, now,
                    started);
            statuses.add(status(certificate, result));
            note(certificate, certificates.get(i + 1), i + 2 == certificates.size(), result.links());
            judged.addAll(findings.about(certificate, i == 0, result));
            if (i == 0) {
                judged.addAll(findings.mustStaple(certificate, result, stapled.size()));
            }
        }
        return Optional.of(new PathRevocation(statuses, judged));
    }

    /**
     * The CRL health of every issuing CA met on this run's checked paths whose certificates name a CRL
     * (or that a {@code --crl} covers), as of {@code now}: call it once, after the targets. CRLs the
     * targets' lookups already downloaded are not downloaded again; the check as a whole starts no
     * download after the revocation deadline. Empty when checking is off.
     */
    public List<CrlHealth> crlHealth(Instant now) {
        if (mode == RevocationMode.OFF) {
            return List.of();
        }
        RevocationDeadline started = RevocationDeadline.starting(deadline);
        return cas.all().stream().map(ca -> health.judge(ca, now, started)).toList();
    }

    private void note(X509Certificate certificate, X509Certificate issuer, boolean anchor, CertificateLinks links) {
        boolean local = localCrls.stream().anyMatch(crl -> crl.issuer().equals(issuer.getSubjectX500Principal()));
        if (local || !links.crls().isEmpty()) {
            cas.note(certificate, issuer, anchor, links.crls());
        }
    }

    private static CertificateRevocation status(X509Certificate certificate, CertificateLookup.Result result) {
        String subject = OcspCheck.subject(certificate);
        List<String> problems = result.problems().stream().map(Answer.Problem::describe).toList();
        if (result.answer().isEmpty()) {
            return CertificateRevocation.unanswered(subject,
                    problems.isEmpty() ? RevocationStatus.NO_INFO : RevocationStatus.UNKNOWN, problems);
        }
        Answer answer = result.answer().get();
        Optional<String> url = answer.source() == RevocationSource.STAPLED ? Optional.empty()
                : Optional.of(answer.location());
        if (answer instanceof Answer.Revoked revoked) {
            return new CertificateRevocation(subject, RevocationStatus.REVOKED, Optional.of(answer.source()), url,
                    Optional.of(revoked.thisUpdate()), revoked.nextUpdate(), Optional.of(revoked.revokedAt()),
                    revoked.reason(), problems);
        }
        Answer.Good good = (Answer.Good) answer;
        return new CertificateRevocation(subject, RevocationStatus.GOOD, Optional.of(answer.source()), url,
                Optional.of(good.thisUpdate()), good.nextUpdate(), Optional.empty(), Optional.empty(), problems);
    }
}
