package tr.kopru.installation.service;

import io.smallrye.mutiny.Uni;
import tr.kopru.installation.domain.PageOutcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The pages of one sync being written at the same time, each in its own transaction, so that one page's statements
 * run in PostgreSQL while the next one's are prepared. A page that shares an installation with a page still being
 * written (a record that moved between pages while paging) waits until that page is committed: it then finds the
 * record stored and counts it once.
 */
final class PageWrites {

    private record InFlight(Set<Long> installationIds, Uni<PageOutcome> written) {
    }

    private final Function<ReadPage, Uni<PageOutcome>> write;
    private final List<InFlight> inFlight = new ArrayList<>();

    PageWrites(Function<ReadPage, Uni<PageOutcome>> write) {
        this.write = write;
    }

    /** Writes {@code page} once the pages in flight it shares installations with are written. */
    synchronized Uni<PageOutcome> write(ReadPage page) {
        Set<Long> ids = page.snapshots().keySet();
        List<Uni<PageOutcome>> overlapping = inFlight.stream()
                .filter(other -> !Collections.disjoint(other.installationIds(), ids))
                .map(InFlight::written).toList();
        Uni<Void> turn = overlapping.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(overlapping).andFailFast().replaceWithVoid();
        Uni<PageOutcome> written = turn.chain(() -> write.apply(page)).memoize().indefinitely();
        InFlight entry = new InFlight(ids, written);
        inFlight.add(entry);
        return written.eventually(() -> done(entry));
    }

    private synchronized void done(InFlight entry) {
        inFlight.remove(entry);
    }
}
