package com.slaledger.demo;

import com.slaledger.credit.CreditRepository;
import com.slaledger.credit.CreditRequests;
import com.slaledger.credit.CreditResponse;
import com.slaledger.credit.CreditService;
import com.slaledger.credit.CreditState;
import com.slaledger.incident.IncidentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The demo's credits in every state, made the way finance makes them: the sync over every closed month, then the
 * transitions. CasualCartoon (automatic credits): the latest claimed, the one before approved, older ones issued,
 * and the third latest flagged for review by an outage recorded after its credit note. Sakura's oldest credit is
 * rejected. Kiwi Health (claims within 90 days): recent credits owed, the older of them claimed by the client,
 * older months expired unclaimed. Acme Retail (15 days) mostly expired.
 */
@ApplicationScoped
public class DemoCredits {

    private final CreditService credits;
    private final IncidentService incidents;

    public DemoCredits(CreditService credits, IncidentService incidents) {
        this.credits = credits;
        this.incidents = incidents;
    }

    /** Syncs every month from the demo contracts' start to the last closed one, then works the credits. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void seed(Instant now) {
        YearMonth lastClosed = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
        for (YearMonth month = YearMonth.from(DemoData.CONTRACTS_FROM); !month.isAfter(lastClosed);
                month = month.plusMonths(1)) {
            credits.sync(month, now);
        }

        List<CreditResponse> casual = of("casual-cartoon", CreditState.CLAIMED);
        if (casual.size() >= 3) {
            credits.approve(casual.get(1).id());
            for (CreditResponse credit : casual.subList(2, casual.size())) {
                credits.approve(credit.id());
                YearMonth month = YearMonth.parse(credit.month());
                LocalDate issuedOn = month.plusMonths(1).atDay(5);
                LocalDate today = LocalDate.ofInstant(now, ZoneId.of(credit.clientTimeZone()));
                credits.issue(credit.id(), new CreditRequests.Issue("CN-" + month.toString().replace("-", "")
                        + "-0042", issuedOn.isAfter(today) ? today : issuedOn), now);
            }
            YearMonth late = YearMonth.parse(casual.get(2).month());
            incidents.create(DemoData.lateIncident(late));
            credits.sync(late, now);
        }

        List<CreditResponse> sakura = of("sakura-trading", CreditState.CLAIMED);
        if (!sakura.isEmpty()) {
            credits.reject(sakura.get(sakura.size() - 1).id(), new CreditRequests.Reject(
                    "The outage followed a firewall change Sakura made itself (contract clause 7.2: excluded)."));
        }

        List<CreditResponse> kiwi = of("kiwi-health", CreditState.OWED);
        if (kiwi.size() >= 2) {
            CreditResponse oldest = kiwi.get(kiwi.size() - 1);
            Instant claimedAt = YearMonth.parse(oldest.month()).plusMonths(1).atDay(4).atTime(9, 30)
                    .atZone(ZoneId.of(oldest.clientTimeZone())).toInstant();
            credits.claim(oldest.id(), new CreditRequests.Claim(claimedAt.isAfter(now) ? now : claimedAt,
                    "KH-SUPPORT-" + oldest.month()), now);
        }
    }

    /** The client's credits in that state, newest month first. */
    private List<CreditResponse> of(String clientKey, CreditState state) {
        return credits.list(new CreditRepository.Filter(state, null, null, clientKey, null, null), 0,
                CreditService.MAX_PAGE_SIZE).items();
    }
}
