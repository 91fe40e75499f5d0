package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each program's {@code main}: prints what the tutorial prints, then where each plot went. */
class MainsTest {

    @TempDir
    Path dir;

    static List<Arguments> plotting() {
        return List.of(
                Arguments.of("QuadraticRegressionByHand", (Consumer<String[]>) QuadraticRegressionByHand::main,
                        List.of("quadratic-by-hand-data.png", "quadratic-by-hand-fit.png")),
                Arguments.of("QuadraticRegressionAutograd", (Consumer<String[]>) QuadraticRegressionAutograd::main,
                        List.of("quadratic-autograd-data.png", "quadratic-autograd-fit.png")),
                Arguments.of("GradientDescentTwoVariables", (Consumer<String[]>) GradientDescentTwoVariables::main,
                        List.of("gradient-descent.png")),
                Arguments.of("SinGradient", (Consumer<String[]>) SinGradient::main, List.of("sin.png", "sin-grad.png")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plotting")
    void mainPrintsThenSaysWhereThePlotsAre(String program, Consumer<String[]> main, List<String> pngs) {
        Path out = dir.resolve("out");
        String printed = Outputs.printedBy(() -> main.accept(new String[] {out.toString()}));
        String where = pngs.stream()
                .map(p -> "Plot written to " + out.resolve(p).toAbsolutePath().normalize() + "\n")
                .collect(Collectors.joining());
        assertEquals(PyTorchRun.of(program).stdout() + where, printed);
        for (String png : pngs) {
            Outputs.assertPlot(out, png, out.resolve(png));
        }
    }

    @Test
    void gradModeSwitchesPrintsOnly() {
        String printed = Outputs.printedBy(() -> GradModeSwitches.main(new String[0]));
        assertEquals(PyTorchRun.of("GradModeSwitches").stdout().split("\n").length, printed.split("\n").length);
        assertFalse(printed.contains("Plot written"));
    }

    @Test
    void plotsGoToOutUnlessADirectoryIsGiven() {
        assertEquals(Path.of("out"), Examples.outDir(new String[0]));
        assertEquals(dir, Examples.outDir(new String[] {dir.toString()}));
    }
}
