package tr.kopru.installation.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Tells whether the UTTS listing shifted while a sync paged through it, and which pages must then be read again.
 * A record inserted before the page being read pushes every later record one place on (the new record lands on a page
 * already read; the last record of each page reappears on the next); one removed pulls them back (the first record
 * of the next page moves onto one already read). Either changes the envelope's totalCount, or makes a page repeat
 * records of an earlier one. Each page is noted with the listing it was read from; once a pass is over, every page
 * read from another listing than the newest is read again, up to the last of them, until a pass sees no shift.
 */
final class ListingPasses {

    /** A state of the listing: its total count, and how many overlaps the first pass met before it. */
    private record Listing(long totalCount, int overlaps) {
    }

    private final Map<Integer, Listing> readFrom = new HashMap<>();
    private Listing current;
    private int overlaps;
    private int pass = 1;

    /**
     * Notes a page, in page order, once its repeats are marked. In the first pass a repeat means the page overlaps an
     * earlier one; in later ones every record is a repeat, so only the total tells.
     */
    synchronized void read(ReadPage page) {
        if (pass == 1 && !page.repeats().isEmpty()) {
            overlaps++;
        }
        current = new Listing(page.totalCount(), overlaps);
        readFrom.put(page.pageNumber(), current);
    }

    /** The last page to read again, from page 1, since it was read from an older listing; empty when none was. */
    synchronized OptionalInt stalePages() {
        return readFrom.entrySet().stream().filter(page -> !Objects.equals(page.getValue(), current))
                .mapToInt(Map.Entry::getKey).max();
    }

    /** The listing's total count as the newest page gave it. */
    synchronized long totalCount() {
        return current == null ? 0 : current.totalCount();
    }

    synchronized int startNextPass() {
        return ++pass;
    }

    synchronized int pass() {
        return pass;
    }
}
