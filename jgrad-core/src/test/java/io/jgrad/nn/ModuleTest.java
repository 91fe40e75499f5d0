package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Module behaviour: field discovery and names, traversal, modes, zero_grad, state dicts (with PyTorch 1.13's
 * exact error texts, recorded in the probes of tools/fixtures/gen_nn.py's session), apply, to(dtype), reprs,
 * and the seeds' logistic regression {@code nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())}.
 */
class ModuleTest {

    /** A base with a parameter of its own: superclass fields come first. */
    static class Base extends Module {
        Parameter scale = new Parameter(Torch.ones(1));
    }

    /** PyTorch: self.x = Parameter; self.lin = Linear(2, 2); self.bn = BatchNorm1d(2). */
    static class LR extends Base {
        Parameter x = new Parameter(Torch.zeros(2));
        Linear lin = new Linear(2, 2);
        final BatchNorm1d bn = new BatchNorm1d(2);
        private final Tensor notAParameter = Torch.ones(3);
        static Linear ignoredStatic = new Linear(1, 1);

        @Override
        public Tensor forward(Tensor in) {
            return bn.forward(lin.forward(in)).mul(x).mul(scale);
        }
    }

    @Test
    void fieldsAreFoundSuperclassFirstInDeclarationOrder() {
        LR m = new LR();
        assertEquals(List.of("scale", "x", "lin.weight", "lin.bias", "bn.weight", "bn.bias"),
                new ArrayList<>(m.namedParameters().keySet()));
        assertSame(m.lin.weight, m.namedParameters().get("lin.weight"));
        assertEquals(6, m.parameters().size());
        assertEquals(List.of("scale", "x", "lin.weight", "lin.bias", "bn.weight", "bn.bias", "bn.running_mean",
                "bn.running_var", "bn.num_batches_tracked"), new ArrayList<>(m.stateDict().keySet()));
        assertEquals(List.of("bn.running_mean", "bn.running_var", "bn.num_batches_tracked"),
                new ArrayList<>(m.namedBuffers().keySet()));
        assertEquals(m.notAParameter.numel(), 3);
    }

    @Test
    void nullAndReassignedFieldsAreReadWhenAsked() {
        LR m = new LR();
        m.lin.bias = null;                               // like nn.Linear(2, 2, bias=False)
        assertFalse(m.namedParameters().containsKey("lin.bias"));
        Parameter w = new Parameter(Torch.ones(2, 2));
        m.lin.weight = w;
        assertSame(w, m.namedParameters().get("lin.weight"));
    }

    @Test
    void sharedParametersAndModulesAreListedOnce() {
        Linear shared = new Linear(2, 2);
        Sequential s = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), new ArrayList<>(s.namedParameters().keySet()));
        assertEquals(2, s.children().size());
        assertEquals(3, s.size());
        assertSame(shared, s.get(-1));
    }

    @Test
    void childrenAndModules() {
        LR m = new LR();
        assertEquals(List.of("lin", "bn"), new ArrayList<>(m.namedChildren().keySet()));
        assertEquals(List.of(m.lin, m.bn), m.children());
        assertEquals(List.of("", "lin", "bn"), new ArrayList<>(m.namedModules().keySet()));
        assertEquals(List.of(m, m.lin, m.bn), m.modules());
        Sequential net = new Sequential(new Sequential(new Linear(1, 1)), new Tanh());
        assertEquals(List.of("", "0", "0.0", "1"), new ArrayList<>(net.namedModules().keySet()));
        assertEquals(List.of("0.0.weight", "0.0.bias"), new ArrayList<>(net.namedParameters().keySet()));
    }

    @Test
    void registeredModulesParametersAndBuffersComeAfterFields() {
        LR m = new LR();
        m.registerParameter("extra", new Parameter(Torch.ones(1)));
        m.registerModule("head", new Linear(2, 1));
        m.registerBuffer("steps", Torch.zeros(1));
        assertEquals(List.of("scale", "x", "extra", "steps", "lin.weight", "lin.bias", "bn.weight", "bn.bias",
                "bn.running_mean", "bn.running_var", "bn.num_batches_tracked", "head.weight", "head.bias"),
                new ArrayList<>(m.stateDict().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.registerModule("lin", new ReLU()));
        assertEquals("attribute 'lin' already exists", e.getMessage());
    }

    @Test
    void trainAndEvalPropagate() {
        Sequential net = new Sequential(new Linear(2, 2), new Sequential(new Dropout(0.5)));
        assertTrue(net.isTraining());
        assertSame(net, net.eval());
        for (Module m : net.modules()) {
            assertFalse(m.isTraining());
        }
        net.train();
        for (Module m : net.modules()) {
            assertTrue(m.isTraining());
        }
        net.get(1).train(false);
        assertTrue(net.isTraining());
        assertFalse(((Sequential) net.get(1)).get(0).isTraining());
    }

    @Test
    void dropoutIsTheIdentityInEval() {
        Dropout d = new Dropout(0.5);
        Tensor x = Torch.ones(8);
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        Tensor y = d.forward(x);
        for (double v : y.toDoubleArray()) {
            assertTrue(v == 0 || v == 2);
        }
    }

    @Test
    void zeroGradZeroesInPlaceByDefaultAsPyTorch113() {
        Linear fc = new Linear(2, 1);
        fc.forward(Torch.ones(1, 2)).sum().backward();
        Tensor g = fc.weight.grad();
        fc.zeroGrad();
        assertSame(g, fc.weight.grad());
        assertArrayEquals(new double[] {0, 0}, g.toDoubleArray());
        fc.zeroGrad(true);
        assertNull(fc.weight.grad());
        assertNull(fc.bias.grad());
        fc.zeroGrad();                                   // nothing to zero: no error
    }

    @Test
    void zeroGradDetachesAGradientWithHistory() {
        Linear fc = new Linear(2, 1);
        Tensor loss = fc.forward(Torch.ones(1, 2)).pow(2).sum();
        loss.backward(null, false, true);
        assertTrue(fc.weight.grad().requiresGrad());
        fc.zeroGrad();
        assertFalse(fc.weight.grad().requiresGrad());
        assertNull(fc.weight.grad().gradFn());
    }

    @Test
    void stateDictRoundTrip() {
        LR a = new LR();
        a.train();
        a.forward(Torch.tensor(new double[][] {{1, 2}, {3, 5}, {0, 1}}));
        LR b = new LR();
        IncompatibleKeys k = b.loadStateDict(a.stateDict());
        assertEquals(List.of(), k.missingKeys());
        assertEquals(List.of(), k.unexpectedKeys());
        assertEquals("_IncompatibleKeys(missing_keys=[], unexpected_keys=[])", k.toString());
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
        }
        assertNotSame(a.lin.weight, b.lin.weight);
        assertEquals(1, b.bn.numBatchesTracked().item());
        Tensor sd = a.stateDict().get("lin.weight");
        assertFalse(sd.requiresGrad());
        assertEquals(a.lin.weight.get(0, 0).item(), sd.get(0, 0).item());
    }

    @Test
    void strictLoadNamesMissingAndUnexpectedKeysAsPyTorch() {
        LR m = new LR();
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("x", Torch.zeros(2));
        sd.put("foo", Torch.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for LR:\n\tMissing key(s) in state_dict: \"scale\", "
                + "\"lin.weight\", \"lin.bias\", \"bn.weight\", \"bn.bias\", \"bn.running_mean\", \"bn.running_var\", "
                + "\"bn.num_batches_tracked\". \n\tUnexpected key(s) in state_dict: \"foo\". ", e.getMessage());
    }

    @Test
    void nonStrictLoadReturnsTheKeysAndSizeMismatchIsAlwaysAnError() {
        LR m = new LR();
        Map<String, Tensor> sd = m.stateDict();
        sd.remove("x");
        sd.remove("bn.running_mean");
        sd.put("a", Torch.zeros(1));
        sd.put("b.c", Torch.zeros(1));
        IllegalArgumentException strict = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for LR:\n\tMissing key(s) in state_dict: \"x\", "
                + "\"bn.running_mean\". \n\tUnexpected key(s) in state_dict: \"a\", \"b.c\". ", strict.getMessage());
        IncompatibleKeys k = m.loadStateDict(sd, false);
        assertEquals("_IncompatibleKeys(missing_keys=['x', 'bn.running_mean'], unexpected_keys=['a', 'b.c'])",
                k.toString());

        Map<String, Tensor> bad = m.stateDict();
        Tensor before = m.lin.bias.clone();
        bad.put("lin.bias", Torch.full(new int[] {2}, 7.0));
        bad.put("x", Torch.zeros(3));
        bad.put("lin.weight", Torch.zeros(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(bad, false));
        assertEquals("Error(s) in loading state_dict for LR:\n\tsize mismatch for x: copying a param with shape [3] "
                + "from checkpoint, the shape in current model is [2].\n\tsize mismatch for lin.weight: copying a param "
                + "with shape [1, 2] from checkpoint, the shape in current model is [2, 2].", e.getMessage());
        assertTrue(before.equal(m.lin.bias), "a failed load changes nothing");
    }

    @Test
    void loadKeepsParameterIdentityAndVersionCounts() {
        Linear fc = new Linear(2, 1);
        Parameter w = fc.weight;
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Torch.tensor(new double[][] {{1, 2}}).to(DType.FLOAT64));
        sd.put("bias", Torch.tensor(3.0));
        int v = w.version();
        fc.loadStateDict(sd);
        assertSame(w, fc.weight);
        assertEquals(DType.FLOAT32, w.dtype());
        assertArrayEquals(new float[] {1, 2}, w.toFloatArray());
        assertTrue(w.version() > v);
        assertTrue(w.requiresGrad());
    }

    @Test
    void applyVisitsChildrenFirst() {
        Sequential net = new Sequential(new Linear(2, 2), new Sequential(new ReLU()));
        List<String> seen = new ArrayList<>();
        assertSame(net, net.apply(m -> seen.add(m.getClass().getSimpleName())));
        assertEquals(List.of("Linear", "ReLU", "Sequential", "Sequential"), seen);
        net.apply(m -> {
            if (m instanceof Linear) {
                Init.constant_(((Linear) m).weight, 0.5);
            }
        });
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, ((Linear) net.get(0)).weight.toFloatArray());
    }

    @Test
    void toConvertsFloatingParametersGradsAndBuffersInPlace() {
        LR m = new LR();
        m.forward(Torch.tensor(new double[][] {{1, 2}, {3, 5}})).sum().backward();
        Parameter w = m.lin.weight;
        assertSame(m, m.to(DType.FLOAT64));
        assertSame(w, m.lin.weight);
        for (Parameter p : m.parameters()) {
            assertEquals(DType.FLOAT64, p.dtype());
            assertTrue(p.requiresGrad() && p.isLeaf());
        }
        assertEquals(DType.FLOAT64, w.grad().dtype());
        assertEquals(DType.FLOAT64, m.bn.runningMean().dtype());
        assertEquals(DType.INT64, m.bn.numBatchesTracked().dtype());
        Tensor y = m.forward(Torch.tensor(new double[][] {{1, 2}, {3, 5}}).to(DType.FLOAT64));
        assertEquals(DType.FLOAT64, y.dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.to(DType.INT64));
        assertEquals("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int64",
                e.getMessage());
    }

    @Test
    void reprsMatchPyTorch() {
        assertEquals("Sequential(\n  (0): Linear(in_features=2, out_features=1, bias=True)\n  (1): Sigmoid()\n)",
                new Sequential(new Linear(2, 1), new Sigmoid()).toString());
        Object[][] cases = {
            {new ReLU(), "ReLU()"}, {new Tanh(), "Tanh()"}, {new Softmax(1), "Softmax(dim=1)"},
            {new LogSoftmax(1), "LogSoftmax(dim=1)"}, {new GELU(), "GELU(approximate='none')"},
            {new GELU("tanh"), "GELU(approximate='tanh')"}, {new LeakyReLU(), "LeakyReLU(negative_slope=0.01)"},
            {new LeakyReLU(0.2), "LeakyReLU(negative_slope=0.2)"}, {new Dropout(0.5), "Dropout(p=0.5, inplace=False)"},
            {new Dropout(0.1), "Dropout(p=0.1, inplace=False)"}, {new Flatten(), "Flatten(start_dim=1, end_dim=-1)"},
            {new Identity(), "Identity()"}, {new Embedding(10, 3), "Embedding(10, 3)"},
            {new Embedding(10, 3, 0), "Embedding(10, 3, padding_idx=0)"},
            {new LayerNorm(4), "LayerNorm((4,), eps=1e-05, elementwise_affine=True)"},
            {new LayerNorm(new int[] {2, 3}, 1e-6, false), "LayerNorm((2, 3), eps=1e-06, elementwise_affine=False)"},
            {new LayerNorm(new int[] {4}, 1e-3, true), "LayerNorm((4,), eps=0.001, elementwise_affine=True)"},
            {new BatchNorm1d(4), "BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"},
            {new BatchNorm1d(4, 1e-5, null, false, false),
                "BatchNorm1d(4, eps=1e-05, momentum=None, affine=False, track_running_stats=False)"},
            {new MSELoss(), "MSELoss()"}, {new L1Loss("sum"), "L1Loss()"}, {new SmoothL1Loss(), "SmoothL1Loss()"},
            {new HuberLoss(), "HuberLoss()"}, {new BCELoss(), "BCELoss()"}, {new BCEWithLogitsLoss(), "BCEWithLogitsLoss()"},
            {new CrossEntropyLoss(), "CrossEntropyLoss()"}, {new NLLLoss(), "NLLLoss()"},
            {new Linear(3, 4, false), "Linear(in_features=3, out_features=4, bias=False)"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], c[0].toString());
        }
        assertEquals("LR(\n  (lin): Linear(in_features=2, out_features=2, bias=True)\n  (bn): BatchNorm1d(2, eps=1e-05, "
                + "momentum=0.1, affine=True, track_running_stats=True)\n)", new LR().toString());
    }

    @Test
    void logisticRegressionOfTheSeedsMatchesPyTorch() {
        // torch.manual_seed(0); net = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
        // loss = nn.BCELoss()(net(x).squeeze(), t); loss.backward()   (values from PyTorch 1.13)
        Torch.manualSeed(0);
        Sequential net = new Sequential(new Linear(2, 1), new Sigmoid());
        Linear fc = (Linear) net.get(0);
        assertArrayEquals(new float[] {(float) -0x1.5af244p-8, (float) 0x1.846d38p-2}, fc.weight.toFloatArray());
        assertEquals((float) -0x1.29f962p-1, fc.bias.toFloatArray()[0]);
        Tensor x = Torch.tensor(new double[][] {{1, 2}, {3, -1}, {0.5, 0.5}});
        Tensor t = Torch.tensor(1.0, 0.0, 1.0);
        Tensor y = net.forward(x);
        Tensor loss = new BCELoss().forward(y.squeeze(), t);
        loss.backward();
        assertClose(new double[] {0x1.15e1c8p-1, 0x1.18036ep-2, 0x1.9c2ed0p-2}, y.toDoubleArray());
        assertClose(new double[] {0x1.3a203ep-1}, new double[] {loss.item()});
        assertClose(new double[] {0x1.5f7168p-6, -0x1.fb76f6p-2}, fc.weight.grad().toDoubleArray());
        assertClose(new double[] {-0x1.0aae10p-2}, fc.bias.grad().toDoubleArray());
        assertEquals("BinaryCrossEntropyBackward0", loss.gradFn().name());
    }

    @Test
    void batchNormModuleTracksRunningStatistics() {
        // bn = nn.BatchNorm1d(2, momentum=None); two training steps -> cumulative averages
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, null, true, true);
        bn.forward(Torch.tensor(new double[][] {{1, 2}, {3, 5}}));
        bn.forward(Torch.tensor(new double[][] {{0, 1}, {2, 3}}));
        assertArrayEquals(new float[] {1.5f, 2.75f}, bn.runningMean().toFloatArray());
        assertArrayEquals(new float[] {2.0f, 3.25f}, bn.runningVar().toFloatArray());
        assertEquals(2, bn.numBatchesTracked().item());
        bn.eval();
        Tensor y = bn.forward(Torch.tensor(new double[][] {{1.5, 2.75}}));
        assertArrayEquals(new float[] {0, 0}, y.toFloatArray());
        assertEquals(2, bn.numBatchesTracked().item());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.ones(3)));
        assertEquals("expected 2D or 3D input (got 1D input)", e.getMessage());
    }

    @Test
    void forwardErrors() {
        Module bare = new Module() {};
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> bare.forward(Torch.ones(1)));
        assertTrue(e.getMessage().endsWith("is missing the required \"forward\" function"));
        IllegalArgumentException lin = assertThrows(IllegalArgumentException.class,
                () -> new Linear(2, 3).forward(Torch.ones(4, 3)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (4x3 and 2x3)", lin.getMessage());
        IllegalArgumentException dt = assertThrows(IllegalArgumentException.class,
                () -> new Linear(2, 3).forward(Torch.ones(new int[] {2}, DType.FLOAT64)));
        assertEquals("expected scalar type Float but found Double", dt.getMessage());
        IllegalArgumentException pad = assertThrows(IllegalArgumentException.class, () -> new Embedding(5, 3, 5));
        assertEquals("Padding_idx must be within num_embeddings", pad.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5", p.getMessage());
    }

    @Test
    void embeddingModuleZeroesThePaddingRowAndGivesItNoGradient() {
        Torch.manualSeed(0);
        Embedding emb = new Embedding(4, 3, -1);
        assertEquals(3, emb.paddingIdx);
        assertArrayEquals(new float[] {0, 0, 0}, emb.weight.get(3).toFloatArray());
        emb.forward(Torch.tensor(3L, 1L, 3L)).sum().backward();
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, emb.weight.grad().toFloatArray());
        assertArrayEquals(new int[] {2, 3}, emb.forward(Torch.tensor(0L, 1L)).shape());
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6 * Math.abs(expected[i]) + 1e-7, "element " + i);
        }
    }
}
