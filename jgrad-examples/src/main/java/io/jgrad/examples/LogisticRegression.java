package io.jgrad.examples;

import static io.jgrad.Torch.cat;
import static io.jgrad.Torch.manualSeed;
import static io.jgrad.Torch.normal;
import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.zeros;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.nn.BCELoss;
import io.jgrad.nn.Linear;
import io.jgrad.nn.Module;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.Sigmoid;
import io.jgrad.optim.SGD;
import io.jgrad.viz.DecisionBoundaryFrames;
import io.jgrad.viz.Figure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: seeds 000 and 003's logistic regression. Two Gaussian clouds of 100 points (means 2.7 and
 * -0.7), a {@code Linear(2, 1)} followed by a sigmoid, BCE loss, SGD with momentum 0.9; every 20 iterations
 * it prints the iteration, loss and accuracy, draws the decision boundary, and stops once accuracy passes
 * 99%. With {@code torch.manual_seed(10)} it follows PyTorch 1.13's run step for step.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl jgrad-examples -am} (this is the default main class), or
 * {@code java io.jgrad.examples.LogisticRegression [plot directory, default out] [module|sequential]}.
 * Writes {@code logistic-000.png, ...} (one frame per report), {@code logistic.gif} and
 * {@code logistic-loss.png} (the loss curve).
 */
public final class LogisticRegression {
    private LogisticRegression() {}

    /** Seed 000's model in the {@code nn.Module} form: {@code features} then {@code sigmoid}. */
    public static final class LR extends Module {
        public final Linear features = new Linear(2, 1);   // self.features = nn.Linear(2, 1)
        public final Sigmoid sigmoid = new Sigmoid();       // self.sigmoid = nn.Sigmoid()

        @Override
        public Tensor forward(Tensor x) {                  // def forward(self, x):
            x = features.forward(x);                        //     x = self.features(x)
            return sigmoid.forward(x);                      //     x = self.sigmoid(x)
        }
    }

    /**
     * One report (every 20 iterations).
     *
     * @param iteration the iteration number
     * @param loss      the BCE loss of that iteration
     * @param accuracy  the share of points classified right, in [0, 1]
     * @param w0        the first weight
     * @param w1        the second weight
     * @param b         the bias
     */
    public record Report(int iteration, double loss, double accuracy, double w0, double w1, double b) {}

    /**
     * What a run did.
     *
     * @param reports one per report, the last being the one that stopped training (or iteration 980)
     * @param plots   the PNG and GIF files written
     */
    public record Result(List<Report> reports, List<Path> plots) {}

    /** Runs the demo: {@code [plot directory] [module|sequential]}. */
    public static void main(String[] args) {
        String form = args.length > 1 ? args[1] : "module";
        Result r = run(Examples.outDir(args), System.out, 10, form.equals("sequential"));
        Examples.sayWhere(System.out, r.plots());
    }

    /**
     * Trains with {@code torch.manual_seed(seed)}, printing progress to {@code out} and writing plots into
     * {@code dir}; {@code sequential} picks the {@code nn.Sequential} form of the model.
     */
    public static Result run(Path dir, PrintStream out, long seed, boolean sequential) {
        // ============================ step 1/5 生成数据 ============================
        manualSeed(seed);                                          // torch.manual_seed(10)
        int sampleNums = 100;                                      // sample_nums = 100
        double meanValue = 1.7;                                    // mean_value = 1.7
        double bias = 1;                                           // bias = 1
        Tensor nData = ones(sampleNums, 2);                        // n_data = torch.ones(sample_nums, 2)
        Tensor x0 = normal(nData.mul(meanValue), 1).add(bias);     // x0 = torch.normal(mean_value * n_data, 1) + bias
        Tensor y0 = zeros(sampleNums);                             // y0 = torch.zeros(sample_nums)
        Tensor x1 = normal(nData.mul(-meanValue), 1).add(bias);    // x1 = torch.normal(-mean_value * n_data, 1) + bias
        Tensor y1 = ones(sampleNums);                              // y1 = torch.ones(sample_nums)
        Tensor trainX = cat(List.of(x0, x1), 0);                   // train_x = torch.cat((x0, x1), 0)
        Tensor trainY = cat(List.of(y0, y1), 0);                   // train_y = torch.cat((y0, y1), 0)

        // ============================ step 2/5 选择模型 ============================
        Module net;
        Linear linear;
        if (sequential) {
            Sequential s = new Sequential(new Linear(2, 1), new Sigmoid());   // nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
            net = s;
            linear = (Linear) s.get(0);
        } else {
            LR lr = new LR();                                       // lr_net = LR()
            net = lr;
            linear = lr.features;
        }

        // ============================ step 3/5 选择损失函数 ============================
        BCELoss lossFn = new BCELoss();                             // loss_fn = nn.BCELoss()

        // ============================ step 4/5 选择优化器   ============================
        double lr = 0.01;                                           // lr = 0.01
        SGD optimizer = new SGD(net.parameters(), lr, 0.9);         // torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)

        // ============================ step 5/5 模型训练 ============================
        DecisionBoundaryFrames frames = new DecisionBoundaryFrames(dir, "logistic", x0, x1);
        List<Report> reports = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int iteration = 0; iteration < 1000; iteration++) {   // for iteration in range(1000):
            Tensor yPred = net.forward(trainX);                     //     y_pred = lr_net(train_x)
            Tensor loss = lossFn.forward(yPred.squeeze(), trainY);  //     loss = loss_fn(y_pred.squeeze(), train_y)
            loss.backward();                                        //     loss.backward()
            optimizer.step();                                       //     optimizer.step()
            optimizer.zeroGrad();                                   //     optimizer.zero_grad()
            losses.add(loss.item());
            if (iteration % 20 == 0) {
                Tensor mask = yPred.ge(0.5).to(DType.FLOAT32).squeeze();    // mask = y_pred.ge(0.5).float().squeeze()
                Tensor correct = mask.eq(trainY).sum();                      // correct = (mask == train_y).sum()
                double acc = correct.item() / trainY.size(0);               // acc = correct.item() / train_y.size(0)
                double w0 = linear.weight.get(0, 0).item();                 // w0, w1 = lr_net.features.weight[0]
                double w1 = linear.weight.get(0, 1).item();
                double plotB = linear.bias.get(0).item();                   // plot_b = float(lr_net.features.bias[0].item())
                reports.add(new Report(iteration, loss.item(), acc, w0, w1, plotB));
                out.printf("Iteration: %4d  loss: %.4f  accuracy: %6.2f%%  w0: %.2f  w1: %.2f  b: %.2f%n",
                        iteration, loss.item(), acc * 100, w0, w1, plotB);
                frames.add(iteration, w0, w1, plotB, loss.item(), acc);
                if (acc > 0.99) {                                            // if acc > 0.99: break
                    break;
                }
            }
        }
        List<Path> plots = new ArrayList<>(frames.frames());
        plots.add(frames.writeGif("logistic.gif", 500));
        plots.add(lossCurve(dir, losses));
        return new Result(reports, plots);
    }

    private static Path lossCurve(Path dir, List<Double> losses) {
        double[] it = new double[losses.size()];
        double[] l = new double[losses.size()];
        for (int i = 0; i < l.length; i++) {
            it[i] = i;
            l[i] = losses.get(i);
        }
        return new Figure().plot(it, l, "b-", "BCE loss").title("Loss").xlabel("iteration").ylabel("loss")
                .legend().savefig(dir, "logistic-loss.png");
    }
}
