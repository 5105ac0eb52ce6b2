package tr.kopru.console.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the console writes money and times: {@code {fmt:money(x)}} as Turkish lira, {@code {fmt:time(t)}} in Turkey. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(TURKEY);

    private Formats() {
    }

    /** {@code 1.234,50 ₺}; a dash for nothing. */
    static String money(Object amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00",
                DecimalFormatSymbols.getInstance(Locale.forLanguageTag("tr")));
        return format.format(new BigDecimal(amount.toString())) + " ₺";
    }

    /** An instant as Turkish local time; a dash for nothing. */
    static String time(Object instant) {
        if (instant == null) {
            return "—";
        }
        try {
            return TIME.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }
}
