package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.platform.Problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of whole-number query parameters that every resource and page calls. */
class InputLimitsWholeNumberTest {

    @Test
    void aBlankOptionalParameterTakesItsDefaultAndAGoodOneIsRead() {
        List<FieldViolation> bad = new ArrayList<>();
        assertEquals(50, InputLimits.wholeNumber("size", null, 50, 1, 500, bad));
        assertEquals(50, InputLimits.wholeNumber("size", "  ", 50, 1, 500, bad));
        assertEquals(500, InputLimits.wholeNumber("size", " 500 ", 50, 1, 500, bad));
        assertEquals(1, InputLimits.wholeNumber("size", "1", 50, 1, 500, bad));
        assertEquals(List.of(), bad);
    }

    @Test
    void eachBadValueNamesItsParameterAndTheRangeAndAnswersTheDefault() {
        List<FieldViolation> bad = new ArrayList<>();
        assertEquals(50, InputLimits.wholeNumber("size", "501", 50, 1, 500, bad));
        assertEquals(50, InputLimits.wholeNumber("size", "0", 50, 1, 500, bad));
        assertEquals(0, InputLimits.wholeNumber("page", "2.5", 0, 0, 1_000_000, bad));
        assertEquals(0, InputLimits.wholeNumber("page", "9".repeat(200), 0, 0, 1_000_000, bad));
        assertEquals(List.of(new FieldViolation("size", "must be a whole number from 1 to 500"),
                new FieldViolation("size", "must be a whole number from 1 to 500"),
                new FieldViolation("page", "must be a whole number from 0 to 1000000"),
                new FieldViolation("page", "must be a whole number from 0 to 1000000")), bad);
    }

    /** A parameter whose resource declares its default: what arrives blank was typed blank, and is refused. */
    @Test
    void aRequiredParameterRefusesBlankAndAnswersTheMinimum() {
        List<FieldViolation> bad = new ArrayList<>();
        assertEquals(7, InputLimits.wholeNumber("limit", "7", 1, 1000, bad));
        assertEquals(List.of(), bad);
        assertEquals(1, InputLimits.wholeNumber("limit", "", 1, 1000, bad));
        assertEquals(1, InputLimits.wholeNumber("limit", "1001", 1, 1000, bad));
        assertEquals(1, InputLimits.wholeNumber("limit", null, 1, 1000, bad));
        assertEquals(List.of(new FieldViolation("limit", "must be a whole number from 1 to 1000"),
                new FieldViolation("limit", "must be a whole number from 1 to 1000"),
                new FieldViolation("limit", "must be a whole number from 1 to 1000")), bad);
    }
}
