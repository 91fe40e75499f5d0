package io.jgrad.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) and string quoting for the safetensors header. Values parse to
 * {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@code String}, {@link BigInteger}
 * (numbers written without fraction or exponent), {@link BigDecimal} (other numbers), {@code Boolean}, and
 * {@link #NULL}. Stricter than the RFC where a header must be: duplicate keys, nesting deeper than
 * {@link #MAX_DEPTH}, number literals longer than {@link #MAX_NUMBER_LENGTH} and unpaired surrogate escapes
 * are errors. Not public API.
 */
final class Json {
    private Json() {}

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;

    /** A syntax error, with the character offset where it was found. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message, int at) {
            super(message + " at character " + at);
        }
    }

    /** Parses one JSON value; only whitespace may follow it. */
    static Object parse(String text) throws SyntaxError {
        Parser p = new Parser(text);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw new SyntaxError("unexpected " + p.describe() + " after the value", p.pos);
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        String describe() {
            if (pos >= s.length()) {
                return "end of input";
            }
            char c = s.charAt(pos);
            return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) throws SyntaxError {
            if (depth > MAX_DEPTH) {
                throw new SyntaxError("nesting deeper than " + MAX_DEPTH, pos);
            }
            if (pos >= s.length()) {
                throw new SyntaxError("unexpected end of input, expected a value", pos);
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return NULL;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw new SyntaxError("unexpected " + describe() + ", expected a value", pos);
            }
        }

        void literal(String word) throws SyntaxError {
            if (!s.startsWith(word, pos)) {
                throw new SyntaxError("invalid literal, expected '" + word + "'", pos);
            }
            pos += word.length();
        }

        void expect(char c) throws SyntaxError {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new SyntaxError("expected '" + c + "' but found " + describe(), pos);
            }
            pos++;
        }

        Map<String, Object> object(int depth) throws SyntaxError {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWhitespace();
                int keyAt = pos;
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw new SyntaxError("expected a string key but found " + describe(), pos);
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object v = value(depth + 1);
                if (m.containsKey(key)) {
                    throw new SyntaxError("duplicate key \"" + key + "\"", keyAt);
                }
                m.put(key, v);
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        List<Object> array(int depth) throws SyntaxError {
            expect('[');
            List<Object> l = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                skipWhitespace();
                l.add(value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        String string() throws SyntaxError {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new SyntaxError("unterminated string", pos);
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new SyntaxError(String.format("control character U+%04X in a string", (int) c), pos);
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                pos++;
                if (pos >= s.length()) {
                    throw new SyntaxError("unterminated escape", pos);
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': {
                        char u = hex4();
                        if (Character.isHighSurrogate(u)) {
                            if (!s.startsWith("\\u", pos)) {
                                throw new SyntaxError("unpaired surrogate escape", pos);
                            }
                            pos += 2;
                            char low = hex4();
                            if (!Character.isLowSurrogate(low)) {
                                throw new SyntaxError("unpaired surrogate escape", pos);
                            }
                            sb.append(u).append(low);
                        } else if (Character.isLowSurrogate(u)) {
                            throw new SyntaxError("unpaired surrogate escape", pos);
                        } else {
                            sb.append(u);
                        }
                        break;
                    }
                    default:
                        pos -= 2;
                        throw new SyntaxError("invalid escape '\\" + e + "'", pos);
                }
            }
        }

        char hex4() throws SyntaxError {
            if (pos + 4 > s.length()) {
                throw new SyntaxError("truncated \\u escape", pos);
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos + i), 16);
                if (d < 0 || s.charAt(pos + i) > 0x7f) {
                    throw new SyntaxError("invalid hex digit in \\u escape", pos + i);
                }
                v = v * 16 + d;
            }
            pos += 4;
            return (char) v;
        }

        Object number() throws SyntaxError {
            int start = pos;
            boolean integral = true;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
                digits();
            } else {
                throw new SyntaxError("invalid number", pos);
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                integral = false;
                pos++;
                if (digits() == 0) {
                    throw new SyntaxError("invalid number: no digits after '.'", pos);
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw new SyntaxError("invalid number: no digits in the exponent", pos);
                }
            }
            if (pos - start > MAX_NUMBER_LENGTH) {
                throw new SyntaxError("number literal longer than " + MAX_NUMBER_LENGTH + " characters", start);
            }
            String lit = s.substring(start, pos);
            return integral ? new BigInteger(lit) : new BigDecimal(lit);
        }

        int digits() {
            int n = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
                n++;
            }
            return n;
        }
    }

    /** {@code s} as a JSON string literal, escaped as serde_json does (the reference writer's library). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
