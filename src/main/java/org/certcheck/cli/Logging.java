package org.certcheck.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/** Sets the log level from the verbosity options; logs always go to stderr (see logback.xml). */
final class Logging {
    private Logging() {
    }

    static void configure(int verbosity, boolean debug) {
        Level level = debug || verbosity >= 2 ? Level.DEBUG : verbosity == 1 ? Level.INFO : Level.WARN;
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(level);
        }
    }
}
