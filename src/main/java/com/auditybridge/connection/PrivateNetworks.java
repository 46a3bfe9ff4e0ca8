package com.auditybridge.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The private networks a connection's callbacks and subscriptions may reach although the SSRF guard refuses
 * private addresses (docs/api.md, Callbacks): CIDR blocks ({@code 10.1.2.0/24}, {@code fd00:1::/64}, or one address)
 * and host names ({@code n8n.internal}). An address inside a listed block is allowed whatever name led to it; a
 * listed name may resolve to any private address except a link-local one (cloud metadata lives there, and a name's
 * answer can change), which only a block that contains it opens. Empty: the guard as it is.
 *
 * @param entries as given, normalised to lower case, in order, without duplicates
 */
public record PrivateNetworks(List<String> entries) {
    public static final PrivateNetworks NONE = new PrivateNetworks(List.of());
    public static final int MAX_ENTRIES = 16;
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public PrivateNetworks {
        entries = entries.stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** A comma-separated list as configured or stored; blank or null is none. Invalid entries are an error. */
    public static PrivateNetworks parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        List<String> entries = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .toList();
        for (String entry : entries) {
            problem(entry).ifPresent(why -> {
                throw new IllegalArgumentException("private network '" + entry + "' " + why);
            });
        }
        return new PrivateNetworks(entries);
    }

    /** Why an entry is neither a CIDR block nor a host name, if it is not. */
    public static Optional<String> problem(String entry) {
        String e = entry == null ? "" : entry.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.length() > 253) {
            return Optional.of("must be 1 to 253 characters");
        }
        if (e.contains("/") || IPV4.matcher(e).matches() || IPV6.matcher(e).matches()) {
            return Block.parse(e).isPresent()
                    ? Optional.empty()
                    : Optional.of("is not a CIDR block (a.b.c.d/n or an IPv6 prefix) or an address");
        }
        boolean name =
                Arrays.stream(e.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches()) && !e.matches("[0-9.]+");
        return name ? Optional.empty() : Optional.of("is not a host name or a CIDR block");
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** As stored and configured: the entries joined by commas; null when there are none. */
    public String joined() {
        return entries.isEmpty() ? null : String.join(",", entries);
    }

    /** Whether a callback to {@code host} may reach {@code address} (a private one: public ones need no list). */
    public boolean permits(String host, InetAddress address) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (String entry : entries) {
            Optional<Block> block = Block.parse(entry);
            if (block.isPresent()
                    ? block.get().contains(address)
                    : entry.equals(name) && !address.isLinkLocalAddress()) {
                return true;
            }
        }
        return false;
    }

    /** An address and a prefix length; a bare address is a block of one. */
    private record Block(byte[] network, int prefix) {
        static Optional<Block> parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
                return Optional.empty();
            }
            if (IPV4.matcher(address).matches()
                    && Arrays.stream(address.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                // A literal: no name lookup happens.
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
            int max = bytes.length * 8;
            int prefix = max;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(length) > max) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(length);
            }
            return Optional.of(new Block(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Entries kept for the error list of a request: each with why it is refused. */
    public static List<String> problems(List<String> entries) {
        List<String> out = new ArrayList<>();
        if (entries.size() > MAX_ENTRIES) {
            out.add("must list at most " + MAX_ENTRIES + " networks");
        }
        for (String entry : entries) {
            problem(entry).ifPresent(why -> out.add("'" + entry + "' " + why));
        }
        return out;
    }
}
