package io.jgrad.io;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Tensor elements as little-endian bytes, both ways, a chunk at a time: float32 and float64 as IEEE bits
 * (NaN payloads kept), int64 as two's complement, bool as one byte 0 or 1. Not public API.
 */
final class TensorBytes {
    private TensorBytes() {}

    private static final int CHUNK = 1 << 16;

    static int itemSize(DType dtype) {
        switch (dtype) {
            case FLOAT32: return 4;
            case FLOAT64: return 8;
            case INT64: return 8;
            default: return 1;
        }
    }

    /** Writes the elements of {@code t} in row-major order. */
    static void write(Tensor t, WritableByteChannel out) throws IOException {
        int size = itemSize(t.dtype());
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * size).order(ByteOrder.LITTLE_ENDIAN);
        int n = t.numel();
        switch (t.dtype()) {
            case FLOAT32: {
                float[] a = t.toFloatArray();
                for (int i = 0; i < n; i += CHUNK) {
                    buf.clear();
                    buf.asFloatBuffer().put(a, i, Math.min(CHUNK, n - i));
                    drain(buf, Math.min(CHUNK, n - i) * size, out);
                }
                break;
            }
            case FLOAT64: {
                double[] a = t.toDoubleArray();
                for (int i = 0; i < n; i += CHUNK) {
                    buf.clear();
                    buf.asDoubleBuffer().put(a, i, Math.min(CHUNK, n - i));
                    drain(buf, Math.min(CHUNK, n - i) * size, out);
                }
                break;
            }
            case INT64: {
                long[] a = t.toLongArray();
                for (int i = 0; i < n; i += CHUNK) {
                    buf.clear();
                    buf.asLongBuffer().put(a, i, Math.min(CHUNK, n - i));
                    drain(buf, Math.min(CHUNK, n - i) * size, out);
                }
                break;
            }
            default: {
                boolean[] a = t.toBooleanArray();
                for (int i = 0; i < n; i += CHUNK) {
                    buf.clear();
                    int m = Math.min(CHUNK, n - i);
                    for (int j = 0; j < m; j++) {
                        buf.put(j, (byte) (a[i + j] ? 1 : 0));
                    }
                    drain(buf, m, out);
                }
            }
        }
    }

    private static void drain(ByteBuffer buf, int bytes, WritableByteChannel out) throws IOException {
        buf.position(0).limit(bytes);
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    /**
     * Reads a tensor of {@code numel(shape)} elements stored at {@code position}. The caller has checked that
     * the bytes are in range; a bool byte other than 0 or 1 is an error.
     */
    static Tensor read(ByteSource src, long position, DType dtype, int[] shape, int numel, String what)
            throws IOException {
        int size = itemSize(dtype);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * size).order(ByteOrder.LITTLE_ENDIAN);
        Storage storage = Storage.allocate(dtype, numel);
        for (int i = 0; i < numel; i += CHUNK) {
            int m = Math.min(CHUNK, numel - i);
            buf.clear().limit(m * size);
            src.readFully(position + (long) i * size, buf);
            buf.flip();
            switch (dtype) {
                case FLOAT32: buf.asFloatBuffer().get(storage.floats(), i, m); break;
                case FLOAT64: buf.asDoubleBuffer().get(storage.doubles(), i, m); break;
                case INT64: buf.asLongBuffer().get(storage.longs(), i, m); break;
                default: {
                    boolean[] b = storage.bools();
                    for (int j = 0; j < m; j++) {
                        byte v = buf.get(j);
                        if (v != 0 && v != 1) {
                            throw src.error(what + " has a bool byte " + (v & 0xff) + " (not 0 or 1) at element "
                                    + (i + j));
                        }
                        b[i + j] = v == 1;
                    }
                }
            }
        }
        return Torch.fromStorage(storage, shape);
    }
}
