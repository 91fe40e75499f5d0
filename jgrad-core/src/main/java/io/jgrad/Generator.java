package io.jgrad;

import java.security.SecureRandom;

/**
 * A pseudo-random number generator that reproduces PyTorch 1.13's CPU generator
 * ({@code at::CPUGeneratorImpl}) bit for bit: the same Mersenne Twister (mt19937) stream, and the
 * same sampling algorithms for {@code uniform_}, {@code normal_}, {@code random_(from, to)}
 * ({@code randint}) and {@code randperm}, so that a Java program seeded like
 * {@code torch.manual_seed(10)} draws the same numbers as PyTorch does on CPU.
 *
 * <p>PyTorch equivalent: {@code torch.Generator()}.
 *
 * <h2>Fidelity</h2>
 * Checked against PyTorch 1.13.1 (x86-64) by {@code GeneratorTest} on about 60,000 recorded values:
 * <ul>
 *   <li>Exact: {@link #random()}, {@link #random64()}, {@code uniform} (float32 and float64),
 *       {@code randint}, {@code randperm}, and float32 {@code normal} (both the 16-or-more
 *       Box-Muller kernel and the per-element path for fewer than 16), with the AVX2 kernels that
 *       PyTorch runs on x86-64 (see {@link #setAvx2(boolean)}; the float32 kernel's vectorised
 *       Cephes {@code log}/{@code sincos} is replayed operation by operation).</li>
 *   <li>Last bits only: float64 {@code normal} calls {@code log}, {@code sin} and {@code cos} in
 *       double precision; PyTorch gets them from the C library (glibc), this class from
 *       {@link Math}. Both are within 1 ulp but neither is correctly rounded, so about 0.3% of
 *       float64 normal samples differ from PyTorch's by 1 to 3 ulp (glibc's own results may also
 *       vary with the CPU, as it picks FMA variants where it can). Float32 samples of fewer than 16 elements are computed
 *       in double and rounded, which hides this. With {@code setAvx2(false)} the float32 kernel
 *       also uses the C library's float functions and about 1.5% of its samples differ by 1 or
 *       2 ulp.</li>
 * </ul>
 * The stream position never differs: every method draws exactly as many 32-bit values as PyTorch.
 *
 * <h2>Threads</h2>
 * Every method that reads or advances the state is {@code synchronized}: one call (one whole
 * tensor fill) is atomic, as PyTorch holds the generator's mutex for one operation.
 */
public final class Generator {

    /** The seed of a new {@code torch.Generator()}: {@code default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    /** Below this size {@code randperm} uses {@code random() % (n - i)} (PyTorch's "small n"). */
    private static final long RANDPERM_SMALL_LIMIT = 0xFFFFFFFFL / 20;

    private static final Generator DEFAULT = new Generator();

    private final int[] state = new int[N];
    private int left;
    private int next;
    private long seed;

    /** Cached second Box-Muller sample of {@code normal_distribution<double>}. */
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;

    private boolean avx2 = true;

    /**
     * Creates a generator seeded with {@link #DEFAULT_SEED} (67280421310721).
     *
     * <p>PyTorch equivalent: {@code torch.Generator()}.
     */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /**
     * Creates a generator with the given seed.
     *
     * <p>PyTorch equivalent: {@code torch.Generator().manual_seed(seed)}.
     *
     * @param seed the seed; negative values are taken as their two's complement unsigned value,
     *     as PyTorch does
     */
    public Generator(long seed) {
        reseed(seed);
    }

    /**
     * The process-wide default generator, used by the tensor factories ({@code rand}, {@code randn},
     * {@code randint}, ...) when no generator is given. Unlike PyTorch's, whose initial seed is
     * non-deterministic, it starts from {@link #DEFAULT_SEED}, so that unseeded programs are
     * reproducible; seed it with {@link #manualSeed(long)} to match a seeded PyTorch program.
     *
     * <p>PyTorch equivalent: {@code torch.default_generator}.
     *
     * @return the default generator
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * Reseeds the generator and clears the cached normal sample.
     *
     * <p>PyTorch equivalent: {@code g.manual_seed(seed)} ({@code torch.manual_seed(seed)} for the
     * default generator).
     *
     * @param seed the seed (negative values are used as their unsigned two's complement)
     * @return this generator
     */
    public synchronized Generator manualSeed(long seed) {
        reseed(seed);
        return this;
    }

