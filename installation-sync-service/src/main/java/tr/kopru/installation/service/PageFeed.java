package tr.kopru.installation.service;

import io.smallrye.mutiny.Uni;

import java.util.function.IntFunction;

/**
 * Hands out the pages of a sync in order and fetches the next one while the current one is being written, so
 * that reading UTTS and writing PostgreSQL overlap. At most two pages are held at a time.
 */
final class PageFeed {

    private final IntFunction<Uni<ReadPage>> fetch;
    private volatile int nextNumber = 1;
    private volatile Uni<ReadPage> ahead;

    PageFeed(IntFunction<Uni<ReadPage>> fetch) {
        this.fetch = fetch;
    }

    /** The next page; once it arrives, and unless it is the last, the one after it is already on its way. */
    Uni<ReadPage> next() {
        Uni<ReadPage> current = ahead != null ? ahead : start();
        ahead = null;
        return current.invoke(page -> {
            if (!page.isLast()) {
                ahead = start();
            }
        });
    }

    private Uni<ReadPage> start() {
        Uni<ReadPage> page = fetch.apply(nextNumber++).memoize().indefinitely();
        // Starts the read now; a failure reaches whoever takes the page, through the memoized result.
        page.subscribe().with(p -> { }, failure -> { });
        return page;
    }
}
