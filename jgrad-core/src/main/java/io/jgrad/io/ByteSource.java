package io.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random-access bytes to read a tensor file from: a byte array, or an open file read with positional reads
 * (so files larger than a Java array work, and no more than one chunk is buffered). Not public API.
 */
abstract class ByteSource implements AutoCloseable {
    /** How the source is named in messages: the file name, or e.g. "safetensors data". */
    final String name;

    ByteSource(String name) {
        this.name = name;
    }

    /** The total number of bytes. */
    abstract long size() throws IOException;

    /** Reads exactly {@code dst.remaining()} bytes starting at {@code position}. */
    abstract void readFully(long position, ByteBuffer dst) throws IOException;

    @Override
    public void close() throws IOException {
    }

    /** A {@link TensorFormatException} whose message starts with this source's name. */
    TensorFormatException error(String message) {
        return new TensorFormatException(name + ": " + message);
    }

    static ByteSource of(byte[] bytes, String name) {
        return new ByteSource(name) {
            @Override
            long size() {
                return bytes.length;
            }

            @Override
            void readFully(long position, ByteBuffer dst) throws IOException {
                if (position < 0 || position + dst.remaining() > bytes.length) {
                    throw error("read of " + dst.remaining() + " bytes at " + position + " is beyond the end");
                }
                dst.put(bytes, (int) position, dst.remaining());
            }
        };
    }

    static ByteSource open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new ByteSource(path.toString()) {
            @Override
            long size() throws IOException {
                return ch.size();
            }

            @Override
            void readFully(long position, ByteBuffer dst) throws IOException {
                long p = position;
                while (dst.hasRemaining()) {
                    int n = ch.read(dst, p);
                    if (n < 0) {
                        throw error("the file ended at byte " + p + " while reading (was it truncated while being "
                                + "read?)");
                    }
                    p += n;
                }
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }
}
