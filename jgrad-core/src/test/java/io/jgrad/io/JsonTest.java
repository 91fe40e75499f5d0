package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON parser and the string quoting of the safetensors writer. */
class JsonTest {

    @Test
    void parsesEveryKindOfValue() throws Json.SyntaxError {
        Object v = Json.parse(" {\"a\": [1, -0, 2.5e-3, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\\/\"], \"b\": {}} \n");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(BigInteger.ONE, a.get(0));
        assertEquals(BigInteger.ZERO, a.get(1));
        assertEquals(new BigDecimal("2.5e-3"), a.get(2));
        assertEquals(true, a.get(3));
        assertEquals(false, a.get(4));
        assertSame(Json.NULL, a.get(5));
        assertEquals("x\n\u00e9\ud83d\ude00/", a.get(6));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) Json.parse("{\"b\":1,\"a\":2}")).keySet()),
                "keys keep their order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1",
        "\"\\u12\"", "\"\\uZZZZ\"", "\"\\udc00\"", "\"tab\there\"", "[1 2]", "{\"a\":1}{", "nul", "True", "'a'",
        "{1:2}", "[\"a\"", "\"\\ud800\\u0041\""})
    void rejectsInvalidDocuments(String text) {
        assertThrows(Json.SyntaxError.class, () -> Json.parse(text));
    }

    @Test
    void quotesAsSerdeJson() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f é ✓\u007f\"",
                Json.quote("a\"b\\c\n\t\r\b\f\u0001\u001f é ✓\u007f"));
    }
}
