package io.jgrad.internal;

import java.math.BigDecimal;

/** Numbers written the way Python's {@code repr} writes them, for PyTorch-identical messages and reprs. */
public final class PyFormat {
    private PyFormat() {}

    /** Python's {@code repr(float(v))}: {@code 0.1}, {@code 1e-05}, {@code 1.0}, {@code 1e+16}, {@code inf}, {@code nan}. */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.valueOf(Math.abs(exp));
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
}
