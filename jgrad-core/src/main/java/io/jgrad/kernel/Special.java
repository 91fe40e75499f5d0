package io.jgrad.kernel;

/** Scalar special functions the JDK lacks, to double precision. */
public final class Special {
    private Special() {}

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double LN2 = 0.6931471805599453;

    /** log base 2, exact for powers of two. */
    public static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            long bits = Double.doubleToRawLongBits(x);
            if ((bits & 0x000fffffffffffffL) == 0 && Math.getExponent(x) >= Double.MIN_EXPONENT) {
                return Math.getExponent(x);
            }
        }
        return Math.log(x) / LN2;
    }

    /** Rounds toward zero. */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /**
     * The error function. For |x| < 2.5 the series {@code erf x = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) /
     * (1*3*...*(2n+1))} (all terms positive, no cancellation); beyond, 1 - erfc from its continued fraction;
     * past 6 it is +-1 in double precision.
     */
    public static double erf(double x) {
        if (x != x) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 6) {
            return Math.copySign(1.0, x);
        }
        if (ax < 2.5) {
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        }
        return Math.copySign(1.0 - erfcLarge(ax), x);
    }

    /** erfc(x) for x >= 2.5 by Lentz's evaluation of its continued fraction. */
    private static double erfcLarge(double x) {
        // erfc x = e^(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 300; k++) {
            double ak = k / 2.0;
            d = x + ak * d;
            d = d == 0 ? tiny : d;
            c = x + ak / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
