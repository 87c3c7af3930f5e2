package org.certcheck.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certcheck.pki.HeldCertificate;

/**
 * Signed OCSP responses (RFC 6960) built with Bouncy Castle, for an in-process responder and for
 * stapling: good by default, signed by the issuer, thisUpdate an hour ago, nextUpdate in a day.
 * One knob per property, including wrong ones on purpose.
 */
public final class OcspResponses {
    private final HeldCertificate issuer;
    private final Instant now;
    private HeldCertificate signer;
    private Function<BigInteger, CertificateStatus> status = serial -> CertificateStatus.GOOD;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private boolean withoutNextUpdate;

    private OcspResponses(HeldCertificate issuer, Instant now) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.now = Objects.requireNonNull(now, "now");
        this.signer = issuer;
    }

    /** Responses about certificates issued by {@code issuer}. */
    public static OcspResponses by(HeldCertificate issuer, Instant now) {
        return new OcspResponses(issuer, now);
    }

    /** Signed by {@code signer}, whose certificate is included: a delegated responder, or an impostor. */
    public OcspResponses signer(HeldCertificate signer) {
        this.signer = signer;
        return this;
    }

    public OcspResponses status(Function<BigInteger, CertificateStatus> status) {
        this.status = status;
        return this;
    }

    public OcspResponses revoked(Instant at, int reason) {
        return status(serial -> new RevokedStatus(Date.from(at), reason));
    }

    public OcspResponses unknown() {
        return status(serial -> new UnknownStatus());
    }

    public OcspResponses thisUpdate(Instant instant) {
        this.thisUpdate = instant;
        return this;
    }

    public OcspResponses nextUpdate(Instant instant) {
        this.nextUpdate = instant;
        return this;
    }

    public OcspResponses withoutNextUpdate() {
        this.withoutNextUpdate = true;
        return this;
    }

    /** The DER OCSPResponse about {@code certificate}. */
    public byte[] about(HeldCertificate certificate) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer.certificate()),
                    certificate.certificate().getSerialNumber());
            return about(List.of(id));
        } catch (OperatorCreationException | OCSPException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER OCSPResponse answering for each of {@code ids}, as a responder answers a request. */
    public byte[] about(List<CertificateID> ids) {
        try {
            X509Certificate signing = signer.certificate();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(X500Name.getInstance(signing.getSubjectX500Principal().getEncoded())));
            Instant issued = thisUpdate != null ? thisUpdate : now.minus(Duration.ofHours(1));
            Date next = withoutNextUpdate ? null
                    : Date.from(nextUpdate != null ? nextUpdate : now.plus(Duration.ofDays(1)));
            for (CertificateID id : ids) {
                builder.addResponse(id, status.apply(id.getSerialNumber()), Date.from(issued), next);
            }
            X509CertificateHolder[] included = signer == issuer ? new X509CertificateHolder[0]
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signing)};
            String algorithm = signer.privateKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()),
                    included, Date.from(issued));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OperatorCreationException | OCSPException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP response: " + e, e);
        }
    }

    /** An OCSPResponse with an error status and no body (e.g. {@link OCSPRespBuilder#TRY_LATER}). */
    public static byte[] error(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a request's CertIDs, as a responder does. */
    static List<CertificateID> requested(byte[] request) throws IOException {
        return java.util.Arrays.stream(new org.bouncycastle.cert.ocsp.OCSPReq(request).getRequestList())
                .map(org.bouncycastle.cert.ocsp.Req::getCertID).toList();
    }
}
