package com.slaledger.incident;

import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.platform.IsoInstants;
import com.slaledger.platform.Problem.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CSV shape of an incident, for import and export alike (docs/ingest.md, "CSV"). The columns are the
 * fields of {@link IncidentRequest}, named as in the JSON API, in any order; only {@code source},
 * {@code externalId}, {@code title}, {@code severity} and {@code startedAt} are required columns.
 *
 * <ul>
 * <li>An empty cell is a field left out (its default applies: impact 100, not excluded, no list).</li>
 * <li>Instants: ISO-8601 with a zone, {@code 2024-01-16T09:00:00Z} or {@code 2024-01-16T10:00:00+01:00}.</li>
 * <li>{@code affectedServices}, {@code affectedClients}: keys separated by {@code |} or {@code ;} (keys
 * never contain either; in a semicolon-delimited file such a cell is quoted, as CSV quotes any cell
 * holding its delimiter).</li>
 * <li>{@code preventiveActions}: items separated by {@code |} only, since their text may contain
 * {@code ;}; {@code timeline}: entries separated by {@code |}, each the instant, a space, the text. In
 * both, {@code \|} is a literal {@code |} and {@code \\} a literal backslash.</li>
 * <li>{@code impactPercent}: a decimal with {@code .} or, written alone, {@code ,} as the decimal mark.</li>
 * </ul>
 */
public final class IncidentCsv {

    /** The columns, in the order export writes them: the request's fields. */
    public static final List<String> COLUMNS = Arrays.stream(IncidentRequest.class.getRecordComponents())
            .map(component -> component.getName()).toList();
    static final List<String> REQUIRED = List.of("source", "externalId", "title", "severity", "startedAt");
    /** Longest cell quoted back in an error message; longer ones are cut with an ellipsis. */
    private static final int ECHO_LIMIT = 40;

    private static final Map<String, String> BY_LOWER_CASE = COLUMNS.stream()
            .collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), Function.identity()));

    private IncidentCsv() {
    }

    /** The column a header cell names (case and surrounding spaces do not matter), or null. */
    static String column(String header) {
        return BY_LOWER_CASE.get(header.strip().toLowerCase(Locale.ROOT));
    }

    /** One data row read into a request, with what could not be read, by column (not yet validated). */
    record ParsedRow(IncidentRequest request, List<FieldViolation> errors) {
    }

    /** Reads one row, given as column name to cell text (absent columns are empty cells). */
    static ParsedRow parse(Map<String, String> cells) {
        List<FieldViolation> errors = new ArrayList<>();
        Cells row = new Cells(cells, errors);
        IncidentRequest request = new IncidentRequest(row.text("source"), row.text("externalId"), row.text("title"),
                row.severity("severity"), row.keys("affectedServices"), row.keys("affectedClients"),
                row.decimal("impactPercent"), row.bool("excluded"), row.text("exclusionReason"),
                row.text("summary"), row.text("rootCause"), row.items("preventiveActions"), row.timeline("timeline"),
                row.instant("startedAt"), row.instant("detectedAt"), row.instant("acknowledgedAt"),
                row.instant("mitigatedAt"), row.instant("resolvedAt"));
        return new ParsedRow(request, errors);
    }

    /** The cells of an incident, in {@link #COLUMNS} order, such that {@link #parse} reads it back unchanged. */
    static List<String> cells(IncidentResponse incident) {
        IncidentRequest r = incident.asRequest();
        return List.of(r.source(), r.externalId(), r.title(), r.severity().name(),
                String.join("|", r.affectedServices()), String.join("|", r.affectedClients()),
                r.impactPercent().toPlainString(), String.valueOf(r.excluded()), orEmpty(r.exclusionReason()),
                orEmpty(r.summary()), orEmpty(r.rootCause()),
                r.preventiveActions().stream().map(IncidentCsv::escape).collect(Collectors.joining("|")),
                r.timeline().stream().map(e -> e.at() + " " + escape(e.text())).collect(Collectors.joining("|")),
                instant(r.startedAt()), instant(r.detectedAt()), instant(r.acknowledgedAt()),
                instant(r.mitigatedAt()), instant(r.resolvedAt()));
    }

    /** A cell quoted back in a message: at most {@value #ECHO_LIMIT} characters, control characters shown as '?'. */
    static String echo(String cell) {
        String shown = cell.length() > ECHO_LIMIT ? cell.substring(0, ECHO_LIMIT) + "…" : cell;
        return "'" + shown.chars().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }

    /** Splits on unescaped '|', undoing the escapes; items are stripped and empty ones dropped. */
    static List<String> splitItems(String cell) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && (cell.charAt(i + 1) == '|' || cell.charAt(i + 1) == '\\')) {
                item.append(cell.charAt(++i));
            } else if (c == '|') {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The cells of one row, read field by field; what cannot be read is noted and read as absent. */
    private record Cells(Map<String, String> cells, List<FieldViolation> errors) {

        private String cell(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        private void error(String column, String message) {
            errors.add(new FieldViolation(column, message));
        }

        String text(String column) {
            return cell(column);
        }

        Severity severity(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            try {
                return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(column, "must be one of SEV1, SEV2, SEV3, SEV4, got " + echo(value));
                return null;
            }
        }

        List<String> keys(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            return Arrays.stream(value.split("[|;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        BigDecimal decimal(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            String number = value.strip();
            if (number.indexOf('.') < 0 && number.indexOf(',') == number.lastIndexOf(',')) {
                number = number.replace(',', '.');
            }
            if (number.length() <= 30 && number.matches("[+-]?\\d*(\\.\\d*)?") && number.matches(".*\\d.*")) {
                return new BigDecimal(number);
            }
            error(column, "must be a number such as 40 or 12.5, got " + echo(value));
            return null;
        }

        Boolean bool(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    error(column, "must be true or false, got " + echo(value));
                    yield null;
                }
            };
        }

        List<String> items(String column) {
            String value = cell(column);
            return value == null ? null : splitItems(value);
        }

        List<TimelineEntryRequest> timeline(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            List<TimelineEntryRequest> entries = new ArrayList<>();
            for (String entry : splitItems(value)) {
                int space = entry.indexOf(' ');
                Instant at = space < 0 ? null : parseInstant(entry.substring(0, space));
                String text = space < 0 ? "" : entry.substring(space + 1).strip();
                if (at == null || text.isEmpty()) {
                    error(column, "entry " + (entries.size() + 1) + " must be an instant, a space and a text,"
                            + " such as '2024-01-16T09:02:00Z Alert fired', got " + echo(entry));
                    return null;
                }
                entries.add(new TimelineEntryRequest(at, text));
            }
            return entries;
        }

        Instant instant(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            Instant parsed = parseInstant(value.strip());
            if (parsed == null) {
                error(column, "must be an ISO-8601 instant with a zone, such as 2024-01-16T09:00:00Z, got "
                        + echo(value));
            }
            return parsed;
        }

        private static Instant parseInstant(String text) {
            return text.length() > 40 ? null : IsoInstants.parseOrNull(text);
        }
    }
}
