package org.certcheck.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate and its key pair, built with safe defaults and one knob per property, so the demo
 * and the tests can mint a whole PKI, including certificates that are wrong on purpose.
 *
 * <p>Defaults: an EC P-256 key, SHA256withECDSA, valid from one hour before until 90 days after the
 * builder's clock, subject and issuer derived from the common name, no extensions beyond what is
 * asked for. Nothing here installs a security provider: Bouncy Castle's builders run on the JDK's
 * own providers.
 */
public record HeldCertificate(X509Certificate certificate, KeyPair keyPair) {

    public HeldCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyPair, "keyPair");
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** PEM text of the certificate, for writing CA files in tests and the demo. */
    public String certificatePem() {
        return Pem.encode(certificate);
    }

    public static Builder builder(Instant now) {
        return new Builder(now);
    }

    /** id-pe-tlsfeature (RFC 7633 section 6). */
    public static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
    /** The TLS extension number of status_request (RFC 6066 section 8). */
    public static final int STATUS_REQUEST = 5;

    /** Builds one certificate; every method sets one property and returns this builder. */
    public static final class Builder {
        private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffL);
        private static final SecureRandom RANDOM = new SecureRandom();

        private final Instant now;
        private String commonName = "certcheck test";
        private String organization;
        private boolean emptySubject;
        private X500Name rawSubject;
        private boolean withoutCommonName;
        private Instant notBefore;
        private Instant notAfter;
        private final List<GeneralName> subjectAltNames = new ArrayList<>();
        private boolean criticalSubjectAltNames;
        private byte[] rawSubjectAltNames;
        private Integer pathLength;
        private boolean ca;
        private boolean basicConstraints = true;
        private boolean keyIdentifiers = true;
        private String caIssuersUrl;
        private Integer keyUsage;
        private final List<KeyPurposeId> extendedKeyUsages = new ArrayList<>();
        private final List<GeneralSubtree> permitted = new ArrayList<>();
        private final List<GeneralSubtree> excluded = new ArrayList<>();
        private byte[] rawNameConstraints;
        private final List<ASN1ObjectIdentifier> unknownCriticalExtensions = new ArrayList<>();
        private final List<AccessDescription> authorityInformationAccess = new ArrayList<>();
        private final List<String> crlDistributionPoints = new ArrayList<>();
        private boolean mustStaple;
        private boolean nonCriticalBasicConstraints;
        private boolean serverAuthByDefault = true;
        private byte[] authorityKeyId;
        private final List<ASN1ObjectIdentifier> certificatePolicies = new ArrayList<>();
        private final List<ASN1ObjectIdentifier[]> policyMappings = new ArrayList<>();
        private Integer requireExplicitPolicy;
        private Integer inhibitPolicyMapping;
        private Integer inhibitAnyPolicy;
        private HeldCertificate issuer;
        private KeyPair keyPair;
        private String keyAlgorithm = "EC";
        private int keySize = 256;
        private String signatureAlgorithm;
        private BigInteger serial;
        private final List<Extension> overrides = new ArrayList<>();
        private boolean version1;

        private Builder(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
        }

        public Builder commonName(String cn) {
            this.commonName = Objects.requireNonNull(cn, "cn");
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** An empty subject DN, as some leaf profiles use with a critical SAN. */
        public Builder emptySubject() {
            this.emptySubject = true;
            return this;
        }

        /**
         * The subject exactly as given, replacing CN and organization: for names no Java string can
         * express, such as a UTF8String CN whose bytes are not UTF-8.
         */
        public Builder rawSubject(X500Name subject) {
            this.rawSubject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /** A subject without a CN (only the organization, if set), as a CN-less leaf profile has. */
        public Builder withoutCommonName() {
            this.withoutCommonName = true;
            return this;
        }

        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** Valid from {@code from} (relative to now, may be negative) for {@code length}. */
        public Builder validFor(Duration from, Duration length) {
            this.notBefore = now.plus(from);
            this.notAfter = notBefore.plus(length);
            return this;
        }

        public Builder expiresIn(Duration fromNow) {
            this.notAfter = now.plus(fromNow);
            if (notBefore == null || !notBefore.isBefore(notAfter)) {
                notBefore = notAfter.minus(Duration.ofDays(90));
            }
            return this;
        }

        public Builder addSubjectAltName(String dnsName) {
            subjectAltNames.add(new GeneralName(GeneralName.dNSName, dnsName));
            return this;
        }

        /**
         * A dNSName holding the UTF-8 bytes of {@code text}, non-ASCII included, as a careless CA
         * might issue it although RFC 5280 makes a dNSName an IA5String. {@link
         * #addSubjectAltName} cannot make one: Bouncy Castle would keep only the low byte of each
         * character (U+212A KELVIN SIGN would become {@code *}).
         */
        public Builder addNonAsciiSubjectAltName(String text) {
            subjectAltNames.add(new GeneralName(GeneralName.dNSName,
                    new org.bouncycastle.asn1.DEROctetString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return this;
        }

        /**
         * Writes {@code encodedValue} verbatim as the subjectAltName extension's value, replacing
         * any names added, to make a certificate whose extension cannot be parsed.
         */
        public Builder rawSubjectAltNameExtension(byte[] encodedValue) {
            this.rawSubjectAltNames = encodedValue.clone();
            return this;
        }

        public Builder addIpAddress(String ipLiteral) {
            subjectAltNames.add(new GeneralName(GeneralName.iPAddress, ipLiteral));
            return this;
        }

        public Builder addEmail(String email) {
            subjectAltNames.add(new GeneralName(GeneralName.rfc822Name, email));
            return this;
        }

        public Builder criticalSubjectAltNames() {
            this.criticalSubjectAltNames = true;
            return this;
        }

        /** Makes a CA: basicConstraints CA:TRUE and keyUsage keyCertSign + cRLSign by default. */
        public Builder certificateAuthority(int maxIntermediates) {
            this.ca = true;
            this.pathLength = maxIntermediates < 0 ? null : maxIntermediates;
            return this;
        }

        /** Leaves subjectKeyIdentifier and authorityKeyIdentifier out (RFC 5280 requires them). */
        public Builder withoutKeyIdentifiers() {
            this.keyIdentifiers = false;
            return this;
        }

        /** An authorityInfoAccess caIssuers URL where the issuer's certificate can be fetched (RFC 5280 4.2.2.1). */
        public Builder caIssuersUrl(String url) {
            this.caIssuersUrl = url;
            return this;
        }

        /** Leaves basicConstraints out entirely (an "intermediate" that is not a CA). */
        public Builder withoutBasicConstraints() {
            this.basicConstraints = false;
            return this;
        }

        /**
         * Puts this extension in as given, replacing the one the other knobs would write: for the
         * defects no knob makes (a non-critical basicConstraints, a wrong authorityKeyIdentifier).
         */
        public Builder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            overrides.add(new Extension(oid, critical, encoded(value)));
            return this;
        }

        /** An X.509 version 1 certificate: no extensions at all (old roots are made this way). */
        public Builder version1() {
            this.version1 = true;
            return this;
        }

        private static byte[] encoded(ASN1Encodable value) {
            try {
                return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot encode extension value: " + e, e);
            }
        }

        /** Sets keyUsage bits ({@link KeyUsage} constants ORed together). */
        public Builder keyUsage(int bits) {
            this.keyUsage = bits;
            return this;
        }

        /**
         * The leaf's extendedKeyUsage. A leaf given none gets serverAuth, as every server certificate
         * a real CA issues does; {@link #withoutExtendedKeyUsage()} leaves the extension out.
         */
        public Builder extendedKeyUsage(KeyPurposeId... purposes) {
            extendedKeyUsages.addAll(List.of(purposes));
            return this;
        }

        /** A leaf without the extendedKeyUsage extension (RFC 5280 makes it optional). */
        public Builder withoutExtendedKeyUsage() {
            this.serverAuthByDefault = false;
            return this;
        }

        public Builder permitDnsSubtree(String dnsName) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dnsName)));
            return this;
        }

        public Builder excludeDnsSubtree(String dnsName) {
            excluded.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dnsName)));
            return this;
        }

        /** An IP subtree as address/prefix, e.g. {@code 10.0.0.0/8}. */
        public Builder permitIpSubtree(String cidr) {
            permitted.add(new GeneralSubtree(ipSubtree(cidr)));
            return this;
        }

        public Builder excludeIpSubtree(String cidr) {
            excluded.add(new GeneralSubtree(ipSubtree(cidr)));
            return this;
        }

        /**
         * Writes {@code encodedValue} verbatim as a critical nameConstraints extension's value,
         * replacing any subtrees added, to make a CA whose constraints are malformed.
         */
        public Builder rawNameConstraintsExtension(byte[] encodedValue) {
            this.rawNameConstraints = encodedValue.clone();
            return this;
        }

        public Builder addUnknownCriticalExtension(String oid) {
            unknownCriticalExtensions.add(new ASN1ObjectIdentifier(oid));
            return this;
        }

        /** An id-ad-ocsp entry in authorityInfoAccess (RFC 5280 section 4.2.2.1): where to ask OCSP. */
        public Builder ocspResponder(String url) {
            authorityInformationAccess.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, url)));
            return this;
        }

        /** An id-ad-caIssuers entry in authorityInfoAccess: where the issuer's certificate is published. */
        public Builder caIssuers(String url) {
            authorityInformationAccess.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, url)));
            return this;
        }

        /**
         * A distribution point with this full name URI in cRLDistributionPoints (RFC 5280 section
         * 4.2.1.13), e.g. {@code http://pki.corp/issuing.crl} or an {@code ldap://} URL.
         */
        public Builder crlDistributionPoint(String url) {
            crlDistributionPoints.add(url);
            return this;
        }

        /** The TLS Feature extension with status_request (RFC 7633), "OCSP Must-Staple". */
        public Builder mustStaple() {
            this.mustStaple = true;
            return this;
        }

        /**
         * basicConstraints marked non-critical, as {@code openssl req -x509} with
         * {@code basicConstraints=CA:true} makes it (RFC 5280 4.2.1.9 wants it critical in a CA).
         */
        public Builder nonCriticalBasicConstraints() {
            this.nonCriticalBasicConstraints = true;
            return this;
        }

        /** The authorityKeyIdentifier's keyIdentifier exactly as given, instead of the issuer key's (RFC 5280 4.2.1.1). */
        public Builder authorityKeyIdentifier(byte[] keyIdentifier) {
            this.authorityKeyId = keyIdentifier.clone();
            return this;
        }

        /**
         * A policy OID in certificatePolicies (RFC 5280 4.2.1.4), without qualifiers;
         * {@code 2.5.29.32.0} is anyPolicy.
         */
        public Builder addCertificatePolicy(String oid) {
            certificatePolicies.add(new ASN1ObjectIdentifier(oid));
            return this;
        }

        /** One pair in a critical policyMappings extension (RFC 5280 4.2.1.5). */
        public Builder addPolicyMapping(String issuerDomainPolicy, String subjectDomainPolicy) {
            policyMappings.add(new ASN1ObjectIdentifier[] {
                    new ASN1ObjectIdentifier(issuerDomainPolicy), new ASN1ObjectIdentifier(subjectDomainPolicy)});
            return this;
        }

        /**
         * A critical policyConstraints extension (RFC 5280 4.2.1.11); a null skip count leaves that
         * field out.
         */
        public Builder policyConstraints(Integer requireExplicitPolicy, Integer inhibitPolicyMapping) {
            this.requireExplicitPolicy = requireExplicitPolicy;
            this.inhibitPolicyMapping = inhibitPolicyMapping;
            return this;
        }

        /** A critical inhibitAnyPolicy extension with this skip count (RFC 5280 4.2.1.14). */
        public Builder inhibitAnyPolicy(int skipCerts) {
            this.inhibitAnyPolicy = skipCerts;
            return this;
        }

        /**
         * An extension whose value is written verbatim, to make one that is malformed or marked
         * critical where it should not be; like {@link #extension}, it replaces one the other knobs write.
         */
        public Builder addRawExtension(String oid, boolean critical, byte[] encodedValue) {
            overrides.add(new Extension(new ASN1ObjectIdentifier(oid), critical, encodedValue.clone()));
            return this;
        }

        /** Signed by this issuer; without it the certificate is self-signed. */
        public Builder signedBy(HeldCertificate issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder keyPair(KeyPair keyPair) {
            this.keyPair = keyPair;
            return this;
        }

        public Builder rsa(int bits) {
            this.keyAlgorithm = "RSA";
            this.keySize = bits;
            return this;
        }

        public Builder ec(int bits) {
            this.keyAlgorithm = "EC";
            this.keySize = bits;
            return this;
        }

        /** A JCA signature name such as SHA1withRSA; defaults to one matching the issuer key. */
        public Builder signatureAlgorithm(String name) {
            this.signatureAlgorithm = name;
            return this;
        }

        public Builder serialNumber(BigInteger serial) {
            this.serial = serial;
            return this;
        }

        public HeldCertificate build() {
            try {
                KeyPair subjectKeys = keyPair != null ? keyPair : generateKeyPair();
                KeyPair signingKeys = issuer != null ? issuer.keyPair() : subjectKeys;
                X500Name subject = subjectName();
                X500Name issuerName = issuer != null
                        ? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded())
                        : subject;
                Instant from = notBefore != null ? notBefore : now.minus(Duration.ofHours(1));
                Instant until = notAfter != null ? notAfter : now.plus(Duration.ofDays(90));
                BigInteger serialNumber = serial != null ? serial
                        : BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(32)
                                .or(BigInteger.valueOf(RANDOM.nextInt() & 0x7fffffffL));

                if (version1) {
                    String v1Algorithm = signatureAlgorithm != null ? signatureAlgorithm
                            : defaultSignatureAlgorithm(signingKeys);
                    X509Certificate v1 = new JcaX509CertificateConverter().getCertificate(
                            new org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder(issuerName, serialNumber,
                                    Date.from(from), Date.from(until), subject, subjectKeys.getPublic())
                                    .build(new JcaContentSignerBuilder(v1Algorithm).build(signingKeys.getPrivate())));
                    return new HeldCertificate(v1, subjectKeys);
                }
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuerName, serialNumber, Date.from(from), Date.from(until), subject,
                        subjectKeys.getPublic());
                addExtensions(builder, subjectKeys, signingKeys);

                String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                        : defaultSignatureAlgorithm(signingKeys);
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder(algorithm).build(signingKeys.getPrivate())));
                return new HeldCertificate(certificate, subjectKeys);
            } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
                throw new IllegalStateException("cannot build certificate for " + commonName + ": " + e, e);
            }
        }

        private X500Name subjectName() {
            if (rawSubject != null) {
                return rawSubject;
            }
            if (emptySubject) {
                return new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
            }
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            if (organization != null) {
                name.addRDN(BCStyle.O, organization);
            }
            if (!withoutCommonName) {
                name.addRDN(BCStyle.CN, commonName);
            }
            return name.build();
        }

        private void addExtensions(X509v3CertificateBuilder builder, KeyPair subjectKeys, KeyPair signingKeys)
                throws GeneralSecurityException, CertIOException {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            if (keyIdentifiers) {
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId != null
                        ? new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(authorityKeyId)
                        : utils.createAuthorityKeyIdentifier(signingKeys.getPublic()));
            }
            if (caIssuersUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509
                        .AuthorityInformationAccess(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
            }
            if (basicConstraints) {
                BasicConstraints constraints = !ca ? new BasicConstraints(false)
                        : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
                builder.addExtension(Extension.basicConstraints, !nonCriticalBasicConstraints, constraints);
            }
            Integer usage = keyUsage != null ? keyUsage
                    : ca ? Integer.valueOf(KeyUsage.keyCertSign | KeyUsage.cRLSign) : null;
            if (usage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            }
            List<KeyPurposeId> purposes = !extendedKeyUsages.isEmpty() ? extendedKeyUsages
                    : !ca && serverAuthByDefault
                            ? List.of(KeyPurposeId.id_kp_serverAuth) : List.of();
            if (!purposes.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
            }
            if (rawSubjectAltNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, criticalSubjectAltNames, rawSubjectAltNames);
            } else if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, criticalSubjectAltNames,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
            if (rawNameConstraints != null) {
                builder.addExtension(Extension.nameConstraints, true, rawNameConstraints);
            } else if (!permitted.isEmpty() || !excluded.isEmpty()) {
                builder.addExtension(Extension.nameConstraints, true, new NameConstraints(
                        permitted.isEmpty() ? null : permitted.toArray(GeneralSubtree[]::new),
                        excluded.isEmpty() ? null : excluded.toArray(GeneralSubtree[]::new)));
            }
            if (!authorityInformationAccess.isEmpty()) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        authorityInformationAccess.toArray(AccessDescription[]::new)));
            }
            if (!crlDistributionPoints.isEmpty()) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                        crlDistributionPoints.stream().map(url -> new DistributionPoint(new DistributionPointName(
                                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url))),
                                null, null)).toArray(DistributionPoint[]::new)));
            }
            if (mustStaple) {
                // TLSFeature ::= SEQUENCE OF INTEGER; 5 is status_request (RFC 7633 section 6).
                builder.addExtension(TLS_FEATURE, false, new DERSequence(new ASN1Integer(STATUS_REQUEST)));
            }
            for (ASN1ObjectIdentifier oid : unknownCriticalExtensions) {
                builder.addExtension(oid, true, new DERUTF8String("certcheck test extension"));
            }
            addPolicyExtensions(builder);
            for (Extension override : overrides) {
                if (builder.hasExtension(override.getExtnId())) {
                    builder.replaceExtension(override);
                } else {
                    builder.addExtension(override);
                }
            }
        }

        private void addPolicyExtensions(X509v3CertificateBuilder builder) throws CertIOException {
            if (!certificatePolicies.isEmpty()) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                        certificatePolicies.stream().map(PolicyInformation::new).toArray(PolicyInformation[]::new)));
            }
            if (!policyMappings.isEmpty()) {
                ASN1EncodableVector mappings = new ASN1EncodableVector();
                for (ASN1ObjectIdentifier[] pair : policyMappings) {
                    mappings.add(new DERSequence(pair));
                }
                builder.addExtension(Extension.policyMappings, true, new DERSequence(mappings));
            }
            if (requireExplicitPolicy != null || inhibitPolicyMapping != null) {
                ASN1EncodableVector fields = new ASN1EncodableVector();
                if (requireExplicitPolicy != null) {
                    fields.add(new DERTaggedObject(false, 0, new ASN1Integer(requireExplicitPolicy)));
                }
                if (inhibitPolicyMapping != null) {
                    fields.add(new DERTaggedObject(false, 1, new ASN1Integer(inhibitPolicyMapping)));
                }
                builder.addExtension(Extension.policyConstraints, true, new DERSequence(fields));
            }
            if (inhibitAnyPolicy != null) {
                builder.addExtension(Extension.inhibitAnyPolicy, true, new ASN1Integer(inhibitAnyPolicy));
            }
        }

        private KeyPair generateKeyPair() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec(keySize == 384 ? "secp384r1" : "secp256r1"));
            } else {
                generator.initialize(keySize);
            }
            return generator.generateKeyPair();
        }

        private static String defaultSignatureAlgorithm(KeyPair signer) {
            return signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        }

        private static GeneralName ipSubtree(String cidr) {
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("expected address/prefix, got " + cidr);
            }
            try {
                byte[] address = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int prefix = Integer.parseInt(cidr.substring(slash + 1));
                byte[] encoded = new byte[address.length * 2];
                System.arraycopy(address, 0, encoded, 0, address.length);
                for (int bit = 0; bit < prefix; bit++) {
                    encoded[address.length + bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
                return new GeneralName(GeneralName.iPAddress, new org.bouncycastle.asn1.DEROctetString(encoded));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an IP literal: " + cidr, e);
            }
        }
    }
}
