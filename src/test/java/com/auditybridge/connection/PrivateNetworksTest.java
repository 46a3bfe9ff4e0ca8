package com.auditybridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateNetworksTest {

    @Test
    void anAddressInsideAListedBlockIsPermittedWhateverTheName() throws Exception {
        PrivateNetworks networks = PrivateNetworks.parse("10.8.0.0/16, fd00:1::/32");

        assertThat(networks.permits("n8n.lan", InetAddress.getByName("10.8.3.4")))
                .isTrue();
        assertThat(networks.permits("other.lan", InetAddress.getByName("fd00:1:0:0::7")))
                .isTrue();
        assertThat(networks.permits("n8n.lan", InetAddress.getByName("10.9.0.1")))
                .isFalse();
        assertThat(networks.permits("n8n.lan", InetAddress.getByName("fd00:2::7")))
                .isFalse();
    }

    @Test
    void aSingleAddressIsABlockOfOne() throws Exception {
        PrivateNetworks networks = PrivateNetworks.parse("127.0.0.1");

        assertThat(networks.permits("localhost", InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(networks.permits("localhost", InetAddress.getByName("127.0.0.2")))
                .isFalse();
    }

    @Test
    void aListedNameReachesItsPrivateAddressesButNeverALinkLocalOne() throws Exception {
        PrivateNetworks networks = PrivateNetworks.parse("N8N.Internal");

        assertThat(networks.permits("n8n.internal", InetAddress.getByName("192.168.5.5")))
                .isTrue();
        assertThat(networks.permits("other.internal", InetAddress.getByName("192.168.5.5")))
                .isFalse();
        assertThat(networks.permits("n8n.internal", InetAddress.getByName("169.254.169.254")))
                .isFalse();
        assertThat(PrivateNetworks.parse("169.254.169.254/32")
                        .permits("n8n.internal", InetAddress.getByName("169.254.169.254")))
                .isTrue();
    }

    @Test
    void noneIsWhatABlankSettingMeans() {
        assertThat(PrivateNetworks.parse(" ")).isEqualTo(PrivateNetworks.NONE);
        assertThat(PrivateNetworks.parse(null).joined()).isNull();
        assertThat(PrivateNetworks.parse("10.0.0.0/8,n8n.lan,10.0.0.0/8").joined())
                .isEqualTo("10.0.0.0/8,n8n.lan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.256", "10.0.0", "fd00::/129", "-bad-.lan", "a b", "10.0.0.0/08"})
    void anEntryThatIsNeitherABlockNorANameIsRefused(String entry) {
        assertThat(PrivateNetworks.problem(entry)).isPresent();
        assertThatThrownBy(() -> PrivateNetworks.parse(entry)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        List<String> many = java.util.stream.IntStream.range(0, PrivateNetworks.MAX_ENTRIES + 1)
                .mapToObj(i -> "10.0." + i + ".0/24")
                .toList();

        assertThat(PrivateNetworks.problems(many)).containsExactly("must list at most 16 networks");
        assertThat(PrivateNetworks.problems(many.subList(0, 16))).isEmpty();
    }
}
