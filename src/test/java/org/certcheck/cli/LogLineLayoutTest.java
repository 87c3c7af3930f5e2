package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/** The hand-written layout writes what the pattern {@code certcheck: %level %msg%n} wrote. */
class LogLineLayoutTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("org.certcheck.test");

    @Test
    void aLineIsProgramLevelAndMessage() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN,
                "{}: skipped, not a regular file (a broken link?)", null, new Object[] {"certs/old.pem"});

        assertThat(layout().doLayout(event))
                .isEqualTo("certcheck: WARN certs/old.pem: skipped, not a regular file (a broken link?)"
                        + System.lineSeparator())
                .isEqualTo(pattern().doLayout(event));
    }

    @Test
    void anExceptionFollowsWithItsStackTraceAndCauses() {
        Exception thrown = new IllegalStateException("outer", new java.io.IOException("inner"));
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.DEBUG, "stack trace of the internal error",
                thrown, null);

        String line = layout().doLayout(event);

        assertThat(line).startsWith("certcheck: DEBUG stack trace of the internal error" + System.lineSeparator()
                + "java.lang.IllegalStateException: outer" + System.lineSeparator() + "\tat ")
                .contains("Caused by: java.io.IOException: inner")
                .isEqualTo(pattern().doLayout(event));
    }

    @Test
    void theStderrAppenderUsesIt() {
        LoggerContext configured = (LoggerContext) LoggerFactory.getILoggerFactory();
        var stderr = (ConsoleAppender<ILoggingEvent>) configured.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("stderr");

        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((LayoutWrappingEncoder<ILoggingEvent>) stderr.getEncoder()).getLayout())
                .isInstanceOf(LogLineLayout.class);
    }

    private LogLineLayout layout() {
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private PatternLayout pattern() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("certcheck: %level %msg%n");
        pattern.start();
        return pattern;
    }
}
