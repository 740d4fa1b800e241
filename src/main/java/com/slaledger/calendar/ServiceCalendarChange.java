package com.slaledger.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded change of a service calendar, as its page and {@code GET /api/service-calendars/{key}/history}
 * show it: when (UTC), who (the user's name), what ({@code create}, {@code update} or {@code delete}) and each
 * field that changed. A creation lists every field it set, a deletion every field the calendar had.
 *
 * @param fields the changed fields in the API's order ({@link #FIELDS}): {@code key}, {@code name},
 *               {@code weeklyHours}, {@code holidayCountry}, {@code holidaySubdivision}, {@code customHolidays}
 */
public record ServiceCalendarChange(Instant occurredAt, String actor, String action, List<Field> fields) {

    /** The fields a change may show, in the API's order. */
    static final List<String> FIELDS = List.of("key", "name", "weeklyHours", "holidayCountry",
            "holidaySubdivision", "customHolidays");
    private static final Map<String, String> LABELS = Map.of("key", "Key", "name", "Name",
            "weeklyHours", "Weekly service hours", "holidayCountry", "Public holidays of",
            "holidaySubdivision", "Region", "customHolidays", "More days off");

    /** Where a field comes in {@link #FIELDS}; a field not listed there comes after them. */
    static int position(String field) {
        int index = FIELDS.indexOf(field);
        return index < 0 ? FIELDS.size() : index;
    }

    /**
     * A field that changed, named as the API names it, with its value before and after as lines of text: a
     * weekly range a line ({@code MONDAY 08:00-18:00}), the custom holidays on one line ({@code 2024-12-24,
     * 2024-12-31}), other values as they are; an empty list where the field had no value.
     */
    public record Field(String name, List<String> before, List<String> after) {

        /** The field in the words of the calendar's form. */
        public String label() {
            return LABELS.getOrDefault(name, name);
        }
    }
}
