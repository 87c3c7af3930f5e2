package org.certcheck.report;

import java.util.ArrayList;
import java.util.List;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.revocation.CertificateRevocation;

/**
 * The indented facts under a table row in details mode: where the target came from, the leaf
 * certificate, the connection, the chain as sent, the validated path, and every finding with its
 * code. Each line is {@code label: value}; a value with several entries continues on lines
 * aligned under the first. Every value is escaped with {@link Printable}.
 */
final class DetailsBlock {
    static final String INDENT = "    ";
    private static final int LABEL_WIDTH = 12;
    static final int MAX_NAMES = 100;

    private final int width;
    private final List<String> lines = new ArrayList<>();

    /** @param width the table width to wrap values to; 0 for no limit */
    private DetailsBlock(int width) {
        // Values never shrink below 20 columns: on a very narrow terminal, overflowing beats
        // splitting a DN into a column of three-letter pieces.
        this.width = width == 0 ? 0 : Math.max(20, width - INDENT.length() - LABEL_WIDTH);
    }

    static List<String> lines(Verdict verdict, int width) {
        DetailsBlock block = new DetailsBlock(width);
        block.add("origin", verdict.origin());
        verdict.leaf().ifPresent(block::addLeaf);
        verdict.connection().ifPresent(connection -> {
            block.add("protocol", connection.protocol());
            block.add("cipher", connection.cipherSuite());
            connection.posture().ifPresent(posture -> {
                block.add("key exchange", posture.keyExchangeText());
                block.add("sig family", posture.signatureFamily()
                        + (SignatureFamily.postQuantum(posture.signatureFamily()) ? " (post-quantum)" : " (classical)"));
                block.add("engine", posture.engine());
            });
            block.add("address", connection.address());
        });
        if (!verdict.chain().isEmpty()) {
            List<String> chain = new ArrayList<>();
            for (int i = 0; i < verdict.chain().size(); i++) {
                chain.add(chainEntry(verdict.chain().get(i), i));
            }
            block.add("chain", chain);
            block.add("path", verdict.path().isEmpty() ? List.of("none") : verdict.path());
        }
        if (!verdict.clients().isEmpty()) {
            block.add("clients", String.join(", ", verdict.clients().stream().map(ClientOutcome::summary).toList()));
        }
        verdict.anchor().ifPresent(anchor -> block.add("anchor", anchor));
        verdict.anchorSha256().ifPresent(sha256 -> block.add("anchor SHA-256", sha256));
        verdict.revocation().ifPresent(revocation -> block.add("revocation",
                revocation.certificates().stream().map(DetailsBlock::revocation).toList()));
        block.add("findings", verdict.findings().isEmpty() ? List.of("none")
                : verdict.findings().stream().map(DetailsBlock::finding).toList());
        return block.lines;
    }

    private void addLeaf(CertificateFacts leaf) {
        add("subject", leaf.subject());
        add("issuer", leaf.issuer());
        add("SANs", subjectAltNames(leaf.subjectAltNames()));
        add("serial", leaf.serialNumber());
        add("SHA-256", leaf.sha256Fingerprint());
        add("key", leaf.keySize() > 0 ? leaf.keyType() + " " + leaf.keySize() : leaf.keyType());
        add("signature", leaf.signatureAlgorithm());
        add("validity", UtcTime.dateTime(leaf.notBefore()) + " to " + UtcTime.dateTime(leaf.notAfter()));
    }

    /** The first {@value #MAX_NAMES} names: a certificate may carry thousands, the JSON has them all. */
    private static String subjectAltNames(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + " and " + (names.size() - MAX_NAMES)
                + " more (all of them in --output json)";
    }

    private static String chainEntry(CertificateFacts certificate, int index) {
        String issuer = certificate.issuer().equals(certificate.subject()) ? "self-signed"
                : "issued by " + certificate.issuer();
        return "#" + index + " " + certificate.subject() + "  <- " + issuer;
    }

    /** {@code CN=www: good (ocsp http://ocsp.corp/, next update 2026-11-24 12:00 UTC)}. */
    private static String revocation(CertificateRevocation certificate) {
        List<String> facts = new ArrayList<>();
        certificate.source().ifPresent(source -> facts.add(source.label()
                + certificate.url().map(url -> " " + url).orElse("")));
        certificate.revokedAt().ifPresent(at -> facts.add("revoked " + UtcTime.dateTime(at)
                + certificate.reason().map(reason -> ", " + reason).orElse("")));
        certificate.nextUpdate().ifPresent(next -> facts.add("next update " + UtcTime.dateTime(next)));
        return certificate.certificate() + ": " + certificate.status().label()
                + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")");
    }

    private static String finding(Finding finding) {
        return "[" + finding.code().code() + "] " + finding.message();
    }

    private void add(String label, String value) {
        add(label, List.of(value));
    }

    private void add(String label, List<String> values) {
        String head = INDENT + pad(label + ":");
        String continuation = INDENT + " ".repeat(LABEL_WIDTH);
        boolean first = true;
        for (String value : values) {
            for (String line : WordWrap.wrap(Printable.printable(value), width)) {
                lines.add((first ? head : continuation) + line);
                first = false;
            }
        }
    }

    private static String pad(String label) {
        return label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
    }
}
