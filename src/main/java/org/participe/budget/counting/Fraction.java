package org.participe.budget.counting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number, always reduced, its denominator positive. The counting uses it for every
 * amount that is not a whole number of cents (shares, payments, ρ), so that no comparison and no tie
 * is ever decided by a rounding.
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Fraction of(long whole) {
        return new Fraction(BigInteger.valueOf(whole), BigInteger.ONE);
    }

    public static Fraction of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("A fraction cannot have a zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            return ZERO;
        }
        return new Fraction(numerator, denominator);
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public Fraction add(Fraction other) {
        if (denominator.equals(other.denominator)) {
            return of(numerator.add(other.numerator), denominator);
        }
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction subtract(Fraction other) {
        return add(other.negate());
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction multiply(Fraction other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction multiply(long factor) {
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Fraction divide(Fraction other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Fraction divide(long divisor) {
        return of(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    public int signum() {
        return numerator.signum();
    }

    public Fraction min(Fraction other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The value rounded to {@code scale} decimals with the given rounding: for display only. */
    public BigDecimal toBigDecimal(int scale, RoundingMode rounding) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, rounding);
    }

    /** Compares this with {@code other × factor}, without building the product. */
    int compareToProduct(Fraction other, long factor) {
        BigInteger left = numerator.multiply(other.denominator);
        BigInteger right = other.numerator.multiply(BigInteger.valueOf(factor)).multiply(denominator);
        return left.compareTo(right);
    }

    @Override
    public int compareTo(Fraction other) {
        if (denominator.equals(other.denominator)) {
            return numerator.compareTo(other.numerator);
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fraction f && numerator.equals(f.numerator) && denominator.equals(f.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code 7/3}, or {@code 2} for a whole number. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
