package org.certcheck.finding;

/**
 * Every finding certcheck can report. The codes are a public interface: scripts match on them in
 * the JSON output, so they never change meaning once released.
 */
public enum FindingCode {
    INPUT_MALFORMED("input.malformed", Kind.UNCHECKED, "a host-list line or argument is not a usable target"),
    INTERNAL_ERROR("internal.error", Kind.UNCHECKED, "certcheck failed on this target because of a bug (exit code 4)"),

    PROBE_DNS("probe.dns", Kind.UNCHECKED, "the host name could not be resolved"),
    PROBE_REFUSED("probe.refused", Kind.UNCHECKED, "nothing listens on the port (connection refused)"),
    PROBE_UNREACHABLE("probe.unreachable", Kind.UNCHECKED, "no route to the host or network"),
    PROBE_CONNECT_TIMEOUT("probe.connect-timeout", Kind.UNCHECKED, "the TCP connection was not accepted in time"),
    PROBE_HANDSHAKE_TIMEOUT("probe.handshake-timeout", Kind.UNCHECKED, "TCP connected but the TLS handshake did not finish in time"),
    PROBE_NOT_TLS("probe.not-tls", Kind.UNCHECKED, "the port answered with something that is not TLS (plain HTTP?)"),
    PROBE_TLS_ALERT("probe.tls-alert", Kind.UNCHECKED, "the server ended the handshake with a TLS alert before sending a certificate"),
    PROBE_CLOSED("probe.closed", Kind.UNCHECKED, "the server closed the connection before sending a certificate"),
    PROBE_RESET("probe.reset", Kind.UNCHECKED, "the connection was reset before a certificate was sent"),
    PROBE_IO_ERROR("probe.io-error", Kind.UNCHECKED, "another network error before a certificate was sent"),

    // Issue 8 (hostile servers): what a server that sends too much or sends broken TLS gets.
    PROBE_LIMIT_EXCEEDED("probe.limit-exceeded", Kind.UNCHECKED, "the server sent more than certcheck reads: over 10 certificates,"
            + " a handshake message over --max-handshake-message (256 KiB), or over 1 MiB in all"),
    PROBE_BAD_CERTIFICATE("probe.bad-certificate", Kind.UNCHECKED, "the server sent an empty certificate list or a certificate that"
            + " does not parse"),
    PROBE_PROTOCOL_ERROR("probe.protocol-error", Kind.UNCHECKED, "the server sent malformed TLS records or messages"),

    TLS_HANDSHAKE_FAILED("tls.handshake-failed", Kind.HYGIENE, "the handshake failed after the certificate was received"),

    CHAIN_UNTRUSTED("chain.untrusted", Kind.BREAKS, "the chain ends at a CA that is not trusted"),
    CHAIN_SELF_SIGNED("chain.self-signed", Kind.BREAKS, "the leaf is self-signed and not itself trusted"),
    CHAIN_INCOMPLETE("chain.incomplete", Kind.BREAKS, "the server did not send an intermediate needed to reach a trusted CA"),
    CHAIN_BAD_SIGNATURE("chain.bad-signature", Kind.BREAKS, "a certificate's signature does not verify with its issuer's key"),
    CHAIN_NOT_CA("chain.not-ca", Kind.BREAKS, "an issuing certificate lacks basicConstraints CA:TRUE"),
    CHAIN_PATH_LENGTH("chain.path-length", Kind.BREAKS, "a CA's pathLenConstraint is exceeded"),
    CHAIN_CA_KEY_USAGE("chain.ca-key-usage", Kind.BREAKS, "an issuing CA's keyUsage lacks keyCertSign"),
    CHAIN_NAME_CONSTRAINTS("chain.name-constraints", Kind.BREAKS, "a name violates a CA's name constraints"),
    CERT_UNKNOWN_CRITICAL_EXTENSION("cert.unknown-critical-extension", Kind.BREAKS, "a certificate has a critical extension certcheck does not understand"),

    CERT_EXPIRED("cert.expired", Kind.BREAKS, "a certificate on the path has expired"),
    CERT_NOT_YET_VALID("cert.not-yet-valid", Kind.BREAKS, "a certificate on the path is not valid yet"),
    CERT_EXPIRES_SOON("cert.expires-soon", Kind.HYGIENE, "a certificate on the path expires within --warn-days (a warning)"),
    CERT_EXPIRES_VERY_SOON("cert.expires-very-soon", Kind.POLICY, "a certificate on the path expires within --crit-days (a failure)"),

