package io.jgrad.io;

import io.jgrad.DType;
import io.jgrad.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NumPy's {@code .npy} format for one tensor: the magic {@code \x93NUMPY}, a version, a
 * little-endian header length (2 bytes in version 1.0, 4 in 2.0), a header that is a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}, then the data. jgrad handles
 * {@code '<f4'} (FLOAT32), {@code '<f8'} (FLOAT64), {@code '<i8'} (INT64) and {@code '|b1'} (BOOL) in C order;
 * anything else (other dtypes, big-endian data, {@code fortran_order: True}, object arrays, format 3.0) is
 * rejected with a {@link TensorFormatException} that says so.
 *
 * <pre>{@code
 * Npy.saveFile(x, Path.of("x.npy"));          // np.save("x.npy", x.numpy())
 * Tensor y = Npy.loadFile(Path.of("x.npy"));  // y = torch.from_numpy(np.load("x.npy"))
 * }</pre>
 *
 * <p>Writing produces exactly the bytes of NumPy 1.24's {@code np.save}: version 1.0 (2.0 only if the header
 * needs it), keys in sorted order, the spare spaces NumPy leaves for growing the first dimension, and the
 * header padded with spaces and a newline so the data starts at a multiple of 64 bytes. Files are written
 * atomically (temporary file, fsync, atomic rename). Reading checks the magic, the version, the header length
 * (at most 10,000 bytes, NumPy's own limit, and within the file), the header's syntax and keys, the dtype,
 * the shape (non-negative, no overflow, at most 2^31-1 elements) and that the file holds exactly the data the
 * shape needs, before it reads any data.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy's {@code _MAX_HEADER_SIZE}: longer headers are refused by {@code np.load} too. */
    public static final int MAX_HEADER_SIZE = 10_000;
    private static final int ARRAY_ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    // ------------------------------------------------------------------------------------------------
    // Writing

    /**
     * The {@code .npy} bytes of a tensor, {@code np.save(f, x.numpy())} into memory.
     *
     * <pre>{@code
     * byte[] bytes = Npy.save(x);   // buf = io.BytesIO(); np.save(buf, x.numpy()); bytes = buf.getvalue()
     * }</pre>
     *
     * @throws IllegalArgumentException if the data would exceed 2 GB (use {@link #saveFile})
     */
    public static byte[] save(Tensor t) {
        byte[] header = header(t);
        long total = header.length + (long) t.numel() * TensorBytes.itemSize(t.dtype());
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(".npy data of " + total + " bytes does not fit a byte array; use "
                    + "saveFile");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) total);
        try {
            writeTo(Channels.newChannel(bytes), header, t);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a tensor to a {@code .npy} file atomically, {@code np.save(path, x.numpy())}.
     *
     * <pre>{@code
     * Npy.saveFile(x, Path.of("x.npy"));   // np.save("x.npy", x.numpy())
     * }</pre>
     *
     * @throws IOException if the file cannot be written (the target is then unchanged)
     */
    public static void saveFile(Tensor t, Path path) throws IOException {
        byte[] header = header(t);
        AtomicFile.write(path, ch -> writeTo(ch, header, t));
    }

    private static void writeTo(WritableByteChannel out, byte[] header, Tensor t) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(header);
        while (b.hasRemaining()) {
            out.write(b);
        }
        TensorBytes.write(t, out);
    }

    /** Magic, version, length and the padded header, as numpy.lib.format._write_array_header writes them. */
    private static byte[] header(Tensor t) {
        int[] shape = t.shape();
        StringBuilder d = new StringBuilder("{'descr': '").append(descr(t.dtype()))
                .append("', 'fortran_order': False, 'shape': ").append(shapeRepr(shape)).append(", }");
        if (shape.length > 0) {
            d.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        byte[] text = d.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1; // with the newline
        int major = 1;
        int lenBytes = 2;
        int padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        if (hlen + padlen > 0xFFFF) {
            major = 2;
            lenBytes = 4;
            padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lenBytes + hlen + padlen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (lenBytes == 2) {
            b.putShort((short) (hlen + padlen));
        } else {
            b.putInt(hlen + padlen);
        }
        b.put(text);
        for (int i = 0; i < padlen; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    private static String descr(DType d) {
        switch (d) {
            case FLOAT32: return "<f4";
            case FLOAT64: return "<f8";
            case INT64: return "<i8";
            default: return "|b1";
        }
    }

    private static DType dtypeOf(String descr) {
        switch (descr) {
            case "<f4": return DType.FLOAT32;
            case "<f8": return DType.FLOAT64;
            case "<i8": return DType.INT64;
            case "|b1": return DType.BOOL;
            default: return null;
        }
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String shapeRepr(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

    /**
     * The tensor of {@code .npy} bytes, {@code torch.from_numpy(np.load(io.BytesIO(data)))}.
     *
     * <pre>{@code
     * Tensor x = Npy.load(bytes);   // x = torch.from_numpy(np.load(io.BytesIO(bytes)))
     * }</pre>
     *
     * @throws TensorFormatException if the bytes are not a valid {@code .npy} file jgrad can read
     */
    public static Tensor load(byte[] data) throws TensorFormatException {
        try (ByteSource src = ByteSource.of(data, ".npy data")) {
            return read(src);
        } catch (TensorFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The tensor of a {@code .npy} file, {@code torch.from_numpy(np.load(path))}.
     *
     * <pre>{@code
     * Tensor x = Npy.loadFile(Path.of("x.npy"));   // x = torch.from_numpy(np.load("x.npy"))
     * }</pre>
     *
     * @throws TensorFormatException if the file is not a valid {@code .npy} file jgrad can read
     * @throws IOException if the file cannot be read
     */
    public static Tensor loadFile(Path path) throws IOException {
        try (ByteSource src = ByteSource.open(path)) {
            return read(src);
        }
    }

    private static Tensor read(ByteSource src) throws IOException {
        long size = src.size();
        if (size < MAGIC.length + 2) {
            throw src.error("too short for a .npy file (" + size + " bytes)");
        }
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2);
        src.readFully(0, start);
        byte[] s = start.array();
        for (int i = 0; i < MAGIC.length; i++) {
            if (s[i] != MAGIC[i]) {
                throw src.error("not a .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        int major = s[6] & 0xff;
        int minor = s[7] & 0xff;
        if ((major != 1 && major != 2) || minor != 0) {
            throw src.error("unsupported .npy format version " + major + "." + minor + " (jgrad reads 1.0 and 2.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        if (size < MAGIC.length + 2 + lenBytes) {
            throw src.error("too short for a .npy header length (" + size + " bytes; truncated?)");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        src.readFully(MAGIC.length + 2, lenBuf);
        lenBuf.flip();
        long hlen = lenBytes == 2 ? (lenBuf.getShort() & 0xFFFFL) : (lenBuf.getInt() & 0xFFFFFFFFL);
        if (hlen > MAX_HEADER_SIZE) {
            throw src.error("header length " + hlen + " exceeds the limit of " + MAX_HEADER_SIZE + " bytes (NumPy's "
                    + "max_header_size)");
        }
        long dataStart = MAGIC.length + 2 + lenBytes + hlen;
        if (dataStart > size) {
            throw src.error("header length " + hlen + " goes beyond the end of the file (" + size + " bytes; "
                    + "truncated?)");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) hlen);
        src.readFully(MAGIC.length + 2 + lenBytes, hb);
        byte[] headerBytes = hb.array();
        for (byte b : headerBytes) {
            if (b < 0) {
                throw src.error("header is not ASCII");
            }
        }
        String header = new String(headerBytes, StandardCharsets.US_ASCII);
        if (!header.endsWith("\n")) {
            throw src.error("header does not end with a newline (corrupt or truncated)");
        }
        Map<String, Object> dict;
        try {
            dict = new LiteralParser(header).dict();
        } catch (IllegalArgumentException e) {
            throw src.error("cannot parse the header " + quoted(header) + ": " + e.getMessage());
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw src.error("Header does not contain the correct keys: " + new java.util.TreeSet<>(dict.keySet())
                    + " (expected descr, fortran_order, shape)");
        }
        if (!(dict.get("descr") instanceof String)) {
            throw src.error("descr is not a dtype string: " + dict.get("descr") + " (structured arrays are not "
                    + "supported)");
        }
        String descr = (String) dict.get("descr");
        DType dtype = dtypeOf(descr);
        if (dtype == null) {
            throw src.error("dtype '" + descr + "' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')");
        }
        if (!(dict.get("fortran_order") instanceof Boolean)) {
            throw src.error("fortran_order is not a valid bool: " + dict.get("fortran_order"));
        }
        if ((Boolean) dict.get("fortran_order")) {
            throw src.error("fortran_order True is not supported (jgrad reads C-order arrays only)");
        }
        if (!(dict.get("shape") instanceof Shape)) {
            throw src.error("shape is not a tuple of integers: " + dict.get("shape"));
        }
        List<Long> dims = ((Shape) dict.get("shape")).dims;
        int[] shape = new int[dims.size()];
        long numel = 1;
        boolean overflow = false;
        for (int i = 0; i < shape.length; i++) {
            long d = dims.get(i);
            if (d < 0) {
                throw src.error("shape " + dims + " has a negative dimension");
            }
            if (d > Integer.MAX_VALUE) {
                throw src.error("dimension " + d + " of shape " + dims + " is larger than jgrad's limit of "
                        + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
            if (!overflow) {
                try {
                    numel = Math.multiplyExact(numel, d);
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        if (overflow) {
            throw src.error("the element count of shape " + dims + " overflows");
        }
        if (numel > Integer.MAX_VALUE) {
            throw src.error("shape " + dims + " has " + numel + " elements, more than jgrad's limit of "
                    + Integer.MAX_VALUE);
        }
        long need = numel * TensorBytes.itemSize(dtype);
        long have = size - dataStart;
        if (have < need) {
            throw src.error("data has " + have + " bytes but shape " + dims + " of '" + descr + "' needs " + need
                    + " (truncated?)");
        }
        if (have > need) {
            throw src.error("data has " + have + " bytes but shape " + dims + " of '" + descr + "' needs only "
                    + need + " (extra bytes at the end of the file)");
        }
        return TensorBytes.read(src, dataStart, dtype, shape, (int) numel, "the array");
    }

    private static String quoted(String header) {
        String h = header.length() > 200 ? header.substring(0, 200) + "..." : header;
        return "\"" + h.replace("\n", "\\n") + "\"";
    }

    /** A parsed shape tuple. */
    private record Shape(List<Long> dims) {
        @Override
        public String toString() {
            return dims.toString();
        }
    }

    /**
     * A strict parser for the Python literals of a {@code .npy} header: one dict of string keys whose values
     * are strings, {@code True}/{@code False}, or tuples of non-negative integers, with optional trailing
     * commas and spaces, followed only by spaces and the final newline. Errors are IllegalArgumentExceptions.
     */
    private static final class LiteralParser {
        private final String s;
        private int pos;

        LiteralParser(String s) {
            this.s = s;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }

        private void spaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        Map<String, Object> dict() {
            spaces();
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            spaces();
            while (!peek('}')) {
                String key = string();
                spaces();
                expect(':');
                spaces();
                Object value = value();
                if (m.put(key, value) != null) {
                    throw error("duplicate key '" + key + "'");
                }
                spaces();
                if (peek(',')) {
                    pos++;
                    spaces();
                } else if (!peek('}')) {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            spaces();
            if (pos != s.length() - 1) {
                throw error("unexpected text after the dict");
            }
            return m;
        }

        private Object value() {
            if (peek('\'') || peek('"')) {
                return string();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (peek('(')) {
                return tuple();
            }
            throw error("expected a string, True, False or a tuple of integers");
        }

        private String string() {
            if (!peek('\'') && !peek('"')) {
                throw error("expected a quoted string");
            }
            char q = s.charAt(pos++);
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != q) {
                char c = s.charAt(pos);
                if (c == '\\' || c < 0x20) {
                    throw error("unsupported character in a string");
                }
                pos++;
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            return s.substring(start, pos++);
        }

        private Shape tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            spaces();
            boolean comma = false;
            while (!peek(')')) {
                dims.add(integer());
                spaces();
                comma = peek(',');
                if (comma) {
                    pos++;
                    spaces();
                } else if (!peek(')')) {
                    throw error("expected ',' or ')'");
                }
            }
            if (dims.size() == 1 && !comma) {
                throw error("(n) is not a tuple; a 1-tuple is written (n,)");
            }
            pos++;
            return new Shape(dims);
        }

        private long integer() {
            int start = pos;
            if (peek('-')) {
                pos++;
            }
            int digits = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 0x80) {
                pos++;
            }
            if (pos == digits) {
                throw error("expected an integer");
            }
            if (pos - digits > 1 && s.charAt(digits) == '0') {
                throw error("leading zeros in an integer");
            }
            if (pos - digits > 19) {
                throw error("integer too large");
            }
            try {
                return Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("integer too large");
            }
        }
    }
}
