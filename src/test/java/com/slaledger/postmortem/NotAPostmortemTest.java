package com.slaledger.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slaledger.postmortem.ParseResult.Reason;
import org.junit.jupiter.api.Test;

/** Texts that describe no incident get a clear answer, never a made-up draft. */
class NotAPostmortemTest {

    private static ParseResult parse(String text) {
        return PostmortemParser.parse(text, PostmortemParser.Options.none(), Catalog.empty());
    }

    @Test
    void aGuideToWritingPostmortemsHasNoTimeline() {
        ParseResult result = parse("""
                # How to write a postmortem

                A postmortem is a written record of an incident, its impact, the actions taken to
                mitigate or resolve it, the root cause, and the follow-up actions.

                ## Summary
                Two or three sentences on what happened, written on 2024-01-16 or any other day.

                ## Timeline
                List each event with its time and what happened, from the first sign of trouble to
                the all clear. Use one time zone and say which one (UTC is a good default).

                ## Root cause
                Ask "why" five times.

                ## Action items
                - Each with an owner
                - Each with a due date
                """);
        assertNull(result.draft());
        assertEquals(Reason.NO_TIMELINE, result.refusal().reason());
    }

    @Test
    void aOneLineLinkHasNoTimeline() {
        ParseResult result = parse("https://docs.google.com/document/d/1AbCdEf/edit?usp=sharing\n");
        assertNull(result.draft());
        assertEquals(Reason.NO_TIMELINE, result.refusal().reason());
    }

    @Test
    void anEmptyOrBlankTextIsEmpty() {
        assertEquals(Reason.EMPTY, parse("").refusal().reason());
        assertEquals(Reason.EMPTY, parse(" \n\t\r\n ").refusal().reason());
        assertEquals(Reason.EMPTY, PostmortemParser.parse(null, null, null).refusal().reason());
    }

    @Test
    void timesWithoutAnyDateAreRefusedUnlessTheDateIsGiven() {
        String text = "10:00 Outage began\n10:20 Service restored\n";
        assertEquals(Reason.NO_DATE, parse(text).refusal().reason());
        ParseResult withDate = PostmortemParser.parse(text,
                new PostmortemParser.Options(null, java.time.LocalDate.of(2024, 1, 16)), Catalog.empty());
        assertEquals(java.time.Instant.parse("2024-01-16T10:00:00Z"), withDate.draft().startedAt().at());
    }

    @Test
    void numbersThatAreNotTimesMakeNoTimeline() {
        ParseResult result = parse("""
                Quarterly report 2024-03-31
                2024 was a good year.
                99.95 % availability.
                3 incidents, 12 alerts.
                1. Keep going
                """);
        assertEquals(Reason.NO_TIMELINE, result.refusal().reason());
    }
}
