package org.certcheck.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One log line as {@code certcheck: LEVEL message}, then the stack trace of an attached exception
 * (what the pattern {@code certcheck: %level %msg%n} gives). Written out because logback's pattern
 * machinery (parser, compiler, some seventy converters) cost a tenth of a one-host run's start-up.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128).append("certcheck: ").append(event.getLevel())
                .append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
