package tr.kopru.installation.client;

import tr.kopru.installation.domain.UttsRecord;

import java.util.List;

/**
 * One page of installation records as UTTS sent them, with the envelope's paging fields ({@code hasNextPage} null
 * when the envelope has none; {@code pageNumber} and {@code pageSize} the requested ones when it does not say).
 */
public record UttsPage(List<UttsRecord> items, int pageNumber, int pageSize, long totalCount, int totalPages,
                       Boolean hasNextPage) {

    /**
     * Whether this is the last page: a short or empty page is; otherwise the envelope says so by hasNextPage or
     * totalPages, or, when it carries neither, by totalCount. An envelope without any of them is read on until a
     * short or empty page.
     */
    public boolean isLast() {
        if (items.size() < pageSize || Boolean.FALSE.equals(hasNextPage)
                || totalPages > 0 && pageNumber >= totalPages) {
            return true;
        }
        return hasNextPage == null && totalPages <= 0 && totalCount > 0 && (long) pageNumber * pageSize >= totalCount;
    }
}
