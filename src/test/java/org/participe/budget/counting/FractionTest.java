package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void isAlwaysReducedWithAPositiveDenominator() {
        assertThat(Fraction.of(6, -4)).isEqualTo(Fraction.of(-3, 2));
        assertThat(Fraction.of(6, -4).toString()).isEqualTo("-3/2");
        assertThat(Fraction.of(0, 7)).isSameAs(Fraction.ZERO);
        assertThat(Fraction.of(10, 5).toString()).isEqualTo("2");
    }

    @Test
    void computesExactly() {
        Fraction third = Fraction.of(1, 3);
        assertThat(third.add(third).add(third)).isEqualTo(Fraction.ONE);
        assertThat(Fraction.ONE.subtract(Fraction.of(1, 6))).isEqualTo(Fraction.of(5, 6));
        assertThat(Fraction.of(2, 3).multiply(Fraction.of(9, 4))).isEqualTo(Fraction.of(3, 2));
        assertThat(Fraction.of(2, 3).divide(Fraction.of(4, 9))).isEqualTo(Fraction.of(3, 2));
        assertThat(Fraction.of(2, 3).multiply(3)).isEqualTo(Fraction.of(2));
        assertThat(Fraction.of(2, 3).divide(2)).isEqualTo(third);
    }

    @Test
    void comparesWithoutRounding() {
        // 1/3 and 333333333333/1000000000000 differ by less than any double's rounding of them would show
        Fraction close = Fraction.of(333_333_333_333L, 1_000_000_000_000L);
        assertThat(Fraction.of(1, 3)).isGreaterThan(close);
        assertThat(Fraction.of(1, 3).compareTo(Fraction.of(2, 6))).isZero();
        assertThat(Fraction.of(1, 3).min(close)).isEqualTo(close);
    }

    @Test
    void roundsOnlyForDisplay() {
        assertThat(Fraction.of(2, 3).toBigDecimal(2, RoundingMode.DOWN)).hasToString("0.66");
    }

    @Test
    void refusesAZeroDenominator() {
        assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Fraction.ONE.divide(Fraction.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
