package io.jgrad.viz;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * What a rendered plot contains, for checking PNG output without looking at it: its size, how many
 * distinct colours it has, how many pixels are not white, and how many are close to a given colour.
 *
 * <pre>{@code
 * ImageStats s = ImageStats.read(Path.of("out/fit.png"));
 * assert s.width() == 640 && s.nonWhitePixels() > 1000 && s.pixelsNear(Color.RED, 40) > 0;
 * }</pre>
 */
public final class ImageStats {
    private final BufferedImage image;

    private ImageStats(BufferedImage image) {
        this.image = image;
    }

    /** The statistics of an image in memory. */
    public static ImageStats of(BufferedImage image) {
        return new ImageStats(image);
    }

    /**
     * Decodes an image file with {@code javax.imageio}.
     *
     * @throws UncheckedIOException if the file cannot be read or is not an image ImageIO can decode
     */
    public static ImageStats read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not a decodable image: " + file);
            }
            return new ImageStats(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** The height in pixels. */
    public int height() {
        return image.getHeight();
    }

    /** The number of distinct RGB colours. */
    public int distinctColors() {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    /** The number of pixels that are not pure white. */
    public int nonWhitePixels() {
        return pixelsNear(Color.WHITE, 0, 0, 0, image.getWidth(), image.getHeight(), false);
    }

    /** The number of pixels whose red, green and blue each differ from {@code c}'s by at most {@code tolerance}. */
    public int pixelsNear(Color c, int tolerance) {
        return pixelsNear(c, tolerance, 0, 0, image.getWidth(), image.getHeight(), true);
    }

    /** {@link #pixelsNear(Color, int)} within the rectangle {@code [x0, x1) x [y0, y1)}, clipped to the image. */
    public int pixelsNear(Color c, int tolerance, int x0, int y0, int x1, int y1) {
        return pixelsNear(c, tolerance, x0, y0, x1, y1, true);
    }

    /**
     * The smallest rectangle holding every pixel near {@code c} (as {@link #pixelsNear(Color, int)} counts them),
     * or null if there is none.
     */
    public Rectangle boundsOf(Color c, int tolerance) {
        Rectangle r = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), c, tolerance)) {
                    if (r == null) {
                        r = new Rectangle(x, y, 1, 1);
                    } else {
                        r.add(new Rectangle(x, y, 1, 1));
                    }
                }
            }
        }
        return r;
    }

    private static boolean near(int rgb, Color c, int tolerance) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed()) <= tolerance
                && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) <= tolerance
                && Math.abs((rgb & 0xff) - c.getBlue()) <= tolerance;
    }

    private int pixelsNear(Color c, int tolerance, int x0, int y0, int x1, int y1, boolean wanted) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (near(image.getRGB(x, y), c, tolerance) == wanted) {
                    n++;
                }
            }
        }
        return n;
    }
}