    HOST_MISMATCH("host.mismatch", Kind.BREAKS, "the certificate is not valid for the name or address checked"),
    HOST_NO_SAN("host.no-san", Kind.BREAKS, "the certificate has no subjectAltName (the CN is never used)"),

    CERT_PURPOSE("cert.purpose", Kind.BREAKS, "the leaf's extendedKeyUsage does not allow TLS server authentication"),

    // Revocation (issue #3): see org.certcheck.revocation.
    REVOCATION_REVOKED("revocation.revoked", Kind.BREAKS, "a certificate on the path is revoked (a failure in every mode but --revocation off)"),
    REVOCATION_UNKNOWN("revocation.unknown", Kind.HYGIENE, "no source gave a verified, current revocation status (a warning, a failure with --revocation hard)"),
    REVOCATION_NO_INFO("revocation.no-info", Kind.INFO, "a certificate publishes no revocation information certcheck can fetch (informational)"),
    REVOCATION_MUST_STAPLE("revocation.must-staple-missing", Kind.BREAKS, "the leaf requires OCSP stapling (TLS Feature) and the server stapled no usable response"),
    REVOCATION_SOURCE_FAILED("revocation.source-failed", Kind.INFO, "a revocation source failed and a later one answered (informational)"),

    // Issue #4: certificate policy, chain diagnosis, trust extras.
    CERT_WEAK_SIGNATURE("cert.weak-signature", Kind.BREAKS, "a certificate on the path is signed with MD5 or SHA-1"),
    CERT_WEAK_KEY("cert.weak-key", Kind.BREAKS, "a key on the path is too small (RSA < 2048, EC < 256 bits) or DSA"),
    CERT_UNSUPPORTED_ALGORITHM("cert.unsupported-algorithm", Kind.BREAKS, "a key or signature algorithm certcheck does not accept"),
    CERT_KEY_USAGE("cert.key-usage", Kind.BREAKS, "the leaf's keyUsage does not fit its key or TLS server use"),
    CERT_LEAF_IS_CA("cert.leaf-is-ca", Kind.BREAKS, "the server certificate is a CA certificate (CA:TRUE or keyCertSign)"),
    CERT_KEY_IDENTIFIER("cert.key-identifier", Kind.LINT, "authorityKeyIdentifier or subjectKeyIdentifier missing or wrong (RFC 5280 4.2.1.1-2)"),
    CERT_SERIAL_NUMBER("cert.serial-number", Kind.LINT, "the serial number is zero, negative or longer than 20 octets"),
    CERT_MALFORMED_EXTENSION("cert.malformed-extension", Kind.LINT, "an extension breaks its RFC 5280 syntax or criticality rule"),
    CERT_VALIDITY_TOO_LONG("cert.validity-too-long", Kind.POLICY, "the leaf's validity period is longer than --max-validity-days"),
    CHAIN_CA_PURPOSE("chain.ca-purpose", Kind.BREAKS, "a CA on the path has an extendedKeyUsage without serverAuth"),
    HOST_CN_NOT_IN_SAN("host.cn-not-in-san", Kind.BR, "the subject CN is a host name or address that no subjectAltName lists"),
    CHAIN_OUT_OF_ORDER("chain.out-of-order", Kind.HYGIENE, "the server sent its chain in the wrong order (a warning)"),
    CHAIN_ROOT_SENT("chain.root-sent", Kind.INFO, "the server sent the root CA certificate, which is not needed (information)"),
    CHAIN_DUPLICATE("chain.duplicate", Kind.HYGIENE, "the server sent a certificate more than once (a warning)"),
    CHAIN_UNUSED("chain.unused", Kind.HYGIENE, "the server sent a certificate that is not on the validated path (a warning)"),
    CHAIN_UNUSED_EXPIRED("chain.unused-expired", Kind.HYGIENE, "the server sent an expired certificate that is not on the path (a warning)"),
    CHAIN_PIN_MISMATCH("chain.pin-mismatch", Kind.POLICY, "no certificate of the chain matches the --pin given for the target"),
    CHAIN_WRONG_ANCHOR("chain.wrong-anchor", Kind.POLICY, "the chain does not end at the root required by --anchor"),
    TLS_LEGACY_PROTOCOL("tls.legacy-protocol", Kind.BREAKS, "the server negotiated TLS 1.0, TLS 1.1 or SSL 3"),
    TLS_WEAK_CIPHER("tls.weak-cipher", Kind.BREAKS, "the server negotiated an obsolete cipher suite (RC4, DES/3DES, NULL, EXPORT, anonymous)"),

