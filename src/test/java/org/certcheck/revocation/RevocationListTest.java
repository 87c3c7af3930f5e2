package org.certcheck.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.junit.jupiter.api.Test;

/** A CRL kept as its compact serial index (issue 14 item 10) still answers like the CRL. */
class RevocationListTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void everyListedSerialIsFoundWithItsTimeAndReasonAndNoOtherIs() throws Exception {
        HeldCertificate ca = HeldCertificate.builder(NOW).commonName("CA").certificateAuthority(0).build();
        CrlBuilder builder = CrlBuilder.issuedBy(ca, NOW);
        for (int i = 5000; i > 0; i--) {
            builder.revoke(BigInteger.valueOf(i * 7L), NOW.minus(Duration.ofMinutes(i)), i % 2 == 0 ? 1 : 4);
        }
        RevocationList crl = RevocationList.parse(builder.build(), "http://crl.test/big.crl");

        assertThat(crl.size()).isEqualTo(5000);
        assertThat(crl.entry(BigInteger.valueOf(7 * 1234))).contains(new RevocationList.Entry(
                NOW.minus(Duration.ofMinutes(1234)), 1));
        assertThat(crl.entry(BigInteger.valueOf(7 * 4999))).get().extracting(RevocationList.Entry::reason).isEqualTo(4);
        assertThat(crl.entry(BigInteger.valueOf(7 * 1234 + 1))).isEmpty();
        assertThat(crl.signedBy(ca.certificate())).isTrue();
        assertThat(crl.issuer()).isEqualTo(ca.certificate().getSubjectX500Principal());
    }
}
