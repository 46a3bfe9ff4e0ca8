package com.auditybridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service's own logback.xml, in both formats, never writes a credential that a request URI carries. */
class LogMaskingTest {
    private static final String TOKEN = "awh_SecretWebhookToken0123456789abcdefghijklmno";

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aRequestUriWithAWebhookTokenOrKeyIsLoggedMasked(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_FORMAT", format);
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);

        LoggingEvent event = new LoggingEvent(
                getClass().getName(),
                context.getLogger("io.micronaut.http.server"),
                Level.DEBUG,
                "Request POST /v1/hooks/audity?token={}&x=1 and /v1/hooks/audity?key=demo-key-secret",
                null,
                new Object[] {TOKEN});
        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .contains("/v1/hooks/audity?token=****")
                .contains("&x=1")
                .contains("?key=****")
                .doesNotContain(TOKEN)
                .doesNotContain("demo-key-secret");
        context.stop();
    }
}
