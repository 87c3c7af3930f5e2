package org.certcheck.store;

import java.math.BigInteger;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;

import org.certcheck.finding.Printable;

/**
 * Why Java refused a certificate, in words the operator can act on. Java's parser stops at the first
 * field it cannot take and says so in its own terms ("Extensions not allowed in v2 certificate" for
 * a certificate that claims version 4; "Integer exceeds maximum valid value" for a huge pathLen), so
 * the bytes are read once more with Bouncy Castle's ASN.1 structures, which take any DER, to name the
 * field at fault.
 */
public final class UnreadableCertificate {
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

    private UnreadableCertificate() {
    }

    /**
     * @param der      the certificate's bytes
     * @param jdkError what Java's certificate parser said
     * @return the field at fault and who refuses it, or Java's own words when no known cause is found
     */
    public static String explain(byte[] der, Exception jdkError) {
        String jdkSays = Printable.printable(String.valueOf(jdkError.getMessage()));
        return cause(der).map(cause -> cause + " (Java: " + jdkSays + ")").orElse(jdkSays);
    }

    /** The field at fault in a certificate Java refused, when it is one of the known causes. */
    public static Optional<String> cause(byte[] der) {
        Optional<Integer> claimed = claimedVersion(der);
        if (claimed.isPresent() && claimed.get() > 3) {
            return Optional.of("it claims X.509 version " + claimed.get() + " (its version field holds "
                    + (claimed.get() - 1) + "), but RFC 5280 4.1.2.1 defines versions 1 to 3 only and clients"
                    + " refuse any other: the CA must reissue it as version 3");
        }
        TBSCertificate tbs;
        try {
            tbs = Certificate.getInstance(der).getTBSCertificate();
        } catch (RuntimeException e) {
            return Optional.empty(); // not even DER of the certificate's shape: Java's words will do
        }
        int version = tbs.getVersion().intValueExact() + 1;
        Extensions extensions = tbs.getExtensions();
        if (extensions == null) {
            return Optional.empty();
        }
        if (version < 3) {
            return Optional.of("it has extensions though it claims X.509 version " + version
                    + "; RFC 5280 4.1.2.1 allows extensions in version 3 only: the CA must reissue it as version 3");
        }
        try {
            BasicConstraints constraints = BasicConstraints.fromExtensions(extensions);
            BigInteger pathLen = constraints == null ? null : constraints.getPathLenConstraint();
            if (pathLen != null && pathLen.compareTo(MAX_INT) > 0) {
                return Optional.of("its basicConstraints pathLenConstraint " + pathLen + " is beyond what Java"
                        + " can read (" + MAX_INT + "); Java and GnuTLS refuse the certificate, OpenSSL takes it:"
                        + " the CA must reissue it with a small pathLenConstraint (RFC 5280 4.2.1.9)");
            }
        } catch (RuntimeException e) {
            return Optional.of("its basicConstraints extension (" + Extension.basicConstraints.getId()
                    + ") is malformed: the CA must reissue it");
        }
        return Optional.empty();
    }

    /** The version the certificate claims (field value + 1), read before any parser judges it. */
    private static Optional<Integer> claimedVersion(byte[] der) {
        try {
            ASN1Sequence tbs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(der).getObjectAt(0));
            if (tbs.getObjectAt(0) instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 0) {
                BigInteger field = ASN1Integer.getInstance(tagged.getExplicitBaseObject()).getValue();
                return field.bitLength() < 16 ? Optional.of(field.intValue() + 1) : Optional.of(Integer.MAX_VALUE);
            }
            return Optional.of(1); // the field is absent in a version 1 certificate
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
