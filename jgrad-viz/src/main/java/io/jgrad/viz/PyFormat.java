package io.jgrad.viz;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's fixed-point formats, which round the exact binary value half-to-even ({@code '%.2f' % 2.675}
 * is {@code '2.67'}); Java's {@code %.2f} rounds the shortest decimal half-up and would print {@code 2.68}.
 */
final class PyFormat {
    private PyFormat() {}

    /** {@code '%.{digits}f' % v} (and {@code '{:.{digits}f}'.format(v)}). */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);   // Python keeps the sign of -0.001 and -0.0
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** {@code '{:.{digits}%}'.format(v)}: {@code v * 100} in fixed point, then {@code %}. */
    static String percent(double v, int digits) {
        return fixed(v * 100, digits) + "%";
    }
}
