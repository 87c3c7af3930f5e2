package org.certcheck.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;

/**
 * A stapled OCSP response that is not one (RFC 6960 section 4.2.1 OCSPResponse, with a
 * BasicOCSPResponse inside when successful): {@code revocation.bad-staple}, a warning about the
 * staple. The certificate is judged as if nothing had been stapled, so a Must-Staple leaf then
 * fails for want of a usable staple (see the revocation check). Whether a readable response is
 * current, signed and about this certificate is the revocation check's business, not this one's.
 */
final class StapleCheck {
    private StapleCheck() {
    }

    static List<Finding> check(Handshake handshake) {
        List<Finding> findings = new ArrayList<>();
        handshake.unreadableStaple().ifPresent(why -> findings.add(badStaple(why
                + "; the certificate was read from a second handshake that asked for no staple")));
        for (byte[] der : handshake.stapledOcsp()) {
            String problem = problem(der);
            if (problem != null) {
                findings.add(badStaple("the server stapled " + der.length + " bytes that are not an OCSP response ("
                        + problem + ")"));
            }
        }
        return findings;
    }

    private static Finding badStaple(String what) {
        return Finding.of(FindingCode.REVOCATION_BAD_STAPLE, what + ": clients ignore or refuse such a staple;"
                + " check where the server gets its OCSP responses (nginx ssl_stapling_file, Apache"
                + " SSLStaplingCache, a proxy in front of the responder)");
    }

    /** Why {@code der} is not a readable OCSP response, or null when it is one. */
    private static String problem(byte[] der) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() == OCSPResp.SUCCESSFUL) {
                response.getResponseObject();
            }
            return null;
        } catch (IOException | OCSPException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
