package tr.kopru.installation.client;

import tr.kopru.installation.domain.UttsRecord;

import java.util.List;

/** One page of installation records as UTTS sent them, with the envelope's paging fields. */
public record UttsPage(List<UttsRecord> items, int pageNumber, int pageSize, long totalCount, int totalPages,
                       boolean hasNextPage) {

    /** Whether this is the last page: the envelope says so, or the page is short. */
    public boolean isLast() {
        return !hasNextPage || items.size() < pageSize || (totalPages > 0 && pageNumber >= totalPages);
    }
}
