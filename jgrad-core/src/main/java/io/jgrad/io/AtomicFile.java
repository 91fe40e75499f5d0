package io.jgrad.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial file:
 * the content goes to a new temporary file in the same directory ({@code .NAME.RANDOM.tmp}, created with
 * the default permissions), is flushed to disk ({@code fsync}), and is then renamed over the target with an
 * atomic move; the directory is synced so the rename survives a crash (where the platform allows). If
 * anything fails the temporary file is deleted and the target is untouched. Not public API.
 */
final class AtomicFile {
    private AtomicFile() {}

    /** Writes the content to an open channel. */
    @FunctionalInterface
    interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        boolean moved = false;
        try {
            try (FileChannel c = ch) {
                body.writeTo(c);
                c.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        syncDirectory(dir);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can open or sync a directory (Windows cannot); the rename is still atomic.
        }
    }
}
