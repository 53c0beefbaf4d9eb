package id.teken.gateway;

import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new Route("/api/v1/auth", "http://a", Optional.empty(), 10),
            new Route("/api/v1/me", "http://a", Optional.of("ASN"), 10),
            new Route("/api/v1/me/special", "http://b", Optional.of("ADMIN"), 10)));

    @Test
    void longestPrefixWins_andPrefixesMatchWholeSegments() {
        assertThat(table.match("/api/v1/me")).hasValueSatisfying(r -> assertThat(r.upstream()).isEqualTo("http://a"));
        assertThat(table.match("/api/v1/me/certificate")).hasValueSatisfying(r -> assertThat(r.prefix()).isEqualTo("/api/v1/me"));
        assertThat(table.match("/api/v1/me/special/x")).hasValueSatisfying(r -> assertThat(r.upstream()).isEqualTo("http://b"));
        assertThat(table.match("/api/v1/meow")).isEmpty();
        assertThat(table.match("/api/v1/nothing")).isEmpty();
    }

    @Test
    void aSuffixMayHaveItsOwnBodyLimit() {
        Route activation = new Route("/api/v1/activations", "http://c", Optional.empty(), 64, Optional.of("/selfie"), 6000);
        assertThat(activation.maxBodyBytes("/api/v1/activations/abc/selfie")).isEqualTo(6000);
        assertThat(activation.maxBodyBytes("/api/v1/activations/abc/identity")).isEqualTo(64);
    }

    @Test
    void dotSegmentsAndEncodedSlashes_neverMatch() {
        assertThat(table.match("/api/v1/auth/../me")).isEmpty();
        assertThat(table.match("/api/v1/auth/%2e%2e/me")).isEmpty();
        assertThat(table.match("/api/v1/auth//login")).isEmpty();
        assertThat(table.match("/api/v1/auth%2Flogin")).isEmpty();
        assertThat(table.match(null)).isEmpty();
        RouteTable pki = new RouteTable(List.of(new Route("/pki", "http://c", Optional.empty(), 10)));
        assertThat(pki.match("/pki/ocsp/MEIwQDA%2BMDwwOjAJBgUrDgMCGgUA%2F")).isPresent();
        assertThat(pki.match("/pki/crl%2F..")).isEmpty();
    }
}
