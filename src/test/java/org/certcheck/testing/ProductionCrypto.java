package org.certcheck.testing;

import org.certcheck.crypto.CurveProvider;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM the security providers the command line runs with: {@code Main.main} puts
 * {@link CurveProvider} first, and tests drive the CLI in-process through {@code Main.commandLine},
 * which does not. Registered in {@code META-INF/services}, so it runs before any test.
 */
public final class ProductionCrypto implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CurveProvider.preferForThisProcess();
    }
}
