package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing PNG and GIF files: {@link Figure#savefig}, {@link Png}, {@link FrameSequence}, {@link AtomicFiles}. */
class FilesTest {

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void savefigWritesADecodablePngIntoANewDirectory() throws IOException {
        Path dir = tmp.resolve("out").resolve("plots");
        Path p = new Figure().scatter(new double[] {1, 2}, new double[] {2, 1}, "r", null).savefig(dir, "points");
        assertEquals(dir.resolve("points.png"), p);
        BufferedImage image = ImageIO.read(p.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        assertTrue(ImageStats.of(image).pixelsNear(Color.RED, 40) > 20);
        assertEquals(List.of("points.png"), names(dir), "no temporary file left behind");
    }

    @Test
    void savefigKeepsAPngSuffixAndOverwrites() throws IOException {
        Path first = new Figure().savefig(tmp, "fit.png");
        long emptySize = Files.size(first);
        Path second = new Figure().plot(new double[] {0, 1, 2}, new double[] {1, 0, 1}, "r-", "fit").legend()
                .savefig(tmp, "fit.png");
        assertEquals(tmp.resolve("fit.png"), second);
        assertTrue(Files.size(second) != emptySize);
        assertEquals(List.of("fit.png"), names(tmp));
        assertTrue(ImageStats.read(second).pixelsNear(Color.RED, 40) > 20, "the new picture replaced the old");
    }

    @Test
    void fileNamesMayNotHoldDirectories() {
        for (String bad : new String[] {"a/b.png", "../b", "a\\b"}) {
            assertThrows(IllegalArgumentException.class, () -> new Figure().savefig(tmp, bad), bad);
        }
        for (String bad : new String[] {"..", ".", ""}) {
            assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(tmp, bad, out -> { }), bad);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = tmp.resolve("data.bin");
        Files.writeString(target, "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(tmp, "data.bin", out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getCause().getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("data.bin"), names(tmp));
    }

    @Test
    void aDirectoryThatIsAFileFails() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThrows(UncheckedIOException.class, () -> new Figure().savefig(file, "a.png"));
    }

    @Test
    void pngWritesAnyImage() {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, Color.BLUE.getRGB());
        ImageStats s = ImageStats.read(Png.write(image, tmp, "tiny"));
        assertEquals(30, s.width());
        assertEquals(20, s.height());
        assertEquals(2, s.distinctColors());
        assertEquals(30 * 20, s.nonWhitePixels(), "black is not white");
        assertEquals(1, s.pixelsNear(Color.BLUE, 0));
    }

    @Test
    void framesAreNumberedAndMakeAnAnimatedGif() throws IOException {
        FrameSequence frames = new FrameSequence(tmp, "boundary");
        for (int i = 0; i < 3; i++) {
            frames.add(new Figure(200, 150).scatter(new double[] {i}, new double[] {i}, "b", null).xlim(0, 3).ylim(0, 3));
        }
        assertEquals(List.of(tmp.resolve("boundary-000.png"), tmp.resolve("boundary-001.png"), tmp.resolve("boundary-002.png")),
                frames.frames());
        Path gif = frames.writeGif("boundary", 500);
        assertEquals(tmp.resolve("boundary.gif"), gif);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            assertEquals(200, reader.read(0).getWidth());
            reader.dispose();
        }
        assertEquals(List.of("boundary-000.png", "boundary-001.png", "boundary-002.png", "boundary.gif"), names(tmp));
    }

    @Test
    void gifNeedsFramesAndPrefixesNeedNoDirectories() {
        assertThrows(IllegalStateException.class, () -> new FrameSequence(tmp, "x").writeGif("x.gif", 100));
        assertThrows(IllegalArgumentException.class, () -> new FrameSequence(tmp, "a/b"));
    }

    @Test
    void framesAreDistinctPictures() {
        FrameSequence frames = new FrameSequence(tmp, "f");
        frames.add(new Figure().title("Iteration: 0"));
        frames.add(new Figure().title("Iteration: 20"));
        BufferedImage a = read(frames.frames().get(0));
        BufferedImage b = read(frames.frames().get(1));
        int[] pa = a.getRGB(0, 0, 640, 480, null, 0, 640);
        int[] pb = b.getRGB(0, 0, 640, 480, null, 0, 640);
        assertFalse(Arrays.equals(pa, pb), "the titles differ");
        assertArrayEquals(new int[] {640, 480}, new int[] {b.getWidth(), b.getHeight()});
    }

    private static BufferedImage read(Path p) {
        try {
            return ImageIO.read(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
