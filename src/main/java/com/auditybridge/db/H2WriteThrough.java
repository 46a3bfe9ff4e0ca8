package com.auditybridge.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every H2 database the bridge opens writes each commit through before acknowledging it ({@code WRITE_DELAY=0}),
 * whatever URL the operator gave: H2's default keeps up to half a second of committed transactions in memory, and a
 * killed process loses them (a recorded conversion intent among them would let a restarted bridge convert, and
 * charge, twice). The URL is fixed when the data source's configuration is built, before the pool opens a connection;
 * a URL that asks for another delay gets 0 instead.
 */
@Singleton
public class H2WriteThrough implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(H2WriteThrough.class);
    private static final Pattern WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getJdbcUrl();
        String durable = writeThrough(url);
        if (!durable.equals(url)) {
            LOG.info(
                    "datasource {}: an H2 URL runs with WRITE_DELAY=0 here, so that no acknowledged commit is lost",
                    configuration.getName());
            configuration.setJdbcUrl(durable);
        }
        return configuration;
    }

    /** The URL with {@code ;WRITE_DELAY=0} when it is an H2 URL that lacks it; any other URL as it is. */
    static String writeThrough(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return url;
        }
        Matcher delays = WRITE_DELAY.matcher(url);
        int count = 0;
        boolean zero = true;
        while (delays.find()) {
            count++;
            zero &= delays.group(1).trim().equals("0");
        }
        if (count == 1 && zero) {
            return url;
        }
        return WRITE_DELAY.matcher(url).replaceAll("") + ";WRITE_DELAY=0";
    }
}
