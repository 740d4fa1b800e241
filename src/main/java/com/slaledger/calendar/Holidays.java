package com.slaledger.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Public holidays by country and subdivision from Jollyday's maintained data set (ISO 3166-1 alpha-2 country
 * codes such as {@code DE}; subdivisions as Jollyday names them, e.g. {@code by} for Bavaria). Only
 * {@link HolidayType#PUBLIC_HOLIDAY} days count as days off; bank holidays and observances do not. A holiday
 * moved to an observed date is off on its actual date.
 */
public final class Holidays {

    private Holidays() {
    }

    /** The countries Jollyday knows, upper case. */
    public static Set<String> countries() {
        return HolidayManager.getSupportedCalendarCodes().stream().map(code -> code.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether Jollyday has holidays for {@code country} (any case). */
    public static boolean knowsCountry(String country) {
        return country != null && countries().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The subdivisions Jollyday has for a known country, lower case; empty when it has none. */
    public static Set<String> subdivisions(String country) {
        return manager(country).getCalendarHierarchy().getChildren().keySet().stream()
                .map(code -> code.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The public holidays of a known {@code country} (and {@code subdivision}, may be null) in
     * {@code [from, to]}, both inclusive.
     */
    public static Set<LocalDate> publicHolidays(String country, String subdivision, LocalDate from, LocalDate to) {
        HolidayManager manager = manager(country);
        Set<Holiday> holidays = Optional.ofNullable(subdivision)
                .map(sub -> manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, sub.toLowerCase(Locale.ROOT)))
                .orElseGet(() -> manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY));
        return holidays.stream().map(Holiday::getActualDate)
                .filter(date -> !date.isBefore(from) && !date.isAfter(to))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static HolidayManager manager(String country) {
        // Jollyday caches a manager per country
        return HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    }
}
