package io.jgrad.io;

import java.io.IOException;

/**
 * A tensor file (safetensors or {@code .npy}) that cannot be read because it is truncated, corrupt, hostile,
 * or uses a feature jgrad does not support. It is a checked {@link IOException}, like
 * {@link java.util.zip.ZipException}: reading a file can fail for reasons outside the program, and callers
 * that already handle {@code IOException} handle this too. The message names the file (or "safetensors
 * data"/".npy data" for bytes) and says what is wrong. When it is thrown nothing has been returned: a read
 * checks the whole header before it reads any data, and never returns part of a file.
 *
 * <pre>{@code
 * try {
 *     Map<String, Tensor> sd = SafeTensors.loadFile(path);   // sd = safetensors.torch.load_file(path)
 * } catch (TensorFormatException e) {                         // except SafetensorError as e:
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class TensorFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * <pre>{@code
     * throw new TensorFormatException("model.safetensors: header is not valid UTF-8");
     * }</pre>
     */
    public TensorFormatException(String message) {
        super(message);
    }
}
