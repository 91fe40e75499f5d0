package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.viz.ImageStats;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Capturing what an example prints, and checking the plots it writes. */
final class Outputs {
    private Outputs() {}

    /** Matplotlib's first colour, in which series without a colour are drawn. */
    static final Color C0 = new Color(0x1f77b4);

    /** A stream that drops what is printed. */
    static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    /** What {@code body} prints to the stream it is given, with line ends as {@code \n}. */
    static String printed(Consumer<PrintStream> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            body.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** What {@code body} prints to {@code System.out} (a {@code main}), with line ends as {@code \n}. */
    static String printedBy(Runnable body) {
        PrintStream saved = System.out;
        try {
            return printed(out -> {
                System.setOut(out);
                body.run();
            });
        } finally {
            System.setOut(saved);
        }
    }

    /** Checks that {@code actual} is within {@code ulps} float32 ulps of {@code expected}. */
    static void assertUlps(double expected, double actual, int ulps) {
        assertEquals(expected, actual, ulps * Math.ulp((float) expected), "within " + ulps + " float32 ulps");
    }

    /**
     * Checks that {@code png} is in {@code dir}, decodes with javax.imageio, is 640 x 480 (matplotlib's
     * default) and is not blank.
     *
     * @return its statistics, for further checks
     */
    static ImageStats assertPlot(Path dir, String fileName, Path png) {
        assertEquals(dir.resolve(fileName), png);
        assertTrue(Files.isRegularFile(png), png + " written");
        ImageStats s = ImageStats.read(png);
        assertEquals(640, s.width(), "width of " + png);
        assertEquals(480, s.height(), "height of " + png);
        assertTrue(s.distinctColors() > 10, "colours in " + png + ": " + s.distinctColors());
        assertTrue(s.nonWhitePixels() > 3000, "non-white pixels in " + png + ": " + s.nonWhitePixels());
        return s;
    }
}
