package io.jgrad.io;

import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes safetensors and {@code .npy} files with jgrad into {@code target/java-written/} and reads them back.
 * The same files are checked with PyTorch and NumPy by {@code tools/fixtures/check_java_files.py} (run by
 * hand after {@code mvn test}: {@code /usr/bin/python3 tools/fixtures/check_java_files.py}), which knows the
 * same tensors, built the same way.
 */
class JavaWrittenFilesTest {
    static final Path DIR = Path.of("target", "java-written");

    /** The tensors of java.safetensors; check_java_files.py builds the same ones with torch. */
    static Map<String, Tensor> tensors() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Torch.arange(0.0, 12.0, 1.0).reshape(3, 4).mul(0.5).sub(2.0));
        m.put("d", tensor(new double[] {0.1, -1e300, Double.MIN_VALUE, Double.NaN, -0.0}, DType.FLOAT64));
        m.put("i", tensor(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 7L));
        m.put("m", tensor(true, false, false, true).reshape(2, 2));
        m.put("s", Torch.scalar(3.25));
        m.put("e", Torch.zeros(0, 2));
        m.put("\u00fcn\u00ef \u2713", tensor(new double[] {1.5}, DType.FLOAT64));
        m.put("layer.0.weight", Torch.arange(0.0, 6.0, 1.0).reshape(2, 3).transpose(0, 1)); // not contiguous
        return m;
    }

    static final Map<String, String> METADATA = Map.of("format", "pt", "by", "jgrad");

    @Test
    void writesFilesForPythonToCheck() throws IOException {
        Files.createDirectories(DIR);
        Map<String, Tensor> tensors = tensors();
        Path st = DIR.resolve("java.safetensors");
        SafeTensors.saveFile(tensors, st, METADATA);
        Map<String, Tensor> back = SafeTensors.loadFile(st);
        assertEquals(tensors.size(), back.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor b = back.get(e.getKey());
            assertEquals(e.getValue().dtype(), b.dtype());
            assertArrayEquals(e.getValue().shape(), b.shape());
            assertArrayEquals(e.getValue().toDoubleArray(), b.toDoubleArray(), 0.0, e.getKey());
        }
        assertEquals(METADATA, SafeTensors.metadataFile(st));
        assertArrayEquals(Files.readAllBytes(st), SafeTensors.save(tensors, METADATA), "file and bytes agree");

        for (String name : new String[] {"w", "d", "i", "m", "s", "e", "layer.0.weight"}) {
            Path p = DIR.resolve("java_" + name + ".npy");
            Npy.saveFile(tensors.get(name), p);
            Tensor t = Npy.loadFile(p);
            assertArrayEquals(tensors.get(name).shape(), t.shape());
            assertArrayEquals(tensors.get(name).toDoubleArray(), t.toDoubleArray(), 0.0, name);
        }
    }
}
