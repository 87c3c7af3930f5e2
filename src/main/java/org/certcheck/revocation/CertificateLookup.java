package org.certcheck.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.cert.ocsp.CertificateID;

import org.certcheck.net.HttpOutcome;

/**
 * Finds the revocation status of one certificate, asking its sources in order until one gives a
 * verified answer:
 * <ol>
 *   <li>an OCSP response the server stapled for it (free: it came with the handshake);</li>
 *   <li>a CRL given with {@code --crl} for its issuer (free: read before the run);</li>
 *   <li>its OCSP responders, then its CRL distribution points, except that once more than
 *       {@link #OCSP_QUERIES_BEFORE_CRL} certificates of the run have pointed at the same CRL,
 *       that CRL goes first: one download then answers for every certificate its issuer issued,
 *       instead of one OCSP round trip each (1,000 hosts under one CA cost one CRL fetch and at
 *       most {@value #OCSP_QUERIES_BEFORE_CRL} OCSP queries). The other kind stays the fallback.</li>
 * </ol>
 * Network answers come from the run's {@link RevocationCache}, so no URL is fetched twice.
 */
final class CertificateLookup {
    /** Below this many certificates per CRL, one OCSP query each is cheaper than the CRL. */
    static final int OCSP_QUERIES_BEFORE_CRL = 2;

    /**
     * @param answer   the verified answer that ended the search, if any
     * @param problems every source that was tried and gave no verified answer, in order
     * @param links    where the certificate says its status is published
     */
    record Result(Optional<Answer> answer, List<Answer.Problem> problems, CertificateLinks links) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    private final Fetcher fetcher;
    private final RevocationCache cache;
    private final CrlDownloads crls;
    private final List<RevocationList> localCrls;

    CertificateLookup(Fetcher fetcher, RevocationCache cache, CrlDownloads crls, List<RevocationList> localCrls) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.crls = crls;
        this.localCrls = List.copyOf(localCrls);
    }

    /**
     * @param deadline the {@link System#nanoTime()} after which no further network source is started
     *                 (a source under way ends within its own timeout); the rest are noted as skipped
     */
    Result find(X509Certificate certificate, X509Certificate issuer, List<byte[]> stapled, Instant now,
            RevocationDeadline deadline) {
        List<Answer.Problem> problems = new ArrayList<>();
        CertificateLinks links = CertificateLinks.of(certificate);
        for (byte[] response : stapled) {
            if (OcspCheck.concerns(response, certificate, issuer)) {
                Answer answer = OcspCheck.judge(response, RevocationSource.STAPLED, "stapled by the server",
                        certificate, issuer, now);
                if (settles(answer, problems)) {
                    return new Result(Optional.of(answer), problems, links);
                }
            }
        }
        for (RevocationList crl : localCrls) {
            if (crl.issuer().equals(certificate.getIssuerX500Principal())) {
                Answer answer = CrlCheck.judge(crl, certificate, issuer, now);
                if (settles(answer, problems)) {
                    return new Result(Optional.of(answer), problems, links);
                }
            }
        }
        List<Supplier<Answer>> viaOcsp = links.ocsp().stream()
                .<Supplier<Answer>>map(uri -> () -> ocsp(uri, certificate, issuer, now)).toList();
        List<Supplier<Answer>> viaCrl = links.crls().stream()
                .<Supplier<Answer>>map(uri -> () -> crl(uri, certificate, issuer, now)).toList();
        List<Supplier<Answer>> order = new ArrayList<>();
        boolean crlFirst = crlFirst(links);
        order.addAll(crlFirst ? viaCrl : viaOcsp);
        order.addAll(crlFirst ? viaOcsp : viaCrl);
        List<Answer.Problem> untried = new ArrayList<>(crlFirst ? crlsSkipped(links) : ocspSkipped(links));
        untried.addAll(crlFirst ? ocspSkipped(links) : crlsSkipped(links));
        for (int i = 0; i < order.size(); i++) {
            if (deadline.passed()) {
                problems.add(deadline.skipped(untried.get(i), order.size() - i - 1));
                break;
            }
            Answer answer = order.get(i).get();
            if (settles(answer, problems)) {
                return new Result(Optional.of(answer), problems, links);
            }
        }
        return new Result(Optional.empty(), problems, links);
    }

    private static List<Answer.Problem> ocspSkipped(CertificateLinks links) {
        return links.ocsp().stream().map(uri -> new Answer.Problem(RevocationSource.OCSP, uri.toString(), "")).toList();
    }

    private static List<Answer.Problem> crlsSkipped(CertificateLinks links) {
        return links.crls().stream().map(uri -> new Answer.Problem(RevocationSource.CRL, uri.toString(), "")).toList();
    }

    private boolean crlFirst(CertificateLinks links) {
        if (links.crls().isEmpty()) {
            return false;
        }
        if (links.ocsp().isEmpty() || links.crls().stream().anyMatch(cache::hasCrl)) {
            return true;
        }
        return cache.demandCrl(links.crls().get(0)) > OCSP_QUERIES_BEFORE_CRL;
    }

    /** True for a verified answer; a problem is noted and the search goes on. */
    private static boolean settles(Answer answer, List<Answer.Problem> problems) {
        if (answer instanceof Answer.Problem problem) {
            problems.add(problem);
            return false;
        }
        return true;
    }

    private Answer ocsp(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now) {
        CertificateID id = OcspCheck.certificateId(certificate, issuer);
        HttpOutcome result = cache.ocsp(new RevocationCache.OcspKey(responder, id),
                () -> fetcher.postOcsp(responder, OcspCheck.request(id)));
        String location = responder.toString();
        if (result instanceof HttpOutcome.Failed failed) {
            return new Answer.Problem(RevocationSource.OCSP, location, failed.reason());
        }
        HttpOutcome.Response response = (HttpOutcome.Response) result;
        if (response.status() != 200) {
            return new Answer.Problem(RevocationSource.OCSP, location, "HTTP " + response.status());
        }
        return OcspCheck.judge(response.body(), RevocationSource.OCSP, location, certificate, issuer, now);
    }

    private Answer crl(URI uri, X509Certificate certificate, X509Certificate issuer, Instant now) {
        RevocationCache.CrlDownload download = crls.get(uri);
        if (download.crl() == null) {
            return new Answer.Problem(RevocationSource.CRL, uri.toString(), download.problem());
        }
        return CrlCheck.judge(download.crl(), certificate, issuer, now);
    }
}
