package org.participe.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a sign-in limit counts as one client: an IPv4 address, an IPv6 /64. */
class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientNetwork.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64CountTogether() {
        assertThat(ClientNetwork.of("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(ClientNetwork.of("2001:0db8:0001:0002:ffff:ffff:ffff:fffe"));
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
    }

    @Test
    void somethingElseIsUnknownAndNeverLookedUp() {
        assertThat(ClientNetwork.of(null)).isEqualTo(ClientNetwork.UNKNOWN);
        assertThat(ClientNetwork.of("  ")).isEqualTo(ClientNetwork.UNKNOWN);
        assertThat(ClientNetwork.of("not:an:address:at:all")).isEqualTo(ClientNetwork.UNKNOWN);
    }
}
