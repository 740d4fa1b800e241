package com.slaledger.calendar;

import com.slaledger.client.ClientRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller sends to create or replace a service calendar.
 *
 * @param weeklyHours     the service hours of a week: per range a weekday ({@code MONDAY}..{@code SUNDAY}) and
 *                        local times {@code from} and {@code to} as {@code HH:MM} ({@code to} may be {@code 24:00}),
 *                        {@code from < to}; ranges of one day must not overlap (touching is fine); 1 to 70 ranges
 * @param holidayCountry  ISO 3166-1 alpha-2 code of a country Jollyday knows ({@code DE}); optional
 * @param holidaySubdivision a subdivision of that country as Jollyday names it ({@code by} for Bavaria); optional
 * @param customHolidays  further local dates off, at most {@value #MAX_CUSTOM_HOLIDAYS}, years 1900-9999
 */
public record ServiceCalendarRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ClientRequest.KEY_PATTERN, message = ClientRequest.KEY_MESSAGE)
        String key,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = MAX_RANGES) List<@NotNull @Valid Range> weeklyHours,
        @Size(max = 8) String holidayCountry,
        @Size(max = 16) String holidaySubdivision,
        @Size(max = MAX_CUSTOM_HOLIDAYS) List<@NotNull LocalDate> customHolidays) {

    public static final int MAX_RANGES = 70;
    public static final int MAX_CUSTOM_HOLIDAYS = 1000;

    /** One weekly range as typed: {@code {"day": "MONDAY", "from": "08:00", "to": "18:00"}}. */
    public record Range(@NotBlank @Size(max = 9) String day, @NotBlank @Size(max = 5) String from,
            @NotBlank @Size(max = 5) String to) {
    }

    List<LocalDate> customHolidaysOrEmpty() {
        return customHolidays == null ? List.of() : customHolidays;
    }
}
