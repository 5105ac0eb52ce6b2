package tr.kopru.runtime.retention;

import java.time.Duration;

/**
 * Rows a service keeps for a limited time (KVKK: no longer than their purpose needs), declared by a CDI producer of
 * the service and purged by {@link RetentionPurge}.
 *
 * @param what         what the rows are, plural, for the log ({@code "rejected UTTS records"})
 * @param keep         how long a row is kept
 * @param deleteOldest a DELETE of at most {@code $2} rows older than {@code $1} (a timestamptz), so that a purge
 *                     works in short transactions however much is due
 */
public record RetentionRule(String what, Duration keep, String deleteOldest) {
}
