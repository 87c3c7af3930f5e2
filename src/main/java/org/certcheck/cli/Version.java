package org.certcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.certcheck.tls.TlsEngine;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar manifest (set by Maven), or "development" when run from classes, and the
 * commit it was built from ({@code git describe}, written to {@code git.properties} at build time;
 * "commit unknown" when the tree had no {@code .git}, as in a source tarball).
 */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"certcheck " + (version != null ? version : "development")
                + " (" + commit() + ", Java " + Runtime.version() + ")",
                "TLS engine: " + TlsEngine.configured().describe()};
    }

    static String commit() {
        Properties git = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource is the same as none: the version line still prints.
        }
        String describe = git.getProperty("git.commit.id.describe", "").strip();
        return describe.isEmpty() ? "commit unknown" : "commit " + describe;
    }
}
