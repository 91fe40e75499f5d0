package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Matplotlib colour specifications ({@link Colors}) and format strings ({@link LineFormat}). */
class StylesTest {

    @Test
    void colourSpecifications() {
        assertEquals(new Color(255, 0, 0), Colors.parse("r"));
        assertEquals(new Color(0, 0, 255), Colors.parse("blue"));
        assertEquals(new Color(0, 0, 255), Colors.parse("Blue"));
        assertEquals(new Color(0x1f77b4), Colors.parse("C0"));
        assertEquals(new Color(0xff7f0e), Colors.parse("C1"));
        assertEquals(new Color(0xd62728), Colors.parse("tab:red"));
        assertEquals(new Color(0x00ff80), Colors.parse("#00FF80"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Colors.parse("nope"));
        assertEquals("'nope' is not a valid color value.", e.getMessage());
    }

    @Test
    void colourAndSolidLine() {
        LineFormat f = LineFormat.parse("r-");
        assertEquals(Color.RED, f.color());
        assertSame(LineFormat.SOLID, f.stroke());
        assertNull(f.marker());
    }

    @Test
    void markerAloneDrawsNoLine() {
        LineFormat f = LineFormat.parse("go");
        assertEquals(new Color(0x008000), f.color());
        assertNull(f.stroke());
        assertSame(SeriesMarkers.CIRCLE, f.marker());
    }

    @Test
    void dashedDottedAndDashDot() {
        assertEquals(2, LineFormat.parse("b--").stroke().getDashArray().length);
        assertEquals(2, LineFormat.parse("k:").stroke().getDashArray().length);
        assertEquals(4, LineFormat.parse("-.").stroke().getDashArray().length);
        assertNull(LineFormat.parse("-.").color());
    }

    @Test
    void markerWithLineAndEmptyFormat() {
        LineFormat both = LineFormat.parse("o-");
        assertNotNull(both.marker());
        assertSame(LineFormat.SOLID, both.stroke());
        for (String empty : new String[] {"", null}) {
            LineFormat f = LineFormat.parse(empty);
            assertNull(f.color());
            assertSame(LineFormat.SOLID, f.stroke());
            assertNull(f.marker());
        }
        assertNotSame(LineFormat.SOLID, LineFormat.parse("--").stroke());
    }

    @Test
    void unknownCharacterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineFormat.parse("rq"));
        assertEquals("'rq' is not a valid format string (unrecognized character 'q')", e.getMessage());
    }
}
