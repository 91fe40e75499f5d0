package io.jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What the example programs' {@code main} methods share: where plots go and saying so. */
final class Examples {
    private Examples() {}

    /** The plot directory: the first argument, else {@code out} (created when the first plot is written). */
    static Path outDir(String[] args) {
        return Path.of(args.length > 0 ? args[0] : "out");
    }

    /** Prints one line naming each plot written, with its absolute path. */
    static void sayWhere(PrintStream out, List<Path> plots) {
        for (Path p : plots) {
            out.println("Plot written to " + p.toAbsolutePath().normalize());
        }
    }
}
