package io.jgrad.io;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format (Hugging Face's {@code safetensors}), the weight-file format that
 * cannot run code: an 8-byte little-endian header length N, N bytes of a JSON header mapping each tensor's
 * name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets into the data buffer that
 * follows) plus an optional {@code "__metadata__"} map of strings, then the data, little-endian and
 * row-major. jgrad reads and writes dtypes {@code F32}, {@code F64}, {@code I64} and {@code BOOL}.
 *
 * <pre>{@code
 * SafeTensors.saveFile(Map.of("weight", w, "bias", b), Path.of("model.safetensors"));
 * // safetensors.torch.save_file({"weight": w, "bias": b}, "model.safetensors")
 * Map<String, Tensor> sd = SafeTensors.loadFile(Path.of("model.safetensors"));
 * // sd = safetensors.torch.load_file("model.safetensors")
 * }</pre>
 *
 * <h2>Writing</h2>
 * Byte for byte what the reference implementation writes: tensors ordered by dtype alignment (I64, F64,
 * F32, BOOL) then by name, a compact JSON header ({@code __metadata__} first, its keys sorted here) padded
 * with spaces to a multiple of 8 bytes so the data is aligned. Files are written atomically (a temporary
 * file in the same directory, fsync, atomic rename): a crash or error never leaves a partial file.
 *
 * <h2>Reading</h2>
 * Everything is checked before any data is read, and a bad file throws {@link TensorFormatException} (a
 * checked {@code IOException}) naming the file and the problem: the header length (at most 100,000,000
 * bytes, as the reference, and within the file), UTF-8, strict JSON (no duplicate names), the entries'
 * fields and types, dtype names, shapes (non-negative, no overflow, at most 2^31-1 elements per tensor),
 * and the offsets: in range, matching shape times item size, and covering the data buffer exactly, without
 * gaps or overlaps (the reference's rule). A read returns all tensors or throws; it never returns part of a
 * file. Loaded tensors are new, contiguous, and do not require grad.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** The reference implementation's limit on the header length. */
    public static final long MAX_HEADER_SIZE = 100_000_000L;

    private static final String METADATA_KEY = "__metadata__";
    private static final Set<String> OTHER_DTYPES = Set.of("U8", "I8", "I16", "U16", "F16", "BF16", "I32", "U32",
            "U64", "F8_E5M2", "F8_E4M3");

    // ------------------------------------------------------------------------------------------------
    // Writing

    /**
     * The safetensors bytes of {@code tensors}, {@code safetensors.torch.save(tensors)}.
     *
     * <pre>{@code
     * byte[] bytes = SafeTensors.save(Map.of("w", w));   // bytes = safetensors.torch.save({"w": w})
     * }</pre>
     *
     * @throws IllegalArgumentException if a name is null or {@code "__metadata__"}, or a tensor is null
     */
    public static byte[] save(Map<String, Tensor> tensors) {
        return save(tensors, null);
    }

    /**
     * The safetensors bytes of {@code tensors} with a metadata map (null for none),
     * {@code safetensors.torch.save(tensors, metadata)}.
     *
     * <pre>{@code
     * byte[] bytes = SafeTensors.save(sd, Map.of("format", "pt"));   // save(sd, metadata={"format": "pt"})
     * }</pre>
     *
     * @throws IllegalArgumentException if a name is null or {@code "__metadata__"}, a tensor is null, a
     *     metadata key or value is null, or the data would exceed 2 GB (use {@link #saveFile})
     */
    public static byte[] save(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Prepared p = prepare(tensors, metadata);
        if (p.totalBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors data of " + p.totalBytes + " bytes does not fit a byte "
                    + "array; use saveFile");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) p.totalBytes);
        try {
            p.writeTo(Channels.newChannel(bytes));
        } catch (IOException e) {
            throw new AssertionError(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code tensors} to a file atomically, {@code safetensors.torch.save_file(tensors, path)}.
     *
     * <pre>{@code
     * SafeTensors.saveFile(sd, Path.of("model.safetensors"));   // save_file(sd, "model.safetensors")
     * }</pre>
     *
     * @throws IOException if the file cannot be written (the target is then unchanged)
     * @throws IllegalArgumentException as {@link #save(Map, Map)}, before any file is created
     */
    public static void saveFile(Map<String, Tensor> tensors, Path path) throws IOException {
        saveFile(tensors, path, null);
    }

    /**
     * Writes {@code tensors} and a metadata map (null for none) to a file atomically,
     * {@code safetensors.torch.save_file(tensors, path, metadata)}.
     *
     * <pre>{@code
     * SafeTensors.saveFile(sd, path, Map.of("format", "pt"));   // save_file(sd, path, metadata={"format": "pt"})
     * }</pre>
     *
     * @throws IOException if the file cannot be written (the target is then unchanged)
     * @throws IllegalArgumentException as {@link #save(Map, Map)}, before any file is created
     */
    public static void saveFile(Map<String, Tensor> tensors, Path path, Map<String, String> metadata)
            throws IOException {
        Prepared p = prepare(tensors, metadata);
        AtomicFile.write(path, p::writeTo);
    }

    /** Names in the reference's order and the padded header, ready to write. */
    private static final class Prepared {
        final List<String> names;
        final List<Tensor> tensors;
        final byte[] header;
        final long totalBytes;

        Prepared(List<String> names, List<Tensor> tensors, byte[] header, long dataBytes) {
            this.names = names;
            this.tensors = tensors;
            this.header = header;
            this.totalBytes = 8 + header.length + dataBytes;
        }

        void writeTo(WritableByteChannel out) throws IOException {
            ByteBuffer head = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(header.length).put(header).flip();
            while (head.hasRemaining()) {
                out.write(head);
            }
            for (Tensor t : tensors) {
                TensorBytes.write(t, out);
            }
        }
    }

    private static Prepared prepare(Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("tensor names must not be null");
            }
            if (e.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("\"__metadata__\" is reserved for the metadata and cannot name a "
                        + "tensor");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is null");
            }
            entries.add(e);
        }
        // The reference's order: by dtype alignment (descending), then by name (bytewise UTF-8).
        entries.sort(Comparator.<Map.Entry<String, Tensor>>comparingInt(e -> -dtypeRank(e.getValue().dtype()))
                .thenComparing(Map.Entry::getKey, SafeTensors::compareUtf8));
        StringBuilder json = new StringBuilder("{");
        if (metadata != null) {
            json.append(Json.quote(METADATA_KEY)).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> m : new TreeMap<>(metadata).entrySet()) {
                if (m.getValue() == null) {
                    throw new IllegalArgumentException("metadata value of '" + m.getKey() + "' is null");
                }
                json.append(first ? "" : ",").append(Json.quote(m.getKey())).append(':')
                        .append(Json.quote(m.getValue()));
                first = false;
            }
            json.append('}');
        }
        long offset = 0;
        List<String> names = new ArrayList<>();
        List<Tensor> list = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : entries) {
            Tensor t = e.getValue();
            long n = (long) t.numel() * TensorBytes.itemSize(t.dtype());
            json.append(json.length() == 1 ? "" : ",").append(Json.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(dtypeName(t.dtype())).append("\",\"shape\":[");
            int[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) {
                json.append(i == 0 ? "" : ",").append(shape[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + n).append("]}");
            offset += n;
            names.add(e.getKey());
            list.add(t);
        }
        json.append('}');
        byte[] raw = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (raw.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(raw, padded);
        Arrays.fill(header, raw.length, padded, (byte) ' ');
        return new Prepared(names, list, header, offset);
    }

    /** The reference's dtype order (its enum's declaration order), used to sort by alignment. */
    private static int dtypeRank(DType d) {
        switch (d) {
            case BOOL: return 0;
            case FLOAT32: return 11;
            case FLOAT64: return 12;
            default: return 13; // I64
        }
    }

    private static String dtypeName(DType d) {
        switch (d) {
            case FLOAT32: return "F32";
            case FLOAT64: return "F64";
            case INT64: return "I64";
            default: return "BOOL";
        }
    }

    private static DType dtypeOf(String name) {
        switch (name) {
            case "F32": return DType.FLOAT32;
            case "F64": return DType.FLOAT64;
            case "I64": return DType.INT64;
            case "BOOL": return DType.BOOL;
            default: return null;
        }
    }

    /** Rust's {@code str} order: bytewise over UTF-8 (which is code point order). */
    private static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

    /**
     * The tensors of safetensors bytes, sorted by name, {@code safetensors.torch.load(data)}.
     *
     * <pre>{@code
     * Map<String, Tensor> sd = SafeTensors.load(bytes);   // sd = safetensors.torch.load(bytes)
     * }</pre>
     *
     * @throws TensorFormatException if the bytes are not a valid safetensors file jgrad can read
     */
    public static Map<String, Tensor> load(byte[] data) throws TensorFormatException {
        try (ByteSource src = ByteSource.of(data, "safetensors data")) {
            return read(src).tensors;
        } catch (TensorFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError(e); // byte arrays do not fail otherwise
        }
    }

    /**
     * The tensors of a safetensors file, sorted by name, {@code safetensors.torch.load_file(path)}.
     *
     * <pre>{@code
     * Map<String, Tensor> sd = SafeTensors.loadFile(Path.of("model.safetensors"));   // load_file("model.safetensors")
     * }</pre>
     *
     * @throws TensorFormatException if the file is not a valid safetensors file jgrad can read
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Tensor> loadFile(Path path) throws IOException {
        try (ByteSource src = ByteSource.open(path)) {
            return read(src).tensors;
        }
    }

    /**
     * The {@code __metadata__} map of safetensors bytes (empty if absent), checking the whole header,
     * {@code safe_open(...).metadata()}.
     *
     * <pre>{@code
     * Map<String, String> md = SafeTensors.metadata(bytes);   // md = safe_open(path, "pt").metadata()
     * }</pre>
     *
     * @throws TensorFormatException if the bytes are not a valid safetensors file jgrad can read
     */
    public static Map<String, String> metadata(byte[] data) throws TensorFormatException {
        try (ByteSource src = ByteSource.of(data, "safetensors data")) {
            return parseHeader(src).metadata;
        } catch (TensorFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The {@code __metadata__} map of a safetensors file (empty if absent), checking the whole header but
     * reading no tensor data, {@code safe_open(path, "pt").metadata()}.
     *
     * <pre>{@code
     * Map<String, String> md = SafeTensors.metadataFile(path);   // md = safe_open(path, "pt").metadata()
     * }</pre>
     *
     * @throws TensorFormatException if the file is not a valid safetensors file jgrad can read
     * @throws IOException if the file cannot be read
     */
    public static Map<String, String> metadataFile(Path path) throws IOException {
        try (ByteSource src = ByteSource.open(path)) {
            return parseHeader(src).metadata;
        }
    }

    /** One validated header entry. */
    private record Entry(String name, DType dtype, int[] shape, int numel, long begin, long end) {}

    /** A validated header: entries sorted by offset, the data buffer's start, the metadata. */
    private record Header(List<Entry> entries, long dataStart, Map<String, String> metadata) {}

    private record Loaded(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private static Loaded read(ByteSource src) throws IOException {
        Header h = parseHeader(src);
        Map<String, Tensor> byName = new TreeMap<>(SafeTensors::compareUtf8);
        for (Entry e : h.entries()) {
            byName.put(e.name(), TensorBytes.read(src, h.dataStart() + e.begin(), e.dtype(), e.shape(), e.numel(),
                    "tensor '" + e.name() + "'"));
        }
        return new Loaded(Collections.unmodifiableMap(new LinkedHashMap<>(byName)), h.metadata());
    }

    private static Header parseHeader(ByteSource src) throws IOException {
        long size = src.size();
        if (size < 8) {
            throw src.error("too short for a safetensors file: " + size + " bytes, and the header length alone "
                    + "takes 8");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        src.readFully(0, lenBuf);
        long n = lenBuf.flip().getLong();
        if (Long.compareUnsigned(n, MAX_HEADER_SIZE) > 0) {
            throw src.error("header length " + Long.toUnsignedString(n) + " exceeds the limit of " + MAX_HEADER_SIZE
                    + " bytes (corrupt or not a safetensors file)");
        }
        if (8 + n > size) {
            throw src.error("header length " + n + " goes beyond the end of the file (" + size + " bytes; "
                    + "truncated?)");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
        src.readFully(8, headerBytes);
        headerBytes.flip();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(headerBytes).toString();
        } catch (CharacterCodingException e) {
            throw src.error("header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw src.error("header does not start with '{' (corrupt or not a safetensors file)");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.SyntaxError e) {
            throw src.error("header is not valid JSON: " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) parsed; // it starts with '{'
        long bufferSize = size - 8 - n;
        Map<String, String> metadata = Collections.emptyMap();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : top.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                metadata = metadataOf(src, e.getValue());
            } else {
                entries.add(entry(src, e.getKey(), e.getValue(), bufferSize));
            }
        }
        // The data buffer must be covered exactly: sorted by offsets, each tensor starts where the last ended.
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        Entry previous = null;
        for (Entry e : entries) {
            if (e.begin() < at) {
                throw src.error("tensors '" + previous.name() + "' (data_offsets [" + previous.begin() + ", "
                        + previous.end() + "]) and '" + e.name() + "' (data_offsets [" + e.begin() + ", " + e.end()
                        + "]) overlap");
            }
            if (e.begin() > at) {
                throw src.error("bytes " + at + " to " + e.begin() + " of the data buffer belong to no tensor (a "
                        + "gap before tensor '" + e.name() + "')");
            }
            at = e.end();
            previous = e;
        }
        if (at != bufferSize) {
            throw src.error("the data buffer has " + bufferSize + " bytes but the tensors cover " + at
                    + " (extra bytes at the end of the file)");
        }
        return new Header(entries, 8 + n, metadata);
    }

    private static Map<String, String> metadataOf(ByteSource src, Object v) throws TensorFormatException {
        if (!(v instanceof Map)) {
            throw src.error("\"__metadata__\" must be a JSON object of strings");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw src.error("\"__metadata__\" value of \"" + e.getKey() + "\" is not a string");
            }
            m.put((String) e.getKey(), (String) e.getValue());
        }
        return Collections.unmodifiableMap(m);
    }

    private static Entry entry(ByteSource src, String name, Object v, long bufferSize) throws TensorFormatException {
        String what = "tensor '" + name + "'";
        if (!(v instanceof Map)) {
            throw src.error(what + ": expected an object with dtype, shape and data_offsets");
        }
        Map<?, ?> info = (Map<?, ?>) v;
        for (Object key : info.keySet()) {
            if (!Set.of("dtype", "shape", "data_offsets").contains(key)) {
                throw src.error(what + ": unknown field \"" + key + "\"");
            }
        }
        for (String key : List.of("dtype", "shape", "data_offsets")) {
            if (!info.containsKey(key)) {
                throw src.error(what + ": missing field \"" + key + "\"");
            }
        }
        if (!(info.get("dtype") instanceof String)) {
            throw src.error(what + ": dtype must be a string");
        }
        String dtypeName = (String) info.get("dtype");
        DType dtype = dtypeOf(dtypeName);
        if (dtype == null) {
            throw src.error(OTHER_DTYPES.contains(dtypeName)
                    ? what + " has dtype " + dtypeName + ", which jgrad does not support (it reads F32, F64, I64 and "
                            + "BOOL)"
                    : what + " has unknown dtype \"" + dtypeName + "\"");
        }
        if (!(info.get("shape") instanceof List)) {
            throw src.error(what + ": shape must be a list of non-negative integers");
        }
        List<?> dims = (List<?>) info.get("shape");
        int[] shape = new int[dims.size()];
        long numel = 1;
        boolean overflow = false;
        for (int i = 0; i < shape.length; i++) {
            long d = nonNegative(src, dims.get(i), what + ": shape");
            if (d > Integer.MAX_VALUE) {
                throw src.error(what + ": dimension " + d + " of shape " + dims + " is larger than jgrad's limit of "
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
            throw src.error(what + ": the element count of shape " + dims + " overflows");
        }
        if (numel > Integer.MAX_VALUE) {
            throw src.error(what + " has " + numel + " elements (shape " + dims + "), more than jgrad's limit of "
                    + Integer.MAX_VALUE + " per tensor");
        }
        if (!(info.get("data_offsets") instanceof List) || ((List<?>) info.get("data_offsets")).size() != 2) {
            throw src.error(what + ": data_offsets must be a list of two non-negative integers");
        }
        List<?> offsets = (List<?>) info.get("data_offsets");
        long begin = nonNegative(src, offsets.get(0), what + ": data_offsets");
        long end = nonNegative(src, offsets.get(1), what + ": data_offsets");
        if (end < begin) {
            throw src.error(what + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > bufferSize) {
            throw src.error(what + ": data_offsets [" + begin + ", " + end + "] are out of range (the data buffer has "
                    + bufferSize + " bytes; truncated?)");
        }
        long need = numel * TensorBytes.itemSize(dtype);
        if (end - begin != need) {
            throw src.error(what + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin) + " bytes, but "
                    + "dtype " + dtypeName + " and shape " + Shapes.str(shape) + " need " + need);
        }
        return new Entry(name, dtype, shape, (int) numel, begin, end);
    }

    private static long nonNegative(ByteSource src, Object v, String what) throws TensorFormatException {
        if (!(v instanceof BigInteger) || ((BigInteger) v).signum() < 0) {
            throw src.error(what + " must hold non-negative integers, but has " + v);
        }
        BigInteger b = (BigInteger) v;
        if (b.bitLength() > 63) {
            throw src.error(what + " has " + b + ", which is too large");
        }
        return b.longValue();
    }
}
