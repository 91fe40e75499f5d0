package io.jgrad.nn;

import io.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Modules applied in order, PyTorch's {@code nn.Sequential}; the children are named "0", "1", ...
 *
 * <pre>{@code
 * Module net = new Sequential(new Linear(2, 1), new Sigmoid());   // nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
 * }</pre>
 */
public class Sequential extends Module {
    private final List<Module> list = new ArrayList<>();

    /** {@code nn.Sequential(*modules)}. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** Adds a module at the end, named by its position ({@code seq.append(module)}); returns this. */
    public Sequential append(Module module) {
        registerModule(String.valueOf(list.size()), module);
        list.add(module);
        return this;
    }

    /**
     * The i-th module, negative counting from the end ({@code seq[i]}).
     *
     * @throws IndexOutOfBoundsException if i is out of range (PyTorch's message)
     */
    public Module get(int i) {
        int n = list.size();
        if (i < -n || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " is out of range");
        }
        return list.get(i < 0 ? i + n : i);
    }

    /** The number of modules ({@code len(seq)}). */
    public int size() {
        return list.size();
    }

    /** Feeds x through each module in turn. */
    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : list) {
            y = m.forward(y);
        }
        return y;
    }
}
