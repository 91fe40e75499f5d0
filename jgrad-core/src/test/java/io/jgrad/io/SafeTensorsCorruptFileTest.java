package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Truncated, corrupt and hostile safetensors files: each throws a {@link TensorFormatException} with a clear
 * message (checked word for word here), and no damaged file ever loads partly or throws anything else.
 */
class SafeTensorsCorruptFileTest {

    /** A file: the header length N (as given), the header bytes, then {@code dataBytes} bytes of data. */
    static byte[] file(long n, byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(n).put(header).put(data).array();
    }

    /** A file whose header is {@code json} (its real length) followed by {@code dataBytes} bytes of 1s. */
    static byte[] file(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[dataBytes];
        Arrays.fill(data, (byte) 1);
        return file(h.length, h, data);
    }

    static void assertRejected(String message, byte[] bytes) {
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> SafeTensors.load(bytes));
        assertEquals("safetensors data: " + message, e.getMessage());
    }

    @Test
    void tooShortForTheHeaderLength() {
        assertRejected("too short for a safetensors file: 5 bytes, and the header length alone takes 8", new byte[5]);
        assertRejected("too short for a safetensors file: 0 bytes, and the header length alone takes 8", new byte[0]);
    }

    @Test
    void headerLengthBeyondTheFile() {
        assertRejected("header length 100 goes beyond the end of the file (18 bytes; truncated?)",
                file(100, "{\"a\":1}   ".getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    @Test
    void hugeOrNegativeHeaderLength() {
        assertRejected("header length 18446744073709551615 exceeds the limit of 100000000 bytes (corrupt or not a "
                + "safetensors file)", file(-1, new byte[8], new byte[0]));
        assertRejected("header length 100000001 exceeds the limit of 100000000 bytes (corrupt or not a safetensors "
                + "file)", file(100_000_001, new byte[8], new byte[0]));
        assertRejected("header length 9223372036854775808 exceeds the limit of 100000000 bytes (corrupt or not a "
                + "safetensors file)", file(Long.MIN_VALUE, new byte[8], new byte[0]));
    }

    @Test
    void headerNotUtf8() {
        assertRejected("header is not valid UTF-8", file(4, new byte[] {'{', (byte) 0xff, '}', ' '}, new byte[0]));
        // An encoded surrogate (CESU-8) is not UTF-8 either.
        assertRejected("header is not valid UTF-8",
                file(6, new byte[] {'{', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '}', ' '}, new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "[1,2]# header does not start with '{' (corrupt or not a safetensors file)",
        "` {}`# header does not start with '{' (corrupt or not a safetensors file)",
        "{# header is not valid JSON: expected a string key but found end of input at character 1",
        "{\"a\":# header is not valid JSON: unexpected end of input, expected a value at character 5",
        "{\"a\":{},}# header is not valid JSON: expected a string key but found '}' at character 8",
        "{\"a\":1 \"b\":2}# header is not valid JSON: expected '}' but found '\"' at character 7",
        "{\"a\":1,\"a\":2}# header is not valid JSON: duplicate key \"a\" at character 7",
        "{\"a\":NaN}# header is not valid JSON: unexpected 'N', expected a value at character 5",
        "{\"a\":01}# header is not valid JSON: expected '}' but found '1' at character 6",
        "{\"a\":\"x}# header is not valid JSON: unterminated string at character 8",
        "{\"a\":\"\\x\"}# header is not valid JSON: invalid escape '\\x' at character 6",
        "{\"a\":\"\\ud800\"}# header is not valid JSON: unpaired surrogate escape at character 12",
        "{'a':1}# header is not valid JSON: expected a string key but found ''' at character 1",
        "{\"a\":tru}# header is not valid JSON: invalid literal, expected 'true' at character 5",
        "{\"a\":1}x# header is not valid JSON: unexpected 'x' after the value at character 7",
        "{\"a\":1.}# header is not valid JSON: invalid number: no digits after '.' at character 7",
    })
    void headerNotJson(String json, String message) {
        assertRejected(message.strip(), file(json, 0));
    }

    @Test
    void controlCharacterAndDeepNesting() {
        assertRejected("header is not valid JSON: control character U+0001 in a string at character 2",
                file("{\"\u0001\":1}", 0));
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertRejected("header is not valid JSON: nesting deeper than 64 at character 69", file(deep, 0));
        String longNumber = "{\"a\":" + "1".repeat(101) + "}";
        assertRejected("header is not valid JSON: number literal longer than 100 characters at character 5",
                file(longNumber, 0));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "{\"a\":5}# 0# tensor 'a': expected an object with dtype, shape and data_offsets",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}# 4# tensor 'a': unknown field \"x\"",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}# 4# tensor 'a': missing field \"data_offsets\"",
        "{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}# 4# tensor 'a': dtype must be a string",
        "{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}# 4# tensor 'a' has dtype F16, which jgrad does not support (it reads F32, F64, I64 and BOOL)",
        "{\"a\":{\"dtype\":\"X32\",\"shape\":[1],\"data_offsets\":[0,4]}}# 4# tensor 'a' has unknown dtype \"X32\"",
        "{\"a\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}# 4# tensor 'a' has unknown dtype \"f32\"",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}# 8# tensor 'a': shape must be a list of non-negative integers",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}# 4# tensor 'a': shape must hold non-negative integers, but has -1",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}# 4# tensor 'a': shape must hold non-negative integers, but has 1.5",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1e0],\"data_offsets\":[0,4]}}# 4# tensor 'a': shape must hold non-negative integers, but has 1",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483648],\"data_offsets\":[0,4]}}# 4# tensor 'a': dimension 2147483648 of shape [2147483648] is larger than jgrad's limit of 2147483647",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647],\"data_offsets\":[0,4]}}# 4# tensor 'a': the element count of shape [2147483647, 2147483647, 2147483647] overflows",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}# 4# tensor 'a' has 4294967296 elements (shape [65536, 65536]), more than jgrad's limit of 2147483647 per tensor",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}# 4# tensor 'a': data_offsets must be a list of two non-negative integers",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}# 8# tensor 'a': data_offsets must be a list of two non-negative integers",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}# 4# tensor 'a': data_offsets must hold non-negative integers, but has -4",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,99999999999999999999]}}# 4# tensor 'a': data_offsets has 99999999999999999999, which is too large",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}# 4# tensor 'a': data_offsets [4, 0] end before they begin",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[100],\"data_offsets\":[0,400]}}# 4# tensor 'a': data_offsets [0, 400] are out of range (the data buffer has 4 bytes; truncated?)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}# 4# tensor 'a': data_offsets [0, 4] hold 4 bytes, but dtype F32 and shape [2] need 8",
        "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}# 4# tensor 'a': data_offsets [0, 4] hold 4 bytes, but dtype F64 and shape [1] need 8",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}# 8# tensors 'a' (data_offsets [0, 8]) and 'b' (data_offsets [4, 8]) overlap",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}# 4# tensors 'a' (data_offsets [0, 4]) and 'b' (data_offsets [0, 4]) overlap",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}# 12# bytes 4 to 8 of the data buffer belong to no tensor (a gap before tensor 'a')",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}# 8# bytes 0 to 4 of the data buffer belong to no tensor (a gap before tensor 'a')",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}# 8# the data buffer has 8 bytes but the tensors cover 4 (extra bytes at the end of the file)",
        "{}# 3# the data buffer has 3 bytes but the tensors cover 0 (extra bytes at the end of the file)",
        "{\"__metadata__\":[]}# 0# \"__metadata__\" must be a JSON object of strings",
        "{\"__metadata__\":{\"k\":1}}# 0# \"__metadata__\" value of \"k\" is not a string",
        "{\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}# 2# tensor 'm' has a bool byte 1 (not 0 or 1) at element 0",
    })
    void headerEntriesAreChecked(String json, int dataBytes, String message) {
        byte[] bytes = file(json, dataBytes);
        if (message.contains("bool byte")) {
            bytes[bytes.length - 2] = 2; // element 0 (1s elsewhere are valid bools)
            message = message.replace("byte 1", "byte 2");
        }
        assertRejected(message.strip(), bytes);
    }

    // ------------------------------------------------------------------------------------------------

    static byte[] valid() throws IOException {
        return PythonWrittenFilesTest.resource("mixed.safetensors");
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        byte[] bytes = valid();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(TensorFormatException.class, () -> SafeTensors.load(cut), "truncated to " + len);
        }
    }

    @Test
    void truncatedFilesOnDiskAreRejected(@TempDir Path dir) throws IOException {
        byte[] bytes = valid();
        Path p = dir.resolve("model.safetensors");
        for (int len : new int[] {0, 7, 8, 100, bytes.length / 2, bytes.length - 1}) {
            Files.write(p, Arrays.copyOf(bytes, len));
            TensorFormatException e = assertThrows(TensorFormatException.class, () -> SafeTensors.loadFile(p));
            assertEquals(p.toString(), e.getMessage().substring(0, p.toString().length()), "names the file");
        }
        Files.write(p, bytes);
        assertEquals(12, SafeTensors.loadFile(p).size());
    }

    /**
     * Random single-byte corruptions of a valid file: each either loads (a changed data byte) or throws a
     * {@link TensorFormatException}; never another exception.
     */
    @Test
    void randomCorruptionsOnlyEverThrowTensorFormatException() throws IOException {
        byte[] bytes = valid();
        Random random = new Random(20240613);
        int rejected = 0;
        for (int trial = 0; trial < 5000; trial++) {
            byte[] bad = bytes.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(Math.min(bad.length, 8 + 800));
                bad[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : (byte) (bad[at] ^ (1 << random.nextInt(8)));
            }
            try {
                Map<String, Tensor> t = SafeTensors.load(bad);
                assertEquals(t.size(), t.size());
            } catch (TensorFormatException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("trial " + trial + " threw " + e, e);
            }
        }
        assertEquals(true, rejected > 1000, "most header corruptions are caught: " + rejected);
    }
}
