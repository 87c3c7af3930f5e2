package org.certcheck.finding;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The reference table of every finding code, its kind and its severity under each profile, in
 * Markdown: {@code docs/findings.md} is this text, and a test fails when the two differ, so the
 * documentation cannot drift from the code.
 */
public final class FindingTable {
    private FindingTable() {
    }

    public static String markdown() {
        StringBuilder text = new StringBuilder("""
                # Finding codes

                Generated from the code (`FindingCode`, `Calibration`); do not edit by hand. Regenerate with
                `mvn -B test -Dtest=FindingTableTest -Dcertcheck.writeDocs=true`.

                Every finding has a stable code and a **kind**; its severity follows from the kind, from whose
                certificate it is about (the leaf, an intermediate, or the trust anchor you gave with `--ca`) and
                from the profile (`--profile private|webpki|strict`). One table of the rules:

                | kind | meaning | who acts | private | webpki | strict |
                |---|---|---|---|---|---|
                """);
        for (Kind kind : Kind.values()) {
            text.append("| ").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(meaning(kind)).append(" | ").append(whoActs(kind)).append(" | ");
            for (Profile profile : Profile.values()) {
                text.append(severities(Calibration.of(profile), kind)).append(" | ");
            }
            text.setLength(text.length() - 1);
            text.append('\n');
        }
        text.append("""

                A status is the worst severity of a target's findings: FAIL (exit code 1), WARN (exit code 0
                unless `--fail-on warn`), INFO never changes it, UNKNOWN (exit code 3) when it could not be
                checked. `--revocation hard` raises `revocation.unknown` and `crl.unreachable` to FAIL.
                The `crl.*` findings are about an issuing CA, reported once per run in the JSON `cas`
                section and under the table, and count in the exit code (docs/crl-health.md).

                | code | kind | private (leaf / intermediate / anchor) | webpki | strict | meaning |
                |---|---|---|---|---|---|
                """);
        for (FindingCode code : FindingCode.values()) {
            text.append("| `").append(code.code()).append("` | ").append(code.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ");
            for (Profile profile : Profile.values()) {
                text.append(perRole(Calibration.of(profile), code)).append(" | ");
            }
            text.append(code.meaning().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }

    private static String severities(Calibration calibration, Kind kind) {
        return Arrays.stream(FindingCode.values()).filter(code -> code.kind() == kind).findFirst()
                .map(code -> perRole(calibration, code)).orElse("-");
    }

    /** One severity when all roles agree, otherwise leaf / intermediate / anchor. */
    private static String perRole(Calibration calibration, FindingCode code) {
        String leaf = calibration.severity(code, Role.LEAF).name();
        String intermediate = calibration.severity(code, Role.INTERMEDIATE).name();
        String anchor = calibration.severity(code, Role.ANCHOR).name();
        if (leaf.equals(intermediate) && leaf.equals(anchor)) {
            return leaf;
        }
        return Arrays.stream(new String[] {leaf, intermediate, anchor}).collect(Collectors.joining(" / "));
    }

    private static String meaning(Kind kind) {
        return switch (kind) {
            case BREAKS -> "a conforming client refuses the connection, or security is lost";
            case LINT -> "an RFC 5280 MUST that OpenSSL, GnuTLS, the JDK and browsers do not enforce";
            case RFC_ONLY -> "an RFC 5280 MUST that the CA/Browser Forum Baseline Requirements explicitly waive";
            case BR -> "a CA/Browser Forum Baseline Requirements rule, binding for publicly trusted certificates";
            case POLICY -> "a limit you set (--crit-days, --pin, --anchor, --max-validity-days)";
            case HYGIENE -> "works today; fix it before it breaks";
            case INFO -> "a fact worth knowing";
            case UNCHECKED -> "the target could not be checked";
        };
    }

    private static String whoActs(Kind kind) {
        return switch (kind) {
            case BREAKS -> "the server owner, or the CA when its certificate is at fault";
            case LINT, RFC_ONLY -> "the CA: its issuing template";
            case BR -> "the CA, if the certificate is publicly trusted";
            case POLICY -> "whoever renews or deploys the certificate";
            case HYGIENE -> "the server owner";
            case INFO -> "nobody";
            case UNCHECKED -> "whoever runs the target, or fix the host list";
        };
    }
}
