package org.certcheck.revocation;

import java.util.List;
import java.util.Optional;

/** The names of RFC 5280 section 5.3.1 CRLReason codes, as OCSP (RFC 6960) uses them too. */
final class Reasons {
    private static final List<String> NAMES = List.of("unspecified", "keyCompromise", "cACompromise",
            "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "unused(7)",
            "removeFromCRL", "privilegeWithdrawn", "aACompromise");

    /** {@code certificateHold}: the certificate is suspended, and may be released later. */
    static final int CERTIFICATE_HOLD = 6;
    /** Only in delta CRLs: the entry was released from hold. */
    static final int REMOVE_FROM_CRL = 8;

    private Reasons() {
    }

    static Optional<String> name(int code) {
        if (code < 0) {
            return Optional.empty();
        }
        return Optional.of(code < NAMES.size() ? NAMES.get(code) : "reason " + code);
    }
}
