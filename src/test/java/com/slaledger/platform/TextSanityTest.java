package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared check of free text ({@link TextSanity#unfit}) and the quoting of a caller's value in a problem
 * ({@link InputLimits#echo}): invisible bidirectional controls and halves of surrogate pairs never pass or echo.
 */
class TextSanityTest {

    @Test
    void everyBidirectionalControlIsRefusedAndRightToLeftLettersAreNot() {
        // U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C: twelve characters
        List<Character> controls = List.of('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067',
                '\u2068', '\u2069', '\u200E', '\u200F', '\u061C');
        for (char control : controls) {
            assertEquals(Optional.of(TextSanity.BIDI_MESSAGE), TextSanity.unfit("name" + control + "x", false),
                    Integer.toHexString(control));
            assertEquals(Optional.of(TextSanity.BIDI_MESSAGE), TextSanity.unfit(control + "note\nline", true),
                    Integer.toHexString(control));
        }
        // the neighbours of the ranges are ordinary characters: U+2029 (paragraph separator) and U+206A
        assertFalse(TextSanity.isBidiControl('\u2029'));
        assertFalse(TextSanity.isBidiControl('\u206A'));
        assertFalse(TextSanity.isBidiControl('\u200D'));
        // Hebrew and Arabic letters, an emoji (a surrogate pair), accents: fine
        assertEquals(Optional.empty(), TextSanity.unfit("\u05D9\u05E2\u05D3 \u0645\u0648\u0639\u062F \uD83D\uDE00 d\u00E9j\u00E0", false));
        assertEquals(Optional.empty(), TextSanity.unfit(null, false));
    }

    @Test
    void halfASurrogatePairIsRefusedWhereverItStands() {
        for (String text : List.of("\uD83D", "a\uD83D", "\uD83Da", "\uDE00", "a\uDE00\uD83D", "\uD83D\uD83D\uDE00")) {
            assertEquals(Optional.of(TextSanity.SURROGATE_MESSAGE), TextSanity.unfit(text, false), text.length() + " chars");
        }
    }

    @Test
    void controlCharactersAreRefusedLineBreaksOnlyInMultiLineText() {
        assertEquals(Optional.of(TextSanity.CONTROL_MESSAGE), TextSanity.unfit("two\nlines", false));
        assertEquals(Optional.of(TextSanity.CONTROL_MESSAGE), TextSanity.unfit("nul\u0000", false));
        assertEquals(Optional.empty(), TextSanity.unfit("two\r\nlines\tand a tab", true));
        assertEquals(Optional.of(TextSanity.CONTROL_IN_FREE_TEXT_MESSAGE), TextSanity.unfit("bell\u0007", true));

        Violations violations = new Violations();
        assertTrue(TextSanity.check("name", "x\u202Ey", false, violations));
        assertFalse(TextSanity.check("note", "fine", true, violations));
        assertEquals(List.of(new Problem.FieldViolation("name", TextSanity.BIDI_MESSAGE)), violations.list());
    }

    @Test
    void anEchoShowsNoControlNoBidiControlAndNoHalfPair() {
        assertEquals("a?b?c?d", InputLimits.echo("a\u0000b\u202Ec\uDE00d"));
        // a pair is kept whole; the 40th character being the first half of a pair, the cut leaves no half behind
        assertEquals("\uD83D\uDE00 ok", InputLimits.echo("\uD83D\uDE00 ok"));
        String cutInPair = "x".repeat(39) + "\uD83D\uDE00";
        assertEquals("x".repeat(39) + "?…", InputLimits.echo(cutInPair));
        assertEquals("x".repeat(40) + "…", InputLimits.echo("x".repeat(41)));
    }
}
