package tr.kopru.installation.domain;

import java.time.Instant;

/** One sync of one UTTS account, with the counters it has reached so far. */
public record SyncRun(
        long id,
        String uttsAccount,
        String trigger,
        String status,
        Instant startedAt,
        Instant finishedAt,
        int pages,
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
