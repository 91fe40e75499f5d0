package io.jgrad.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Text at a data position, as matplotlib's {@code plt.text(x, y, s)} draws it: the left end of the first
 * line's baseline at {@code (x, y)} (its defaults {@code ha='left'}, {@code va='baseline'}), further lines
 * below it, in its own font and colour (XChart's own text annotation centres the text and shares one
 * font among all annotations).
 */
final class DataText extends Annotation {
    private final String text;
    private final double x;
    private final double y;
    private final Font font;
    private final Color color;

    DataText(String text, double x, double y, Font font, Color color) {
        super(false);
        this.text = text;
        this.x = x;
        this.y = y;
        this.font = font;
        this.color = color;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible || text.isEmpty()) {
            return;
        }
        Object oldHint = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(color);
        float left = getXAxisScreenValue(x);
        float baseline = getYAxisScreenValue(y);
        Rectangle2D all = null;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                TextLayout layout = new TextLayout(line, font, g.getFontRenderContext());
                layout.draw(g, left, baseline);
                Rectangle2D b = layout.getBounds();
                b.setRect(b.getX() + left, b.getY() + baseline, b.getWidth(), b.getHeight());
                all = all == null ? b : all.createUnion(b);
            }
            baseline += font.getSize2D() * 1.2f;
        }
        bounds = all;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, oldHint);
    }
}
