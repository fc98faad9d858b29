package org.kiban.certificate.internal.pdf;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J. By default it logs through java.util.logging with its own console
 * handler, outside the application's logging configuration, and at INFO for every font it loads; here its
 * INFO becomes DEBUG, its WARNING and SEVERE stay WARN and ERROR.
 */
final class Slf4jXRLogger implements XRLogger {

    private static volatile boolean installed;

    /** Installs the bridge for the whole JVM (openhtmltopdf has one logger, a static); idempotent. */
    static void install() {
        if (!installed) {
            synchronized (Slf4jXRLogger.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new Slf4jXRLogger());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are the application's logging configuration's business.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
