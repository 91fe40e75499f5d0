package io.jgrad.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * What the same programs printed and computed under PyTorch 1.13, recorded by
 * {@code tools/fixtures/gen_examples.py} in {@code fixtures/examples.properties}.
 */
final class PyTorchRun {
    private static final Properties FIXTURE = load();

    private final String program;

    private PyTorchRun(String program) {
        this.program = program;
    }

    /** The recorded run of the program of this (Java) name. */
    static PyTorchRun of(String program) {
        if (FIXTURE.getProperty(program + ".stdout") == null) {
            throw new IllegalArgumentException("no PyTorch run recorded for " + program);
        }
        return new PyTorchRun(program);
    }

    /** Everything the program printed. */
    String stdout() {
        return FIXTURE.getProperty(program + ".stdout");
    }

    /** A recorded float32 value. */
    double value(String key) {
        return values(key)[0];
    }

    /** Recorded float32 values, separated by spaces in the fixture. */
    double[] values(String key) {
        String v = FIXTURE.getProperty(program + "." + key);
        if (v == null) {
            throw new IllegalArgumentException("no value " + program + "." + key);
        }
        return Arrays.stream(v.trim().split(" +")).mapToDouble(s -> Float.parseFloat(s)).toArray();
    }

    private static Properties load() {
        try (InputStream in = PyTorchRun.class.getResourceAsStream("/fixtures/examples.properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
