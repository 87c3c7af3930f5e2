package org.certcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"certcheck " + (version != null ? version : "development")
                + " (Java " + Runtime.version() + ")"};
    }
}
