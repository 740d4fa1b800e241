package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.analytics.TrendMetric;
import com.slaledger.analytics.TrendVerdict;
import com.slaledger.report.TrendReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardFleetTest {

    @Test
    void theFleetIsThisMonthAgainstLastWithTheVerdicts() {
        TrendReport.Row october = new TrendReport.Row("2026-10", false, 9, new BigDecimal("4000"),
                "99.850649350649350", new BigDecimal("600"), new BigDecimal("3600"));
        TrendReport.Row november = new TrendReport.Row("2026-11", true, 2, new BigDecimal("300"),
                "99.99949", new BigDecimal("300"), new BigDecimal("1500"));
        TrendReport report = new TrendReport("UTC", null, null, "2026-10", "2026-11", Instant.now(), "fleet",
                List.of(october, november), List.of(
                        new TrendReport.Series(TrendMetric.MTTA_SECONDS, -300.0, 0.01, TrendVerdict.IMPROVING, List.of()),
                        new TrendReport.Series(TrendMetric.MTTR_SECONDS, 10.0, 0.4, TrendVerdict.NO_SIGNIFICANT_CHANGE,
                                List.of())));
        DashboardPage.Fleet fleet = DashboardPage.Fleet.of(report);
        assertEquals("99.999 %", fleet.availability()); // floored, never rounded up
        assertEquals(november, fleet.thisMonth());
        assertEquals(october, fleet.lastMonth());
        assertEquals("improving", fleet.mttaVerdict());
        assertEquals("no significant change", fleet.mttrVerdict());
    }
}
