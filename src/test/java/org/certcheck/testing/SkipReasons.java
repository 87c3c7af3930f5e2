package org.certcheck.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints why each skipped test was skipped at the end of a test run (issue 17): Surefire's summary
 * says only "Skipped: 8". A test that skips for a missing tool names the package to install; one
 * skipped by {@code @Disabled} gives its reason.
 */
public final class SkipReasons implements TestExecutionListener {
    private final List<String> reasons = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        reasons.add(name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            reasons.add(name(test) + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (reasons.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n[SKIPPED] " + reasons.size() + " test(s) skipped:\n");
        reasons.forEach(reason -> text.append("[SKIPPED]   ").append(reason).append('\n'));
        // stdout is the build's console: Surefire passes a forked JVM's output lines through.
        System.out.print(text);
        System.out.flush();
    }

    private static String name(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(method -> method.getJavaClass().getSimpleName() + "." + method.getMethodName())
                .orElse(test.getDisplayName());
    }
}
