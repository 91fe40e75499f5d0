package io.jgrad.viz;

import io.jgrad.Tensor;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One matplotlib figure with one set of axes, built with the {@code plt.*} calls the tutorials use and
 * rendered headless to PNG (XChart draws it; {@code java.awt.headless} is set to true when this class
 * loads). Each method names the matplotlib line it mirrors; methods taking a {@link Tensor} plot its
 * detached values, flattened, as {@code t.detach().numpy()} would.
 *
 * <pre>{@code
 * new Figure()
 *     .plot(x, yPred, "r-", "predict")                 // plt.plot(x, y_pred, 'r-', label='predict')
 *     .scatter(x, y, "blue", "true")                   // plt.scatter(x, y, color='blue', label='true')
 *     .xlim(-1, 1).ylim(2, 6)                          // plt.xlim(-1, 1); plt.ylim(2, 6)
 *     .legend()                                        // plt.legend()
 *     .savefig(Path.of("out"), "fit.png");             // plt.savefig('out/fit.png')
 * }</pre>
 *
 * <p>Sizes follow matplotlib's defaults at 100 dpi: 640 x 480 pixels, 10 pt tick labels, a 12 pt title,
 * axes limits that leave a 5% margin around the data unless {@link #xlim}/{@link #ylim} set them, and the
 * default colour cycle (tab:blue, tab:orange, ...) for series given no colour. Not thread-safe.
 */
public final class Figure {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Matplotlib's default figure width in pixels ({@code figsize=(6.4, 4.8)} at 100 dpi). */
    public static final int DEFAULT_WIDTH = 640;
    /** Matplotlib's default figure height in pixels. */
    public static final int DEFAULT_HEIGHT = 480;

    private static final int MARKER_SIZE = 8;        // scatter's s=36 pt^2, a 6 pt marker, at 100 dpi
    private static final int TITLE_PAD = 8;

    private final int width;
    private final int height;
    private final XYChart chart;
    private final Extent xData = new Extent();
    private final Extent yData = new Extent();
    private final List<LegendPlacement.Drawn> drawn = new ArrayList<>();
    private double[] xlim;
    private double[] ylim;
    private String[] titleLines = new String[0];
    private int nextColor;
    private boolean legend;

    /** {@code plt.figure()}: an empty 640 x 480 figure. */
    public Figure() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** {@code plt.figure(figsize=(width / 100, height / 100))}: an empty figure of this many pixels. */
    public Figure(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a figure needs at least 100 x 100 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.chart = new XYChart(width, height);
        style(chart.getStyler());
        // Note [tick guard]: XChart puts ticks only at the data's x (or y) values when those values, with the
        // axis limits, are equally spaced (a linspace plotted with xlim at its ends); a NaN among the values
        // keeps it on its usual "nice number" ticks, as matplotlib's. NaN points are not drawn.
        chart.addSeries(" ", new double[] {Double.NaN}, new double[] {Double.NaN})
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.NONE)
                .setShowInLegend(false);
    }

    /** Matplotlib's font sizes are points at 72 per inch; the figure has 100 pixels per inch. */
    static Font font(double points) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) (points * 100 / 72));
    }

    private static void style(XYStyler s) {
        s.setChartTitleVisible(false);                // drawn by toImage(), which allows several lines
        s.setLegendVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotGridLinesVisible(false);
        s.setAxisTicksLineVisible(false);             // the plot border is the axes' frame
        s.setPlotContentSize(1.0);                    // the limits already hold matplotlib's margins
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.BLACK);
        s.setAxisTickLabelsFont(font(10));
        s.setAxisTitleFont(font(10));
        s.setLegendFont(font(10));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setMarkerSize(MARKER_SIZE);
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
    }

    /**
     * {@code plt.scatter(x, y)}: markers at the points, in the next colour of the cycle.
     *
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length
     */
    public Figure scatter(double[] x, double[] y) {
        return scatter(x, y, null, null);
    }

    /**
     * {@code plt.scatter(x, y, c='r', label='class 0')}: circle markers at the points.
     *
     * @param color a matplotlib colour ({@code "r"}, {@code "blue"}, {@code "C1"}, {@code "tab:red"},
     *              {@code "#1f77b4"}), or null for the next colour of the cycle
     * @param label the legend entry, or null for none
     * @throws IllegalArgumentException with matplotlib's message if {@code x} and {@code y} differ in length
     *                                  or the colour is unknown
     */
    public Figure scatter(double[] x, double[] y, String color, String label) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must be the same size");
        }
        Color c = color == null ? null : Colors.parse(color);
        return add(x, y, new LineFormat(c, null, SeriesMarkers.CIRCLE), label);
    }

    /** {@code plt.scatter(x.detach().numpy(), y.detach().numpy())}; see {@link #scatter(double[], double[])}. */
    public Figure scatter(Tensor x, Tensor y) {
        return scatter(Values.of(x), Values.of(y));
    }

    /** {@code plt.scatter(x.numpy(), y.numpy(), c=color, label=label)}; see {@link #scatter(double[], double[], String, String)}. */
    public Figure scatter(Tensor x, Tensor y, String color, String label) {
        return scatter(Values.of(x), Values.of(y), color, label);
    }

    /**
     * {@code plt.plot(x, y)}: a solid line through the points, in the next colour of the cycle.
     *
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length
     */
    public Figure plot(double[] x, double[] y) {
        return plot(x, y, null, null);
    }

    /**
     * {@code plt.plot(x, y, 'r-', label='predict')}.
     *
     * @param fmt   a matplotlib format string: optional colour letter ({@code bgrcmykw}), marker
     *              ({@code . o s ^ v d x +}) and line style ({@code - -- -. :}); null for a solid line
     * @param label the legend entry, or null for none
     * @throws IllegalArgumentException with matplotlib's message if {@code x} and {@code y} differ in length
     *                                  or {@code fmt} is not a format string
     */
    public Figure plot(double[] x, double[] y, String fmt, String label) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have same first dimension, but have shapes ("
                    + x.length + ",) and (" + y.length + ",)");
        }
        return add(x, y, LineFormat.parse(fmt), label);
    }

    /** {@code plt.plot(x.detach(), y.detach())}; see {@link #plot(double[], double[])}. */
    public Figure plot(Tensor x, Tensor y) {
        return plot(Values.of(x), Values.of(y));
    }

    /** {@code plt.plot(x.numpy(), y.detach().numpy(), fmt, label=label)}; see {@link #plot(double[], double[], String, String)}. */
    public Figure plot(Tensor x, Tensor y, String fmt, String label) {
        return plot(Values.of(x), Values.of(y), fmt, label);
    }

    private Figure add(double[] x, double[] y, LineFormat f, String label) {
        double[] xs = x.clone();
        double[] ys = y.clone();
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                xs[i] = 0;                            // matplotlib skips points with nan or inf: so does XChart,
                ys[i] = Double.NaN;                   // for a NaN y
            } else {
                xData.add(xs[i]);
                yData.add(ys[i]);
            }
        }
        drawn.add(new LegendPlacement.Drawn(xs, ys, f.stroke() != null));
        Color color = f.color() != null ? f.color() : Colors.CYCLE[nextColor++ % Colors.CYCLE.length];
        XYSeries s = chart.addSeries("series " + chart.getSeriesMap().size(), xs, ys);
        s.setXYSeriesRenderStyle(f.stroke() == null ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
        s.setLineStyle(f.stroke() == null ? SeriesLines.NONE : f.stroke());
        s.setLineColor(color);
        s.setMarker(f.marker() == null ? SeriesMarkers.NONE : f.marker());
        s.setMarkerColor(color);
        s.setFillColor(color);
        s.setLabel(label == null ? "" : label);
        s.setShowInLegend(label != null);
        return this;
    }

    /**
     * {@code plt.text(x, y, s)}: text in black 10 pt, the left end of its baseline at data position
     * {@code (x, y)}.
     */
    public Figure text(double x, double y, String s) {
        return text(x, y, s, 10, "k");
    }

    /**
     * {@code plt.text(-5, 5, 'Loss=%.4f' % loss, fontdict={'size': 20, 'color': 'red'})}: text at data
     * position {@code (x, y)} (left end of the baseline; lines after a {@code '\n'} go below).
     *
     * @param size  the font size in points
     * @param color a matplotlib colour
     */
    public Figure text(double x, double y, String s, double size, String color) {
        chart.addAnnotation(new DataText(s, x, y, font(size), Colors.parse(color)));
        return this;
    }

    /**
     * {@code plt.title("Iteration: {}\nw0:{:.2f} ...".format(...))}: the title above the axes; each
     * {@code '\n'} starts a new, centred line.
     */
    public Figure title(String title) {
        this.titleLines = title.isEmpty() ? new String[0] : title.split("\n", -1);
        return this;
    }

    /** {@code plt.xlabel(label)}. */
    public Figure xlabel(String label) {
        chart.setXAxisTitle(label);
        return this;
    }

    /** {@code plt.ylabel(label)}. */
    public Figure ylabel(String label) {
        chart.setYAxisTitle(label);
        return this;
    }

    /**
     * {@code plt.xlim(left, right)}: the x-axis shows exactly this range; points outside are clipped.
     *
     * @throws IllegalArgumentException unless {@code left < right}, both finite
     */
    public Figure xlim(double left, double right) {
        xlim = limits(left, right);
        return this;
    }

    /** {@code plt.ylim(bottom, top)}: the y-axis shows exactly this range; see {@link #xlim}. */
    public Figure ylim(double bottom, double top) {
        ylim = limits(bottom, top);
        return this;
    }

    private static double[] limits(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("expected finite limits with lo < hi, got " + lo + " and " + hi);
        }
        return new double[] {lo, hi};
    }

    /**
     * {@code plt.legend()}: a legend of the labelled series (none if no series has a label), placed as
     * matplotlib's {@code loc='best'} does: in the corner, or the top or bottom centre, covering the fewest
     * data points, upper right on ties.
     */
    public Figure legend() {
        legend = true;
        return this;
    }

    /** The width in pixels. */
    public int width() {
        return width;
    }

    /** The height in pixels. */
    public int height() {
        return height;
    }

    /** Renders the figure: what {@code plt.show()} would display, as an RGB image of {@link #width()} x {@link #height()}. */
    public BufferedImage toImage() {
        double[] xr = xlim != null ? xlim : xData.withMargins();
        double[] yr = ylim != null ? ylim : yData.withMargins();
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
        List<String> labels = chart.getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend).map(XYSeries::getLabel).collect(Collectors.toList());
        s.setLegendVisible(legend && !labels.isEmpty());
        if (legend && !labels.isEmpty()) {             // the legend box's size, roughly, as a fraction of the axes
            double w = (labels.stream().mapToInt(String::length).max().getAsInt() * 8.0 + 60) / (width - 80);
            double h = (labels.size() * 20.0 + 14) / (height - 60);
            s.setLegendPosition(LegendPlacement.best(drawn, xr, yr, Math.min(w, 1), Math.min(h, 1)));
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int top = drawTitle(g);
            g.translate(0, top);
            chart.paint(g, width, height - top);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws the title lines centred at the top; returns the height they take. */
    private int drawTitle(Graphics2D g) {
        if (titleLines.length == 0) {
            return 0;
        }
        Font f = font(12);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        float lineHeight = f.getSize2D() * 1.2f;
        float baseline = TITLE_PAD + f.getSize2D();
        for (String line : titleLines) {
            if (!line.isEmpty()) {
                TextLayout layout = new TextLayout(line, f, g.getFontRenderContext());
                layout.draw(g, (float) (width - layout.getAdvance()) / 2, baseline);
            }
            baseline += lineHeight;
        }
        return Math.round(baseline - lineHeight + f.getSize2D() * 0.3f);
    }

    /**
     * {@code plt.savefig(dir / fileName)}: renders the figure and writes it as PNG into {@code dir}
     * (created if missing), atomically: readers never see a half-written file.
     *
     * @param fileName a file name without directories; {@code .png} is added if missing
     * @return the path written
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path savefig(Path dir, String fileName) {
        return Png.write(toImage(), dir, fileName);
    }

    /** The range of the data on one axis. */
    private static final class Extent {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        /** Matplotlib's autoscaled limits: the data range widened by 5% on each side ({@code axes.xmargin}). */
        double[] withMargins() {
            if (min > max) {
                return new double[] {0, 1};
            }
            double pad = min == max ? Math.max(Math.abs(min) * 0.05, 0.05) : (max - min) * 0.05;
            return new double[] {min - pad, max + pad};
        }
    }
}
