package com.slaledger.credit;

import com.slaledger.contract.Money;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The query parameters of a credit list, read the same way by the API and the page; each bad one is named. */
public final class CreditFilters {

    private CreditFilters() {
    }

    /**
     * {@code state} a state name, {@code month} YYYY-MM, {@code currency} an ISO 4217 code, {@code client} a client
     * key, {@code review} true or false; blank means any. Problems are added to {@code bad}.
     */
    public static CreditRepository.Filter parse(String state, String month, String currency, String client,
            String review, List<FieldViolation> bad) {
        CreditState wantedState = null;
        if (!isBlank(state)) {
            wantedState = CreditState.parse(state).orElse(null);
            if (wantedState == null) {
                bad.add(new FieldViolation("state", "must be one of " + Arrays.stream(CreditState.values())
                        .map(CreditState::value).collect(Collectors.joining(", "))));
            }
        }
        String wantedMonth = null;
        if (!isBlank(month)) {
            wantedMonth = InputLimits.month(month).map(Object::toString).orElse(null);
            if (wantedMonth == null) {
                bad.add(new FieldViolation("month", "must be " + InputLimits.monthRange()));
            }
        }
        String wantedCurrency = null;
        if (!isBlank(currency)) {
            String code = currency.strip().toUpperCase(Locale.ROOT);
            if (code.length() == 3 && Money.knownCurrency(code).isPresent()) {
                wantedCurrency = code;
            } else {
                bad.add(new FieldViolation("currency", "must be an ISO 4217 currency code such as EUR"));
            }
        }
        String wantedClient = null;
        if (!isBlank(client)) {
            if (client.length() > 64) {
                bad.add(new FieldViolation("client", "must be a client key of at most 64 characters"));
            } else {
                wantedClient = client.strip();
            }
        }
        Boolean wantedReview = null;
        if (!isBlank(review)) {
            switch (review.strip()) {
                case "true" -> wantedReview = true;
                case "false" -> wantedReview = false;
                default -> bad.add(new FieldViolation("review", "must be true or false"));
            }
        }
        return new CreditRepository.Filter(wantedState, wantedMonth, wantedCurrency, wantedClient, wantedReview, null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
