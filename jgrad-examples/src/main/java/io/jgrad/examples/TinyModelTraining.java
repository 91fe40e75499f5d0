package io.jgrad.examples;

import static io.jgrad.Torch.manualSeed;
import static io.jgrad.Torch.randn;

import io.jgrad.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.Module;
import io.jgrad.nn.ReLU;
import io.jgrad.optim.SGD;
import java.io.PrintStream;

/**
 * Seed 004's TinyModel (1000 -> 100 -> ReLU -> 10): a slice of {@code layer2}'s weights and gradients
 * before and after {@code backward()} and {@code optimizer.step()}, the gradient growing over five backward
 * passes without zeroing, and {@code zero_grad(set_to_none=False)}. The seed draws unseeded numbers; this
 * program seeds with {@code torch.manual_seed(0)} so its output matches PyTorch 1.13's run of the same code.
 *
 * <p>Run: {@code java io.jgrad.examples.TinyModelTraining}.
 */
public final class TinyModelTraining {
    private TinyModelTraining() {}

    static final int BATCH_SIZE = 16;
    static final int DIM_IN = 1000;
    static final int HIDDEN_SIZE = 100;
    static final int DIM_OUT = 10;

    /** {@code class TinyModel(torch.nn.Module)}. */
    public static final class TinyModel extends Module {
        public final Linear layer1 = new Linear(DIM_IN, HIDDEN_SIZE);   // self.layer1 = torch.nn.Linear(DIM_IN, HIDDEN_SIZE)
        public final ReLU relu = new ReLU();                            // self.relu = torch.nn.ReLU()
        public final Linear layer2 = new Linear(HIDDEN_SIZE, DIM_OUT);  // self.layer2 = torch.nn.Linear(HIDDEN_SIZE, DIM_OUT)

        @Override
        public Tensor forward(Tensor x) {
            x = layer1.forward(x);
            x = relu.forward(x);
            return layer2.forward(x);
        }
    }

    /**
     * The slices the program printed.
     *
     * @param weightBefore   layer2.weight[0][0:10] before training
     * @param loss           the first loss
     * @param grad           layer2.weight.grad[0][0:10] after the first backward
     * @param weightAfter    layer2.weight[0][0:10] after optimizer.step()
     * @param gradAfterFive  the gradient slice after five more backward passes
     * @param gradZeroed     the gradient slice after zero_grad(set_to_none=False)
     */
    public record Result(Tensor weightBefore, double loss, Tensor grad, Tensor weightAfter, Tensor gradAfterFive,
            Tensor gradZeroed) {}

    /** Runs the program, printing as the seed does. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the program, printing to {@code out}. */
    public static Result run(PrintStream out) {
        manualSeed(0);
        Tensor someInput = randn(BATCH_SIZE, DIM_IN);       // some_input = torch.randn(BATCH_SIZE, DIM_IN, requires_grad=False)
        Tensor idealOutput = randn(BATCH_SIZE, DIM_OUT);    // ideal_output = torch.randn(BATCH_SIZE, DIM_OUT, requires_grad=False)
        TinyModel model = new TinyModel();                  // model = TinyModel()

        Tensor before = model.layer2.weight.get(0).slice(0, 0, 10).detach().clone();
        out.println(model.layer2.weight.get(0).slice(0, 0, 10));                                // print(model.layer2.weight[0][0:10])
        out.println(Py.print(model.layer2.weight.grad()));  // print(model.layer2.weight.grad) -> None

        SGD optimizer = new SGD(model.parameters(), 0.001);   // optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
        Tensor prediction = model.forward(someInput);         // prediction = model(some_input)
        Tensor loss = idealOutput.sub(prediction).pow(2).sum();   // loss = (ideal_output - prediction).pow(2).sum()
        out.println(loss);                                    // print(loss)
        double firstLoss = loss.item();

        loss.backward();                                      // loss.backward()
        out.println(model.layer2.weight.get(0).slice(0, 0, 10));        // print(model.layer2.weight[0][0:10])
        Tensor grad = model.layer2.weight.grad().get(0).slice(0, 0, 10).clone();
        out.println(grad);                                    // print(model.layer2.weight.grad[0][0:10])

        optimizer.step();                                     // optimizer.step()
        Tensor after = model.layer2.weight.get(0).slice(0, 0, 10).detach().clone();
        out.println(model.layer2.weight.get(0).slice(0, 0, 10));                                   // print(model.layer2.weight[0][0:10])
        out.println(model.layer2.weight.grad().get(0).slice(0, 0, 10));  // print(model.layer2.weight.grad[0][0:10])

        for (int i = 0; i < 5; i++) {                         // for i in range(0, 5):
            prediction = model.forward(someInput);            //     prediction = model(some_input)
            loss = idealOutput.sub(prediction).pow(2).sum();  //     loss = (ideal_output - prediction).pow(2).sum()
            loss.backward();                                  //     loss.backward()
        }
        Tensor grown = model.layer2.weight.grad().get(0).slice(0, 0, 10).clone();
        out.println(grown);                                   // print(model.layer2.weight.grad[0][0:10])

        optimizer.zeroGrad(false);                            // optimizer.zero_grad(set_to_none=False)
        Tensor zeroed = model.layer2.weight.grad().get(0).slice(0, 0, 10);
        out.println(zeroed);                                  // print(model.layer2.weight.grad[0][0:10])
        return new Result(before, firstLoss, grad, after, grown, zeroed);
    }
}
