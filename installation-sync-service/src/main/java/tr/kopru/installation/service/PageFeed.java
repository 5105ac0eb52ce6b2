package tr.kopru.installation.service;

import io.smallrye.mutiny.Uni;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntFunction;

/**
 * Hands out the pages of one pass of a sync in order, from page 1 to the last (or to {@code lastPage}, for a pass
 * that reads again the pages a shift of the listing may have changed), and keeps up to {@code ahead} further pages on
 * their way while the current one is being written, so that reading UTTS and writing PostgreSQL overlap. Once the
 * envelope's page count is known nothing past it is read; pages still on their way when the last page arrives are
 * dropped.
 */
final class PageFeed {

    private final IntFunction<Uni<ReadPage>> fetch;
    private final int ahead;
    private final int lastPage;
    private final Deque<Uni<ReadPage>> onTheirWay = new ArrayDeque<>();
    private int nextNumber = 1;
    private int totalPages;

    PageFeed(IntFunction<Uni<ReadPage>> fetch, int ahead, int lastPage) {
        this.fetch = fetch;
        this.ahead = Math.max(1, ahead);
        this.lastPage = lastPage;
    }

    /** Whether {@code page} ends the pass: the listing's last page, or the last one this pass reads. */
    boolean ends(ReadPage page) {
        return page.isLast() || page.pageNumber() >= lastPage;
    }

    /** The next page; once it arrives, and unless it is the last, the ones after it are already on their way. */
    synchronized Uni<ReadPage> next() {
        if (onTheirWay.isEmpty()) {
            start();
        }
        return onTheirWay.poll().invoke(this::arrived);
    }

    private synchronized void arrived(ReadPage page) {
        totalPages = Math.max(totalPages, page.totalPages());
        if (ends(page)) {
            onTheirWay.clear();
            return;
        }
        while (onTheirWay.size() < ahead && (totalPages <= 0 || nextNumber <= totalPages) && nextNumber <= lastPage) {
            start();
        }
    }

    private void start() {
        Uni<ReadPage> page = fetch.apply(nextNumber++).memoize().indefinitely();
        // Starts the read now; a failure reaches whoever takes the page, through the memoized result.
        page.subscribe().with(p -> { }, failure -> { });
        onTheirWay.add(page);
    }
}
