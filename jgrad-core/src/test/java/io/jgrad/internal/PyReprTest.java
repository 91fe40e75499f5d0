package io.jgrad.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link PyRepr} against Python 3's {@code repr(float)} (values and reprs printed by CPython). */
class PyReprTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0x1.4f8b588e368f1p-17, 1e-05",
        "0x1.a36e2eb1c432dp-14, 0.0001",
        "0x1.1c37937e08000p+53, 1e+16",
        "0x1.18b54f22aeb00p+50, 1234567890123456.0",
        "0x1.999999999999ap-4, 0.1",
        "-0x1.0000000000000p+0, -1.0",
        "0x1.1eb2d66005835p+997, 1.5e+300",
        "0x0.0000000000001p-1022, 5e-324",
        "0x1.0000000000000p-1022, 2.2250738585072014e-308",
        "0x1.9000000000000p+6, 100.0",
        "0x1.3333333333334p-2, 0.30000000000000004",
        "0x1.0f0cf064dd592p+73, 1e+22",
        "0x1.b69b4ba630f35p+56, 1.2345678901234568e+17",
        "0x1.1c37937e07fffp+53, 9999999999999998.0",
        "0x1.0624dd2f1a9fcp-10, 0.001",
        "0x1.5555555555555p-2, 0.3333333333333333",
        "0x0.0000000000003p-1022, 1.5e-323",
        "0x1.fffffffffffffp+1023, 1.7976931348623157e+308",
        "0x1.81cd6c8b43958p+13, 12345.678",
        "0x1.3a92a30553262p-12, 0.00030000000000000003",
        "0x1.f75104d551d69p-14, 0.00012",
    })
    void floatReprIsPythons(String hex, String repr) {
        assertEquals(repr, PyRepr.of(Double.parseDouble(hex)));
    }

    @Test
    void specialValuesAndObjects() {
        assertEquals("0.0", PyRepr.of(0.0));
        assertEquals("-0.0", PyRepr.of(-0.0));
        assertEquals("inf", PyRepr.of(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyRepr.of(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PyRepr.of(Double.NaN));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("lr", 0.1);
        m.put("params", List.of(0, 1));
        m.put("nesterov", true);
        m.put("foreach", null);
        assertEquals("{'lr': 0.1, 'params': [0, 1], 'nesterov': True, 'foreach': None}", PyRepr.ofObject(m));
    }
}
