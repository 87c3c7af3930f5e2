package org.certcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.files.BoundedFile;
import org.certcheck.net.FetchProxies;
import org.certcheck.net.FetchRules;
import org.certcheck.net.ProxyChoice;
import org.certcheck.revocation.HttpFetcher;
import org.certcheck.revocation.RevocationCheck;
import org.certcheck.revocation.RevocationList;
import org.certcheck.revocation.RevocationMode;

import picocli.CommandLine.Option;

/** Whether and how revocation is checked: the policy, fetch timeouts, CRLs given as files. */
final class RevocationOptions {
    enum Mode { off, soft, hard }

    /** A CRL file larger than this is not a CRL anyone meant to pass. */
    static final int MAX_CRL_FILE_BYTES = 256 << 20;

    @Option(names = "--revocation", paramLabel = "MODE", defaultValue = "soft",
            description = "Revocation checking: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "soft: revoked fails, status unknown warns; hard: unknown fails too.")
    Mode mode;

    @Option(names = "--revocation-timeout", paramLabel = "TIME", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Limit for each OCSP query and CRL download (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--revocation-deadline", paramLabel = "TIME", defaultValue = "20s",
            converter = DurationConverter.class,
            description = "Limit for each target's whole revocation check: after it no further OCSP query or CRL "
                    + "download is started for the target, and the sources left are reported as skipped "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--crl", paramLabel = "FILE",
            description = "A CRL (PEM or DER) to use before any network source, e.g. offline (repeatable).")
    List<Path> crlFiles = new ArrayList<>();

    /**
     * This run's check; reads every --crl file first, so a bad one is a usage error before any probe.
     * OCSP and CRL fetches go through the probes' proxy (with its {@code --no-proxy} exceptions), under {@code rules}.
     */
    RevocationCheck check(ProxyChoice proxies, FetchRules rules) {
        RevocationMode revocationMode = RevocationMode.valueOf(mode.name().toUpperCase(java.util.Locale.ROOT));
        List<RevocationList> crls = new ArrayList<>();
        for (Path file : crlFiles) {
            crls.add(read(file));
        }
        if (revocationMode == RevocationMode.OFF) {
            return RevocationCheck.off();
        }
        HttpFetcher fetcher = new HttpFetcher(timeout, Optional.empty(), Optional.empty(), rules);
        if (proxies.proxy().isPresent()) {
            FetchProxies selector = new FetchProxies(proxies);
            fetcher = new HttpFetcher(timeout, Optional.of(selector), selector.authenticator(), rules);
        }
        return new RevocationCheck(revocationMode, fetcher, crls, deadline);
    }

    private static RevocationList read(Path file) {
        try {
            return RevocationList.parse(BoundedFile.read(file, MAX_CRL_FILE_BYTES), file.toUri().toString());
        } catch (BoundedFile.TooLarge e) {
            throw new UsageException("--crl " + file + ": " + e.getMessage() + ", too large for a CRL file"
                    + " (read stopped there)", e);
        } catch (IOException e) {
            throw new UsageException("--crl " + file + ": cannot read it (" + BoundedFile.reason(e) + ")", e);
        } catch (CRLException e) {
            throw new UsageException("--crl " + file + ": not a CRL (expected PEM '-----BEGIN X509 CRL-----' or DER)", e);
        }
    }
}
