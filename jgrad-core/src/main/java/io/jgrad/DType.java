package io.jgrad;

/**
 * The element types of a {@link Tensor}, PyTorch's {@code torch.dtype}.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(1.0, 2.0);          // torch.tensor([1., 2.])      -> FLOAT32
 * Tensor y = x.to(DType.FLOAT64);              // x.double()
 * }</pre>
 */
public enum DType {
    /** 32-bit IEEE float, {@code torch.float32}; the default for floating values. */
    FLOAT32("torch.float32", "torch.FloatTensor", true),
    /** 64-bit IEEE float, {@code torch.float64}. */
    FLOAT64("torch.float64", "torch.DoubleTensor", true),
    /** 64-bit signed integer, {@code torch.int64}; the default for integer values. */
    INT64("torch.int64", "torch.LongTensor", false),
    /** Boolean, {@code torch.bool}. */
    BOOL("torch.bool", "torch.BoolTensor", false);

    private final String torchName;
    private final String legacyTypeName;
    private final boolean floating;

    DType(String torchName, String legacyTypeName, boolean floating) {
        this.torchName = torchName;
        this.legacyTypeName = legacyTypeName;
        this.floating = floating;
    }

    /** PyTorch's name, e.g. {@code "torch.float32"}. */
    public String torchName() {
        return torchName;
    }

    /** PyTorch's legacy tensor type name used in error messages, e.g. {@code "torch.FloatTensor"}. */
    public String legacyTypeName() {
        return legacyTypeName;
    }

    /** True for FLOAT32 and FLOAT64 ({@code dtype.is_floating_point}). */
    public boolean isFloatingPoint() {
        return floating;
    }

    @Override
    public String toString() {
        return torchName;
    }
}
