package com.slaledger.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.postmortem.Warning.Code;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Postmortems in the shapes teams write them, each with its instants worked out by hand in the
 * comment above the assertions (local time, zone, and the UTC instant that follows).
 */
class WrittenPostmortemsTest {

    private static final Catalog CATALOG = new Catalog(
            List.of(new Catalog.Entry("checkout", "Checkout"), new Catalog.Entry("payments-api", "Payments API"),
                    new Catalog.Entry("search", "Search"), new Catalog.Entry("db", "Primary database")),
            List.of(new Catalog.Entry("globex", "Globex Corp"), new Catalog.Entry("initech", "Initech")));

    private static PostmortemDraft read(String text) {
        return read(text, PostmortemParser.Options.none());
    }

    private static PostmortemDraft read(String text, PostmortemParser.Options options) {
        ParseResult result = PostmortemParser.parse(text, options, CATALOG);
        assertTrue(result.found(), () -> "refused: " + result.refusal());
        return result.draft();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<Instant> timeline(PostmortemDraft draft) {
        return draft.timeline().stream().map(TimelineItem::at).toList();
    }

    @Test
    void markdownPipeTableInUtcWithSeverityImpactAndServices() {
        PostmortemDraft d = read("""
                # Checkout returned 500s

                **Date:** 2024-03-12
                **Severity:** SEV2
                **Affected services:** Checkout, payments-api

                ## Impact
                About 30% of requests to checkout failed.

                ## Timeline (all times UTC)

                | Time  | Event |
                |-------|-------|
                | 14:02 | Deploy of release 412 started |
                | 14:05 | Errors began on checkout |
                | 14:07 | PagerDuty alert fired |
                | 14:11 | On-call engineer acknowledged the page |
                | 14:25 | Rolled back release 412 |
                | 14:31 | Error rate back to normal, service restored |
                | 15:00 | Incident resolved |

                ## Root cause
                A missing index on the orders table.

                ## Action items
                - Add the index
                - Load test releases that touch orders
                """);
        // 14:05 UTC started, 14:07 detected, 14:11 acknowledged, 14:31 restored (the 14:25 rollback is no restore), 15:00 resolved
        assertEquals("Checkout returned 500s", d.title());
        assertEquals("SEV2", d.severity());
        assertEquals(0, new BigDecimal("30").compareTo(d.impactPercent()));
        assertEquals(List.of("checkout", "payments-api"), d.affectedServices().stream().map(Mention::key).toList());
        assertEquals(at("2024-03-12T14:05:00Z"), d.startedAt().at());
        assertEquals(at("2024-03-12T14:07:00Z"), d.detectedAt().at());
        assertEquals(at("2024-03-12T14:11:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-03-12T14:31:00Z"), d.mitigatedAt().at());
        assertEquals(at("2024-03-12T15:00:00Z"), d.resolvedAt().at());
        assertEquals(7, d.timeline().size());
        assertEquals(ZoneOffset.UTC, d.zone());
        assertEquals("A missing index on the orders table.", d.rootCause());
        assertEquals(List.of("Add the index", "Load test releases that touch orders"), d.preventiveActions());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void bulletsWithDashedTimesAndAllTimesEat() {
        PostmortemDraft d = read("""
                Search outage, January 16, 2024

                All times EAT.

                Timeline
                - 08:55 - Search latency alerts firing
                - 09:00 - Search became unavailable for all users
                - 09:04 - On-call responded and started investigating
                - 09:40 - Search restored
                """);
        // EAT is UTC+3: 09:00 -> 06:00Z started; the alert at 08:55 (05:55Z) comes before the start
        assertEquals(ZoneOffset.ofHours(3), d.zone());
        assertEquals(at("2024-01-16T06:00:00Z"), d.startedAt().at());
        assertEquals(at("2024-01-16T05:55:00Z"), d.detectedAt().at());
        assertEquals(at("2024-01-16T06:04:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-01-16T06:40:00Z"), d.mitigatedAt().at());
        assertEquals(0, new BigDecimal("100").compareTo(d.impactPercent()));
        assertEquals(List.of("search"), d.affectedServices().stream().map(Mention::key).toList());
        // detected before started is reported, not silently changed
        assertTrue(d.warns(Code.INSTANTS_OUT_OF_ORDER), d.warnings().toString());
    }

    @Test
    void twelveHourTimesWithNoonAndAnOffsetZone() {
        PostmortemDraft d = read("""
                Payments API degraded
                Date: 5th Feb 2024. Times are UTC+03:00.

                11:40 AM   Payment errors started
                11:52 am   Alert fired in Opsgenie
                noon       Acknowledged by the payments on-call
                12:45 PM   Payments API back to normal
                1:30 PM    Incident closed
                """);
        // UTC+3: 11:40 -> 08:40Z, 11:52 -> 08:52Z, 12:00 -> 09:00Z, 12:45 -> 09:45Z, 13:30 -> 10:30Z
        assertEquals(at("2024-02-05T08:40:00Z"), d.startedAt().at());
        assertEquals(at("2024-02-05T08:52:00Z"), d.detectedAt().at());
        assertEquals(at("2024-02-05T09:00:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-02-05T09:45:00Z"), d.mitigatedAt().at());
        assertEquals(at("2024-02-05T10:30:00Z"), d.resolvedAt().at());
        assertEquals(List.of("payments-api"), d.affectedServices().stream().map(Mention::key).toList());
    }

    @Test
    void aTimelineCrossingMidnightAdvancesTheDay() {
        PostmortemDraft d = read("""
                ## Database failover on 2024-02-28 (UTC)

                ### Timeline (UTC)
                - 23:40 Primary database crashed
                - 23:42 Monitoring alert fired
                - 23:55 On-call acknowledged
                - 00:20 Failover complete, service restored
                - 01:05 Resolved
                """);
        // 2024 is a leap year: after 23:55 on 28 February comes 00:20 on 29 February
        assertEquals(at("2024-02-28T23:40:00Z"), d.startedAt().at());
        assertEquals(at("2024-02-28T23:42:00Z"), d.detectedAt().at());
        assertEquals(at("2024-02-28T23:55:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-02-29T00:20:00Z"), d.mitigatedAt().at());
        assertEquals(at("2024-02-29T01:05:00Z"), d.resolvedAt().at());
        assertTrue(d.warns(Code.DAY_ADVANCED));
        assertEquals(List.of("db"), d.affectedServices().stream().map(Mention::key).toList());
    }

    @Test
    void aDateOnlyInTheHeadingAndNoZone() {
        PostmortemDraft d = read("""
                # Checkout outage — 7 May 2024

                10:15 Checkout outage began
                10:16 Pager went off
                10:20 Acknowledged
                10:50 Checkout restored
                """);
        // no zone anywhere: UTC, and a warning saying so
        assertEquals(LocalDate.of(2024, 5, 7), d.date());
        assertEquals(1, d.dateLine());
        assertEquals(ZoneOffset.UTC, d.zone());
        assertTrue(d.warns(Code.NO_ZONE));
        assertEquals(at("2024-05-07T10:15:00Z"), d.startedAt().at());
        assertEquals(at("2024-05-07T10:50:00Z"), d.mitigatedAt().at());
        assertEquals("Checkout outage — 7 May 2024", d.title());
    }

    @Test
    void aDurationInsteadOfAnEndTime() {
        PostmortemDraft d = read("""
                Search incident report
                On 2024-06-03 search was down. The outage lasted 2 hours and 15 minutes.
                All times in UTC.

                09:30 Search outage started
                09:34 Alert triggered
                09:41 Engineer acknowledged
                """);
        // 09:30 + 2 h 15 min = 11:45 UTC, traced to the line that states the duration
        assertEquals(at("2024-06-03T09:30:00Z"), d.startedAt().at());
        assertEquals(at("2024-06-03T11:45:00Z"), d.mitigatedAt().at());
        assertEquals(2, d.mitigatedAt().line());
        assertTrue(d.mitigatedAt().reason().contains("2 h 15 min"), d.mitigatedAt().reason());
        assertNull(d.resolvedAt());
    }

    @Test
    void sectionsInAShuffledOrder() {
        PostmortemDraft d = read("""
                Globex login failures

                Root cause: an expired TLS certificate on the identity provider.

                Preventive measures
                * Alert 30 days before certificates expire
                * Automate renewal

                Timeline
                2024-08-19 06:00 UTC Logins started failing for Globex
                2024-08-19 06:12 UTC Customer reported failures
                2024-08-19 06:20 UTC Support engineer acknowledged
                2024-08-19 07:02 UTC Certificate replaced, logins restored

                Summary
                Globex users could not sign in for an hour.
                """);
        assertEquals(at("2024-08-19T06:00:00Z"), d.startedAt().at());
        assertEquals(at("2024-08-19T06:12:00Z"), d.detectedAt().at());
        assertEquals(at("2024-08-19T06:20:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-08-19T07:02:00Z"), d.mitigatedAt().at());
        assertEquals("an expired TLS certificate on the identity provider.", d.rootCause());
        assertEquals(List.of("Alert 30 days before certificates expire", "Automate renewal"), d.preventiveActions());
        assertEquals("Globex users could not sign in for an hour.", d.summary());
        assertEquals(List.of("globex"), d.affectedClients().stream().map(Mention::key).toList());
        assertTrue(!d.warns(Code.NO_ZONE), d.warnings().toString());
    }

    @Test
    void timesWithSeconds() {
        PostmortemDraft d = read("""
                API latency incident, 2024-04-02, all times UTC

                14:03:27 Latency spike began on payments-api
                14:04:02 Alert fired
                14:06:45 Acknowledged by on-call
                14:21:09 Latency back to normal
                """);
        assertEquals(at("2024-04-02T14:03:27Z"), d.startedAt().at());
        assertEquals(at("2024-04-02T14:04:02Z"), d.detectedAt().at());
        assertEquals(at("2024-04-02T14:06:45Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-04-02T14:21:09Z"), d.mitigatedAt().at());
    }

    @Test
    void twoIncidentsWorthOfTimelineDraftTheFirstAndSaySo() {
        PostmortemDraft d = read("""
                # Two checkout outages on 2024-09-10 (times UTC)

                ## First outage
                - 10:00 Checkout outage began
                - 10:05 Alert fired
                - 10:30 Checkout restored

                ## Second outage
                - 16:00 Checkout outage began again
                - 16:02 Alert fired
                - 16:40 Checkout restored
                """);
        assertEquals(at("2024-09-10T10:00:00Z"), d.startedAt().at());
        assertEquals(at("2024-09-10T10:30:00Z"), d.mitigatedAt().at());
        assertEquals(3, d.timeline().size());
        Warning second = d.warnings().stream().filter(w -> w.code() == Code.SECOND_INCIDENT).findFirst().orElseThrow();
        assertEquals(9, second.line());
    }

    @Test
    void aTabSeparatedTableWithDateAndTimeColumnsAndDayFirstDates() {
        PostmortemDraft d = read("""
                Initech reports outage
                Times (UTC)
                Date\tTime\tWhat
                25/04/2024\t23:50\tReports service outage began
                26/04/2024\t00:05\tAlerted by monitoring
                26/04/2024\t00:09\tAcknowledged
                03/05/2024\t09:00\tPost-incident review held
                26/04/2024\t01:10\tReports restored
                """);
        // 25/04 can only be day-first, so 03/05 is 3 May, not 5 March
        assertEquals(at("2024-04-25T23:50:00Z"), d.startedAt().at());
        assertEquals(at("2024-04-26T00:05:00Z"), d.detectedAt().at());
        assertEquals(at("2024-04-26T00:09:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-04-26T01:10:00Z"), d.mitigatedAt().at());
        assertEquals(at("2024-05-03T09:00:00Z"), d.resolvedAt().at());
        assertTrue(!d.warns(Code.AMBIGUOUS_DAY_MONTH), d.warnings().toString());
        assertEquals(List.of("initech"), d.affectedClients().stream().map(Mention::key).toList());
    }

    @Test
    void anAlignedSpaceTableInAnIanaZoneWithSummerTime() {
        PostmortemDraft d = read("""
                Checkout incident 2024-07-15
                All times are Europe/Berlin.

                Time     Event
                ----     -----
                10:00    Checkout errors began
                10:03    Pager alerted the team
                10:08    On-call acknowledged
                10:38    Checkout fully restored
                """);
        // July in Berlin is CEST, UTC+2: 10:00 -> 08:00Z
        assertEquals(ZoneId.of("Europe/Berlin"), d.zone());
        assertEquals(at("2024-07-15T08:00:00Z"), d.startedAt().at());
        assertEquals(at("2024-07-15T08:03:00Z"), d.detectedAt().at());
        assertEquals(at("2024-07-15T08:08:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-07-15T08:38:00Z"), d.mitigatedAt().at());
    }

    @Test
    void dayHeadingsInsideTheTimeline() {
        PostmortemDraft d = read("""
                # Database degradation, March 2024

                Started on 11 March 2024. All times are CET.

                ## Timeline
                ### 11 March
                - 22:10 Query timeouts began on the primary database
                - 22:30 Alert fired
                ### 12 March
                - 06:55 DBA acknowledged the alert
                - 08:20 Database restored after vacuum
                """);
        // CET is UTC+1: 22:10 -> 21:10Z on 11 March; 06:55 on 12 March -> 05:55Z
        assertEquals(at("2024-03-11T21:10:00Z"), d.startedAt().at());
        assertEquals(at("2024-03-11T21:30:00Z"), d.detectedAt().at());
        assertEquals(at("2024-03-12T05:55:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-03-12T07:20:00Z"), d.mitigatedAt().at());
        assertTrue(!d.warns(Code.DAY_ADVANCED) && !d.warns(Code.YEAR_ASSUMED), d.warnings().toString());
    }

    @Test
    void anAmbiguousNumericDateIsReadDayFirstWithAWarning() {
        PostmortemDraft d = read("""
                Search outage 03/04/2024 (UTC)

                09:00 Search outage began
                09:20 Search restored
                """);
        assertEquals(LocalDate.of(2024, 4, 3), d.date());
        assertEquals(at("2024-04-03T09:00:00Z"), d.startedAt().at());
        Warning w = d.warnings().stream().filter(x -> x.code() == Code.AMBIGUOUS_DAY_MONTH).findFirst().orElseThrow();
        assertTrue(w.message().contains("3 April") && w.message().contains("4 March"), w.message());
    }

    @Test
    void anAmbiguousZoneAbbreviationIsWarnedAbout() {
        PostmortemDraft d = read("""
                Payments outage on 2024-10-01. Timestamps in IST.

                15:30 Payments outage started
                15:45 Payments restored
                """);
        // IST read as India Standard Time, UTC+05:30: 15:30 -> 10:00Z
        assertEquals(at("2024-10-01T10:00:00Z"), d.startedAt().at());
        assertEquals(at("2024-10-01T10:15:00Z"), d.mitigatedAt().at());
        assertTrue(d.warns(Code.AMBIGUOUS_ZONE));
    }

    @Test
    void unknownServicesAreWarnedAndKnownOnesKept() {
        PostmortemDraft d = read("""
                Title: Login and search down
                Severity: critical
                Services affected: Search, Identity Gateway
                Customers affected: all

                Times are UTC, 2024-11-05.
                | When | What |
                |---|---|
                | 07:00 | Outage began for all users |
                | 07:10 | Acknowledged |
                | 07:45 | Search restored |
                """);
        assertEquals("Login and search down", d.title());
        assertEquals("SEV1", d.severity());
        assertEquals(List.of("search"), d.affectedServices().stream().map(Mention::key).toList());
        Warning unknown = d.warnings().stream().filter(w -> w.code() == Code.UNKNOWN_SERVICE).findFirst().orElseThrow();
        assertTrue(unknown.message().contains("'Identity Gateway'"), unknown.message());
        assertEquals(3, unknown.line());
        assertTrue(!d.warns(Code.UNKNOWN_CLIENT), "'all' names no client");
        assertEquals(0, new BigDecimal("100").compareTo(d.impactPercent()));
        assertEquals(at("2024-11-05T07:00:00Z"), d.startedAt().at());
        assertNull(d.detectedAt());
        assertEquals(at("2024-11-05T07:45:00Z"), d.mitigatedAt().at());
    }

    @Test
    void boldTimesWithTheirOwnZones() {
        PostmortemDraft d = read("""
                # Checkout incident, 2024-12-02

                * **09:12 UTC** — Checkout errors started
                * **10:15 CET** — Alert fired for checkout
                * **09:20 UTC** — Acknowledged
                * **09:47 UTC** — Checkout back online
                """);
        // 10:15 CET is 09:15 UTC: each time is read in its own zone
        assertEquals(at("2024-12-02T09:12:00Z"), d.startedAt().at());
        assertEquals(at("2024-12-02T09:15:00Z"), d.detectedAt().at());
        assertEquals(at("2024-12-02T09:20:00Z"), d.acknowledgedAt().at());
        assertEquals(at("2024-12-02T09:47:00Z"), d.mitigatedAt().at());
    }

    @Test
    void aStatedDurationThatDisagreesWithTheTimelineIsWarned() {
        PostmortemDraft d = read("""
                Checkout outage, 2024-01-22, times in UTC. The outage lasted 45 minutes.

                12:00 Checkout outage began
                12:30 Checkout restored
                """);
        // the timeline's 12:30 wins over 12:00 + 45 min = 12:45, and the difference is said
        assertEquals(at("2024-01-22T12:30:00Z"), d.mitigatedAt().at());
        Warning w = d.warnings().stream().filter(x -> x.code() == Code.END_DISAGREES).findFirst().orElseThrow();
        assertTrue(w.message().contains("12:45") && w.message().contains("12:30"), w.message());
    }

    @Test
    void aPartialRestoreIsNotTheEnd() {
        PostmortemDraft d = read("""
                Search degraded on 2024-05-20 (UTC)
                - 08:00 Search errors began, 60% of requests failing
                - 08:30 50% of traffic restored
                - 08:50 All traffic restored
                - 09:30 Resolved, post-incident review scheduled
                """);
        assertEquals(at("2024-05-20T08:50:00Z"), d.mitigatedAt().at());
        assertEquals(at("2024-05-20T09:30:00Z"), d.resolvedAt().at());
        assertEquals(0, new BigDecimal("60").compareTo(d.impactPercent()));
    }

    @Test
    void theDateGivenWithTheRequestWinsAndTheDocumentsIsNamed() {
        PostmortemDraft d = read("""
                Outage report (written 2024-06-10)
                Times are UTC.
                10:00 Outage began
                10:20 Service restored
                """, new PostmortemParser.Options(null, LocalDate.of(2024, 6, 8)));
        assertEquals(at("2024-06-08T10:00:00Z"), d.startedAt().at());
        assertTrue(d.warns(Code.DATE_CONFLICT));
    }

    @Test
    void theDefaultZoneIsUsedWhenTheDocumentNamesNone() {
        PostmortemDraft d = read("""
                Outage on 2024-06-10
                10:00 Outage began
                10:20 Service restored
                """, new PostmortemParser.Options(ZoneId.of("America/New_York"), null));
        // June in New York is EDT, UTC-4
        assertEquals(at("2024-06-10T14:00:00Z"), d.startedAt().at());
        assertTrue(d.warns(Code.NO_ZONE));
    }
}
