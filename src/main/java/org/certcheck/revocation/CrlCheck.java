package org.certcheck.revocation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;

/**
 * Judges one certificate against one CRL (RFC 5280 sections 5 and 6.3), without any I/O. The CRL
 * counts only when it is in scope and verified, otherwise it is an {@link Answer.Problem}:
 * <ol>
 *   <li>its issuer is the certificate's issuer (no indirect CRLs, section 5.2.5);</li>
 *   <li>the issuer may sign CRLs: cRLSign in its keyUsage, if it has one (section 6.3.3 f);</li>
 *   <li>its signature verifies with the issuer's key;</li>
 *   <li>it is a conforming v2 CRL: a non-critical CRLNumber (section 5.2.3) and no critical
 *       extension certcheck does not know (section 5.2);</li>
 *   <li>it is a complete CRL: not a delta CRL (section 5.2.4), not limited to some reasons, and
 *       its issuingDistributionPoint, if any, covers this kind of certificate (CA or end entity);</li>
 *   <li>it is current: thisUpdate not in the future, nextUpdate not passed (each with the OCSP
 *       clock skew), or issued at most {@link #MAX_AGE_WITHOUT_NEXT_UPDATE} ago without one.</li>
 * </ol>
 * A listed serial is revoked, unless its reason is removeFromCRL; a serial not listed is good.
 */
final class CrlCheck {
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(7);
    static final String DELTA_CRL_INDICATOR = "2.5.29.27";
    private static final String ISSUING_DISTRIBUTION_POINT = "2.5.29.28";
    private static final String CRL_NUMBER = "2.5.29.20";
    /** CRL extensions of RFC 5280 section 5.2 that certcheck reads or may safely ignore. */
    private static final Set<String> KNOWN_EXTENSIONS = Set.of("2.5.29.35", "2.5.29.18", CRL_NUMBER,
            DELTA_CRL_INDICATOR, ISSUING_DISTRIBUTION_POINT, "2.5.29.46", "1.3.6.1.5.5.7.1.1");
    /** Index of cRLSign in {@link X509Certificate#getKeyUsage()}. */
    private static final int CRL_SIGN = 6;

    private CrlCheck() {
    }

    static Answer judge(RevocationList crl, X509Certificate certificate, X509Certificate issuer, Instant now) {
        String location = crl.location();
        if (!crl.issuer().equals(certificate.getIssuerX500Principal())) {
            return problem(location, "the CRL is issued by " + Printable.printable(crl.issuer().getName())
                    + ", not by the certificate's issuer " + Printable.printable(
                            certificate.getIssuerX500Principal().getName()));
        }
        Optional<Flaw> flaw = flaw(crl, issuer);
        if (flaw.isPresent()) {
            return problem(location, flaw.get().message());
        }
        if (crl.extension(DELTA_CRL_INDICATOR).isPresent()) {
            return problem(location, "a delta CRL, which certcheck cannot use without its base CRL");
        }
        Optional<String> scope = outOfScope(crl, certificate);
        if (scope.isPresent()) {
            return problem(location, scope.get());
        }
        Optional<String> stale = Freshness.problem(crl.thisUpdate(), crl.nextUpdate(), now, MAX_AGE_WITHOUT_NEXT_UPDATE);
        if (stale.isPresent()) {
            return problem(location, "the CRL is " + stale.get());
        }
        Optional<RevocationList.Entry> entry = crl.entry(certificate.getSerialNumber());
        if (entry.isPresent() && entry.get().reason() != Reasons.REMOVE_FROM_CRL) {
            return new Answer.Revoked(RevocationSource.CRL, location, crl.thisUpdate(), crl.nextUpdate(),
                    entry.get().revokedAt(), Reasons.name(entry.get().reason()));
        }
        return new Answer.Good(RevocationSource.CRL, location, crl.thisUpdate(), crl.nextUpdate());
    }

    /**
     * What makes {@code crl} unusable as a CRL of the CA {@code issuer} whatever certificate is asked
     * about (rules 1 to 4 above, rule 1 against the CA's own subject), as the finding code the per-CA
     * health check reports it under; empty when it is the CA's, signed by it, and conforming.
     */
    static Optional<Flaw> flaw(RevocationList crl, X509Certificate issuer) {
        if (!crl.issuer().equals(issuer.getSubjectX500Principal())) {
            return Optional.of(new Flaw(FindingCode.CRL_WRONG_ISSUER, "the CRL is issued by "
                    + Printable.printable(crl.issuer().getName()) + ", not by the CA " + OcspCheck.subject(issuer)));
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= CRL_SIGN || !keyUsage[CRL_SIGN])) {
            return Optional.of(new Flaw(FindingCode.CRL_WRONG_ISSUER, OcspCheck.subject(issuer)
                    + " may not sign CRLs: its keyUsage lacks cRLSign (RFC 5280 section 6.3.3)"));
        }
        if (!crl.signedBy(issuer)) {
            return Optional.of(new Flaw(FindingCode.CRL_BAD_SIGNATURE, "the CRL's signature does not verify with the"
                    + " key of " + OcspCheck.subject(issuer) + ": it is forged, or signed by another key"));
        }
        return nonConforming(crl).map(message -> new Flaw(FindingCode.CRL_UNUSABLE, message));
    }

    /** Why a CRL cannot be used, and the code the per-CA health check reports it under. */
    record Flaw(FindingCode code, String message) {
    }

    private static Optional<String> nonConforming(RevocationList crl) {
        if (crl.extension(CRL_NUMBER).isEmpty()) {
            return Optional.of("the CRL has no CRLNumber extension, which RFC 5280 section 5.2.3 requires of every"
                    + " CRL: the CA must issue v2 CRLs");
        }
        Set<String> critical = crl.criticalExtensions();
        if (critical.contains(CRL_NUMBER)) {
            return Optional.of("the CRL marks its CRLNumber extension critical, which RFC 5280 section 5.2.3 forbids");
        }
        Optional<String> unknown = critical.stream().filter(oid -> !KNOWN_EXTENSIONS.contains(oid)).sorted()
                .findFirst();
        return unknown.map(oid -> "the CRL has a critical extension certcheck does not know (OID " + oid
                + "), so it must not be used (RFC 5280 section 5.2)");
    }

    private static Optional<String> outOfScope(RevocationList crl, X509Certificate certificate) {
        Optional<byte[]> value = crl.extension(ISSUING_DISTRIBUTION_POINT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        IssuingDistributionPoint point;
        try {
            point = IssuingDistributionPoint.getInstance(value.get());
        } catch (RuntimeException e) {
            return Optional.of("the CRL's issuingDistributionPoint extension cannot be parsed");
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (point.onlyContainsUserCerts() && ca) {
            return Optional.of("the CRL covers only end-entity certificates, and this is a CA certificate");
        }
        if (point.onlyContainsCACerts() && !ca) {
            return Optional.of("the CRL covers only CA certificates, and this is an end-entity certificate");
        }
        if (point.onlyContainsAttributeCerts()) {
            return Optional.of("the CRL covers only attribute certificates");
        }
        if (point.getOnlySomeReasons() != null) {
            return Optional.of("the CRL covers only some revocation reasons, so it cannot say a certificate is good");
        }
        if (point.isIndirectCRL()) {
            return Optional.of("an indirect CRL, which certcheck does not support");
        }
        return Optional.empty();
    }

    private static Answer problem(String location, String message) {
        return new Answer.Problem(RevocationSource.CRL, location, message);
    }
}
