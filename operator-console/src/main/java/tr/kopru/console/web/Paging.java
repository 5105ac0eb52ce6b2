package tr.kopru.console.web;

import io.quarkus.qute.TemplateData;

/** Where a page of a list is: its rows' place in the whole, and the offsets of the pages before and after it. */
@TemplateData
public record Paging(long total, int limit, long offset) {

    public static final int LIMIT = 20;

    /** The page starting at {@code offset} (negative or absent: the first). */
    public static long offset(Long asked) {
        return asked == null || asked < 0 ? 0 : asked;
    }

    public long from() {
        return total == 0 ? 0 : offset + 1;
    }

    public long to() {
        return Math.min(total, offset + limit);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + limit < total;
    }

    public long previous() {
        return Math.max(0, offset - limit);
    }

    public long next() {
        return offset + limit;
    }
}
