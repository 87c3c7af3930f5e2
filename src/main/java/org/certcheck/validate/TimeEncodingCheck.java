package org.certcheck.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * The DER encoding of validity times (RFC 5280 4.1.2.5): dates through 2049 as UTCTime
 * {@code YYMMDDHHMMSSZ} (4.1.2.5.1), dates from 2050 as GeneralizedTime {@code YYYYMMDDHHMMSSZ}
 * without fractional seconds (4.1.2.5.2).
 *
 * <p>The JDK's parser accepts and normalises some encodings, so the times are read from the raw
 * TBSCertificate. A time that is not {@code ...SSZ} is {@link FindingCode#CERT_MALFORMED_TIME}
 * (OpenSSL rejects the certificate: "format error in certificate's notBefore field"); a well-formed
 * GeneralizedTime before 2050 is {@link FindingCode#CERT_TIME_ENCODING}, a lint: OpenSSL and GnuTLS
 * accept it (measured in ClientBehaviourInteropTest). The trust anchor is an input and is not checked.
 */
public final class TimeEncodingCheck {
    private static final Pattern UTC_TIME = Pattern.compile("[0-9]{12}Z");
    private static final Pattern GENERALIZED_TIME = Pattern.compile("[0-9]{14}Z");

    private TimeEncodingCheck() {
    }

    /** One finding per badly encoded notBefore or notAfter on the path, anchor excepted. */
    public static List<Finding> check(CertificatePath path) {
        List<X509Certificate> certificates = path.certificates();
        int checked = path.trusted() ? certificates.size() - 1 : certificates.size();
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < checked; index++) {
            findings.addAll(check(certificates.get(index), index == 0 ? Role.LEAF : Role.INTERMEDIATE));
        }
        return findings;
    }

    /** The findings about one certificate's two validity times; none when its TBSCertificate cannot be read. */
    static List<Finding> check(X509Certificate certificate, Role role) {
        Optional<ASN1Sequence> validity = validity(certificate);
        if (validity.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        String[] fields = {"notBefore", "notAfter"};
        for (int i = 0; i < fields.length; i++) {
            judge(validity.get().getObjectAt(i).toASN1Primitive(), fields[i], Certificates.subject(certificate), role)
                    .ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> judge(ASN1Primitive time, String field, String subject, Role role) {
        String text = contents(time);
        String shown = field + " of " + subject + " is encoded as ";
        if (time instanceof ASN1UTCTime) {
            if (UTC_TIME.matcher(text).matches()) {
                return Optional.empty();
            }
            return Optional.of(malformed(field, subject, role, shown + "UTCTime \"" + Printable.printable(text) + "\" ("
                    + utcDefect(text) + "), which is not DER: RFC 5280 4.1.2.5.1 requires YYMMDDHHMMSSZ"));
        }
        if (time instanceof ASN1GeneralizedTime) {
            if (!GENERALIZED_TIME.matcher(text).matches()) {
                return Optional.of(malformed(field, subject, role, shown + "GeneralizedTime \""
                        + Printable.printable(text) + "\" (" + generalizedDefect(text)
                        + "), which is not DER: RFC 5280 4.1.2.5.2 requires YYYYMMDDHHMMSSZ without fractional seconds"));
            }
            if (Integer.parseInt(text.substring(0, 4)) < 2050) {
                return Optional.of(Finding.about(subject, role, FindingCode.CERT_TIME_ENCODING, shown + "GeneralizedTime \""
                        + text + "\", a date before 2050 that RFC 5280 4.1.2.5 requires as UTCTime; OpenSSL and GnuTLS"
                        + " accept it: the CA's issuing software should encode such dates as UTCTime"));
            }
            return Optional.empty();
        }
        return Optional.of(malformed(field, subject, role, shown + "neither UTCTime nor GeneralizedTime"));
    }

    private static Finding malformed(String field, String subject, Role role, String what) {
        return Finding.about(subject, role, FindingCode.CERT_MALFORMED_TIME, what + "; OpenSSL rejects the certificate"
                + " (\"format error in certificate's " + field + " field\"): the CA must reissue it");
    }

    private static String utcDefect(String text) {
        if (!text.endsWith("Z")) {
            return text.contains("+") || text.contains("-") ? "a time-zone offset instead of Z" : "without Z";
        }
        return text.length() == 11 ? "without seconds" : "not 12 digits and Z";
    }

    private static String generalizedDefect(String text) {
        if (text.contains(".") || text.contains(",")) {
            return "fractional seconds";
        }
        if (!text.endsWith("Z")) {
            return text.contains("+") || text.contains("-") ? "a time-zone offset instead of Z" : "without Z";
        }
        return text.length() < 15 ? "without seconds" : "not 14 digits and Z";
    }

    /** The characters of a time as encoded (the tag and length of its TLV cut off). */
    private static String contents(ASN1Primitive time) {
        try {
            byte[] encoded = time.getEncoded(ASN1Encoding.BER);
            int header = (encoded[1] & 0x80) == 0 ? 2 : 2 + (encoded[1] & 0x7f);
            return new String(Arrays.copyOfRange(encoded, header, encoded.length), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The Validity SEQUENCE of the raw TBSCertificate (RFC 5280 4.1): after the optional [0] version,
     * field 4. Read lazily: the extensions after it are never parsed here.
     */
    private static Optional<ASN1Sequence> validity(X509Certificate certificate) {
        try (ASN1InputStream in = new ASN1InputStream(certificate.getTBSCertificate(), true)) {
            ASN1Sequence tbs = ASN1Sequence.getInstance(in.readObject());
            int index = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 4 : 3;
            ASN1Sequence validity = ASN1Sequence.getInstance(tbs.getObjectAt(index));
            return validity.size() == 2 ? Optional.of(validity) : Optional.empty();
        } catch (CertificateEncodingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
