package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Truncated, corrupt and hostile {@code .npy} files: each throws a {@link TensorFormatException} with a clear
 * message (checked word for word), and no damaged file loads partly or throws anything else.
 */
class NpyCorruptFileTest {

    /** A version {@code major}.0 file with the given header text (a newline is appended) and data. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lenBytes == 2) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        return b.put(h).put(data).array();
    }

    static byte[] npy(String header, int dataBytes) {
        return npy(1, header, new byte[dataBytes]);
    }

    static void assertRejected(String message, byte[] bytes) {
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> Npy.load(bytes));
        assertEquals(".npy data: " + message, e.getMessage());
    }

    @Test
    void acceptsHandWrittenHeaders() throws IOException {
        Tensor t = Npy.load(npy("{\"shape\":(2,),\"fortran_order\":False,\"descr\":\"<f8\"}", 16));
        assertArrayEquals(new double[] {0, 0}, t.toDoubleArray());
        t = Npy.load(npy(2, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1)}   ", new byte[8]));
        assertArrayEquals(new int[] {1, 1}, t.shape());
    }

    @Test
    void magicVersionAndLength() {
        assertRejected("too short for a .npy file (3 bytes)", new byte[] {(byte) 0x93, 'N', 'U'});
        byte[] bad = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        bad[1] = 'n';
        assertRejected("not a .npy file (the magic string \\x93NUMPY is missing)", bad);
        byte[] v3 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        v3[6] = 3;
        assertRejected("unsupported .npy format version 3.0 (jgrad reads 1.0 and 2.0)", v3);
        byte[] v11 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        v11[7] = 1;
        assertRejected("unsupported .npy format version 1.1 (jgrad reads 1.0 and 2.0)", v11);
        assertRejected("too short for a .npy header length (9 bytes; truncated?)",
                Arrays.copyOf(npy("{}", 0), 9));
        byte[] longHeader = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        longHeader[8] = (byte) 0x11; // 0x2711 = 10001: NumPy's limit is 10000
        longHeader[9] = (byte) 0x27;
        assertRejected("header length 10001 exceeds the limit of 10000 bytes (NumPy's max_header_size)", longHeader);
        byte[] huge = npy(2, "{}", new byte[0]);
        huge[8] = huge[9] = huge[10] = huge[11] = (byte) 0xff;
        assertRejected("header length 4294967295 exceeds the limit of 10000 bytes (NumPy's max_header_size)", huge);
        byte[] beyond = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 0);
        beyond[8] = (byte) 200;
        assertRejected("header length 200 goes beyond the end of the file (66 bytes; truncated?)", beyond);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }`# 8# OK",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x\\n\": unexpected text after the dict at character 58",
        "`{'descr': '<f4' 'fortran_order': False, 'shape': (2,)}`# 8# cannot parse the header \"{'descr': '<f4' 'fortran_order': False, 'shape': (2,)}\\n\": expected ',' or '}' at character 16",
        "`{'descr': '<f4', 'fortran_order': false, 'shape': (2,)}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': false, 'shape': (2,)}\\n\": expected a string, True, False or a tuple of integers at character 34",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2)}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'shape': (2)}\\n\": (n) is not a tuple; a 1-tuple is written (n,) at character 52",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (02,)}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'shape': (02,)}\\n\": leading zeros in an integer at character 53",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2.0,)}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'shape': (2.0,)}\\n\": expected ',' or ')' at character 52",
        "`{'descr': '<f4', 'fortran_order': False, 'descr': '<f4'}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'descr': '<f4'}\\n\": duplicate key 'descr' at character 55",
        "`{'descr': '<f4', 'fortran_order': False}`# 8# Header does not contain the correct keys: [descr, fortran_order] (expected descr, fortran_order, shape)",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': True}`# 8# Header does not contain the correct keys: [descr, fortran_order, shape, x] (expected descr, fortran_order, shape)",
        "`{'descr': (1,), 'fortran_order': False, 'shape': (2,)}`# 8# descr is not a dtype string: [1] (structured arrays are not supported)",
        "`{'descr': '<u8', 'fortran_order': False, 'shape': (2,)}`# 16# dtype '<u8' is not supported (jgrad reads '<f4', '<f8', '<i8' and '|b1')",
        "`{'descr': '<f4', 'fortran_order': 'no', 'shape': (2,)}`# 8# fortran_order is not a valid bool: no",
        "`{'descr': '<f4', 'fortran_order': True, 'shape': (2,)}`# 8# fortran_order True is not supported (jgrad reads C-order arrays only)",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': '2'}`# 8# shape is not a tuple of integers: 2",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}`# 8# shape [-2] has a negative dimension",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2147483648,)}`# 8# dimension 2147483648 of shape [2147483648] is larger than jgrad's limit of 2147483647",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647)}`# 8# the element count of shape [2147483647, 2147483647, 2147483647] overflows",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536)}`# 8# shape [65536, 65536] has 4294967296 elements, more than jgrad's limit of 2147483647",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}`# 8# cannot parse the header \"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}\\n\": integer too large at character 71",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (3,)}`# 8# data has 8 bytes but shape [3] of '<f4' needs 12 (truncated?)",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}`# 9# data has 9 bytes but shape [1] of '<f8' needs only 8 (extra bytes at the end of the file)",
        "`{'descr': '<f4', 'fortran_order': False, 'shape': (0, 5)}`# 0# OK",
    })
    void headerIsChecked(String header, int dataBytes, String message) throws IOException {
        byte[] bytes = npy(header, dataBytes);
        if (message.strip().equals("OK")) {
            Npy.load(bytes);
        } else {
            assertRejected(message.strip(), bytes);
        }
    }

    @Test
    void headerMustBeAsciiAndEndWithNewline() {
        byte[] noNewline = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        noNewline[noNewline.length - 5] = ' ';
        assertRejected("header does not end with a newline (corrupt or truncated)", noNewline);
        byte[] latin = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), '\u00e9': True}", 4);
        assertRejected("header is not ASCII", latin);
    }

    @Test
    void boolBytesMustBeZeroOrOne() {
        byte[] b = npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new byte[] {1, 0, 7});
        assertRejected("the array has a bool byte 7 (not 0 or 1) at element 2", b);
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        for (String file : new String[] {"f32.npy", "bool.npy", "v2.npy", "scalar.npy"}) {
            byte[] bytes = PythonWrittenFilesTest.resource(file);
            for (int len = 0; len < bytes.length; len++) {
                byte[] cut = Arrays.copyOf(bytes, len);
                assertThrows(TensorFormatException.class, () -> Npy.load(cut), file + " truncated to " + len);
            }
        }
    }

    @Test
    void randomCorruptionsOnlyEverThrowTensorFormatException() throws IOException {
        byte[] bytes = PythonWrittenFilesTest.resource("i64.npy");
        Random random = new Random(7);
        int rejected = 0;
        for (int trial = 0; trial < 5000; trial++) {
            byte[] bad = bytes.clone();
            int at = random.nextInt(128);
            bad[at] = (byte) (bad[at] ^ (1 << random.nextInt(8)));
            try {
                Npy.load(bad);
            } catch (TensorFormatException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("trial " + trial + " threw " + e, e);
            }
        }
        assertTrue(rejected > 2500, "most header corruptions are caught: " + rejected);
    }
}
