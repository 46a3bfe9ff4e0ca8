package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.connection.PrivateNetworks;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:100.64.0.1",
                "::127.0.0.1"
            })
    void everyRefusedRangeIsPrivate(String address) throws Exception {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "100.63.255.255",
                "100.128.0.1",
                "172.32.0.1",
                "2606:2800:220:1::1",
                "::ffff:8.8.8.8"
            })
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void aTargetNamedLocalhostIsRefusedAtIntake() {
        CallbackTargets targets = new CallbackTargets(false, new HostLookup.System());

        assertThat(targets.refusal("http://localhost:8080/hook", PrivateNetworks.NONE))
                .get()
                .asString()
                .contains("private or local");
        assertThat(targets.refusal("http://[::ffff:127.0.0.1]/hook", PrivateNetworks.NONE))
                .isPresent();
    }

    @Test
    void aNameWhoseAnswerTurnsPrivateAfterIntakeIsRefusedWhenConnecting() throws Exception {
        Map<String, String> dns =
                new java.util.concurrent.ConcurrentHashMap<>(Map.of("rebind.example", "93.184.216.34"));
        HostLookup lookup = host -> List.of(InetAddress.getByName(dns.getOrDefault(host, host)));
        assertThat(new CallbackTargets(false, lookup).refusal("https://rebind.example/hook", PrivateNetworks.NONE))
                .isEmpty();

        dns.put("rebind.example", "169.254.169.254");
        Future<InetSocketAddress> connectTime =
                resolve(new GuardedResolverGroup(lookup, false, PrivateNetworks.NONE, Runnable::run), "rebind.example");

        assertThat(connectTime.cause())
                .isInstanceOf(GuardedResolverGroup.PrivateTargetException.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void theGuardIsLiftedOnlyByConfiguration() throws Exception {
        HostLookup lookup = host -> List.of(InetAddress.getByName("127.0.0.1"));

        assertThat(resolve(new GuardedResolverGroup(lookup, true, PrivateNetworks.NONE, Runnable::run), "demo.local")
                        .getNow()
                        .getAddress()
                        .getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(resolve(new GuardedResolverGroup(lookup, false, PrivateNetworks.NONE, Runnable::run), "demo.local")
                        .isSuccess())
                .isFalse();
    }

    @Test
    void aConnectionsPrivateNetworksOpenOnlyTheirOwnAddressesWhenConnecting() throws Exception {
        Map<String, String> dns = Map.of("n8n.lan", "10.8.0.5", "db.lan", "10.9.0.5");
        HostLookup lookup = host -> List.of(InetAddress.getByName(dns.getOrDefault(host, host)));
        PrivateNetworks networks = PrivateNetworks.parse("10.8.0.0/24");

        assertThat(resolve(new GuardedResolverGroup(lookup, false, networks, Runnable::run), "n8n.lan")
                        .getNow()
                        .getAddress()
                        .getHostAddress())
                .isEqualTo("10.8.0.5");
        assertThat(resolve(new GuardedResolverGroup(lookup, false, networks, Runnable::run), "db.lan")
                        .cause())
                .isInstanceOf(GuardedResolverGroup.PrivateTargetException.class)
                .hasMessageContaining("10.9.0.5");
        assertThat(new CallbackTargets(false, lookup).refusal("http://n8n.lan/hook", networks))
                .isEmpty();
        assertThat(new CallbackTargets(false, lookup).refusal("http://db.lan/hook", networks))
                .isPresent();
    }

    private static Future<InetSocketAddress> resolve(GuardedResolverGroup group, String host)
            throws InterruptedException {
        return group.getResolver(ImmediateEventExecutor.INSTANCE)
                .resolve(InetSocketAddress.createUnresolved(host, 443))
                .await();
    }
}
