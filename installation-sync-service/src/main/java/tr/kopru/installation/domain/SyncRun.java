package tr.kopru.installation.domain;

import java.time.Instant;

/**
 * One sync of one UTTS account, with the counters it has reached so far.
 *
 * @param pages       pages read, in every pass
 * @param passes      1, or more when the listing shifted while it was paged and the pages it moved were read again
 * @param recordsSeen distinct records seen, however often a record was met
 */
public record SyncRun(
        long id,
        String uttsAccount,
        String trigger,
        String status,
        Instant startedAt,
        Instant finishedAt,
        int pages,
        int passes,
        Integer totalPages,
        long recordsSeen,
        long newRecords,
        long changed,
        long unchanged,
        long rejected,
        String error) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
