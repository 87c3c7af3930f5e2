package org.certcheck.cli;

import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * SLF4J's binding to logback as {@code Main} sets it up ({@code -Dslf4j.provider}): logback's own
 * context, configured at once by {@link StderrLogging}, without logback's auto-configuration (its
 * version checks, configurator search and status messages) or SLF4J's search of the class path for
 * providers: about 50 ms of every start. Code that does not start through {@code Main} (tests,
 * embedders) gets logback's usual provider, which finds the same {@link StderrLogging}.
 */
public final class LoggingProvider implements SLF4JServiceProvider {
    private LoggerContext context;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public void initialize() {
        LoggerContext logback = new LoggerContext();
        logback.setName("default");
        new StderrLogging().configure(logback);
        logback.start();
        LogbackMDCAdapter adapter = new LogbackMDCAdapter();
        logback.setMDCAdapter(adapter);
        context = logback;
        markers = new BasicMarkerFactory();
        mdc = adapter;
    }

    @Override
    public org.slf4j.ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
