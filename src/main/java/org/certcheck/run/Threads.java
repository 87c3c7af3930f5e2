package org.certcheck.run;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An executor for probes: one virtual thread per task on JVMs that have them (21+), a fixed pool
 * of platform threads on Java 17. Either way the caller bounds concurrency.
 */
final class Threads {
    private Threads() {
    }

    static ExecutorService forProbes(int concurrency) {
        try {
            Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) virtual.invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newFixedThreadPool(concurrency, runnable -> {
                Thread thread = new Thread(runnable, "certcheck-probe");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    static boolean virtualThreadsAvailable() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
