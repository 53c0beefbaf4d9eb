package id.teken.registration.adapter.out.token;

import jakarta.inject.Inject;
import id.teken.registration.config.RegistrationConfig;
import id.teken.registration.application.port.out.AccessTokens;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** RS256 tokens signed by smallrye-jwt with the key at smallrye.jwt.sign.key.location; subject = NIP. */
@ApplicationScoped
public class JwtAccessTokens implements AccessTokens {

    @Inject
    RegistrationConfig config;

    @jakarta.inject.Inject
    Clock clock;

    @Override
    public IssuedToken issue(Nip nip, String name, Set<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.jwt().lifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .subject(nip.value())
                .upn(nip.value())
                .claim("name", name)
                .claim("jti", UUID.randomUUID().toString())
                .groups(roles.stream().map(Enum::name).collect(Collectors.toSet()))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new IssuedToken(token, expiresAt);
    }
}
