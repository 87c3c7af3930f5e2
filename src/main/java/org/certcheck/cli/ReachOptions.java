package org.certcheck.cli;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SNIHostName;

import org.certcheck.input.HostList;
import org.certcheck.input.HostListEntry;
import org.certcheck.input.ResolveOverride;
import org.certcheck.net.AddressFamily;
import org.certcheck.tls.Reach;
import org.certcheck.tls.ServerNameIndication;

import picocli.CommandLine.Option;

/** Which addresses are probed and what name each probe sends: every address, -4/-6, --resolve, SNI. */
final class ReachOptions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReachOptions.class);

    @Option(names = "--all-addresses",
            description = "Check every address of each name (all A and AAAA records), one row per address, and "
                    + "warn when they serve different certificates.")
    boolean allAddresses;

    @Option(names = {"-4", "--ipv4"}, description = "Use only IPv4 addresses.")
    boolean ipv4;

    @Option(names = {"-6", "--ipv6"}, description = "Use only IPv6 addresses.")
    boolean ipv6;

    @Option(names = "--resolve", paramLabel = "NAME:PORT:ADDR",
            description = "Connect to ADDR for NAME on PORT ('*' for any port) instead of resolving NAME, still "
                    + "sending and checking NAME, like curl (repeatable). Same as NAME@ADDR:PORT in a host file.")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--sni", paramLabel = "NAME",
            description = "Send NAME as SNI to every target (the certificate is still checked against the target's "
                    + "own name; use NAME@ADDR to check a name at an address).")
    String sni;

    @Option(names = "--no-sni", description = "Send no SNI at all, to see what servers present to clients without it.")
    boolean noSni;

    /** The targets with every {@code --resolve} applied, duplicates dropped again. */
    List<HostListEntry> rewrite(List<HostListEntry> entries) {
        List<ResolveOverride> overrides = new ArrayList<>();
        for (String text : resolve) {
            try {
                overrides.add(ResolveOverride.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--resolve " + e.getMessage());
            }
        }
        ResolveOverride.unused(overrides, entries).forEach(message -> LOG.warn("{}", message));
        return overrides.isEmpty() ? entries : HostList.withoutDuplicates(ResolveOverride.apply(overrides, entries));
    }

    Reach reach() {
        if (ipv4 && ipv6) {
            throw new UsageException("-4 and -6 exclude each other: give one, or neither to use every address");
        }
        if (noSni && sni != null) {
            throw new UsageException("--sni and --no-sni exclude each other");
        }
        AddressFamily family = ipv4 ? AddressFamily.IPV4 : ipv6 ? AddressFamily.IPV6 : AddressFamily.ANY;
        return Reach.DEFAULT.withFamily(family).withSni(serverNameIndication());
    }

    private ServerNameIndication serverNameIndication() {
        if (noSni) {
            return ServerNameIndication.NONE;
        }
        if (sni == null) {
            return ServerNameIndication.AUTOMATIC;
        }
        try {
            String name = IDN.toASCII(sni.endsWith(".") ? sni.substring(0, sni.length() - 1) : sni)
                    .toLowerCase(Locale.ROOT);
            new SNIHostName(name);
            return ServerNameIndication.fixed(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sni \"" + sni + "\" is not a host name SNI can carry: " + e.getMessage());
        }
    }
}
