package org.certcheck.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certcheck.input.HostFileException;
import org.certcheck.input.HostList;
import org.certcheck.input.HostListEntry;
import org.certcheck.input.Protocol;
import org.certcheck.input.Shard;
import org.certcheck.report.ShardStamp;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The host files and targets of a run, read into entries in the order given. */
final class TargetArguments {
    @Parameters(paramLabel = "HOSTFILE|TARGET", arity = "0..*",
            description = "Host files ('-' reads stdin) and targets, in any mix.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--hosts"}, paramLabel = "FILE",
            description = "A host file, even if its name looks like a host (repeatable).")
    List<Path> hostFiles = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Check only shard K of N (1 <= K <= N) of the targets: a stable hash of each target "
                    + "picks its shard, so N machines share one list; combine their JSON with 'certcheck merge'.")
    String shard;

    @Option(names = "--starttls", paramLabel = "PROTOCOL", completionCandidates = StartTlsProtocols.class,
            description = "Targets written without a scheme speak PROTOCOL before TLS and default to its port: "
                    + "smtp, imap, pop3, ftp, ldap, postgres, mysql or xmpp (a scheme such as smtp:// does the same "
                    + "for one target).")
    Protocol starttls;

    /** Set by {@link #read} when --shard is given: what the shard's JSON report records of its origin. */
    private Optional<ShardStamp> stamp = Optional.empty();

    /**
     * What names this host list for {@code --state}: the host files (absolute) and targets as given,
     * and the shard; the same command line in cron finds its previous report again.
     */
    String identity() {
        List<String> parts = new ArrayList<>();
        hostFiles.forEach(file -> parts.add("file:" + file.toAbsolutePath().normalize()));
        for (String argument : arguments) {
            parts.add(isHostFile(argument) ? "file:" + Path.of(argument).toAbsolutePath().normalize() : argument);
        }
        parts.add("shard:" + shard);
        return String.join("\n", parts);
    }

    /** Every entry of this shard, duplicates removed; a usage error when there is nothing to check. */
    List<HostListEntry> read(InputStream stdin) {
        List<HostListEntry> all = readAll(stdin);
        if (shard == null) {
            return all;
        }
        Shard slice;
        try {
            slice = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard " + e.getMessage());
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (slice.contains(all.get(i))) {
                positions.putIfAbsent(all.get(i).origin(), i);
            }
        }
        stamp = Optional.of(new ShardStamp(slice.index(), slice.count(), Shard.listIdentity(all), positions));
        return slice.select(all);
    }

    /** After {@link #read}: the shard this run checks, if --shard was given. */
    Optional<ShardStamp> stamp() {
        return stamp;
    }

    private List<HostListEntry> readAll(InputStream stdin) {
        List<HostListEntry> entries = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        try {
            for (Path file : hostFiles) {
                entries.addAll(HostList.read(file, unschemed()));
                lists.add(file.toString());
            }
            int index = 0;
            for (String argument : arguments) {
                index++;
                if (argument.equals("-")) {
                    entries.addAll(HostList.read(stdin, "stdin", unschemed()));
                    lists.add("stdin");
                } else if (isHostFile(argument)) {
                    entries.addAll(HostList.read(Path.of(argument), unschemed()));
                    lists.add(argument);
                } else if (looksLikeFile(argument)) {
                    throw new UsageException(argument + ": no such host file");
                } else {
                    entries.add(HostList.parseArgument(argument, index, unschemed()));
                }
            }
        } catch (HostFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (hostFiles.isEmpty() && arguments.isEmpty()) {
            throw new UsageException("nothing to check: give a host file or targets (see --help), or try 'certcheck demo'");
        }
        if (entries.isEmpty()) {
            // Only host lists can yield nothing: every target argument becomes an entry.
            throw new UsageException(String.join(", ", lists) + ": no targets (empty, or only blank and comment lines)");
        }
        return HostList.withoutDuplicates(entries);
    }

    private Protocol unschemed() {
        if (starttls == Protocol.TLS) {
            throw new UsageException("--starttls needs a STARTTLS protocol; TLS from the first byte is the default");
        }
        return starttls == null ? Protocol.TLS : starttls;
    }

    /**
     * A regular file is a host list whatever its name. A path-like argument that exists is one too,
     * so that a pipe ({@code <(grep -v staging hosts.txt)}) is read and a directory is reported as
     * a directory, not as a missing file.
     */
    private static boolean isHostFile(String argument) {
        if (argument.contains("://")) {
            return false;
        }
        Path path = Path.of(argument);
        return Files.isRegularFile(path) || (looksLikeFile(argument) && Files.exists(path));
    }

    /** A path-like argument that is not a file is a typo'd host file, not a host name. */
    private static boolean looksLikeFile(String argument) {
        if (argument.contains("://")) {
            return false;
        }
        return argument.contains("/") || argument.contains("\\")
                || argument.matches("(?i).*\\.(txt|list|lst|hosts|csv|conf)");
    }
}
