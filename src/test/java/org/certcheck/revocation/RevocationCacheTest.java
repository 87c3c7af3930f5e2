package org.certcheck.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certcheck.pki.HeldCertificate;
import org.junit.jupiter.api.Test;

/** One run fetches each CRL once, however many certificates and threads need it. */
class RevocationCacheTest {

    @Test
    void fiftyLeavesUnderOneCaCheckedAtOnceCauseOneCrlDownload() throws Exception {
        try (RevocationFixture pki = new RevocationFixture()) {
            List<HeldCertificate> leaves = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                leaves.add(pki.leafWithOcsp("host" + i + ".test")
                        .crlDistributionPoint(pki.crlServer.url(RevocationFixture.ISSUING_CRL)).build());
            }
            RevocationCheck check = RevocationFixture.check(RevocationMode.SOFT);
            ExecutorService threads = Executors.newFixedThreadPool(50);
            List<Future<PathRevocation>> pending = new ArrayList<>();
            try {
                for (HeldCertificate leaf : leaves) {
                    pending.add(threads.submit(() -> pki.revocation(check, leaf)));
                }
                for (Future<PathRevocation> result : pending) {
                    assertThat(result.get().status()).isEqualTo(RevocationStatus.GOOD);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(pki.crlServer.requests(RevocationFixture.ISSUING_CRL)).isEqualTo(1);
            assertThat(pki.crlServer.requests(RevocationFixture.ROOT_CRL)).as("the intermediate's CRL").isEqualTo(1);
            assertThat(pki.responder.requests()).isLessThanOrEqualTo(CertificateLookup.OCSP_QUERIES_BEFORE_CRL);
        }
    }

    @Test
    void aFewLeavesAreAskedByOcspAndEachOnlyOnce() throws Exception {
        try (RevocationFixture pki = new RevocationFixture()) {
            HeldCertificate leaf = pki.leafWithOcsp("good.test")
                    .crlDistributionPoint(pki.crlServer.url(RevocationFixture.ISSUING_CRL)).build();
            RevocationCheck check = RevocationFixture.check(RevocationMode.SOFT);

            PathRevocation first = pki.revocation(check, leaf);
            PathRevocation again = pki.revocation(check, leaf);

            assertThat(first.leaf().source()).contains(RevocationSource.OCSP);
            assertThat(again.leaf().status()).isEqualTo(RevocationStatus.GOOD);
            assertThat(pki.responder.requests()).as("one OCSP query per certificate per run").isEqualTo(1);
            assertThat(pki.crlServer.requests(RevocationFixture.ISSUING_CRL)).isZero();
        }
    }
}
