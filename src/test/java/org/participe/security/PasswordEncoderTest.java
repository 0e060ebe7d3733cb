package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** New hashes use OWASP's minimum for Argon2id; hashes made with the former parameters still verify. */
class PasswordEncoderTest {

    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();

    @Test
    void aNewHashIsArgon2idWithNineteenMebibytesTwoIterationsAndOneLane() {
        String hash = encoder.encode("Participe-demo-2026");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("Participe-demo-2026", hash)).isTrue();
        assertThat(encoder.matches("another password", hash)).isFalse();
    }

    @Test
    void aHashMadeWithTheFormerParametersStillVerifies() {
        String former = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("Participe-demo-2026");
        assertThat(former).contains("$m=16384,t=2,p=1$");
        assertThat(encoder.matches("Participe-demo-2026", former)).isTrue();
        assertThat(encoder.matches("another password", former)).isFalse();
        assertThat(encoder.upgradeEncoding(former)).as("re-hashed with the new parameters at the next sign-in").isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("Participe-demo-2026"))).isFalse();
    }
}
