package tr.kopru.installation.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.installation.domain.PageOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PageWritesTest {

    /** Each page's write starts when called and ends when the test completes its future. */
    private final Map<Integer, CompletableFuture<PageOutcome>> writing = new HashMap<>();
    private final List<Integer> started = new ArrayList<>();
    private final PageWrites writes = new PageWrites(page -> Uni.createFrom().deferred(() -> {
        started.add(page.pageNumber());
        CompletableFuture<PageOutcome> done = new CompletableFuture<>();
        writing.put(page.pageNumber(), done);
        return Uni.createFrom().completionStage(done);
    }));

    @Test
    void pagesWithDifferentInstallationsAreWrittenAtTheSameTime() {
        UniAssertSubscriber<PageOutcome> first = write(page(1, 10L, 11L));
        UniAssertSubscriber<PageOutcome> second = write(page(2, 12L, 13L));

        assertThat(started).containsExactly(1, 2);
        writing.get(2).complete(outcome(2));
        second.assertItem(outcome(2));
        first.assertNotTerminated();
    }

    @Test
    void aPageSharingAnInstallationWithAPageBeingWrittenWaitsForItsCommit() {
        UniAssertSubscriber<PageOutcome> first = write(page(1, 10L, 11L));
        UniAssertSubscriber<PageOutcome> second = write(page(2, 11L, 12L));

        assertThat(started).containsExactly(1);
        writing.get(1).complete(outcome(2));
        first.assertItem(outcome(2));
        assertThat(started).containsExactly(1, 2);
        writing.get(2).complete(outcome(1));
        second.assertItem(outcome(1));
    }

    @Test
    void aPageWaitingForAFailedPageFailsTooAndWritesNothing() {
        write(page(1, 10L));
        UniAssertSubscriber<PageOutcome> second = write(page(2, 10L));

        writing.get(1).completeExceptionally(new IllegalStateException("connection lost"));

        second.assertFailedWith(IllegalStateException.class, "connection lost");
        assertThat(started).containsExactly(1);
    }

    @Test
    void aWrittenPageNoLongerHoldsBackTheOnesAfterIt() {
        write(page(1, 10L));
        writing.get(1).complete(outcome(1));

        write(page(2, 10L));

        assertThat(started).containsExactly(1, 2);
    }

    private UniAssertSubscriber<PageOutcome> write(ReadPage page) {
        return writes.write(page).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    private static ReadPage page(int number, Long... installationIds) {
        Map<Long, InstallationSnapshot> snapshots = new LinkedHashMap<>();
        for (Long id : installationIds) {
            snapshots.put(id, null);
        }
        return new ReadPage(number, installationIds.length, 300, 3, false, snapshots, Map.of(), List.of(), Set.of());
    }

    private static PageOutcome outcome(long created) {
        return new PageOutcome(created, created, 0, 0, 0);
    }
}
