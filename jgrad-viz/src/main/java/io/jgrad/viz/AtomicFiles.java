package io.jgrad.viz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Writes a file so that readers see either the old file or the whole new one: the bytes go to a temporary
 * file in the same directory, which is then renamed over the target.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the bytes of a file to a stream. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** {@code fileName}, with {@code extension} (such as {@code ".png"}) added unless it already ends so, in any case. */
    static String withExtension(String fileName, String extension) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(extension) ? fileName : fileName + extension;
    }

    /**
     * Writes {@code dir/fileName} (creating {@code dir} if needed) with {@code writer}, atomically.
     *
     * @return the path written
     * @throws IllegalArgumentException if {@code fileName} is not a plain file name
     * @throws UncheckedIOException if writing fails; the target is then left as it was
     */
    static Path write(Path dir, String fileName, Writer writer) {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
                || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("expected a file name without directories, got '" + fileName + "'");
        }
        Path target = dir.resolve(fileName);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));   // not the temp file's rw-------
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }
}
