package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;

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
    void acceptsLongPassphrasesAndRandomPasswords() {
        assertThat(reason("la fontaine du square chante en hiver")).isEqualTo("accepted");
        assertThat(reason("q7#Vd9!mZp2&Lx")).isEqualTo("accepted");
    }
}