    // issue #6: reaching every endpoint (STARTTLS, every address, proxies, client certificates)
    PROBE_STARTTLS("probe.starttls", Kind.UNCHECKED, "the server refused STARTTLS or answered something other than its protocol"),
    PROBE_PROXY("probe.proxy", Kind.UNCHECKED, "the HTTP proxy could not be reached, or refused or failed the CONNECT"),
    HOST_ADDRESSES_DIFFER("host.addresses-differ", Kind.HYGIENE, "the addresses of one name serve different certificates"),
    TLS_CLIENT_CERT_REQUIRED("tls.client-cert-required", Kind.INFO,
            "the server requires a client certificate and none was sent (its own certificate was still checked)"),
    TLS_CLIENT_CERT_REQUESTED("tls.client-cert-requested", Kind.INFO,
            "the server asks for an optional client certificate"),
    // Issue #4, local inventory (certcheck inventory): files that could not be checked.
    FILE_UNREADABLE("file.unreadable", Kind.UNCHECKED, "a file or directory could not be read (permissions, a broken link, too large, not a regular file)"),
    FILE_WRONG_PASSWORD("file.wrong-password", Kind.UNCHECKED, "a keystore that none of the passwords given (nor none, empty, changeit) opens"),
    FILE_MALFORMED("file.malformed", Kind.UNCHECKED, "a file that should hold certificates holds none that can be read (garbage, truncated, empty)"),
    FILE_WALK_LIMIT("file.walk-limit", Kind.UNCHECKED, "part of a directory tree was not searched: --max-depth or --max-files reached"),

    // Issue 13: calibrated verdicts and the RFC 5280 gaps.
    CHAIN_KEY_IDENTIFIER_MISMATCH("chain.key-identifier-mismatch", Kind.BREAKS, "a certificate's"
            + " authorityKeyIdentifier names another key or serial than its issuer's, so OpenSSL and GnuTLS cannot"
            + " build the chain"),
    CERT_BASELINE_REQUIREMENTS("cert.baseline-requirements", Kind.BR, "a certificate breaks a CA/Browser Forum"
            + " Baseline Requirements rule (information in a private PKI, a failure under --profile webpki)"),
    CERT_NAME_CONSTRAINTS_NOT_CRITICAL("cert.name-constraints-not-critical", Kind.RFC_ONLY, "a CA's nameConstraints"
            + " is not critical: RFC 5280 4.2.1.10 requires it, CA/B Forum BR 7.1.2.10.8 allows it for legacy clients"),
    CERT_WILDCARD_SHARED_SUFFIX("cert.wildcard-shared-suffix", Kind.INFO, "a wildcard stands directly over a"
            + " shared namespace of the Public Suffix List's private section, which only its owner may hold"),
    PROFILE_NOTE("profile.note", Kind.INFO, "which profile judged a chain that ends at a publicly trusted root"),
    // Issue #13 item 3 (branch policy-tree): RFC 5280 6.1 policy processing and DER validity times.
    CHAIN_POLICY("chain.policy", Kind.BREAKS,
            "certificate policy processing (RFC 5280 6.1) fails: a required policy is missing, a policy extension is malformed, or a mapping is forbidden"),
    CERT_MALFORMED_TIME("cert.malformed-time", Kind.BREAKS,
            "a validity time is not DER (UTCTime without seconds or Z, GeneralizedTime with fractional seconds or no Z): OpenSSL rejects it"),
    CERT_TIME_ENCODING("cert.time-encoding", Kind.LINT,
            "a validity time before 2050 encoded as GeneralizedTime, where RFC 5280 4.1.2.5 requires UTCTime (clients accept it)"),

    // Issue 14 item 2 (hostile servers): a certificate is public; only a handshake signature proves its owner.
    TLS_KEY_NOT_PROVEN("tls.key-not-proven", Kind.BREAKS, "the server sent a certificate but the handshake ended before it"
            + " proved it holds the private key (no verified CertificateVerify or ServerKeyExchange signature, no Finished)"),

    // Issue 14 item 4: a staple that is no OCSP response is a finding about the staple, not an unchecked target.
    REVOCATION_BAD_STAPLE("revocation.bad-staple", Kind.HYGIENE, "the server stapled bytes that are not a readable OCSP"
            + " response (clients ignore or reject it; the certificate is still judged)"),

