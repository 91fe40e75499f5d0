package io.jgrad.viz;

import java.util.List;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Matplotlib's {@code plt.legend()} default, {@code loc='best'}: of the places a legend can go, the one whose
 * box covers the fewest data points (line series counted at points along their segments too), the first in
 * matplotlib's order (upper right, upper left, lower left, lower right, then upper and lower centre) on ties.
 */
final class LegendPlacement {
    private LegendPlacement() {}

    /** One drawn series: its points, and whether a line joins them. */
    record Drawn(double[] x, double[] y, boolean line) {}

    private static final LegendPosition[] ORDER = {
        LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSW, LegendPosition.InsideSE,
        LegendPosition.InsideN, LegendPosition.InsideS,
    };

    /** Points sampled on each segment of a line. */
    private static final int SAMPLES = 8;

    /**
     * The best place for a legend box of {@code w} x {@code h} (fractions of the axes) over {@code series}
     * drawn in the limits {@code xr} x {@code yr}.
     */
    static LegendPosition best(List<Drawn> series, double[] xr, double[] yr, double w, double h) {
        LegendPosition best = ORDER[0];
        int fewest = Integer.MAX_VALUE;
        for (LegendPosition p : ORDER) {
            double x0 = p == LegendPosition.InsideNE || p == LegendPosition.InsideSE ? 1 - w
                    : p == LegendPosition.InsideN || p == LegendPosition.InsideS ? (1 - w) / 2 : 0;
            double y0 = p == LegendPosition.InsideNE || p == LegendPosition.InsideNW || p == LegendPosition.InsideN ? 1 - h : 0;
            int n = 0;
            for (Drawn d : series) {
                n += covered(d, xr, yr, x0, y0, x0 + w, y0 + h);
            }
            if (n < fewest) {
                fewest = n;
                best = p;
            }
        }
        return best;
    }

    private static int covered(Drawn d, double[] xr, double[] yr, double x0, double y0, double x1, double y1) {
        int n = 0;
        for (int i = 0; i < d.x().length; i++) {
            int steps = d.line() && i + 1 < d.x().length ? SAMPLES : 1;
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps;
                double x = s == 0 ? d.x()[i] : d.x()[i] + t * (d.x()[i + 1] - d.x()[i]);
                double y = s == 0 ? d.y()[i] : d.y()[i] + t * (d.y()[i + 1] - d.y()[i]);
                double fx = (x - xr[0]) / (xr[1] - xr[0]);
                double fy = (y - yr[0]) / (yr[1] - yr[0]);
                if (fx >= x0 && fx <= x1 && fy >= y0 && fy <= y1) {
                    n++;
                }
            }
        }
        return n;
    }
}
