package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Torch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 004's requires_grad / no_grad / detach demonstrations, against the same program on PyTorch 1.13. */
class GradModeSwitchesTest {
    private static final PyTorchRun PYTORCH = PyTorchRun.of("GradModeSwitches");

    @Test
    void printsWhatPyTorchPrints() {
        List<String> expected = Arrays.asList(PYTORCH.stdout().split("\n"));
        List<String> printed = Arrays.asList(Outputs.printed(GradModeSwitches::run).split("\n"));
        assertEquals(expected.size(), printed.size());
        int random = expected.size() - 2;                     // print(x); print(y) of the unseeded torch.rand(5)
        assertEquals(expected.subList(0, random), printed.subList(0, random));
        String x = printed.get(random);
        assertTrue(x.matches("tensor\\(\\[(0\\.\\d{4}, ){4}0\\.\\d{4}\\], requires_grad=True\\)"), x);
        assertEquals(x.replace(", requires_grad=True", ""), printed.get(random + 1), "y = x.detach(): same values");
        assertTrue(Torch.isGradEnabled(), "no_grad blocks restore the mode");
    }
}
