package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by Python ({@code fixtures/io/}, made by {@code tools/fixtures/gen_io.py}: safetensors
 * written per the reference implementation's algorithm, {@code .npy} by NumPy's {@code np.save}) read in
 * Java with exact values, and written back by Java byte for byte the same.
 */
class PythonWrittenFilesTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PythonWrittenFilesTest.class.getResourceAsStream("/fixtures/io/" + name)) {
            return in.readAllBytes();
        }
    }

    /** One expected tensor of {@code expected.txt}. */
    record Expected(String file, String name, String dtype, int[] shape, String values) {}

    static List<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PythonWrittenFilesTest.class.getResourceAsStream("/fixtures/io/expected.txt"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.split(" ");
                if (line.startsWith("#") || t[0].equals("metadata")) {
                    continue;
                }
                String name = t[1].equals("-") ? null : new String(HexFormat.of().parseHex(t[1]), StandardCharsets.UTF_8);
                int[] shape = t[3].equals("-") ? new int[0]
                        : java.util.Arrays.stream(t[3].split(",")).mapToInt(Integer::parseInt).toArray();
                out.add(new Expected(t[0], name, t[2], shape, t[4]));
            }
        }
        return out;
    }

    static Map<String, String> expectedMetadata(String file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PythonWrittenFilesTest.class.getResourceAsStream("/fixtures/io/expected.txt"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.split(" ");
                if (t[0].equals("metadata") && t[1].equals(file)) {
                    out.put(new String(HexFormat.of().parseHex(t[2]), StandardCharsets.UTF_8),
                            t[3].equals("-") ? "" : new String(HexFormat.of().parseHex(t[3]), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    static double parse(String v) {
        switch (v) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(v);
        }
    }

    /** Exact comparison: same dtype, shape and values (bits for floats, NaN for NaN). */
    static void assertExact(Expected e, Tensor t) {
        String what = e.file() + " " + e.name();
        assertEquals(e.dtype(), switch (t.dtype()) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        }, what);
        assertArrayEquals(e.shape(), t.shape(), what);
        String[] v = e.values().equals("-") ? new String[0] : e.values().split(",");
        assertEquals(v.length, t.numel(), what);
        switch (t.dtype()) {
            case FLOAT32: {
                float[] a = t.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    float want = (float) parse(v[i]);
                    assertTrue(Float.isNaN(want) ? Float.isNaN(a[i])
                            : Float.floatToIntBits(want) == Float.floatToIntBits(a[i]), what + "[" + i + "]");
                }
                break;
            }
            case FLOAT64: {
                double[] a = t.toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    double want = parse(v[i]);
                    assertTrue(Double.isNaN(want) ? Double.isNaN(a[i])
                            : Double.doubleToLongBits(want) == Double.doubleToLongBits(a[i]), what + "[" + i + "]");
                }
                break;
            }
            case INT64: {
                long[] a = t.toLongArray();
                for (int i = 0; i < v.length; i++) {
                    assertEquals(Long.parseLong(v[i]), a[i], what + "[" + i + "]");
                }
                break;
            }
            default: {
                boolean[] a = t.toBooleanArray();
                for (int i = 0; i < v.length; i++) {
                    assertEquals(v[i].equals("1"), a[i], what + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void readsSafetensorsWrittenByPython() throws IOException {
        byte[] bytes = resource("mixed.safetensors");
        Map<String, Tensor> tensors = SafeTensors.load(bytes);
        List<String> names = new ArrayList<>();
        for (Expected e : expected()) {
            if (e.file().equals("mixed.safetensors")) {
                names.add(e.name());
                Tensor t = tensors.get(e.name());
                assertExact(e, t);
                assertTrue(t.isContiguous());
                assertEquals(false, t.requiresGrad());
            }
        }
        assertEquals(names, new ArrayList<>(tensors.keySet()), "all tensors, sorted by name");
        assertEquals(expectedMetadata("mixed.safetensors"), new TreeMap<>(SafeTensors.metadata(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.safetensors", "empty.safetensors", "metadata_only.safetensors"})
    void writesSafetensorsByteForByteAsTheReference(String file) throws IOException {
        byte[] bytes = resource(file);
        Map<String, String> md = SafeTensors.metadata(bytes);
        byte[] again = SafeTensors.save(SafeTensors.load(bytes), md.isEmpty() && !file.startsWith("metadata")
                ? null : md);
        assertArrayEquals(bytes, again);
    }

    @Test
    void emptyFilesHaveNoTensors() throws IOException {
        assertEquals(Map.of(), SafeTensors.load(resource("empty.safetensors")));
        assertEquals(Map.of(), SafeTensors.metadata(resource("empty.safetensors")));
        assertEquals(Map.of(), SafeTensors.load(resource("metadata_only.safetensors")));
        assertEquals(Map.of("framework", "pt"), SafeTensors.metadata(resource("metadata_only.safetensors")));
    }

    @Test
    void readsNpyWrittenByNumpy() throws IOException {
        int n = 0;
        for (Expected e : expected()) {
            if (e.file().endsWith(".npy")) {
                assertExact(e, Npy.load(resource(e.file())));
                n++;
            }
        }
        assertEquals(7, n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f32.npy", "f64.npy", "i64.npy", "bool.npy", "scalar.npy", "empty.npy"})
    void writesNpyByteForByteAsNumpy(String file) throws IOException {
        byte[] bytes = resource(file);
        assertArrayEquals(bytes, Npy.save(Npy.load(bytes)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "fortran.npy#.npy data: fortran_order True is not supported (jgrad reads C-order arrays only)",
        "big_endian.npy#.npy data: dtype '>f4' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')",
        "f16.npy#.npy data: dtype '<f2' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')",
        "i32.npy#.npy data: dtype '<i4' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')",
        "object.npy#.npy data: dtype '|O' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')",
    })
    void rejectsNpyFeaturesJgradDoesNotHave(String file, String message) throws IOException {
        byte[] bytes = resource(file);
        assertEquals(message, assertThrows(TensorFormatException.class, () -> Npy.load(bytes)).getMessage());
    }

    @Test
    void safetensorsRoundTripKeepsEveryDtypeAndShape() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafeTensors.load(resource("mixed.safetensors")));
        Map<String, Tensor> back = SafeTensors.load(SafeTensors.save(tensors));
        assertEquals(tensors.keySet(), back.keySet());
        for (String k : tensors.keySet()) {
            assertEquals(tensors.get(k).dtype(), back.get(k).dtype());
            assertArrayEquals(tensors.get(k).shape(), back.get(k).shape());
            if (tensors.get(k).dtype() == DType.FLOAT64) {
                assertArrayEquals(tensors.get(k).toDoubleArray(), back.get(k).toDoubleArray());
            }
        }
    }
}
