package com.slaledger.web;

import com.slaledger.contract.ClaimRule;
import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ImpactModel;
import com.slaledger.contract.Money;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A contract version's form exactly as typed: every field a string, so a refused form comes back as the
 * user left it. Credit tiers are rows of two inputs, "below {@code tierBelow} % earns {@code tierCredit} %
 * of the fee"; blank rows are ignored, so the form always offers a few empty rows for new tiers.
 * The contract service decides what is valid (SPEC "Domain", Contract and Credit tier); this class only
 * reads the text into a {@link ContractRequest} and says which typed values are not even numbers or dates.
 */
public class ContractForm {

    /** Tier rows the form shows at least, filled or not. */
    static final int MIN_TIER_ROWS = 5;
    /** Most tier rows read from a post: the contract request's own limit on tiers. */
    static final int MAX_TIER_ROWS = 100;
    /** Form field of the tier row {@code n} (0-based), for errors beside that row. */
    static final String TIER_FIELD = "tier-";

    @RestForm
    public String effectiveFrom;
    @RestForm
    public String effectiveTo;
    @RestForm
    public List<String> coveredServices = new ArrayList<>();
    @RestForm
    public String targetPercent;
    @RestForm
    public List<String> tierBelow = new ArrayList<>();
    @RestForm
    public List<String> tierCredit = new ArrayList<>();
    @RestForm
    public String feeAmount;
    @RestForm
    public String feeCurrency;
    @RestForm
    public String creditCapPercent;
    @RestForm
    public String impactModel;
    @RestForm
    public String impactThresholdPercent;
    @RestForm
    public String minimumOutageSeconds;
    @RestForm
    public String claimRule;
    @RestForm
    public String claimWindowDays;
    /** The key of a service calendar, blank when every hour counts. */
    @RestForm
    public String serviceCalendar;

    /** One row of the tier list as typed; {@code index} is 0-based. */
    public record TierRow(int index, String below, String credit) {

        public String field() {
            return TIER_FIELD + index;
        }

        /** Whether anything is typed in the row. */
        public boolean filled() {
            return !isBlank(below) || !isBlank(credit);
        }

        /** The row as people count, from 1. */
        public int number() {
            return index + 1;
        }
    }

    /**
     * What the form turned into: the request for the contract service, what could not even be read, and
     * for each tier of the request the form row it came from (blank rows are left out of the request).
     */
    public record Parsed(ContractRequest request, FormErrors errors, List<Integer> tierRows) {
    }

    /** The first version of a client: the SPEC's defaults (cap 100 %, proportional impact, no minimum outage). */
    static ContractForm empty() {
        ContractForm form = new ContractForm();
        form.effectiveFrom = "";
        form.effectiveTo = "";
        form.targetPercent = "";
        form.feeAmount = "";
        form.feeCurrency = "";
        form.creditCapPercent = "100";
        form.impactModel = ImpactModel.PROPORTIONAL.name();
        form.impactThresholdPercent = "";
        form.minimumOutageSeconds = "0";
        form.claimRule = ClaimRule.AUTOMATIC.name();
        form.claimWindowDays = "";
        return form;
    }

    /** The form of a stored version, every term as the API writes it. */
    static ContractForm of(ContractResponse version) {
        ContractForm form = new ContractForm();
        form.effectiveFrom = version.effectiveFrom().toString();
        form.effectiveTo = version.effectiveTo() == null ? "" : version.effectiveTo().toString();
        form.coveredServices = new ArrayList<>(version.coveredServices());
        form.targetPercent = plain(version.targetPercent());
        version.creditTiers().forEach(tier -> {
            form.tierBelow.add(plain(tier.belowPercent()));
            form.tierCredit.add(plain(tier.creditPercent()));
        });
        form.feeAmount = version.monthlyFee().amount().toPlainString();
        form.feeCurrency = version.monthlyFee().currency();
        form.creditCapPercent = plain(version.creditCapPercent());
        form.impactModel = version.impactModel().name();
        form.impactThresholdPercent = plain(version.impactThresholdPercent());
        form.minimumOutageSeconds = String.valueOf(version.minimumOutageSeconds());
        form.claimRule = version.claimRule().name();
        form.claimWindowDays = version.claimWindowDays() == null ? "" : String.valueOf(version.claimWindowDays());
        form.serviceCalendar = version.serviceCalendar();
        return form;
    }

