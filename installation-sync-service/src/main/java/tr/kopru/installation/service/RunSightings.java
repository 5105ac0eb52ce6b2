package tr.kopru.installation.service;

import tr.kopru.installation.repository.RejectedRecordRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The installations a sync has seen so far, over all its pages and passes, so that a record met twice (it moved to a
 * later page while paging, or its page was read again) counts once in the run.
 */
final class RunSightings {

    private final IdSet seen = new IdSet();

    /**
     * Notes the page's records, in page order; answers the page with those already seen marked as repeats, and
     * without the unreadable ones already kept (an unreadable record whose id cannot be read either is kept again).
     */
    synchronized ReadPage mark(ReadPage page) {
        Set<Long> repeats = new HashSet<>();
        for (long id : page.snapshots().keySet()) {
            if (!seen.add(id)) {
                repeats.add(id);
            }
        }
        List<RejectedRecordRepository.Rejected> firstRejections = new ArrayList<>();
        for (RejectedRecordRepository.Rejected rejected : page.rejected()) {
            if (rejected.installationId() == null || seen.add(rejected.installationId())) {
                firstRejections.add(rejected);
            } else {
                repeats.add(rejected.installationId());
            }
        }
        return page.withRepeats(repeats, firstRejections);
    }

    synchronized int size() {
        return seen.size();
    }
}
