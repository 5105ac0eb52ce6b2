package tr.kopru.console.web;

import io.quarkus.qute.RawString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A desk's daily totals, ours against FlexCity's, as an SVG line chart drawn on the server: a line each, a point per
 * day with its figures in a tooltip, the days along the bottom and the amounts up the side.
 */
public final class DailyChart {

    /** One day's two totals; a side is null where it has none. */
    public record Day(LocalDate day, BigDecimal ours, BigDecimal theirs) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 70;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 34;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd.MM");

    private DailyChart() {
    }

    /** The chart of {@code days} (oldest first) over [{@code from}, {@code to}]. */
    public static RawString of(String title, LocalDate from, LocalDate to, List<Day> days, String oursLabel,
                               String theirsLabel) {
        BigDecimal max = days.stream().flatMap(d -> Stream.of(d.ours(), d.theirs()))
                .filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(title)).append("</title>");
        int plotBottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "axis")).append(line(LEFT, plotBottom, WIDTH - RIGHT, plotBottom,
                "axis"));
        svg.append(text(LEFT - 6, TOP + 4, Formats.money(max), "end")).append(text(LEFT - 6, plotBottom, "0 ₺", "end"));
        svg.append(text(LEFT, HEIGHT - 12, from.format(LABEL), "start"))
                .append(text(WIDTH - RIGHT, HEIGHT - 12, to.format(LABEL), "end"));
        StringBuilder ours = new StringBuilder();
        StringBuilder theirs = new StringBuilder();
        StringBuilder points = new StringBuilder();
        for (Day day : days) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * (double) (day.day().toEpochDay() - from.toEpochDay()) / span;
            String tip = day.day() + ": " + oursLabel + " " + Formats.money(day.ours()) + ", " + theirsLabel + " "
                    + Formats.money(day.theirs());
            if (day.ours() != null) {
                double y = y(day.ours(), max, plotBottom);
                ours.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                points.append(point(x, y, "ours", tip));
            }
            if (day.theirs() != null) {
                double y = y(day.theirs(), max, plotBottom);
                theirs.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                points.append(point(x, y, "theirs", tip));
            }
        }
        svg.append("<polyline class=\"theirs\" points=\"").append(theirs.toString().strip()).append("\"/>");
        svg.append("<polyline class=\"ours\" points=\"").append(ours.toString().strip()).append("\"/>");
        svg.append(points);
        svg.append(legend("ours", WIDTH / 2 - 120, oursLabel)).append(legend("theirs", WIDTH / 2 + 10, theirsLabel));
        return new RawString(svg.append("</svg>").toString());
    }

    private static String legend(String kind, int x, String label) {
        return "<rect class=\"" + kind + "\" x=\"" + x + "\" y=\"" + (HEIGHT - 20) + "\" width=\"12\" height=\"4\"/>"
                + text(x + 16, HEIGHT - 15, label, "start");
    }

    /** Where {@code amount} stands, as a pixel row: its share of the largest amount is worked out in decimal. */
    private static double y(BigDecimal amount, BigDecimal max, int plotBottom) {
        BigDecimal share = max.signum() == 0 ? BigDecimal.ZERO : amount.divide(max, 6, RoundingMode.HALF_UP);
        return plotBottom - (plotBottom - TOP) * share.doubleValue();
    }

    private static String line(int x1, int y1, int x2, int y2, String kind) {
        return "<line class=\"" + kind + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>";
    }

    private static String point(double x, double y, String kind, String tip) {
        return String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s"
                + "</title></circle>", kind, x, y, escape(tip));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
