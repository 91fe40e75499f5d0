package io.jgrad.viz;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Numbered PNG frames of an animation, written as they come into one directory: {@code prefix-000.png},
 * {@code prefix-001.png}, ... (what a training loop's {@code plt.savefig(str(iteration / 20) + ".png")}
 * does in the tutorials), and optionally an animated GIF of them all.
 *
 * <pre>{@code
 * FrameSequence frames = new FrameSequence(Path.of("out"), "boundary");
 * for (...) {
 *     frames.add(new Figure().scatter(...).title("Iteration: " + i));   // out/boundary-000.png, ...
 * }
 * frames.writeGif("boundary.gif", 500);                                 // plt.pause(0.5) between frames
 * }</pre>
 */
public final class FrameSequence {
    private final Path dir;
    private final String prefix;
    private final List<Path> frames = new ArrayList<>();

    /**
     * A sequence writing into {@code dir} (created when the first frame is written).
     *
     * @param prefix the start of each frame's file name, without directories
     */
    public FrameSequence(Path dir, String prefix) {
        if (prefix.isEmpty() || prefix.contains("/") || prefix.contains("\\")) {
            throw new IllegalArgumentException("expected a file name prefix without directories, got '" + prefix + "'");
        }
        this.dir = dir;
        this.prefix = prefix;
    }

    /**
     * Renders {@code figure} and writes it, atomically, as the next frame.
     *
     * @return the path of the frame
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path add(Figure figure) {
        Path p = figure.savefig(dir, String.format(Locale.ROOT, "%s-%03d.png", prefix, frames.size()));
        frames.add(p);
        return p;
    }

    /** The frames written so far, in order. */
    public List<Path> frames() {
        return Collections.unmodifiableList(frames);
    }

    /**
     * Writes the frames written so far as an animated GIF that loops forever, atomically, into the same
     * directory. The frames are read back from their PNG files, so none is kept in memory.
     *
     * @param fileName    a file name without directories; {@code .gif} is added if missing
     * @param delayMillis how long each frame shows
     * @return the path written
     * @throws IllegalStateException if no frame was written
     * @throws UncheckedIOException if a frame cannot be read or the file cannot be written
     */
    public Path writeGif(String fileName, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames to write");
        }
        return AtomicFiles.write(dir, AtomicFiles.withExtension(fileName, ".gif"), out -> {
            AnimatedGifEncoder gif = new AnimatedGifEncoder();
            gif.start(out);
            gif.setRepeat(0);
            gif.setDelay(delayMillis);
            for (Path frame : frames) {
                BufferedImage image = ImageIO.read(frame.toFile());
                if (image == null || !gif.addFrame(image)) {
                    throw new IOException("could not add frame " + frame);
                }
            }
            if (!gif.finish()) {
                throw new IOException("could not finish the GIF");
            }
        });
    }
}
