package tr.kopru.collection.domain;

import java.time.Instant;

/** One scan of the due standing instructions, with its counters (also while it runs). */
public record ScanRun(
        long id,
        String trigger,
        String status,
        Instant startedAt,
        Instant finishedAt,
        long instructionsTotal,
        long instructionsScanned,
        long invoicesSeen,
        long debtsFound,
        long collectionsStarted,
        long collectionsFailed,
        long failedBatches,
        String error) {
}
