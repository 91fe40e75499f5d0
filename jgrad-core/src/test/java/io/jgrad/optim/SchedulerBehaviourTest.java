package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Torch;
import io.jgrad.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Scheduler construction and its checks, with PyTorch 1.13's messages (checked with real PyTorch). */
class SchedulerBehaviourTest {

    static SGD sgd() {
        return new SGD(List.of(new Parameter(Torch.zeros(2))), 0.1);
    }

    static void assertMessage(String message, Executable body) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, body).getMessage());
    }

    @Test
    void constructionRecordsInitialLrAndTakesTheFirstStep() {
        SGD opt = sgd();
        StepLR sched = new StepLR(opt, 2, 0.5);
        assertEquals(0.1, opt.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(List.of(0.1), sched.baseLrs());
        assertEquals(0, sched.lastEpoch());
        assertEquals(List.of(0.1), sched.getLastLr());
        assertEquals(1, sched.stateDict().get("_step_count"));
        sched.step();
        sched.step();
        assertEquals(List.of(0.05), sched.getLastLr());
        assertEquals(0.05, opt.paramGroups().get(0).lr());
        // A second scheduler keeps the first one's initial_lr (setdefault).
        ExponentialLR second = new ExponentialLR(opt, 0.9);
        assertEquals(List.of(0.1), second.baseLrs());
    }

    @Test
    void resumingNeedsInitialLr() {
        assertMessage("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer",
                () -> new StepLR(sgd(), 2, 0.5, 3));
    }

    @Test
    void lambdaCountMustMatchGroups() {
        assertMessage("Expected 1 lr_lambdas, but got 2", () -> new LambdaLR(sgd(), List.of(e -> 1.0, e -> 2.0)));
        LambdaLR one = new LambdaLR(sgd(), e -> 1.0 / (e + 1));
        one.step();
        assertEquals(List.of(0.05), one.getLastLr());
        assertEquals(java.util.Arrays.asList((Object) null), one.stateDict().get("lr_lambdas"));
    }

    @Test
    void plateauChecksUsePyTorchMessages() {
        assertMessage("Factor should be < 1.0.", () -> new ReduceLROnPlateau(sgd(), "min", 1.0, 10));
        assertMessage("mode foo is unknown!", () -> new ReduceLROnPlateau(sgd(), "foo", 0.1, 10));
        assertMessage("threshold mode foo is unknown!",
                () -> new ReduceLROnPlateau(sgd(), "min", 0.1, 10, 1e-4, "foo", 0, 0, 1e-8));
        assertMessage("expected 1 min_lrs, got 2",
                () -> new ReduceLROnPlateau(sgd(), "min", 0.1, 10, 1e-4, "rel", 0, List.of(0.1, 0.2), 1e-8));
    }

    @Test
    void plateauTracksBestAndBadEpochs() {
        SGD opt = sgd();
        ReduceLROnPlateau sched = new ReduceLROnPlateau(opt, "max", 0.5, 0);
        assertEquals(Double.NEGATIVE_INFINITY, sched.best());
        assertEquals(List.of(0.1), sched.getLastLr());
        sched.step(1.0);
        assertEquals(1.0, sched.best());
        assertTrue(sched.isBetter(2.0, 1.0));
        sched.step(0.5); // one bad epoch > patience 0: reduce
        assertEquals(List.of(0.05), sched.getLastLr());
        assertEquals(0, sched.numBadEpochs());
    }

    @Test
    void badStateDictChangesNothing() {
        StepLR sched = new StepLR(sgd(), 2, 0.5);
        assertMessage("scheduler state dict entry 'gamma' must be a number, but is String x",
                () -> sched.loadStateDict(Map.of("last_epoch", 5, "gamma", "x")));
        assertEquals(0, sched.lastEpoch());
        assertEquals(0.5, sched.stateDict().get("gamma"));
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd());
        assertMessage("mode up is unknown!", () -> plateau.loadStateDict(Map.of("mode", "up", "patience", 3)));
        assertEquals(10, plateau.stateDict().get("patience"));
    }
}
