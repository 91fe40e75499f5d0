package io.jgrad.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's fixed-point float formatting, {@code f"{x:.Nf}"}: the exact binary value rounded half-even to
 * {@code N} places, a minus sign kept on negative values that round to zero ({@code -0.0}), and {@code nan},
 * {@code inf}, {@code -inf}. Java's {@code String.format("%.4f")} rounds the shortest decimal half-up
 * instead, which differs on some values.
 */
public final class PyFloat {
    private PyFloat() {}

    /** {@code f"{x:.{places}f}"}. */
    public static String fixed(double x, int places) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        String digits = new BigDecimal(Math.abs(x)).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
        return negative ? "-" + digits : digits;
    }
}
