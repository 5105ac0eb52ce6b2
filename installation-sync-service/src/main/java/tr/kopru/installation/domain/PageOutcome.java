package tr.kopru.installation.domain;

/** What one page of a sync did. */
public record PageOutcome(long seen, long newRecords, long changed, long unchanged, long rejected) {

    /** Whether every readable record of the page was new, as on every page of a first sync. */
    public boolean allNew() {
        return newRecords > 0 && newRecords == seen - rejected;
    }
}
