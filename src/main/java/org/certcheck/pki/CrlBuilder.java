package org.certcheck.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CRL (RFC 5280 section 5) from a {@link HeldCertificate} CA, with safe defaults and one knob per
 * property, including ones that are wrong on purpose: issued an hour before the builder's clock,
 * next update in 7 days, a non-critical CRLNumber (the issue time in seconds, so later CRLs have
 * higher numbers), signed by the issuer's key.
 */
public final class CrlBuilder {
    private record Revoked(BigInteger serial, Instant at, int reason) {
    }

    private final HeldCertificate issuer;
    private final Instant now;
    private final List<Revoked> revoked = new ArrayList<>();
    private Instant thisUpdate;
    private Instant nextUpdate;
    private boolean withoutNextUpdate;
    private KeyPair signingKeys;
    private boolean withoutCrlNumber;
    private boolean criticalCrlNumber;
    private String freshestCrl;
    private BigInteger deltaOf;

    private CrlBuilder(HeldCertificate issuer, Instant now) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.now = Objects.requireNonNull(now, "now");
    }

    public static CrlBuilder issuedBy(HeldCertificate issuer, Instant now) {
        return new CrlBuilder(issuer, now);
    }

    /** Lists {@code serial} as revoked at {@code at} for {@code reason} (an RFC 5280 CRLReason code, -1 for none). */
    public CrlBuilder revoke(BigInteger serial, Instant at, int reason) {
        revoked.add(new Revoked(serial, at, reason));
        return this;
    }

    /** Lists {@code certificate} as revoked a day ago for keyCompromise. */
    public CrlBuilder revoke(HeldCertificate certificate) {
        return revoke(certificate.certificate().getSerialNumber(), now.minus(Duration.ofDays(1)),
                CRLReason.keyCompromise);
    }

    public CrlBuilder thisUpdate(Instant instant) {
        this.thisUpdate = instant;
        return this;
    }

    public CrlBuilder nextUpdate(Instant instant) {
        this.nextUpdate = instant;
        return this;
    }

    public CrlBuilder withoutNextUpdate() {
        this.withoutNextUpdate = true;
        return this;
    }

    /** Leaves out the CRLNumber extension that RFC 5280 section 5.2.3 requires. */
    public CrlBuilder withoutCrlNumber() {
        this.withoutCrlNumber = true;
        return this;
    }

    /** Marks the CRLNumber critical, which RFC 5280 section 5.2.3 forbids. */
    public CrlBuilder criticalCrlNumber() {
        this.criticalCrlNumber = true;
        return this;
    }

    /** Names {@code url} in a Freshest CRL extension: where the CA publishes delta CRLs (RFC 5280 section 5.2.6). */
    public CrlBuilder freshestCrl(String url) {
        this.freshestCrl = url;
        return this;
    }

    /** Makes it a delta CRL of the base CRL numbered {@code base}: a critical Delta CRL Indicator (section 5.2.4). */
    public CrlBuilder deltaOf(BigInteger base) {
        this.deltaOf = base;
        return this;
    }

    /** Signs with these keys instead of the issuer's: a CRL whose signature does not verify. */
    public CrlBuilder signingKeys(KeyPair keys) {
        this.signingKeys = keys;
        return this;
    }

    /** The DER encoding. */
    public byte[] build() {
        KeyPair keys = signingKeys != null ? signingKeys : issuer.keyPair();
        Instant issued = thisUpdate != null ? thisUpdate : now.minus(Duration.ofHours(1));
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(issued));
        if (!withoutNextUpdate) {
            builder.setNextUpdate(Date.from(nextUpdate != null ? nextUpdate : now.plus(Duration.ofDays(7))));
        }
        for (Revoked entry : revoked) {
            if (entry.reason() < 0) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.at()), null);
            } else {
                builder.addCRLEntry(entry.serial(), Date.from(entry.at()), entry.reason());
            }
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            if (!withoutCrlNumber) {
                builder.addExtension(Extension.cRLNumber, criticalCrlNumber,
                        new CRLNumber(BigInteger.valueOf(Math.max(0, issued.getEpochSecond()))));
            }
            if (freshestCrl != null) {
                builder.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, freshestCrl))), null, null)}));
            }
            if (deltaOf != null) {
                builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(deltaOf));
            }
            String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
        } catch (IOException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a CRL for " + issuer.certificate().getSubjectX500Principal()
                    + ": " + e, e);
        }
    }
}
