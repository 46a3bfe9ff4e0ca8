package com.auditybridge.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * {@code %msg} with credentials in URL queries masked: a framework logger at DEBUG writes request URIs, and the
 * URL of Audity's webhooks carries a token ({@code ?token=}). logback.xml uses this for text; the JSON encoder masks
 * the same values with {@link #QUERY_SECRET} through its own decorator.
 */
public class MaskedMessageConverter extends MessageConverter {
    /** The value of a {@code token}, {@code key} or {@code signature} query parameter. */
    public static final String QUERY_SECRET = "(?<=[?&](token|key|signature)=)[^&\\s\"'#]+";

    private static final Pattern SECRET = Pattern.compile(QUERY_SECRET, Pattern.CASE_INSENSITIVE);

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        return message == null || message.indexOf('=') < 0
                ? message
                : SECRET.matcher(message).replaceAll("****");
    }
}
