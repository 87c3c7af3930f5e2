package org.certcheck.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import org.certcheck.crypto.SignatureChecks;
import org.certcheck.finding.Printable;

/**
 * Builds OCSP requests and judges OCSP responses (RFC 6960), without any I/O. A response counts
 * only when all of this holds (RFC 6960 section 3.2), otherwise it is a {@link Answer.Problem}:
 * <ol>
 *   <li>it is a successful response of the basic type;</li>
 *   <li>it has a SingleResponse whose CertID names this certificate's serial and issuer (name and
 *       key hash, whatever hash algorithm the responder used);</li>
 *   <li>its signature verifies with the issuer's key, or with the key of a delegated responder
 *       certificate included in the response that the issuer signed, that has id-kp-OCSPSigning
 *       in its extendedKeyUsage and that is valid now (section 4.2.2.2);</li>
 *   <li>it is fresh (section 4.2.2.1): thisUpdate is not in the future and nextUpdate, when
 *       present, has not passed, each with {@link #CLOCK_SKEW} of leeway; without nextUpdate,
 *       thisUpdate is at most {@link #MAX_AGE_WITHOUT_NEXT_UPDATE} old.</li>
 * </ol>
 * Nonces are not sent: RFC 5019 responders ignore them, and freshness is judged by time.
 */
final class OcspCheck {
    /** Clocks of responders and of this machine disagree a little. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A response that says nothing of when newer information comes (openssl ocsp by default). */
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(7);
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    private static final DigestCalculatorProvider DIGESTS = digests();

    private OcspCheck() {
    }

    /** The CertID of {@code certificate} (SHA-1, as RFC 5019 section 2.1.1 asks), for requests and cache keys. */
    static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer) {
        try {
            return new CertificateID(DIGESTS.get(CertificateID.HASH_SHA1), holder(issuer),
                    certificate.getSerialNumber());
        } catch (OCSPException | OperatorCreationException e) {
            throw new IllegalStateException("cannot compute an OCSP CertID: " + e, e);
        }
    }

    /** A DER OCSPRequest for one certificate. */
    static byte[] request(CertificateID id) {
        try {
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP request: " + e, e);
        }
    }

    /** True if {@code der} is a basic OCSP response with an entry for {@code certificate}. */
    static boolean concerns(byte[] der, X509Certificate certificate, X509Certificate issuer) {
        try {
            OCSPResp response = new OCSPResp(der);
            return response.getStatus() == OCSPResp.SUCCESSFUL
                    && response.getResponseObject() instanceof BasicOCSPResp basic
                    && entryFor(basic, certificate, issuer).isPresent();
        } catch (IOException | OCSPException | RuntimeException e) {
            return false;
        }
    }

    static Answer judge(byte[] der, RevocationSource source, String location, X509Certificate certificate,
                        X509Certificate issuer, Instant now) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return problem(source, location, "the responder answered " + status(response.getStatus())
                        + " instead of a status");
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                return problem(source, location, "the response is not of the basic type (RFC 6960 section 4.2.1)");
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            return problem(source, location, "not an OCSP response (" + der.length + " bytes that do not parse)");
        }
        Optional<SingleResp> entry = entryFor(basic, certificate, issuer);
        if (entry.isEmpty()) {
            return problem(source, location, "the response has no entry for serial "
                    + certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT)
                    + " from this issuer");
        }
        Optional<String> signer = authorizedSigner(basic, issuer, now);
        if (signer.isPresent()) {
            return problem(source, location, signer.get());
        }
        SingleResp single = entry.get();
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        Optional<String> stale = Freshness.problem(thisUpdate, nextUpdate, now, MAX_AGE_WITHOUT_NEXT_UPDATE);
        if (stale.isPresent()) {
            return problem(source, location, "the response is " + stale.get());
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new Answer.Good(source, location, thisUpdate, nextUpdate);
        }
        if (status instanceof RevokedStatus revoked) {
            Optional<String> reason = revoked.hasRevocationReason()
                    ? Reasons.name(revoked.getRevocationReason()) : Optional.empty();
            return new Answer.Revoked(source, location, thisUpdate, nextUpdate,
                    revoked.getRevocationTime().toInstant(), reason);
        }
        if (status instanceof UnknownStatus) {
            return problem(source, location, "the responder does not know this certificate (status \"unknown\")");
        }
        return problem(source, location, "the response has a certificate status certcheck does not know");
    }

    private static Optional<SingleResp> entryFor(BasicOCSPResp basic, X509Certificate certificate,
                                                 X509Certificate issuer) {
        X509CertificateHolder issuerHolder = holder(issuer);
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            try {
                if (id.getSerialNumber().equals(certificate.getSerialNumber()) && id.matchesIssuer(issuerHolder, DIGESTS)) {
                    return Optional.of(single);
                }
            } catch (OCSPException | RuntimeException e) {
                // An entry hashed with an algorithm we lack cannot be about our certificate as far as we can tell.
            }
        }
        return Optional.empty();
    }

    /** Empty when the response was signed by the issuer or a responder it delegated; otherwise why not. */
    private static Optional<String> authorizedSigner(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        if (verifies(basic, issuer.getPublicKey())) {
            return Optional.empty();
        }
        String issuerName = subject(issuer);
        List<X509CertificateHolder> included = List.of(basic.getCerts());
        for (X509CertificateHolder candidate : included) {
            X509Certificate responder;
            try {
                responder = new JcaX509CertificateConverter().getCertificate(candidate);
            } catch (GeneralSecurityException e) {
                continue;
            }
            if (!verifies(basic, responder.getPublicKey())) {
                continue;
            }
            String who = subject(responder);
            if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    || !signedBy(responder, issuer)) {
                return Optional.of("the response is signed by " + who + ", which was not issued by " + issuerName
                        + " and so may not answer for it");
            }
            if (!hasOcspSigning(responder)) {
                return Optional.of("the response is signed by " + who + ", which lacks id-kp-OCSPSigning in its"
                        + " extendedKeyUsage, so " + issuerName + " did not delegate OCSP to it");
            }
            if (now.isBefore(responder.getNotBefore().toInstant()) || now.isAfter(responder.getNotAfter().toInstant())) {
                return Optional.of("the response is signed by responder certificate " + who
                        + ", which is not valid now");
            }
            return Optional.empty();
        }
        return Optional.of("the response's signature verifies neither with the key of " + issuerName
                + (included.isEmpty() ? "" : " nor with a certificate included in the response")
                + ": it is forged, or signed by a responder that is not authorized");
    }

    private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
        return SignatureChecks.verifies(basic::isSignatureValid, key);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        return SignatureChecks.verifies(certificate, issuer.getPublicKey());
    }

    private static boolean hasOcspSigning(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(OCSP_SIGNING);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    private static String status(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized (the responder does not serve this CA)";
            default -> "status " + status;
        };
    }

    private static Answer problem(RevocationSource source, String location, String message) {
        return new Answer.Problem(source, location, message);
    }

    static String subject(X509Certificate certificate) {
        return Printable.printable(certificate.getSubjectX500Principal().getName());
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot re-encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no message digests available", e);
        }
    }
}
