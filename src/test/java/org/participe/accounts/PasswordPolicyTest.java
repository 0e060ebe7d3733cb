package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException.FieldError;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private String reason(String password) {
        return policy.check(password, "claire.dubois@example.org", "Claire Dubois", Locale.FRENCH).map(FieldError::messageKey).orElse("accepted");
    }

    @Test
    void refusesTooShortAndTooLongPasswords() {
        assertThat(reason("Court1!")).isEqualTo("password.too-short");
        assertThat(reason("a".repeat(129))).isEqualTo("password.too-long");
    }

    @Test
    void refusesPasswordsBuiltOnTheEmailOrTheName() {
        assertThat(reason("claire.dubois2026!")).isEqualTo("password.personal");
        assertThat(reason("MaisonDeClaire-1990")).isEqualTo("password.personal");
        assertThat(reason("duboisduboisdubois")).isEqualTo("password.personal");
    }

    @Test
    void refusesCommonAndGuessablePasswordsWithTheEstimatorsReason() {
        assertThat(reason("password1234")).startsWith("password.weak");
        assertThat(reason("azertyuiop123")).startsWith("password.weak");
        assertThat(reason("123456789012")).startsWith("password.weak");
        assertThat(reason("villeparisis2026")).startsWith("password.weak");
        assertThat(policy.check("password1234", "", "", Locale.FRENCH)).get()
                .satisfies(error -> assertThat(error.arguments()).isNotEmpty());
    }

    @Test
    void aTenMegabyteNameOrAddressTypedWithThePasswordIsNotReadIntoTheDictionary() {
        String huge = "a".repeat(10 * 1024 * 1024);
        // the sign-up form checks the password before refusing the name: before the fix this took minutes
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(policy.check("Une phrase de passe bien longue 2026", huge + "@example.org", huge, Locale.FRENCH)).isEmpty();
        });
    }

    @Test
    void refusesControlCharactersAndHalvesOfSurrogatePairsWithAMessage() {
        assertThat(reason("Une phrase de passe \u0000 bien longue")).isEqualTo("validation.characters");
        assertThat(reason("Une phrase de passe \uD83D bien longue")).isEqualTo("validation.characters");
        assertThat(reason("Une phrase de passe 🚲 bien longue")).isEqualTo("accepted");
    }

    @Test
    void acceptsLongPassphrasesAndRandomPasswords() {
        assertThat(reason("la fontaine du square chante en hiver")).isEqualTo("accepted");
        assertThat(reason("q7#Vd9!mZp2&Lx")).isEqualTo("accepted");
    }
}