    // Issue 13 item 4 (TLS level): what clients refuse in the key exchange and the chain's size.
    TLS_LARGE_CHAIN("tls.large-chain", Kind.HYGIENE, "the certificate chain is larger than Java clients (32 KiB) or"
            + " OpenSSL clients (100 KiB) accept by default"),
    TLS_DH_TOO_SMALL("tls.dh-too-small", Kind.BREAKS, "the server's DHE group is under 1024 bits: OpenSSL, curl and Java refuse it"),
    TLS_DH_SMALL("tls.dh-small", Kind.HYGIENE, "the server's DHE group is under 2048 bits (RFC 7919 groups start at 2048)"),
    TLS_UNUSUAL_CURVE("tls.unusual-curve", Kind.HYGIENE, "the server's ECDHE group is none of P-256, P-384, P-521, X25519, X448"),

    // Issue 16 item 3: change detection between runs (--baseline, --state).
    DRIFT_RENEWED("drift.renewed", Kind.INFO, "the target serves another certificate than in the baseline run"),
    DRIFT_ISSUER_CHANGED("drift.issuer-changed", Kind.HYGIENE,
            "the leaf's issuer or an intermediate changed since the baseline run"),
    DRIFT_ANCHOR_CHANGED("drift.anchor-changed", Kind.HYGIENE, "the path ends at another trust anchor than in the baseline run"),
    DRIFT_KEY_REUSED("drift.key-reused", Kind.INFO, "a renewed certificate kept the previous certificate's key"),
    DRIFT_KEY_CHANGED("drift.key-changed", Kind.INFO, "the key type or size changed across a renewal"),
    DRIFT_NAMES_LOST("drift.names-lost", Kind.HYGIENE, "names of the previous certificate's SAN are missing from the new one"),
    DRIFT_USAGE_LOST("drift.usage-lost", Kind.HYGIENE, "an extended key usage or key usage of the previous certificate is missing"),
    DRIFT_LIFETIME_CHANGED("drift.lifetime-changed", Kind.INFO, "the renewed certificate has another lifetime"),
    DRIFT_EXPIRY_EARLIER("drift.expiry-earlier", Kind.HYGIENE, "the certificate now expires earlier than the one before"),
    DRIFT_UNREACHABLE("drift.unreachable", Kind.INFO, "the target served a certificate in the baseline run and not now"),
    DRIFT_NEW("drift.new", Kind.INFO, "the target was not in the baseline run"),
    // Issue 16 item 4: renewed on disk but not served (--files).
    DRIFT_NOT_DEPLOYED("drift.not-deployed", Kind.HYGIENE,
            "a newer certificate for the target's names is on disk (--files) than the one it serves"),

    // Issue 15 item 3: client compatibility (--clients).
    CLIENTS_CANNOT_CONNECT("clients.cannot-connect", Kind.HYGIENE,
            "a client named in --clients would refuse the connection (the reason and the rule are in the message)"),

    // Issue 16 item 6: CRL health per issuing CA, judged once per run (the JSON "cas" section).
    CRL_STALE("crl.stale", Kind.BREAKS,
            "a CA's CRL is past its nextUpdate: every hard-failing client rejects every certificate of the CA"),
    CRL_STALE_SOON("crl.stale-soon", Kind.HYGIENE,
            "a CA's CRL goes stale within a day, or within a quarter of its own validity"),
    CRL_UNREACHABLE("crl.unreachable", Kind.HYGIENE,
            "a CA's CRL could not be downloaded (fails under --revocation hard)"),
    CRL_BAD_SIGNATURE("crl.bad-signature", Kind.BREAKS,
            "a CA's CRL does not verify with the CA's key"),
    CRL_WRONG_ISSUER("crl.wrong-issuer", Kind.BREAKS,
            "the CRL at a CA's distribution point is issued by another name, or the CA may not sign CRLs"),
    CRL_UNUSABLE("crl.unusable", Kind.BREAKS,
            "a CA's CRL is not a CRL, not a conforming complete v2 CRL, or dated in the future"),

    // Issue 15 item 2: key exchange posture.
    TLS_NO_POST_QUANTUM("tls.no-post-quantum", Kind.INFO,
            "offered X25519MLKEM768 first, the server chose a classical key exchange (--require-post-quantum fails it)"),
    ;

    private final String code;
    private final Kind kind;
    private final String meaning;

    FindingCode(String code, Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    /** What the finding means for who must act; with the role and profile it decides the severity. */
    public Kind kind() {
        return kind;
    }

    /** The stable code, e.g. {@code cert.expired}. */
    public String code() {
        return code;
    }

    /** One line for documentation and {@code --help}. */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code;
    }
}
