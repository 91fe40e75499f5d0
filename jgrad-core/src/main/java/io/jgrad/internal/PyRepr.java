package io.jgrad.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code repr()} of the values that appear in PyTorch's messages and reprs, so that a message built
 * in Java reads exactly as PyTorch's: {@code repr(1e-05)} is {@code 1e-05} (Java's {@code 1.0E-5}),
 * {@code repr(0.1)} is {@code 0.1}, {@code repr(True)} is {@code True}. Not public API.
 */
public final class PyRepr {
    private PyRepr() {}

    /**
     * {@code repr(v)} of a Python float: the shortest decimal that reads back as {@code v}, in fixed notation
     * when its decimal exponent is in {@code [-4, 16)}, else as {@code 1e-05} / {@code 1e+16}.
     */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        String sign = v < 0 ? "-" : "";
        double a = Math.abs(v);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                shortest = r;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.digits * 10^decpt (dtoa's convention)
        int decpt = digits.length() - shortest.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int e = decpt - 1;
            sb.append('e').append(e < 0 ? '-' : '+');
            String es = Integer.toString(Math.abs(e));
            if (es.length() < 2) {
                sb.append('0');
            }
            sb.append(es);
        } else if (decpt <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-decpt));
            sb.append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    /**
     * {@code repr(value)} for the values of optimizer options and state: floats as {@link #of(double)}, ints,
     * {@code True}/{@code False}, {@code None}, strings in single quotes, lists in brackets and maps in braces.
     */
    public static String ofObject(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return of(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        if (value instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            List<?> l = (List<?>) value;
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(ofObject(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                sb.append(first ? "" : ", ").append(ofObject(e.getKey())).append(": ").append(ofObject(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return value.toString();
    }
}
