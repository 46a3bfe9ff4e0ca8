package com.auditybridge.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The address ranges no callback may reach: the bridge's own host and network, and cloud metadata. */
public final class PrivateAddresses {
    private PrivateAddresses() {}

    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF 192.0.0/24
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if (isMappedOrCompatibleV4(b) || isNat64(b)) {
                return isPrivateV4(java.util.Arrays.copyOfRange(b, 12, 16));
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4 2002:a.b.c.d::/48
                return isPrivateV4(java.util.Arrays.copyOfRange(b, 2, 6));
            }
        }
        return false;
    }

    private static boolean isPrivateV4(byte[] v4) {
        try {
            return isPrivate(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** The well-known NAT64 prefix 64:ff9b::/96 reaches the IPv4 address in its last four bytes. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || b[2] != (byte) 0xff || b[3] != (byte) 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d both carry an IPv4 address that must be judged as one. */
    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
