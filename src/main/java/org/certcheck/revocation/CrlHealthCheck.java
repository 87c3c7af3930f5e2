package org.certcheck.revocation;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Judges the CRLs of one issuing CA, once per run: each is downloaded through the run's
 * {@link CrlDownloads} (so a CRL a target's lookup already fetched is not fetched again), then:
 * <ol>
 *   <li>reachable: a 200 answer that parses as a CRL ({@code crl.unreachable});</li>
 *   <li>the CA's, allowed to sign CRLs, verified with its key, conforming ({@code crl.wrong-issuer},
 *       {@code crl.bad-signature}, {@code crl.unusable}: the rules of {@link CrlCheck#flaw});</li>
 *   <li>a complete CRL: a distribution point must not serve a delta CRL (RFC 5280 section 5.2.4);</li>
 *   <li>current: stale once nextUpdate has passed, with the OCSP clock skew, or
 *       {@link CrlCheck#MAX_AGE_WITHOUT_NEXT_UPDATE} after a thisUpdate without nextUpdate
 *       ({@code crl.stale}); about to be when less than a day, or less than a quarter of its own
 *       validity (nextUpdate - thisUpdate), is left ({@code crl.stale-soon}).</li>
 * </ol>
 * A {@code --crl} file of the CA stands for its distribution points: it is judged instead, and they
 * are not fetched. At most {@link #MAX_CRLS_PER_CA} URLs are judged per CA; the rest are listed as
 * unchecked.
 */
final class CrlHealthCheck {
    /** Less than this left before nextUpdate warns, however long the CRL's validity. */
    static final Duration MARGIN = Duration.ofDays(1);
    /**
     * CRL URLs judged per CA: a CA publishes one or two (http and ldap); more are a partitioned CRL or
     * a hostile certificate, and the first ones tell whether the CA's CRL publishing works.
     */
    static final int MAX_CRLS_PER_CA = 4;
    private static final String FRESHEST_CRL = "2.5.29.46";

    private final CrlDownloads downloads;
    private final List<RevocationList> localCrls;
    private final Calibration calibration;

    CrlHealthCheck(CrlDownloads downloads, List<RevocationList> localCrls, Calibration calibration) {
        this.downloads = downloads;
        this.localCrls = List.copyOf(localCrls);
        this.calibration = calibration;
    }

    /**
     * @param deadline shared by every CA of the run: once it has passed no further download is
     *                 started (a CRL already downloaded is still judged), and the URLs left are
     *                 listed as unchecked with a {@code crl.unreachable} finding
     */
    CrlHealth judge(IssuingCas.Seen ca, Instant now, RevocationDeadline deadline) {
        List<CrlHealth.Published> published = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        List<RevocationList> local = localCrls.stream()
                .filter(crl -> crl.issuer().equals(ca.ca.getSubjectX500Principal())).toList();
        if (!local.isEmpty()) {
            local.forEach(crl -> published.add(judge(ca, crl.location(), crl, now, findings)));
        } else {
            List<URI> urls = ca.crls();
            urls.stream().skip(MAX_CRLS_PER_CA).forEach(uri -> unchecked.add(uri.toString()));
            List<String> late = new ArrayList<>();
            for (URI uri : urls.subList(0, Math.min(MAX_CRLS_PER_CA, urls.size()))) {
                if (!downloads.started(uri) && deadline.passed()) {
                    late.add(uri.toString());
                    continue;
                }
                RevocationCache.CrlDownload download = downloads.get(uri);
                if (download.crl() == null) {
                    published.add(new CrlHealth.Published(uri.toString(), Optional.of(download.problem()),
                            Optional.empty()));
                    findings.add(finding(ca, FindingCode.CRL_UNREACHABLE, "the CRL " + uri + " could not be"
                            + " downloaded (" + download.problem() + "): clients that cannot reach it either cannot"
                            + " check the CA's " + certificates(ca) + "; make sure the CRL server answers and this"
                            + " machine may reach it"));
                } else {
                    published.add(judge(ca, uri.toString(), download.crl(), now, findings));
                }
            }
            if (!late.isEmpty()) {
                findings.add(finding(ca, FindingCode.CRL_UNREACHABLE, late.size() + (late.size() == 1 ? " CRL" : " CRLs")
                        + " of the CA not tried (" + String.join(", ", late) + "): " + deadline.describe()
                        + " had passed; raise it to check them"));
                unchecked.addAll(0, late);
            }
        }
        return new CrlHealth(ca.subject, ca.keyId, ca.certificates(), published, unchecked, findings);
    }

    private CrlHealth.Published judge(IssuingCas.Seen ca, String url, RevocationList crl, Instant now,
            List<Finding> findings) {
        CrlHealth.Facts facts = new CrlHealth.Facts(crl.thisUpdate(), crl.nextUpdate(), crl.bytes(), crl.size(),
                deltaOf(crl), deltaCrls(crl));
        Optional<CrlCheck.Flaw> flaw = CrlCheck.flaw(crl, ca.ca);
        if (flaw.isPresent()) {
            String fix = flaw.get().code() == FindingCode.CRL_UNUSABLE ? "a conforming v2 CRL"
                    : "a CRL signed with its own key";
            findings.add(finding(ca, flaw.get().code(), "the CRL " + url + ": " + flaw.get().message()
                    + ": clients reject it, and those that fail hard then reject the CA's " + certificates(ca)
                    + "; have the CA publish " + fix + " there"));
        } else if (facts.deltaOf().isPresent()) {
            findings.add(finding(ca, FindingCode.CRL_UNUSABLE, "the CRL " + url + " is a delta CRL (base CRL number "
                    + facts.deltaOf().get() + "), but a distribution point must serve a complete CRL (RFC 5280"
                    + " section 5.2.4): publish the complete CRL there and name the delta in its Freshest CRL"
                    + " extension"));
        }
        freshness(ca, url, crl, now).ifPresent(findings::add);
        return new CrlHealth.Published(url, Optional.empty(), Optional.of(facts));
    }

    private Optional<Finding> freshness(IssuingCas.Seen ca, String url, RevocationList crl, Instant now) {
        Optional<String> problem = Freshness.problem(crl.thisUpdate(), crl.nextUpdate(), now,
                CrlCheck.MAX_AGE_WITHOUT_NEXT_UPDATE);
        if (problem.isPresent()) {
            if (crl.thisUpdate().isAfter(now)) {
                return Optional.of(finding(ca, FindingCode.CRL_UNUSABLE, "the CRL " + url + " is " + problem.get()));
            }
            return Optional.of(finding(ca, FindingCode.CRL_STALE, "the CRL " + url + " is " + problem.get()
                    + ": every client that checks it and fails hard now rejects the CA's " + certificates(ca)
                    + "; publish a new CRL now and check the CA's CRL publishing job"));
        }
        Instant staleAt = crl.nextUpdate().orElse(crl.thisUpdate().plus(CrlCheck.MAX_AGE_WITHOUT_NEXT_UPDATE));
        Duration validity = Duration.between(crl.thisUpdate(), staleAt);
        Duration left = Duration.between(now, staleAt);
        boolean underDay = left.compareTo(MARGIN) < 0;
        boolean underQuarter = left.multipliedBy(4).compareTo(validity) < 0;
        if (!underDay && !underQuarter) {
            return Optional.empty();
        }
        String rule = underDay ? "less than a day" : "less than a quarter of its validity of " + span(validity);
        return Optional.of(finding(ca, FindingCode.CRL_STALE_SOON, "the CRL " + url + " goes stale in " + span(left)
                + " (nextUpdate " + Times.format(staleAt) + ", issued " + Times.format(crl.thisUpdate()) + "; "
                + rule + " left): make sure the CA publishes the next CRL before then, or every hard-failing"
                + " client rejects its " + certificates(ca)));
    }

    private Finding finding(IssuingCas.Seen ca, FindingCode code, String message) {
        return calibration.rate(Finding.about(ca.subject, ca.anchor ? Role.ANCHOR : Role.INTERMEDIATE, code, message));
    }

    private static String certificates(IssuingCas.Seen ca) {
        int count = ca.certificates();
        return count == 1 ? "certificate checked in this run" : count + " certificates checked in this run";
    }

    /** {@code 3 days 4 h}, {@code 5 h 20 min}, {@code 12 min}. */
    static String span(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        return hours > 0 ? hours + " h" + (minutes % 60 > 0 ? " " + minutes % 60 + " min" : "") : minutes % 60 + " min";
    }

    private static Optional<BigInteger> deltaOf(RevocationList crl) {
        try {
            return crl.extension(CrlCheck.DELTA_CRL_INDICATOR).map(value -> ASN1Integer.getInstance(value).getValue());
        } catch (RuntimeException e) {
            return Optional.of(BigInteger.ONE.negate()); // a delta CRL all the same, its base number unreadable
        }
    }

    /** The URLs of the Freshest CRL extension (RFC 5280 section 5.2.6), full names only. */
    private static List<String> deltaCrls(RevocationList crl) {
        Optional<byte[]> value = crl.extension(FRESHEST_CRL);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(value.get()).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            urls.add(ASN1IA5String.getInstance(general.getName()).getString());
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            urls.add("(a Freshest CRL extension that cannot be parsed)");
        }
        return urls;
    }
}