    /** A new version starting from the newest one's terms: usually one term changes, and from a new date. */
    static ContractForm following(ContractResponse newest) {
        ContractForm form = of(newest);
        form.effectiveFrom = newest.effectiveTo() == null ? "" : newest.effectiveTo().toString();
        form.effectiveTo = "";
        return form;
    }

    /** The tier rows to show: those typed (blank ones included) and at least two empty ones, never under five. */
    public List<TierRow> tierRows() {
        int typed = Math.min(MAX_TIER_ROWS, Math.max(size(tierBelow), size(tierCredit)));
        int filled = 0;
        for (int i = 0; i < typed; i++) {
            if (!isBlank(at(tierBelow, i)) || !isBlank(at(tierCredit, i))) {
                filled = i + 1;
            }
        }
        int rows = Math.max(MIN_TIER_ROWS, Math.max(typed, filled + 2));
        List<TierRow> shown = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            shown.add(new TierRow(i, text(at(tierBelow, i)), text(at(tierCredit, i))));
        }
        return shown;
    }

    public boolean covers(String serviceKey) {
        return coveredServices != null && coveredServices.contains(serviceKey);
    }

    /** The typed value of a single-valued field, for templates; never null. */
    public String value(String field) {
        return text(switch (field) {
            case "effectiveFrom" -> effectiveFrom;
            case "effectiveTo" -> effectiveTo;
            case "targetPercent" -> targetPercent;
            case "feeAmount" -> feeAmount;
            case "feeCurrency" -> feeCurrency;
            case "creditCapPercent" -> creditCapPercent;
            case "impactModel" -> impactModel;
            case "impactThresholdPercent" -> impactThresholdPercent;
            case "minimumOutageSeconds" -> minimumOutageSeconds;
            case "claimRule" -> claimRule;
            case "claimWindowDays" -> claimWindowDays;
            case "serviceCalendar" -> serviceCalendar;
            default -> throw new IllegalArgumentException("no field " + field);
        });
    }

    /** The request this form asks for, and what could not be read (by form field). */
    Parsed parse() {
        FormErrors errors = FormErrors.none();
        LocalDate from = date("effectiveFrom", effectiveFrom, errors);
        LocalDate to = date("effectiveTo", effectiveTo, errors);
        BigDecimal target = decimal("targetPercent", targetPercent, "99.9", errors);
        BigDecimal cap = decimal("creditCapPercent", creditCapPercent, "20", errors);
        BigDecimal threshold = decimal("impactThresholdPercent", impactThresholdPercent, "50", errors);
        BigDecimal amount = decimal("feeAmount", feeAmount, "1200.00", errors);
        String currency = isBlank(feeCurrency) ? null : feeCurrency.strip();
        ImpactModel model = null;
        if (!isBlank(impactModel)) {
            model = Arrays.stream(ImpactModel.values()).filter(m -> m.name().equals(impactModel.strip()))
                    .findFirst().orElse(null);
            if (model == null) {
                errors.add("impactModel", "must be one of " + Arrays.toString(ImpactModel.values()));
            }
        }
        Integer minimumOutage = null;
        if (!isBlank(minimumOutageSeconds)) {
            try {
                minimumOutage = Integer.valueOf(minimumOutageSeconds.strip());
            } catch (NumberFormatException e) {
                errors.add("minimumOutageSeconds", "must be a whole number of seconds such as 60");
            }
        }
        ClaimRule rule = null;
        if (!isBlank(claimRule)) {
            rule = Arrays.stream(ClaimRule.values()).filter(r -> r.name().equals(claimRule.strip()))
                    .findFirst().orElse(null);
            if (rule == null) {
                errors.add("claimRule", "must be one of " + Arrays.toString(ClaimRule.values()));
            }
        }
        Integer windowDays = null;
        if (!isBlank(claimWindowDays)) {
            try {
                windowDays = Integer.valueOf(claimWindowDays.strip());
            } catch (NumberFormatException e) {
                errors.add("claimWindowDays", "must be a whole number of days from 1 to 366, such as 15");
            }
        }
        List<ContractRequest.Tier> tiers = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int typed = Math.max(size(tierBelow), size(tierCredit));
        if (typed > MAX_TIER_ROWS) {
            errors.add("creditTiers", "at most " + MAX_TIER_ROWS + " tiers");
        }
        for (int i = 0; i < Math.min(typed, MAX_TIER_ROWS); i++) {
            String below = at(tierBelow, i);
            String credit = at(tierCredit, i);
            if (isBlank(below) && isBlank(credit)) {
                continue;
            }
            String field = TIER_FIELD + i;
            if (isBlank(below) || isBlank(credit)) {
                errors.add(field, isBlank(credit) ? "give the credit percent too, or clear the row"
                        : "give the availability threshold too, or clear the row");
                continue;
            }
            BigDecimal belowPercent = decimal(field, below, "99.5", errors);
            BigDecimal creditPercent = decimal(field, credit, "10", errors);
            if (belowPercent != null && creditPercent != null) {
                tiers.add(new ContractRequest.Tier(belowPercent, creditPercent));
                rows.add(i);
            }
        }
        Money fee = amount == null && currency == null ? null : new Money(amount, currency);
        ContractRequest request = new ContractRequest(from, to, IncidentForm.nonBlank(coveredServices), target, tiers, fee, cap,
                model, threshold, minimumOutage, rule, windowDays,
                serviceCalendar == null || serviceCalendar.isBlank() ? null : serviceCalendar.strip());
        return new Parsed(request, errors, rows);
    }

    /**
     * Adds the contract service's violations beside the form's fields: {@code monthlyFee.amount} beside the
     * fee, {@code creditTiers[1].belowPercent} beside the form row that tier came from, each list item of
     * the covered services beside the list. Fields that already show a reading mistake get nothing more.
     */
    static void addViolations(FormErrors errors, List<FieldViolation> violations, List<Integer> tierRows) {
        List<String> unreadable = List.copyOf(errors.fields());
        for (FieldViolation violation : violations) {
            String path = violation.field();
            String message = readable(violation.message());
            String field;
            if (path.startsWith("creditTiers[")) {
                int close = path.indexOf(']');
                int tier = Integer.parseInt(path.substring("creditTiers[".length(), close));
                field = TIER_FIELD + (tier < tierRows.size() ? tierRows.get(tier) : tier);
                String part = path.substring(close + 1);
                if (part.equals(".belowPercent")) {
                    message = "threshold " + message;
                } else if (part.equals(".creditPercent")) {
                    message = "credit " + message;
                }
            } else if (path.startsWith("coveredServices")) {
                field = "coveredServices";
            } else {
                field = switch (path) {
                    case "monthlyFee", "monthlyFee.amount" -> "feeAmount";
                    case "monthlyFee.currency" -> "feeCurrency";
                    default -> path;
                };
            }
            if (!unreadable.contains(field)) {
                errors.add(field, message);
            }
        }
    }

    /** Bean validation's words for a missing value, in the words of a form. */
    private static String readable(String message) {
        return switch (message) {
            case "must not be null", "must not be blank", "must not be empty" -> "is required";
            default -> message;
        };
    }

    private static LocalDate date(String field, String value, FormErrors errors) {
        if (isBlank(value)) {
            return null;
        }
        Optional<LocalDate> date = InputLimits.date(value);
        if (date.isEmpty()) {
            errors.add(field, "must be " + InputLimits.dateRange());
        }
        return date.orElse(null);
    }

    /** A number as people type it here: ASCII digits, a point, an exponent (the JSON API's numbers). */
    static final java.util.regex.Pattern ASCII_NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    private static BigDecimal decimal(String field, String value, String example, FormErrors errors) {
        if (isBlank(value)) {
            return null;
        }
        String typed = value.strip();
        try {
            if (!ASCII_NUMBER.matcher(typed).matches()) {
                throw new NumberFormatException("not written with the digits 0-9"); // BigDecimal reads "١٢٣" as 123
            }
            if (typed.length() <= InputLimits.MAX_JSON_NUMBER_CHARS) {
                BigDecimal number = new BigDecimal(typed);
                if (InputLimits.tractable(number)) {
                    return number;
                }
            }
            errors.add(field, "must be " + InputLimits.decimalBounds());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a number such as " + example + " (with a point, not a comma)");
        }
        return null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
