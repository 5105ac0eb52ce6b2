package tr.kopru.simulator.flexcity;

import tr.kopru.simulator.SimulatorClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** FlexCity's two date formats: ISO 8601 with offset, and the Java default {@code Jan 1, 1979 12:00:00 AM}. */
final class FlexCityDates {

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US);

    private FlexCityDates() {
    }

    static String iso(LocalDate date) {
        return ISO.format(date.atStartOfDay(SimulatorClock.TURKEY));
    }

    static String iso(ZonedDateTime time) {
        return ISO.format(time);
    }

    static String legacy(LocalDate date) {
        return LEGACY.format(date.atStartOfDay());
    }

    /** A request date: ISO with offset; answers the Turkish calendar day it falls on. */
    static LocalDate parseDay(String text, String field) {
        try {
            return OffsetDateTime.parse(text, ISO).atZoneSameInstant(SimulatorClock.TURKEY).toLocalDate();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new FlexCityError("0004", field);
        }
    }
}
