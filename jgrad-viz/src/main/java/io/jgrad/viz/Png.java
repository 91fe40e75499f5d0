package io.jgrad.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images as PNG files, atomically (a temporary file renamed over the target). */
public final class Png {
    private Png() {}

    /**
     * Writes {@code image} to {@code dir/fileName}, adding {@code .png} if the name lacks it and creating
     * {@code dir} if needed. Readers never see a half-written file.
     *
     * <pre>{@code
     * Png.write(image, Path.of("out"), "fit");   // out/fit.png
     * }</pre>
     *
     * @return the path written
     * @throws IllegalArgumentException if {@code fileName} contains a directory
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(BufferedImage image, Path dir, String fileName) {
        return AtomicFiles.write(dir, AtomicFiles.withExtension(fileName, ".png"), out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for image type " + image.getType());
            }
        });
    }
}
