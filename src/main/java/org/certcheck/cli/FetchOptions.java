package org.certcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certcheck.net.ByteBudget;
import org.certcheck.net.FetchAllow;
import org.certcheck.net.FetchPolicy;
import org.certcheck.net.FetchRules;
import org.certcheck.net.Resolver;
import org.certcheck.trust.FetchTrust;
import org.certcheck.validate.TrustAnchors;

import picocli.CommandLine.Option;

/** Where a certificate may send certcheck (OCSP, CRL and caIssuers URLs): the fetch policy and its allow list. */
final class FetchOptions {
    @Option(names = "--fetch-policy", paramLabel = "POLICY", defaultValue = "intranet",
            converter = LevelConverter.class,
            description = "Which addresses a certificate's OCSP, CRL and caIssuers URLs may lead to, judged on the "
                    + "address really connected to: intranet (default: all but this machine's own, link-local "
                    + "and cloud metadata addresses, so corporate servers on private addresses work and "
                    + "169.254.169.254 is never asked), public (public addresses only), any, or none (only "
                    + "--fetch-allow).")
    FetchPolicy.Level level;

    @Option(names = "--fetch-allow", paramLabel = "HOST[:PORT]|CIDR",
            description = "Fetch from this host, address or network whatever the policy (repeatable), e.g. "
                    + "ocsp.corp, 127.0.0.1:8080, 10.0.0.0/8.")
    List<String> allow = new ArrayList<>();

    /** The run's rules: this policy, {@code resolver} for http:// hosts, https:// trusting the JVM's CAs and {@code anchors}. */
    FetchRules rules(Resolver resolver, TrustAnchors anchors) {
        List<FetchAllow> entries = new ArrayList<>();
        for (String text : allow) {
            try {
                entries.add(FetchAllow.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fetch-allow " + e.getMessage());
            }
        }
        return new FetchRules(new FetchPolicy(level, entries), resolver, new FetchTrust(anchors.certificates()),
                ByteBudget.forHeap(Runtime.getRuntime().maxMemory()));
    }

    /** The policy names as the option spells them: {@code intranet}, {@code public}, {@code any}, {@code none}. */
    static final class LevelConverter implements picocli.CommandLine.ITypeConverter<FetchPolicy.Level> {
        @Override
        public FetchPolicy.Level convert(String value) {
            for (FetchPolicy.Level level : FetchPolicy.Level.values()) {
                if (level.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
                    return level;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("\"" + value
                    + "\" is not a fetch policy: give intranet, public, any or none");
        }
    }
}
