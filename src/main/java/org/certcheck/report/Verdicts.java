package org.certcheck.report;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.input.InputProblem;
import org.certcheck.input.Target;
import org.certcheck.revocation.PathRevocation;
import org.certcheck.tls.Handshake;
import org.certcheck.tls.KeyExchange;
import org.certcheck.tls.ProbeFailure;
import org.certcheck.validate.Assessment;

/** Builds the verdict of each kind of outcome: a bad input line, an unreachable target, a judged handshake. */
public final class Verdicts {
    private Verdicts() {
    }

    public static Verdict of(InputProblem problem) {
        Finding finding = Finding.of(FindingCode.INPUT_MALFORMED, problem.message());
        return new Verdict(problem.text(), problem.origin(), Status.UNKNOWN, List.of(finding), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Duration.ZERO);
    }

    public static Verdict of(ProbeFailure failure) {
        Finding finding = Finding.of(probeCode(failure.kind()), failure.message());
        return new Verdict(failure.target().display(), failure.target().origin(), Status.UNKNOWN, List.of(finding),
                Optional.empty(), List.of(), List.of(), Optional.empty(), failure.elapsed());
    }

    public static Verdict internalError(Target target, RuntimeException e) {
        Finding finding = Finding.of(FindingCode.INTERNAL_ERROR,
                "certcheck failed on this target: " + e + " (a bug: please report it, with --debug output)");
        return new Verdict(target.display(), target.origin(), Status.UNKNOWN, List.of(finding), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Duration.ZERO);
    }

    public static Verdict of(Handshake handshake, Assessment assessment) {
        return of(handshake, assessment, Optional.empty());
    }

    /** A judged handshake whose path's revocation status was checked too; its findings join the others. */
    public static Verdict of(Handshake handshake, Assessment assessment, Optional<PathRevocation> revocation) {
        List<CertificateFacts> chain = handshake.chain().stream().map(CertificateFacts::of).toList();
        List<String> path = new ArrayList<>();
        Optional<String> anchor = Optional.empty();
        if (assessment.path().trusted()) {
            assessment.path().certificates().forEach(c -> path.add(subject(c)));
            anchor = assessment.path().anchor().map(Verdicts::subject);
        }
        Optional<String> anchorSha256 = anchorSha256(assessment);
        String address = address(handshake.peer());
        CryptoPosture posture = new CryptoPosture(handshake.keyExchange().map(KeyExchange::group),
                handshake.keyExchange().map(KeyExchange::postQuantum).orElse(false),
                SignatureFamily.of(chain.get(0)), handshake.engine().describe());
        Connection connection = new Connection(address, handshake.protocol(), handshake.cipherSuite(),
                Optional.of(posture));
        List<Finding> findings = new ArrayList<>(assessment.findings());
        revocation.ifPresent(checked -> findings.addAll(checked.findings()));
        return new Verdict(handshake.target().display(), handshake.target().origin(),
                Status.of(findings), findings, Optional.of(connection), chain, path, anchor,
                handshake.elapsed(), revocation, anchorSha256, assessment.clients());
    }

    /**
     * The verdict on certificates judged without a connection ({@code certcheck verify},
     * {@code certcheck inventory}): the same rows and JSON objects, with no connection facts.
     */
    public static Verdict offline(String target, String origin, List<X509Certificate> chain, Assessment assessment) {
        List<String> path = new ArrayList<>();
        Optional<String> anchor = Optional.empty();
        if (assessment.path().trusted()) {
            assessment.path().certificates().forEach(c -> path.add(subject(c)));
            anchor = assessment.path().anchor().map(Verdicts::subject);
        }
        return new Verdict(target, origin, Status.of(assessment.findings()), assessment.findings(), Optional.empty(),
                chain.stream().map(CertificateFacts::of).toList(), path, anchor, Duration.ZERO, Optional.empty(),
                anchorSha256(assessment));
    }

    /** The fingerprint of the anchor a trusted path ends at. */
    private static Optional<String> anchorSha256(Assessment assessment) {
        return assessment.path().trusted()
                ? assessment.path().anchor().map(Verdicts::anchorFingerprint)
                : Optional.empty();
    }

    /** A fleet has a handful of anchors and thousands of verdicts: each anchor is hashed once. */
    private static final Map<X509Certificate, String> ANCHOR_FINGERPRINTS = new ConcurrentHashMap<>();

    private static String anchorFingerprint(X509Certificate anchor) {
        if (ANCHOR_FINGERPRINTS.size() > 1_000) {
            ANCHOR_FINGERPRINTS.clear();
        }
        return ANCHOR_FINGERPRINTS.computeIfAbsent(anchor, CertificateFactsReader::sha256Fingerprint);
    }

    /** {@code 10.0.0.1:443}, {@code [2001:db8::1]:443}, or {@code web.corp:443 via proxy} when a proxy resolved it. */
    private static String address(java.net.InetSocketAddress peer) {
        if (peer.isUnresolved()) {
            String host = peer.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + peer.getPort() + " via proxy";
        }
        String ip = org.certcheck.input.IpLiteral.text(peer.getAddress());
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + peer.getPort();
    }

    private static String subject(X509Certificate certificate) {
        return Printable.printable(certificate.getSubjectX500Principal().getName());
    }

    private static FindingCode probeCode(ProbeFailure.Kind kind) {
        return switch (kind) {
            case DNS -> FindingCode.PROBE_DNS;
            case REFUSED -> FindingCode.PROBE_REFUSED;
            case UNREACHABLE -> FindingCode.PROBE_UNREACHABLE;
            case CONNECT_TIMEOUT -> FindingCode.PROBE_CONNECT_TIMEOUT;
            case HANDSHAKE_TIMEOUT -> FindingCode.PROBE_HANDSHAKE_TIMEOUT;
            case NOT_TLS -> FindingCode.PROBE_NOT_TLS;
            case TLS_ALERT -> FindingCode.PROBE_TLS_ALERT;
            case CLOSED -> FindingCode.PROBE_CLOSED;
            case RESET -> FindingCode.PROBE_RESET;
            case IO_ERROR -> FindingCode.PROBE_IO_ERROR;
            case STARTTLS -> FindingCode.PROBE_STARTTLS;
            case PROXY -> FindingCode.PROBE_PROXY;
            case LIMIT_EXCEEDED -> FindingCode.PROBE_LIMIT_EXCEEDED;
            case BAD_CERTIFICATE -> FindingCode.PROBE_BAD_CERTIFICATE;
            case PROTOCOL_ERROR -> FindingCode.PROBE_PROTOCOL_ERROR;
        };
    }
}
