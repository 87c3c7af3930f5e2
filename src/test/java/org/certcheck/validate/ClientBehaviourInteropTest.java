package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certcheck.testing.ExternalTool;
import org.certcheck.testing.MisencodedTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What real clients say about each chain of {@link InteropChains}: the measured table that justifies
 * the kind of a finding code ({@code breaks} when a client rejects the chain, {@code lint} when
 * both accept it).
 *
 * <p>Commands, on PEM files in a temporary directory (root, intermediate, leaf, and leaf plus
 * intermediate as the chain a server sends):
 * <pre>
 * openssl verify -purpose sslserver -verify_hostname web.corp.test -CAfile root.pem -untrusted int.pem leaf.pem
 * openssl verify -policy 2.5.29.32.0 ... (the same, with RFC 5280 policy processing on and
 *                user-initial-policy-set = anyPolicy, as RFC 5280 6.1.1(c) suggests)
 * certtool --verify --load-ca-certificate root.pem --infile chain.pem --verify-hostname web.corp.test
 *          --verify-purpose 1.3.6.1.5.5.7.3.1
 * </pre>
 * Plain {@code openssl verify} does no policy processing at all (X509_V_FLAG_POLICY_CHECK is off
 * by default); {@code -policy_check} without {@code -policy} runs it with an empty
 * user-initial-policy-set and so rejects every chain with requireExplicitPolicy. GnuTLS does not
 * process policies either: it refuses any certificate with a critical policyConstraints,
 * policyMappings or inhibitAnyPolicy as an unknown critical extension. Measured with OpenSSL 3.0.19
 * and GnuTLS 3.7.9 (Debian 12).
 */
class ClientBehaviourInteropTest {
    private static final String ACCEPT = "accept";

    /** One row: the chain's name, then each client's verdict: {@code accept} or a fragment of its error. */
    record Row(String chain, String openssl, String opensslPolicy, String gnutls) {
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("good", ACCEPT, ACCEPT, ACCEPT),
                new Row("basicConstraints-noncritical", ACCEPT, ACCEPT, ACCEPT),
                new Row("aki-keyid-mismatch", "unable to get local issuer certificate",
                        "unable to get local issuer certificate", "The certificate issuer is unknown"),
                new Row("leaf-any-eku-only", "unsuitable certificate purpose", "unsuitable certificate purpose", ACCEPT),
                new Row("nc-excluded-empty-dns", "excluded subtree violation", "excluded subtree violation",
                        "violates the signer's constraints"),
                new Row("nc-permitted-empty-dns", ACCEPT, ACCEPT, ACCEPT),
                new Row("san-trailing-dot", "hostname mismatch", "hostname mismatch",
                        "does not match the expected"),
                new Row("policy-required-none-asserted", ACCEPT, "no explicit policy", "unknown critical extension"),
                new Row("policy-required-disjoint", ACCEPT, "no explicit policy", "unknown critical extension"),
                new Row("policy-required-met", ACCEPT, ACCEPT, "unknown critical extension"),
                new Row("policy-inhibit-any-leaf-any", ACCEPT, "no explicit policy", "unknown critical extension"),
                new Row("policy-mapping-to-any", ACCEPT, "invalid or inconsistent certificate policy extension",
                        "unknown critical extension"),
                new Row("policy-mapped-met", ACCEPT, ACCEPT, "unknown critical extension"),
                // inhibitPolicyMapping applies to the certificates after the one that carries it (RFC 5280 6.1.4 (b), (i)).
                new Row("policy-inhibit-mapping-same-cert", ACCEPT, ACCEPT, "unknown critical extension"),
                new Row("time-utc-without-seconds", "format error in certificate's notBefore field",
                        "format error in certificate's notBefore field", ACCEPT),
                new Row("time-utc-without-z", "format error in certificate's notBefore field",
                        "format error in certificate's notBefore field", "The DER time encoding is invalid"),
                new Row("time-utc-offset", "format error in certificate's notBefore field",
                        "format error in certificate's notBefore field", "The DER time encoding is invalid"),
                new Row("time-generalized-fraction", "format error in certificate's notBefore field",
                        "format error in certificate's notBefore field", "Error in the time fields of certificate"),
                new Row("time-generalized-before-2050", ACCEPT, ACCEPT, ACCEPT));
    }

    @TempDir
    static Path dir;
    private static Map<String, InteropChains.Chain> chains;

    @BeforeAll
    static void mintChains() {
        chains = new InteropChains(Instant.now()).all().stream()
                .collect(Collectors.toMap(InteropChains.Chain::name, Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void clientsSayWhatTheTableSays(Row row) throws Exception {
        ExternalTool openssl = ExternalTool.require("openssl", "openssl");
        ExternalTool certtool = ExternalTool.require("certtool", "gnutls-bin");
        InteropChains.Chain chain = chains.get(row.chain());
        assertThat(chain).as("a chain named " + row.chain()).isNotNull();
        Path files = write(chain);
        String root = files.resolve("root.pem").toString();
        String intermediate = files.resolve("int.pem").toString();
        String leaf = files.resolve("leaf.pem").toString();

        assertThat(verdict(openssl.run("", 30, "verify", "-purpose", "sslserver", "-verify_hostname",
                InteropChains.HOST, "-CAfile", root, "-untrusted", intermediate, leaf), row.openssl()))
                .as("openssl verify on " + row.chain()).isEqualTo(row.openssl());
        assertThat(verdict(openssl.run("", 30, "verify", "-policy", InteropChains.ANY_POLICY, "-purpose", "sslserver",
                "-verify_hostname", InteropChains.HOST, "-CAfile", root, "-untrusted", intermediate, leaf),
                row.opensslPolicy()))
                .as("openssl verify -policy anyPolicy on " + row.chain()).isEqualTo(row.opensslPolicy());
        assertThat(verdict(certtool.run("", 30, "--verify", "--load-ca-certificate", root, "--infile",
                files.resolve("chain.pem").toString(), "--verify-hostname", InteropChains.HOST,
                "--verify-purpose", "1.3.6.1.5.5.7.3.1"), row.gnutls()))
                .as("certtool --verify on " + row.chain()).isEqualTo(row.gnutls());
    }

    /** Every chain has a row, so a chain added without measuring it fails here. */
    @org.junit.jupiter.api.Test
    void everyChainIsInTheTable() {
        assertThat(table().map(Row::chain)).containsExactlyInAnyOrderElementsOf(chains.keySet());
    }

    /**
     * {@code accept} for exit 0; else the expected fragment when the output holds it, or the whole
     * output, so a mismatch shows what the tool really said.
     */
    private static String verdict(ExternalTool.Outcome outcome, String expected) {
        String said = (outcome.out() + outcome.err()).replaceAll("\\s+", " ");
        if (outcome.exitCode() == 0) {
            return ACCEPT;
        }
        return !expected.equals(ACCEPT) && said.contains(expected) ? expected : "rejected (exit "
                + outcome.exitCode() + "): " + said;
    }

    private static Path write(InteropChains.Chain chain) throws IOException {
        Path files = Files.createDirectories(dir.resolve(chain.name()));
        Files.writeString(files.resolve("root.pem"), MisencodedTimes.pem(chain.root()));
        Files.writeString(files.resolve("int.pem"), MisencodedTimes.pem(chain.intermediate()));
        Files.writeString(files.resolve("leaf.pem"), MisencodedTimes.pem(chain.leaf()));
        Files.writeString(files.resolve("chain.pem"),
                MisencodedTimes.pem(chain.leaf()) + MisencodedTimes.pem(chain.intermediate()));
        return files;
    }
}
