package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.viz.LegendPlacement.Drawn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.style.Styler.LegendPosition;

/** {@code loc='best'}: the legend goes where it hides the fewest data points. */
class LegendPlacementTest {

    private static final double[] UNIT = {0, 1};

    private static LegendPosition best(Drawn... series) {
        return LegendPlacement.best(List.of(series), UNIT, UNIT, 0.3, 0.2);
    }

    @Test
    void upperRightWhenNothingIsInTheWay() {
        assertEquals(LegendPosition.InsideNE, best());
        assertEquals(LegendPosition.InsideNE, best(new Drawn(new double[] {0.5}, new double[] {0.5}, false)));
    }

    @Test
    void awayFromPoints() {
        Drawn upperRight = new Drawn(new double[] {0.9, 0.95}, new double[] {0.9, 0.95}, false);
        assertEquals(LegendPosition.InsideNW, best(upperRight));
        Drawn bothUpper = new Drawn(new double[] {0.9, 0.1}, new double[] {0.9, 0.9}, false);
        assertEquals(LegendPosition.InsideSW, best(bothUpper));
    }

    @Test
    void linesCountAlongTheirSegments() {
        // a rising diagonal has its vertices at the ends only, but its segment crosses the upper right
        Drawn diagonal = new Drawn(new double[] {0, 1}, new double[] {0, 1}, true);
        assertEquals(LegendPosition.InsideNW, best(diagonal));
        Drawn asPoints = new Drawn(new double[] {0, 1}, new double[] {0, 1}, false);
        assertEquals(LegendPosition.InsideNW, best(asPoints), "the corner point (1, 1) itself is covered");
        Drawn vShape = new Drawn(new double[] {0, 0.5, 1}, new double[] {1, 0, 1}, true);
        assertEquals(LegendPosition.InsideSW, best(vShape), "a V leaves the lower corners free");
    }

    @Test
    void centreWhenAllCornersAreTaken() {
        Drawn corners = new Drawn(new double[] {0.05, 0.95, 0.05, 0.95}, new double[] {0.05, 0.05, 0.95, 0.95}, false);
        assertEquals(LegendPosition.InsideN, best(corners));
    }
}
