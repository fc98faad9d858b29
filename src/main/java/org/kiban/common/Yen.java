package org.kiban.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * A non-negative amount of money in whole yen.
 *
 * <p>Arithmetic never silently goes below zero: {@link #minus(Yen)} throws, {@link #minusOrZero(Yen)} clamps at
 * zero (the usual rule for 「控除後の金額が0を下回る場合は0」). Overflow throws {@link ArithmeticException}.
 *
 * @param amount whole yen, at least 0
 */
public record Yen(long amount) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(0);

    public Yen {
        if (amount < 0) {
            throw new InvalidValueException(InvalidValueException.INVALID_AMOUNT, "金額は0円以上で指定してください。");
        }
    }

    public static Yen of(long amount) {
        return new Yen(amount);
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    /**
     * @throws InvalidValueException {@code invalid-amount} when the result would be negative
     */
    public Yen minus(Yen other) {
        long r = Math.subtractExact(amount, other.amount);
        if (r < 0) {
            throw new InvalidValueException(InvalidValueException.INVALID_AMOUNT,
                    "金額が負になります（" + format() + " − " + other.format() + "）。");
        }
        return new Yen(r);
    }

    /** {@code this − other}, or zero when that would be negative. */
    public Yen minusOrZero(Yen other) {
        return new Yen(Math.max(0, Math.subtractExact(amount, other.amount)));
    }

    /** {@code amount × rate} rounded to whole yen with {@code mode} (e.g. 税率 6% with {@link RoundingMode#DOWN}). */
    public Yen times(BigDecimal rate, RoundingMode mode) {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(mode, "mode");
        BigDecimal r = BigDecimal.valueOf(amount).multiply(rate).setScale(0, mode);
        if (r.signum() < 0) {
            throw new InvalidValueException(InvalidValueException.INVALID_AMOUNT, "金額は0円以上で指定してください。");
        }
        return new Yen(r.longValueExact());
    }

    /** Truncates to a multiple of {@code unit} (e.g. 100 for 「100円未満切捨て」, 1000 for 「1,000円未満切捨て」). */
    public Yen roundDown(long unit) {
        if (unit <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unit);
        }
        return new Yen(amount - amount % unit);
    }

    public boolean isZero() {
        return amount == 0;
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    /** 「12,345円」. */
    public String format() {
        return String.format(Locale.ROOT, "%,d円", amount);
    }

    /** Same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }
}