    /**
     * Reseeds the generator from a non-deterministic source and returns the new seed.
     *
     * <p>PyTorch equivalent: {@code g.seed()}.
     *
     * @return the new seed
     */
    public synchronized long seed() {
        long s = new SecureRandom().nextLong();
        reseed(s);
        return s;
    }

    /**
     * The seed the generator was last seeded with. PyTorch reports it as an unsigned 64-bit
     * integer; use {@link Long#toUnsignedString(long)} to print it the same way.
     *
     * <p>PyTorch equivalent: {@code g.initial_seed()}.
     *
     * @return the seed, as the bits of an unsigned 64-bit value
     */
    public synchronized long initialSeed() {
        return seed;
    }

    /**
     * Chooses which of PyTorch's compiled CPU kernels to reproduce. PyTorch builds its CPU kernels
     * once per instruction set and picks one at start-up; the results differ in the last bits:
     * <ul>
     *   <li>{@code true} (the default): the AVX2 kernels, which x86-64 PyTorch runs on any CPU with
     *       AVX2 (almost every x86-64 CPU since 2013; the AVX512 kernels give the same numbers).
     *       {@code x * (to - from) + from} and {@code normal * std + mean} are fused multiply-adds,
     *       and float32 {@code normal_} of 16 or more elements uses the vectorised Cephes
     *       {@code log}/{@code sincos} of {@code avx_mathfun.h}.</li>
     *   <li>{@code false}: the default kernels, run on CPUs without AVX2 or with
     *       {@code ATEN_CPU_CAPABILITY=default}: separate multiply and add, and float32
     *       {@code normal_} with the C library's float {@code log}, {@code sin}, {@code cos}.</li>
     * </ul>
     * Which kernel ran does not change how many numbers are drawn, only how they are transformed.
     *
     * <p>PyTorch equivalent: the {@code ATEN_CPU_CAPABILITY} environment variable ({@code avx2} or
     * {@code default}).
     *
     * @param avx2 {@code true} for the AVX2 kernels, {@code false} for the default ones
     * @return this generator
     */
    public synchronized Generator setAvx2(boolean avx2) {
        this.avx2 = avx2;
        return this;
    }

    /**
     * Whether this generator reproduces PyTorch's AVX2 kernels (see {@link #setAvx2(boolean)}).
     *
     * <p>PyTorch equivalent: {@code "AVX2" in torch.__config__.show()} ("CPU capability usage").
     *
     * @return {@code true} for the AVX2 kernels, {@code false} for the default ones
     */
    public synchronized boolean isAvx2() {
        return avx2;
    }

    /**
     * A new generator in the same state as this one (same stream position and cached normal
     * sample); the two then advance independently.
     *
     * <p>PyTorch equivalent: {@code g2 = torch.Generator(); g2.set_state(g.get_state())}.
     *
     * @return the copy
     */
    public synchronized Generator copy() {
        Generator g = new Generator(seed);
        System.arraycopy(state, 0, g.state, 0, N);
        g.left = left;
        g.next = next;
        g.hasNextDoubleNormal = hasNextDoubleNormal;
        g.nextDoubleNormal = nextDoubleNormal;
        g.avx2 = avx2;
        return g;
    }

    // ------------------------------------------------------------------ raw stream

    /**
     * The next 32-bit output of the Mersenne Twister.
     *
     * <p>PyTorch equivalent: {@code CPUGeneratorImpl::random()} (C++ only).
     *
     * @return an unsigned 32-bit value in {@code [0, 2^32)}
     */
    public synchronized long random() {
        return nextInt() & 0xFFFFFFFFL;
    }

    /**
     * A 64-bit value made of two 32-bit outputs, the first one as the high half.
     *
     * <p>PyTorch equivalent: {@code CPUGeneratorImpl::random64()} (C++ only).
     *
     * @return the bits of an unsigned 64-bit value
     */
    public synchronized long random64() {
        return nextLong();
    }

    /**
     * A random non-negative 64-bit integer, {@code random64() % 2^63}.
     *
     * <p>PyTorch equivalent: {@code torch.empty((), dtype=torch.int64).random_().item()} (as used
     * by {@code RandomSampler} to seed its own generator).
     *
     * @return a value in {@code [0, 2^63)}
     */
    public synchronized long randomInt64() {
        return nextLong() & Long.MAX_VALUE;
    }

