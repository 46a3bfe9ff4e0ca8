package com.auditybridge.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the service while attached, the bridge's own loggers turned up to DEBUG: message,
 * MDC and stack trace, as text a test can search.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger bridge = (Logger) LoggerFactory.getLogger("com.auditybridge");
    private Level bridgeLevel;

    void attach() {
        setContext(root.getLoggerContext());
        start();
        bridgeLevel = bridge.getLevel();
        bridge.setLevel(Level.DEBUG);
        root.addAppender(this);
    }

    void detach() {
        root.detachAppender(this);
        bridge.setLevel(bridgeLevel);
        stop();
    }

    List<String> lines() {
        return lines;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + " "
                + event.getMDCPropertyMap() + " " + thrown);
    }
}
