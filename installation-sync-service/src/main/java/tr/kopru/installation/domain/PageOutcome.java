package tr.kopru.installation.domain;

/** What one page of a sync did. */
public record PageOutcome(long seen, long newRecords, long changed, long unchanged, long rejected) {
}