    /**
     * A random non-negative 32-bit integer, {@code random() % 2^31}.
     *
     * <p>PyTorch equivalent: {@code torch.empty((), dtype=torch.int32).random_().item()}.
     *
     * @return a value in {@code [0, 2^31)}
     */
    public synchronized int randomInt32() {
        return nextInt() & 0x7FFFFFFF;
    }

    // ------------------------------------------------------------------ uniform

    /**
     * Fills {@code out[offset .. offset+length)} with float32 samples of the uniform distribution on
     * {@code [from, to)}: 24 random bits each, {@code x * (to - from) + from} in float.
     *
     * <p>PyTorch equivalent: {@code x.uniform_(from, to)} on a contiguous float32 tensor
     * ({@code torch.rand(n)} for {@code [0, 1)}).
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length how many values to draw
     * @param from the lower bound (inclusive)
     * @param to the upper bound
     * @throws IllegalArgumentException if {@code from > to}
     */
    public synchronized void uniform(float[] out, int offset, int length, double from, double to) {
        checkRange(out.length, offset, length);
        checkUniform(from, to);
        float f = (float) from;
        float range = (float) to - f;
        for (int i = 0; i < length; i++) {
            out[offset + i] = uniformFloat(nextInt(), f, range, avx2);
        }
    }

    /**
     * Fills {@code out[offset .. offset+length)} with float64 samples of the uniform distribution on
     * {@code [from, to)}: 53 random bits of {@code random64()} each, {@code x * (to - from) + from}.
     *
     * <p>PyTorch equivalent: {@code x.uniform_(from, to)} on a contiguous float64 tensor
     * ({@code torch.rand(n, dtype=torch.float64)} for {@code [0, 1)}).
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length how many values to draw
     * @param from the lower bound (inclusive)
     * @param to the upper bound
     * @throws IllegalArgumentException if {@code from > to}
     */
    public synchronized void uniform(double[] out, int offset, int length, double from, double to) {
        checkRange(out.length, offset, length);
        checkUniform(from, to);
        double range = to - from;
        for (int i = 0; i < length; i++) {
            out[offset + i] = uniformDouble(nextLong(), from, range, avx2);
        }
    }

    // ------------------------------------------------------------------ normal

    /**
     * Fills {@code out[offset .. offset+length)} with float32 samples of the normal distribution
     * with the given mean and standard deviation, drawing exactly as PyTorch's CPU kernel does for
     * a contiguous tensor of {@code length} elements: for 16 or more, all uniforms first, then
     * Box-Muller in blocks of 16 (the last 16 redrawn and recomputed when {@code length} is not a
     * multiple of 16); for fewer, {@code normal_distribution<double>} per element (which uses and
     * refills the cached second sample).
     *
     * <p>PyTorch equivalent: {@code x.normal_(mean, std)} on a contiguous float32 tensor
     * ({@code torch.randn(n)} for mean 0, std 1).
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length the number of elements of the tensor being filled
     * @param mean the mean
     * @param std the standard deviation, {@code >= 0}
     * @throws IllegalArgumentException if {@code std < 0}
     */
    public synchronized void normal(float[] out, int offset, int length, double mean, double std) {
        checkRange(out.length, offset, length);
        checkStd(std);
        if (length >= 16) {
            fillUniform01(out, offset, length);
            if (avx2) {
                normalFillAvx2(out, offset, length, (float) mean, (float) std);
            } else {
                normalFillScalar(out, offset, length, (float) mean, (float) std);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[offset + i] = (float) normalDouble(mean, std);
            }
        }
    }

