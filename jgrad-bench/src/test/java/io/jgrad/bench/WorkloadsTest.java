package io.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The output line is Python's, and the cheap workloads compute what PyTorch's do. */
class WorkloadsTest {
    @Test
    void pythonFixedPointFormatting() {
        assertEquals("0.1250", PyFloat.fixed(0.125, 4));
        assertEquals("0.12", PyFloat.fixed(0.125, 2));      // half-even on the exact value, as Python
        assertEquals("0.13", PyFloat.fixed(0.1251, 2));
        assertEquals("2.7", PyFloat.fixed(2.675, 1));
        assertEquals("2.67", PyFloat.fixed(2.675, 2));      // 2.675 is 2.67499999... in binary
        assertEquals("-0.0000", PyFloat.fixed(-0.00001, 4));
        assertEquals("-0.0", PyFloat.fixed(-0.0, 1));
        assertEquals("-1426704.0000", PyFloat.fixed(-1426704.0, 4));
        assertEquals("nan", PyFloat.fixed(Double.NaN, 4));
        assertEquals("inf", PyFloat.fixed(Double.POSITIVE_INFINITY, 1));
        assertEquals("-inf", PyFloat.fixed(Double.NEGATIVE_INFINITY, 1));
    }

    @Test
    void lineFormat() {
        assertEquals("scalar_graph\t20.6 us/iter\tchecksum=6.0000", Workloads.line("scalar_graph", 20.6e-6, 6.0));
    }

    @Test
    void medianIsPythonsStatisticsMedian() {
        assertEquals(3.0, Workloads.median(new double[] {5, 1, 3, 4, 2}));
        assertEquals(2.5, Workloads.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void scalarGraphChecksumIsPyTorchs() {
        assertEquals(6.0, Workloads.scalarGraph(3));    // float(y) with y = (1 + 2) * (1 + 1)
    }

    @Test
    void timeitRunsWarmUpThenRepeats() {
        int[] calls = new int[3];
        Workloads.Timing t = Workloads.timeit(n -> { calls[0]++; calls[1] += n; return n; }, 25);
        assertEquals(6, calls[0]);                      // fn(max(1, 25 // 10)) then 5 repeats
        assertEquals(2 + 5 * 25, calls[1]);
        assertEquals(25.0, t.out());
    }
}
