package tr.kopru.installation.service;

import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.installation.repository.RejectedRecordRepository;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page of a sync, parsed and fingerprinted, waiting for its turn to be written.
 *
 * @param totalCount  the envelope's count of the whole listing (0 when it gives none)
 * @param snapshots   the readable records by installation id
 * @param hashes      their content fingerprints by installation id
 * @param rejected    the records that could not be read (once marked, only those the run had not met before)
 * @param repeats     the installations the run had already seen on an earlier page (see {@link RunSightings})
 */
public record ReadPage(int pageNumber, int recordCount, long totalCount, int totalPages, boolean isLast,
                Map<Long, InstallationSnapshot> snapshots, Map<Long, String> hashes,
                List<RejectedRecordRepository.Rejected> rejected, Set<Long> repeats) {

    /** The records of this page the run has not counted yet. */
    public int newSightings() {
        return recordCount - repeats.size();
    }

    /** The page with the records the run has already seen, and its unreadable records the run has not. */
    ReadPage withRepeats(Set<Long> repeated, List<RejectedRecordRepository.Rejected> firstRejections) {
        return new ReadPage(pageNumber, recordCount, totalCount, totalPages, isLast, snapshots, hashes,
                List.copyOf(firstRejections), Set.copyOf(repeated));
    }
}