    /**
     * Fills {@code out[offset .. offset+length)} with float64 samples of the normal distribution:
     * for 16 or more elements, all uniforms first, then Box-Muller in blocks of 16 (the last 16
     * redrawn and recomputed for a tail); for fewer, {@code normal_distribution<double>} per
     * element (which uses and refills the cached second sample).
     *
     * <p>PyTorch equivalent: {@code x.normal_(mean, std)} on a contiguous float64 tensor
     * ({@code torch.randn(n, dtype=torch.float64)} for mean 0, std 1).
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length the number of elements of the tensor being filled
     * @param mean the mean
     * @param std the standard deviation, {@code >= 0}
     * @throws IllegalArgumentException if {@code std < 0}
     */
    public synchronized void normal(double[] out, int offset, int length, double mean, double std) {
        checkRange(out.length, offset, length);
        checkStd(std);
        if (length >= 16) {
            for (int i = 0; i < length; i++) {
                out[offset + i] = nextDouble01();
            }
            for (int i = 0; i + 16 <= length; i += 16) {
                normalFill16(out, offset + i, mean, std, avx2);
            }
            if (length % 16 != 0) {
                int tail = offset + length - 16;
                for (int i = 0; i < 16; i++) {
                    out[tail + i] = nextDouble01();
                }
                normalFill16(out, tail, mean, std, avx2);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[offset + i] = normalDouble(mean, std);
            }
        }
    }

    /**
     * Fills {@code out[offset .. offset+length)} with float32 samples of normal distributions with
     * the element-wise means {@code mean[meanOffset .. meanOffset+length)} and one standard
     * deviation, as PyTorch does: it fills the output with {@code normal_(0, std)} (the draws of
     * {@link #normal(float[], int, int, double, double)}) and then adds the means in float32.
     * {@code out} and {@code mean} may be the same array region.
     *
     * <p>PyTorch equivalent: {@code torch.normal(mean, std)} with a contiguous float32 tensor
     * {@code mean} of {@code length} elements and a float {@code std}.
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length the number of elements
     * @param mean the means
     * @param meanOffset the index of the first mean
     * @param std the standard deviation, {@code >= 0}
     * @throws IllegalArgumentException if {@code std < 0}
     */
    public synchronized void normal(float[] out, int offset, int length, float[] mean, int meanOffset,
            double std) {
        checkRange(mean.length, meanOffset, length);
        float[] noise = new float[length];
        normal(noise, 0, length, 0.0, std);
        for (int i = 0; i < length; i++) {
            out[offset + i] = noise[i] + mean[meanOffset + i];
        }
    }

    /**
     * Fills {@code out[offset .. offset+length)} with float64 samples of normal distributions with
     * the element-wise means {@code mean[meanOffset .. meanOffset+length)} and one standard
     * deviation: {@code normal_(0, std)} then {@code + mean}.
     *
     * <p>PyTorch equivalent: {@code torch.normal(mean, std)} with a contiguous float64 tensor
     * {@code mean} of {@code length} elements and a float {@code std}.
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length the number of elements
     * @param mean the means
     * @param meanOffset the index of the first mean
     * @param std the standard deviation, {@code >= 0}
     * @throws IllegalArgumentException if {@code std < 0}
     */
    public synchronized void normal(double[] out, int offset, int length, double[] mean, int meanOffset,
            double std) {
        checkRange(mean.length, meanOffset, length);
        double[] noise = new double[length];
        normal(noise, 0, length, 0.0, std);
        for (int i = 0; i < length; i++) {
            out[offset + i] = noise[i] + mean[meanOffset + i];
        }
    }

    // ------------------------------------------------------------------ integers

