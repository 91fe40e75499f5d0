package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what CPython 3.11 prints for the same format and value. */
class PyFormatTest {

    @ParameterizedTest(name = "'%.2f' % {0} == {1}")
    @CsvSource({
        "2.675, 2.67", "1.005, 1.00", "0.125, 0.12", "0.375, 0.38", "-0.001, -0.00", "-0.0, -0.00",
        "1e20, 100000000000000000000.00", "123.456, 123.46", "-2.5, -2.50", "NaN, nan", "Infinity, inf",
    })
    void fixedRoundsTheBinaryValueHalfToEven(double v, String python) {
        assertEquals(python, PyFormat.fixed(v, 2));
    }

    @ParameterizedTest(name = "'{:.2%}'.format({0}) == {1}")
    @CsvSource({"0.995, 99.50%", "0.98, 98.00%", "0.12345, 12.35%", "0.3333333333333333, 33.33%", "1.0, 100.00%"})
    void percentMultipliesByAHundredFirst(double v, String python) {
        assertEquals(python, PyFormat.percent(v, 2));
    }

    @ParameterizedTest
    @CsvSource({"0.69314718, 0.6931", "0.12345, 0.1235"})
    void fourDigitsAsTheLossText(double v, String python) {
        assertEquals(python, PyFormat.fixed(v, 4));
    }
}
