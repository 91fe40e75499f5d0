package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes: a successful write leaves exactly the target file (no temporary files); a write that fails
 * at any point leaves the previous file untouched (or no file) and no temporary file; invalid input fails
 * before any file is created.
 */
class AtomicWriteTest {

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void successfulWritesLeaveOnlyTheTarget(@TempDir Path dir) throws IOException {
        Path st = dir.resolve("model.safetensors");
        Path npy = dir.resolve("x.npy");
        SafeTensors.saveFile(Map.of("w", Torch.ones(2, 3)), st);
        Npy.saveFile(Torch.ones(4), npy);
        assertEquals(List.of("model.safetensors", "x.npy"), listing(dir));
        // Overwriting replaces the content.
        SafeTensors.saveFile(Map.of("w", Torch.zeros(5)), st, Map.of("format", "pt"));
        Npy.saveFile(Torch.zeros(1), npy);
        assertEquals(List.of("model.safetensors", "x.npy"), listing(dir));
        assertArrayEquals(new int[] {5}, SafeTensors.loadFile(st).get("w").shape());
        assertEquals(Map.of("format", "pt"), SafeTensors.metadataFile(st));
        assertArrayEquals(new float[] {0}, Npy.loadFile(npy).toFloatArray());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.safetensors");
        SafeTensors.saveFile(Map.of("w", Torch.ones(3)), target);
        byte[] before = Files.readAllBytes(target);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, ch -> {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target), "the old file is untouched");
        assertEquals(List.of("model.safetensors"), listing(dir), "no temporary file is left");
        // The same when the body fails with an unchecked exception, and when there was no file before.
        Path fresh = dir.resolve("fresh.npy");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(fresh, ch -> {
            ch.write(ByteBuffer.wrap(new byte[100]));
            throw new IllegalStateException("bug in the writer");
        }));
        assertFalse(Files.exists(fresh), "no partial file");
        assertEquals(List.of("model.safetensors"), listing(dir));
    }

    @Test
    void theTemporaryFileIsInTheTargetDirectory(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.npy");
        AtomicFile.write(target, ch -> {
            List<String> during = listing(dir);
            assertEquals(1, during.size());
            assertTrue(during.get(0).startsWith(".a.npy.") && during.get(0).endsWith(".tmp"), during.get(0));
            assertFalse(Files.exists(target), "the target appears only when complete");
            ch.write(ByteBuffer.wrap(Npy.save(Torch.ones(2))));
        });
        assertArrayEquals(new float[] {1, 1}, Npy.loadFile(target).toFloatArray());
        assertEquals(List.of("a.npy"), listing(dir));
    }

    @Test
    void invalidInputFailsBeforeAnyFileIsCreated(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("bad.safetensors");
        assertEquals("\"__metadata__\" is reserved for the metadata and cannot name a tensor",
                assertThrows(IllegalArgumentException.class,
                        () -> SafeTensors.saveFile(Map.of("__metadata__", Torch.ones(1)), target)).getMessage());
        java.util.Map<String, Tensor> withNull = new java.util.HashMap<>();
        withNull.put("w", null);
        assertEquals("tensor 'w' is null", assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.saveFile(withNull, target)).getMessage());
        assertEquals(List.of(), listing(dir));
        assertThrows(NoSuchFileException.class,
                () -> SafeTensors.saveFile(Map.of("w", Torch.ones(1)), dir.resolve("missing/dir/x.safetensors")));
        assertEquals(List.of(), listing(dir));
    }
}
