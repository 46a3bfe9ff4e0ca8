package com.auditybridge.callback;

import com.auditybridge.connection.PrivateNetworks;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a callback or subscription target may be called: http(s) only, and never an
 * address inside the bridge's own network (loopback, private, link-local, CGNAT, metadata, IPv6
 * local) unless the connection lists it among its private networks ({@link PrivateNetworks}), or
 * {@code bridge.allow-private-callbacks} lifts the guard for tests and the demo.
 */
@Singleton
public class CallbackTargets {
    private final boolean allowPrivate;
    private final HostLookup lookup;

    public CallbackTargets(@Value("${bridge.allow-private-callbacks:false}") boolean allowPrivate, HostLookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = lookup;
    }

    /** Empty when the URL may be used by a connection with these private networks; otherwise why not. */
    public Optional<String> refusal(String url, PrivateNetworks networks) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must use http or https");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (ambiguousNumeric(uri.getHost())) {
            // 0177.0.0.1 is 127.0.0.1 to some resolvers and 177.0.0.1 to Java's: never guess which one is called.
            return Optional.of("must write an IPv4 address as four decimal numbers (a.b.c.d)");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = stripBrackets(uri.getHost());
        try {
            return privateAmong(host, lookup.resolve(host), networks)
                    .map(address -> "resolves to a private or local address (" + address.getHostAddress() + ")");
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
    }

    /** The first address of a DNS answer for {@code host} that a callback with these networks may not reach. */
    static Optional<InetAddress> privateAmong(String host, List<InetAddress> answer, PrivateNetworks networks) {
        return answer.stream()
                .filter(a -> PrivateAddresses.isPrivate(a) && !networks.permits(host, a))
                .findFirst();
    }

    /** A host of numbers only (2130706433, 0x7f.1, 0177.0.0.1, 127.1) that is not a plain dotted quad. */
    static boolean ambiguousNumeric(String host) {
        String[] labels = host.split("\\.", -1);
        boolean numeric = java.util.Arrays.stream(labels).allMatch(l -> l.matches("[0-9]+|0[xX][0-9a-fA-F]*"));
        return numeric
                && !(labels.length == 4
                        && java.util.Arrays.stream(labels)
                                .allMatch(l -> l.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(l) <= 255));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
