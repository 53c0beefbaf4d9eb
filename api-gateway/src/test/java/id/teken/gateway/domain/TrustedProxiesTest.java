package id.teken.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    final TrustedProxies lb = TrustedProxies.of(List.of("10.0.0.0/24", "2001:db8::/32", "192.0.2.7"));

    @Test
    void withoutTrustedProxies_thePeerIsTheCaller_whateverTheHeaderSays() {
        assertThat(TrustedProxies.none().caller("198.51.100.9", List.of("6.6.6.6"))).isEqualTo("198.51.100.9");
    }

    @Test
    void anUntrustedPeer_cannotNameAnotherCaller() {
        assertThat(lb.caller("198.51.100.9", List.of("6.6.6.6"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedPeer_namesTheCaller_theRightmostUntrustedHop() {
        assertThat(lb.caller("10.0.0.5", List.of("203.0.113.4"))).isEqualTo("203.0.113.4");
        // the caller put 6.6.6.6 in front itself; the balancer appended what it saw
        assertThat(lb.caller("10.0.0.5", List.of("6.6.6.6, 203.0.113.4"))).isEqualTo("203.0.113.4");
        // two trusted hops, in two header lines
        assertThat(lb.caller("10.0.0.5", List.of("6.6.6.6, 203.0.113.4", "192.0.2.7"))).isEqualTo("203.0.113.4");
        assertThat(lb.caller("2001:db8::1", List.of("[2001:db8:ffff::9]:4711, 203.0.113.4:51000"))).isEqualTo("203.0.113.4");
    }

    @Test
    void garbageInTheHeader_endsAtTheProxyThatPassedItOn() {
        assertThat(lb.caller("10.0.0.5", List.of("evil.example"))).isEqualTo("10.0.0.5");
        assertThat(lb.caller("10.0.0.5", List.of("203.0.113.4, not-an-ip", "192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(lb.caller("10.0.0.5", List.of(""))).isEqualTo("10.0.0.5");
        assertThat(lb.caller("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void onlyTrustedHops_theLeftmostIsTheCaller() {
        assertThat(lb.caller("10.0.0.5", List.of("10.0.0.9, 192.0.2.7"))).isEqualTo("10.0.0.9");
    }

    @Test
    void hostNamesAndMalformedRanges_areRefused() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("lb.ponorogo.go.id"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("::1/129"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.of(List.of(" ", "")).isEmpty()).isTrue();
    }

    @Test
    void rangesMatchByPrefix() {
        TrustedProxies p = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(p.caller("172.31.255.1", List.of("203.0.113.4"))).isEqualTo("203.0.113.4");
        assertThat(p.caller("172.32.0.1", List.of("203.0.113.4"))).isEqualTo("172.32.0.1");
    }
}
