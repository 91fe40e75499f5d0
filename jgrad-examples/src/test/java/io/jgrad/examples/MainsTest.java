package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void demoMainPrintsProgressThenSaysWhereThePlotsAre() {
        Path out = dir.resolve("out");
        String printed = Outputs.printedBy(() -> LogisticRegression.main(new String[] {out.toString()}));
        List<String> lines = printed.lines().toList();
        assertEquals(20 + 20 + 2, lines.size(), "20 reports, then 20 frames, the GIF and the loss curve");
        assertEquals("Iteration:    0  loss: 0.3947  accuracy:  92.00%  w0: -0.05  w1: -0.46  b: 0.13", lines.get(0));
        assertEquals("Plot written to " + out.resolve("logistic-loss.png").toAbsolutePath().normalize(),
                lines.get(lines.size() - 1));
    }

    @Test
    void tinyModelMainPrintsTheSlices() {
        String printed = Outputs.printedBy(() -> TinyModelTraining.main(new String[0]));
        List<String> lines = printed.lines().toList();
        assertEquals("None", lines.get(2), "print(model.layer2.weight.grad) before backward");
        assertTrue(printed.contains("grad_fn=<SumBackward0>"), "print(loss)");
        assertTrue(printed.endsWith("tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])\n"), printed);
    }

    @Test
    void plotsGoToOutUnlessADirectoryIsGiven() {
        assertEquals(Path.of("out"), Examples.outDir(new String[0]));
        assertEquals(dir, Examples.outDir(new String[] {dir.toString()}));
    }
}
