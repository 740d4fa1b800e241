package com.slaledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A form field holding local dates ({@code 2024-12-24}) separated by spaces, commas, semicolons or lines. */
final class DateListField {

    private DateListField() {
    }

    /** The dates typed in {@code text} (null or blank: none); the first unreadable one adds an error to {@code field}. */
    static List<LocalDate> parse(String field, String text, FormErrors errors) {
        List<LocalDate> dates = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return dates;
        }
        for (String date : text.strip().split("[\\s,;]+")) {
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                errors.add(field, "must be dates such as 2024-12-24, separated by spaces");
                break;
            }
        }
        return dates;
    }
}
