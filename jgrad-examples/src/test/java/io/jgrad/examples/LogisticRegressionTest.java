package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.viz.ImageStats;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo (seeds 000/003's logistic regression) against the same program run with PyTorch 1.13
 * ({@code tools/fixtures/gen_logistic.py}): every report (iteration, loss, accuracy, weights, bias) in both
 * model forms and for two seeds, stopping above 99% accuracy, with its plots written and non-blank.
 */
class LogisticRegressionTest {
    @TempDir
    Path dir;

    static double[][] expected(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LogisticRegressionTest.class.getResourceAsStream("/fixtures/logistic.properties")) {
            p.load(in);
        }
        String[] rows = p.getProperty(key).split(";");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] f = rows[i].trim().split(",");
            out[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                out[i][j] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} form, seed {1}")
    @CsvSource({"module, 10", "sequential, 10", "module, 1", "sequential, 1"})
    void followsPyTorchReportForReportAndStopsAbove99Percent(String form, long seed) throws IOException {
        double[][] want = expected("logistic." + form + "." + seed);
        LogisticRegression.Result r = LogisticRegression.run(dir, Outputs.NOWHERE, seed, form.equals("sequential"));
        List<LogisticRegression.Report> got = r.reports();
        assertEquals(want.length, got.size(), "number of reports before stopping");
        for (int i = 0; i < want.length; i++) {
            LogisticRegression.Report g = got.get(i);
            String at = "report " + i;
            assertEquals((int) want[i][0], g.iteration(), at);
            assertEquals(want[i][1], g.loss(), 1e-5 * Math.max(1, Math.abs(want[i][1])), at + " loss");
            assertEquals(want[i][2], g.accuracy(), 1e-12, at + " accuracy");
            assertEquals(want[i][3], g.w0(), 1e-5, at + " w0");
            assertEquals(want[i][4], g.w1(), 1e-5, at + " w1");
            assertEquals(want[i][5], g.b(), 1e-5, at + " b");
        }
        assertTrue(got.get(got.size() - 1).accuracy() > 0.99, "stops above 99% accuracy");
    }

    @org.junit.jupiter.api.Test
    void printsProgressAndWritesFramesGifAndLossCurve() {
        LogisticRegression.Result[] r = new LogisticRegression.Result[1];
        String printed = Outputs.printed(out -> r[0] = LogisticRegression.run(dir, out, 10, false));
        List<String> lines = printed.lines().toList();
        assertEquals(r[0].reports().size(), lines.size());
        assertEquals("Iteration:    0  loss: 0.3947  accuracy:  92.00%  w0: -0.05  w1: -0.46  b: 0.13", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("Iteration:  380  loss: 0.0493  accuracy:  99.50%"));
        List<Path> plots = r[0].plots();
        assertEquals(r[0].reports().size() + 2, plots.size(), "one frame per report, the GIF, the loss curve");
        ImageStats last = Outputs.assertPlot(dir, "logistic-019.png", plots.get(r[0].reports().size() - 1));
        assertTrue(last.pixelsNear(Color.RED, 40) > 100 * 20, "class 0 in red, and the red loss text");
        assertTrue(last.pixelsNear(Color.BLUE, 40) > 100 * 20, "class 1 in blue");
        assertTrue(Files.isRegularFile(dir.resolve("logistic.gif")));
        ImageStats loss = Outputs.assertPlot(dir, "logistic-loss.png", plots.get(plots.size() - 1));
        assertTrue(loss.nonWhitePixels() > 1000, "the loss curve is drawn");
    }
}
