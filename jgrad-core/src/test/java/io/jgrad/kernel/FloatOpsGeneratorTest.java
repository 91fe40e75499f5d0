package io.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code FloatOps.java} is generated from {@code DoubleOps.java} (EJML's way: one source of truth for the
 * float and double loops), and so are {@code FloatGemm.java} and {@code VectorFloatGemm.java} from their
 * Double twins. This test fails when a committed Float file differs from what the generator makes; regenerate
 * with {@code mvn -q -pl jgrad-core test -Dtest=FloatOpsGeneratorTest -Djgrad.regenerate=true}.
 */
class FloatOpsGeneratorTest {
    private static final Path DIR = Path.of("src/main/java/io/jgrad/kernel");

    /** The generation rule: DoubleOps -> FloatOps, double -> float except where marked keep, Double -> Float. */
    static String generate(String doubleSource) {
        String body = doubleSource
                .replace("DoubleOps", "FloatOps")
                .replaceAll("\\bdouble\\b(?!\\s*/\\*keep\\*/)", "float")
                .replaceAll("\\bDouble\\.", "Float.");
        String header = "// GENERATED from DoubleOps.java by FloatOpsGeneratorTest: do not edit by hand.\n";
        return header + body;
    }

    /**
     * The rule for the GEMM files: every {@code Double} (DoubleGemm, DoubleVector, Double.BYTES) becomes
     * {@code Float}, FLOAT64 becomes FLOAT32, and {@code double} becomes {@code float} except where marked keep.
     */
    static String generateGemm(String doubleSource, String doubleName) {
        String body = doubleSource
                .replace("Double", "Float")
                .replace("FLOAT64", "FLOAT32")
                .replaceAll("\\bdouble\\b(?!\\s*/\\*keep\\*/)", "float");
        return "// GENERATED from " + doubleName + ".java by FloatOpsGeneratorTest: do not edit by hand.\n" + body;
    }

    private static final String[] GEMM_FILES = {"DoubleGemm", "VectorDoubleGemm"};

    @Test
    void gemmFloatFilesAreGeneratedFromTheDoubleOnes() throws IOException {
        for (String name : GEMM_FILES) {
            String expected = generateGemm(Files.readString(DIR.resolve(name + ".java"), StandardCharsets.UTF_8), name);
            Path target = DIR.resolve(name.replace("Double", "Float") + ".java");
            if (Boolean.getBoolean("jgrad.regenerate")) {
                Files.writeString(target, expected, StandardCharsets.UTF_8);
            }
            assertEquals(expected, Files.readString(target, StandardCharsets.UTF_8),
                    target.getFileName() + " is stale: regenerate it from " + name + ".java (see this test's Javadoc)");
        }
    }

    @Test
    void floatOpsIsGeneratedFromDoubleOps() throws IOException {
        String expected = generate(Files.readString(DIR.resolve("DoubleOps.java"), StandardCharsets.UTF_8));
        Path target = DIR.resolve("FloatOps.java");
        if (Boolean.getBoolean("jgrad.regenerate")) {
            Files.writeString(target, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(target, StandardCharsets.UTF_8),
                "FloatOps.java is stale: regenerate it from DoubleOps.java (see this test's Javadoc)");
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(DIR.resolve("FloatOps.java"),
                generate(Files.readString(DIR.resolve("DoubleOps.java"), StandardCharsets.UTF_8)));
        for (String name : GEMM_FILES) {
            Files.writeString(DIR.resolve(name.replace("Double", "Float") + ".java"),
                    generateGemm(Files.readString(DIR.resolve(name + ".java"), StandardCharsets.UTF_8), name));
        }
    }
}
