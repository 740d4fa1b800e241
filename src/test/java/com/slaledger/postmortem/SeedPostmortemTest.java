package com.slaledger.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.postmortem.Warning.Code;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The postmortem SLA Ledger was born from ({@code 0x19-postmortem.txt}, a copy of the shared seed),
 * read as the SPEC's worked example reads it: 16 January 2024, 10:00 to 10:22 at GMT+1, pagers at
 * 10:00, acknowledged at 10:10, 100 % impact.
 */
class SeedPostmortemTest {

    static String seed() throws IOException {
        try (InputStream in = SeedPostmortemTest.class.getResourceAsStream("/postmortems/0x19-postmortem.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PostmortemDraft draft(Catalog catalog) throws IOException {
        ParseResult result = PostmortemParser.parse(seed(), PostmortemParser.Options.none(), catalog);
        assertTrue(result.found(), () -> "refused: " + result.refusal());
        return result.draft();
    }

    @Test
    void theFiveInstantsComeFromTheLinesThatSayThem() throws IOException {
        PostmortemDraft draft = draft(Catalog.empty());
        // 10:00 at GMT + 1 is 09:00 UTC
        assertEquals(Instant.parse("2024-01-16T09:00:00Z"), draft.startedAt().at());
        assertEquals(14, draft.startedAt().line());
        assertEquals("10:00AM\tServer Outage begins", draft.startedAt().lineText());
        assertEquals(Instant.parse("2024-01-16T09:00:00Z"), draft.detectedAt().at());
        assertEquals(15, draft.detectedAt().line());
        assertEquals(Instant.parse("2024-01-16T09:10:00Z"), draft.acknowledgedAt().at());
        assertEquals(16, draft.acknowledgedAt().line());
        // the restore is "100% of traffic back online" at 10:22, not the rollback at 10:20
        assertEquals(Instant.parse("2024-01-16T09:22:00Z"), draft.mitigatedAt().at());
        assertEquals(20, draft.mitigatedAt().line());
        assertNull(draft.resolvedAt());
        assertEquals(ZoneOffset.ofHours(1), draft.zone());
        assertEquals(LocalDate.of(2024, 1, 16), draft.date());
        assertEquals(7, draft.dateLine());
    }

    @Test
    void theEightTimelineEntriesInDocumentOrder() throws IOException {
        PostmortemDraft draft = draft(Catalog.empty());
        assertEquals(List.of("Upgrades implementation begins", "Server Outage begins", "Pagers alerted on-call team",
                "On-call team acknowledgement", "Rollback initiation begins", "Successful rollback",
                "Server restart initiated", "100% of traffic back online"),
                draft.timeline().stream().map(TimelineItem::text).toList());
        assertEquals(List.of("08:45", "09:00", "09:00", "09:10", "09:15", "09:20", "09:20", "09:22"),
                draft.timeline().stream().map(e -> e.at().toString().substring(11, 16)).toList());
        assertEquals(List.of(13, 14, 15, 16, 17, 18, 19, 20),
                draft.timeline().stream().map(TimelineItem::line).toList());
    }

    @Test
    void titleImpactRootCauseAndTheTwoPreventiveMeasures() throws IOException {
        PostmortemDraft draft = draft(Catalog.empty());
        assertEquals("Server Outage Incident report", draft.title());
        assertEquals(0, new BigDecimal("100").compareTo(draft.impactPercent()));
        assertEquals(11, draft.impactLine());
        assertTrue(draft.summary().startsWith("On 16 th January 2024 (10am GMT + 1), were experienced a server issue"),
                draft.summary());
        assertTrue(draft.rootCause().startsWith("On the 5 th of September 2020 around 9:45 am"), draft.rootCause());
        assertTrue(draft.rootCause().endsWith("protecting the next day."), draft.rootCause());
        assertEquals(List.of(
                "Pushing all intended changes 1st to our test environments before shipping to life server.",
                "Increase the performance metrics threshold to alert on-call engineers on the event of possible server crash"),
                draft.preventiveActions());
        assertNull(draft.severity());
    }

    @Test
    void bothDatesAreNamedWithTheOneUsedAndWhy() throws IOException {
        PostmortemDraft draft = draft(Catalog.empty());
        Warning dates = draft.warnings().stream().filter(w -> w.code() == Code.DATE_CONFLICT).findFirst().orElseThrow();
        assertTrue(dates.message().contains("16 January 2024 (lines 7, 11)"), dates.message());
        assertTrue(dates.message().contains("5 September 2020 (line 24)"), dates.message());
        assertTrue(dates.message().contains("16 January 2024 was used"), dates.message());
        assertEquals(24, dates.line());
        // the root cause also rolls back "the evening of the same day on 8:30 pm": not the timeline's end
        Warning end = draft.warnings().stream().filter(w -> w.code() == Code.END_DISAGREES).findFirst().orElseThrow();
        assertEquals(24, end.line());
        assertTrue(end.message().contains("20:30"), end.message());
        assertTrue(draft.warns(Code.NO_SEVERITY));
        assertTrue(draft.warns(Code.NO_SERVICE));
        assertTrue(!draft.warns(Code.NO_ZONE) && !draft.warns(Code.INSTANTS_OUT_OF_ORDER), draft.warnings().toString());
    }

    @Test
    void theClientNamedInTheBylineIsMatchedByItsKey() throws IOException {
        Catalog catalog = new Catalog(List.of(new Catalog.Entry("api", "Public API")),
                List.of(new Catalog.Entry("casual-cartoon", "CasualCartoon Ltd"), new Catalog.Entry("acme", "Acme")));
        PostmortemDraft draft = draft(catalog);
        assertEquals(List.of(new Mention("casual-cartoon", 5)), draft.affectedClients());
        assertEquals(List.of(), draft.affectedServices());
        assertTrue(!draft.warns(Code.NO_SERVICE));
    }
}
