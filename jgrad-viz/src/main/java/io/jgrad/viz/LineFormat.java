package io.jgrad.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A matplotlib format string such as {@code "r-"}, {@code "b--"}, {@code "go"} or {@code "k:"}: an optional
 * one-letter colour, an optional marker ({@code . o s ^ v d x +}) and an optional line style
 * ({@code - -- -. :}), in any order. A marker without a line style draws markers only; no marker and
 * no line style draws a solid line, as in matplotlib.
 *
 * @param color  the colour, or null for the next one of the cycle
 * @param stroke the line, or null for none
 * @param marker the marker, or null for none
 */
record LineFormat(Color color, BasicStroke stroke, Marker marker) {

    /** Matplotlib's {@code lines.linewidth} (1.5 pt) at 100 dpi. */
    static final float WIDTH = 2.0f;

    /** matplotlib's '-' line. */
    static final BasicStroke SOLID = new BasicStroke(WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** Parses {@code fmt}; null or empty gives a solid line in the next colour. */
    static LineFormat parse(String fmt) {
        Color color = null;
        BasicStroke stroke = null;
        Marker marker = null;
        String s = fmt == null ? "" : fmt;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            if (two.equals("--") || two.equals("-.")) {
                stroke = dashed(two.equals("--") ? new float[] {7.4f, 3.2f} : new float[] {12.8f, 3.2f, 2f, 3.2f});
                i++;
            } else if (c == '-') {
                stroke = SOLID;
            } else if (c == ':') {
                stroke = dashed(new float[] {2f, 3.3f});
            } else if (Colors.isLetter(c) && color == null) {
                color = Colors.parse(String.valueOf(c));
            } else if (marker(c) != null && marker == null) {
                marker = marker(c);
            } else {
                throw new IllegalArgumentException("'" + fmt + "' is not a valid format string (unrecognized character '"
                        + c + "')");
            }
        }
        if (stroke == null && marker == null) {
            stroke = SOLID;
        }
        return new LineFormat(color, stroke, marker);
    }

    private static Marker marker(char c) {
        switch (c) {
            case '.': case 'o': return SeriesMarkers.CIRCLE;
            case 's': return SeriesMarkers.SQUARE;
            case '^': return SeriesMarkers.TRIANGLE_UP;
            case 'v': return SeriesMarkers.TRIANGLE_DOWN;
            case 'd': return SeriesMarkers.DIAMOND;
            case 'x': return SeriesMarkers.CROSS;
            case '+': return SeriesMarkers.PLUS;
            default: return null;
        }
    }

    private static BasicStroke dashed(float[] dash) {
        return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