    /**
     * Fills {@code out[offset .. offset+length)} with integers uniform on {@code [low, high)}:
     * {@code low + random() % range} when {@code range = high - low < 2^32}, else
     * {@code low + random64() % range} (unsigned).
     *
     * <p>PyTorch equivalent: {@code torch.randint(low, high, (length,))} (int64), i.e.
     * {@code x.random_(low, high)}.
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param length how many values to draw
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public synchronized void randint(long[] out, int offset, int length, long low, long high) {
        checkRange(out.length, offset, length);
        if (low >= high) {
            throw new IllegalArgumentException(
                    "random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        long range = high - low; // as unsigned: 1 .. 2^64 - 1
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0;
        for (int i = 0; i < length; i++) {
            long v = wide ? nextLong() : (nextInt() & 0xFFFFFFFFL);
            out[offset + i] = Long.remainderUnsigned(v, range) + low;
        }
    }

    /**
     * One integer uniform on {@code [low, high)}, drawn as {@link #randint(long[], int, int, long, long)}
     * draws each element.
     *
     * <p>PyTorch equivalent: {@code torch.randint(low, high, ()).item()}.
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @return the value
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public synchronized long randint(long low, long high) {
        long[] one = new long[1];
        randint(one, 0, 1, low, high);
        return one[0];
    }

    /**
     * Fills {@code out[offset .. offset+n)} with a random permutation of {@code 0 .. n-1}
     * (Fisher-Yates with {@code random() % (n - i)}, as PyTorch's CPU {@code randperm}).
     *
     * <p>PyTorch equivalent: {@code torch.randperm(n)}.
     *
     * @param out the destination
     * @param offset the first index to fill
     * @param n the size of the permutation, {@code >= 0}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public synchronized void randperm(long[] out, int offset, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        checkRange(out.length, offset, n);
        if (n < RANDPERM_SMALL_LIMIT) {
            for (int i = 0; i < n; i++) {
                out[offset + i] = i;
            }
            for (int i = 0; i < n - 1; i++) {
                int z = (int) ((nextInt() & 0xFFFFFFFFL) % (n - i));
                long save = out[offset + i];
                out[offset + i] = out[offset + z + i];
                out[offset + z + i] = save;
            }
        } else {
            // PyTorch's "inside-out" variant for large n (random64() % (i + 1)).
            for (int i = 0; i < n; i++) {
                int z = (int) Long.remainderUnsigned(nextLong(), i + 1L);
                out[offset + i] = out[offset + z];
                out[offset + z] = i;
            }
        }
    }

    // ------------------------------------------------------------------ internals: mt19937

    private void reseed(long s) {
        this.seed = s;
        hasNextDoubleNormal = false;
        nextDoubleNormal = 0.0;
        state[0] = (int) s;
        for (int j = 1; j < N; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    private static int twist(int u, int v) {
        int mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
        return (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    private void nextState() {
        int[] s = state;
        int k = 0;
        for (; k < N - M; k++) {
            s[k] = s[k + M] ^ twist(s[k], s[k + 1]);
        }
        for (; k < N - 1; k++) {
            s[k] = s[k + M - N] ^ twist(s[k], s[k + 1]);
        }
        s[N - 1] = s[M - 1] ^ twist(s[N - 1], s[0]);
        left = N;
        next = 0;
    }

    /** The next tempered 32-bit output (as a Java int holding the unsigned bits). */
    private int nextInt() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random64()}: first draw is the high half. */
    private long nextLong() {
        long hi = nextInt() & 0xFFFFFFFFL;
        long lo = nextInt() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    // ------------------------------------------------------------------ internals: transforms

    private static final float FLOAT_DIVISOR = 1.0f / (1 << 24);
    private static final double DOUBLE_DIVISOR = 1.0 / (1L << 53);

    /**
     * {@code uniform_real<float>}: 24 low bits, then {@code x * (to - from) + from} in float, fused
     * into one multiply-add where PyTorch's compiled kernel is (its AVX2 build).
     */
    private static float uniformFloat(int bits, float from, float range, boolean fused) {
        float x = (bits & 0xFFFFFF) * FLOAT_DIVISOR;
        return fused ? Math.fma(x, range, from) : x * range + from;
    }

    /** {@code uniform_real<double>}: 53 low bits, then {@code x * (to - from) + from}. */
    private static double uniformDouble(long bits, double from, double range, boolean fused) {
        double x = (bits & ((1L << 53) - 1)) * DOUBLE_DIVISOR;
        return fused ? Math.fma(x, range, from) : x * range + from;
    }

    /** A float64 uniform on [0, 1): {@code x * 1 + 0} is {@code x} whether fused or not. */
    private double nextDouble01() {
        return (nextLong() & ((1L << 53) - 1)) * DOUBLE_DIVISOR;
    }

    private void fillUniform01(float[] out, int offset, int length) {
        for (int i = 0; i < length; i++) {
            out[offset + i] = (nextInt() & 0xFFFFFF) * FLOAT_DIVISOR;
        }
    }

    /**
     * {@code at::normal_distribution<double>(mean, std)} as in PyTorch 1.13: returns the cached
     * sample if there is one; otherwise draws u1 then u2 (53 bits each), returns
     * {@code sqrt(-2 log(1 - u2)) cos(2 pi u1)} and caches the matching {@code sin} sample.
     */
    private double normalDouble(double mean, double std) {
        double ret;
        if (hasNextDoubleNormal) {
            hasNextDoubleNormal = false;
            ret = nextDoubleNormal;
        } else {
            double u1 = nextDouble01();
            double u2 = nextDouble01();
            double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
            double theta = 2.0 * Math.PI * u1;
            nextDoubleNormal = r * Math.sin(theta);
            hasNextDoubleNormal = true;
            ret = r * Math.cos(theta);
        }
        return avx2 ? Math.fma(ret, std, mean) : ret * std + mean;
    }

    private static final double TWO_PI = 2.0 * Math.PI;

    /**
     * {@code normal_fill_16<double>}: Box-Muller on 8 pairs (u1 = 1 - data[j], u2 = data[j + 8]),
     * {@code radius * cos(theta) * std + mean} with the last multiply-add fused in the AVX2 build.
     */
    private static void normalFill16(double[] data, int base, double mean, double std, boolean fused) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1.0 - data[base + j];
            double u2 = data[base + j + 8];
            double radius = Math.sqrt(-2.0 * Math.log(u1));
            double theta = TWO_PI * u2;
            double n1 = radius * Math.cos(theta);
            double n2 = radius * Math.sin(theta);
            data[base + j] = fused ? Math.fma(n1, std, mean) : n1 * std + mean;
            data[base + j + 8] = fused ? Math.fma(n2, std, mean) : n2 * std + mean;
        }
    }

    /**
     * The scalar float kernel ({@code normal_fill<float>}), used by PyTorch without AVX2: float
     * {@code log}, {@code cos}, {@code sin} of the C library (here: Java's double functions rounded
     * to float, which differ from glibc's float ones in the last bit for about 1% of arguments).
     */
    private void normalFillScalar(float[] data, int offset, int length, float mean, float std) {
        for (int i = 0; i + 16 <= length; i += 16) {
            normalFill16Scalar(data, offset + i, mean, std);
        }
        if (length % 16 != 0) {
            int tail = offset + length - 16;
            fillUniform01(data, tail, 16);
            normalFill16Scalar(data, tail, mean, std);
        }
    }

    private static void normalFill16Scalar(float[] data, int base, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1.0f - data[base + j];
            float u2 = data[base + j + 8];
            float radius = (float) Math.sqrt(-2.0f * (float) Math.log(u1));
            float theta = (float) (TWO_PI * u2);
            data[base + j] = radius * (float) Math.cos(theta) * std + mean;
            data[base + j + 8] = radius * (float) Math.sin(theta) * std + mean;
        }
    }

    /**
     * The AVX2 float kernel ({@code normal_fill_AVX2}): each block of 16 is 8 lanes of
     * {@code u1 = 1 - data[j]}, {@code u2 = data[j + 8]}, Box-Muller with the Cephes
     * {@code log256_ps} and {@code sincos256_ps}, then {@code fma(n, std, mean)}.
     */
    private void normalFillAvx2(float[] data, int offset, int length, float mean, float std) {
        float[] sc = new float[2];
        for (int i = 0; i + 16 <= length; i += 16) {
            normalFill16Avx2(data, offset + i, mean, std, sc);
        }
        if (length % 16 != 0) {
            int tail = offset + length - 16;
            fillUniform01(data, tail, 16);
            normalFill16Avx2(data, tail, mean, std, sc);
        }
    }

    /** {@code _mm256_set1_ps(2.0f * c10::pi<double>)}: 2 pi rounded to float. */
    private static final float TWO_PI_F = (float) (2.0 * Math.PI);

    private static void normalFill16Avx2(float[] data, int base, float mean, float std, float[] sc) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1.0f - data[base + j];
            float u2 = data[base + j + 8];
            float radius = (float) Math.sqrt(-2.0f * CephesF.log(u1));
            float theta = TWO_PI_F * u2;
            CephesF.sincos(theta, sc);
            float n1 = radius * sc[1];
            float n2 = radius * sc[0];
            data[base + j] = Math.fma(n1, std, mean);
            data[base + j + 8] = Math.fma(n2, std, mean);
        }
    }

    // ------------------------------------------------------------------ internals: checks

    private static void checkRange(int arrayLength, int offset, int length) {
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException(
                    "range [" + offset + ", " + offset + " + " + length + ") out of bounds for length " + arrayLength);
        }
    }

    private static void checkUniform(double from, double to) {
        if (!(from <= to)) {
            throw new IllegalArgumentException(
                    "uniform_ expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
    }
}
