package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.certcheck.pki.HeldCertificate;
import org.junit.jupiter.api.Test;

class CommonNameCheckTest {
    /** Found by ValidatorFuzzTest in CI: Bouncy Castle throws when it decodes such a CN. */
    @Test
    void commonNameThatIsNotValidUtf8NamesNoHostAndDoesNotThrow() throws Exception {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, ASN1Primitive.fromByteArray(new byte[] {0x0c, 0x02, (byte) 0xc3, 0x28}));
        X509Certificate leaf = HeldCertificate.builder(Instant.now()).rawSubject(subject.build())
                .addSubjectAltName("www.example.com").build().certificate();

        assertThat(CommonNameCheck.check(leaf)).isEmpty();
    }
}
