package tr.kopru.installation.service;

import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.installation.repository.RejectedRecordRepository;

import java.util.List;
import java.util.Map;

/**
 * A page of a sync, parsed and fingerprinted, waiting for its turn to be written.
 *
 * @param snapshots   the readable records by installation id
 * @param hashes      their content fingerprints by installation id
 * @param rejected    the records that could not be read
 */
public record ReadPage(int pageNumber, int recordCount, int totalPages, boolean isLast,
                Map<Long, InstallationSnapshot> snapshots, Map<Long, String> hashes,
                List<RejectedRecordRepository.Rejected> rejected) {
}
