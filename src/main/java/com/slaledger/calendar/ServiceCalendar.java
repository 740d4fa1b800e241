package com.slaledger.calendar;

import com.slaledger.platform.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service calendar as stored: weekly hours as text lines ({@code MONDAY 08:00-18:00}), holidays' source. */
@Entity
@Table(name = "service_calendar")
public class ServiceCalendar extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "service_calendar_seq", sequenceName = "service_calendar_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_calendar_seq")
    public Long id;

    @Column(nullable = false, length = 64, updatable = false)
    public String key;

    @Column(nullable = false, length = 200)
    public String name;

    /** One range a line, {@code MONDAY 08:00-18:00}, by weekday and start. */
    @Column(name = "weekly_hours", nullable = false)
    public String weeklyHours;

    /** ISO 3166-1 alpha-2, upper case; null for custom holidays only. */
    @Column(name = "holiday_country", length = 2)
    public String holidayCountry;

    /** Jollyday's subdivision code, lower case ({@code by}); null for the whole country. */
    @Column(name = "holiday_subdivision", length = 16)
    public String holidaySubdivision;

    /** Further local dates off, ascending. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "custom_holidays", nullable = false)
    public LocalDate[] customHolidays = new LocalDate[0];
}
