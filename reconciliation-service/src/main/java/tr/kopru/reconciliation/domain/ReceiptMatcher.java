package tr.kopru.reconciliation.domain;

import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a day's ledger entries with FlexCity's standing receipts of that day: by our transaction number, else by
 * FlexCity's collection id. FlexCity lists only receipts that stand, so an entry of ours without a receipt is either
 * missing upstream or was cancelled there only; the latter is told by FlexCity's own cancelled totals exceeding ours.
 */
public final class ReceiptMatcher {

    private final BigDecimal tolerance;

    public ReceiptMatcher(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public List<Discrepancy> match(List<LedgerEntry> entries, List<FlexCityReceipt> receipts, Totals ours, Totals theirs) {
        List<Discrepancy> found = new ArrayList<>();
        Map<String, LedgerEntry> byTransaction = new HashMap<>();
        Map<Long, LedgerEntry> byUpstreamId = new HashMap<>();
        for (LedgerEntry entry : entries) {
            byTransaction.put(entry.transactionNumber(), entry);
            LedgerEntry twin = byUpstreamId.putIfAbsent(entry.upstreamCollectionId(), entry);
            if (twin != null) {
                found.add(new Discrepancy(DiscrepancyCategory.DUPLICATE, entry.transactionNumber(),
                        entry.upstreamCollectionId(), entry.invoiceNumber(), entry.amount(), null, entry.status(), null,
                        "our ledger holds FlexCity collection " + entry.upstreamCollectionId() + " twice (transactions "
                                + twin.transactionNumber() + " and " + entry.transactionNumber() + ")"));
            }
        }
        Set<String> matched = new HashSet<>();
        int cancelledOnlyHere = 0;
        for (FlexCityReceipt receipt : distinct(receipts, found)) {
            LedgerEntry entry = receipt.islemNo() != null ? byTransaction.get(receipt.islemNo()) : null;
            if (entry == null) {
                entry = byUpstreamId.get(receipt.bgsTahsilGenelId());
            }
            if (entry == null) {
                found.add(new Discrepancy(DiscrepancyCategory.MISSING_LOCALLY, receipt.islemNo(),
                        receipt.bgsTahsilGenelId(), null, null, Money.of(receipt.tutar()), null, "COLLECTED",
                        "FlexCity has receipt " + receipt.seriNo() + " " + receipt.makbuzNo()
                                + " that no payment event told us of"));
                continue;
            }
            matched.add(entry.transactionNumber());
            if (entry.cancelled()) {
                cancelledOnlyHere++;
                found.add(new Discrepancy(DiscrepancyCategory.STATUS_MISMATCH, entry.transactionNumber(),
                        receipt.bgsTahsilGenelId(), entry.invoiceNumber(), entry.amount(), Money.of(receipt.tutar()),
                        "CANCELLED", "COLLECTED", "cancelled in our ledger, standing on FlexCity"));
            } else if (entry.amount().amount().subtract(receipt.tutar()).abs().compareTo(tolerance) > 0) {
                found.add(new Discrepancy(DiscrepancyCategory.AMOUNT_MISMATCH, entry.transactionNumber(),
                        receipt.bgsTahsilGenelId(), entry.invoiceNumber(), entry.amount(), Money.of(receipt.tutar()),
                        "COLLECTED", "COLLECTED", "amounts differ by "
                                + entry.amount().amount().subtract(receipt.tutar()).toPlainString()));
            }
        }
        // FlexCity's cancellations we do not know of: each explains one of our standing entries it does not list.
        long unexplainedCancellations = theirs.cancelledCount() - (ours.cancelledCount() - cancelledOnlyHere);
        BigDecimal unexplainedAmount = theirs.cancelledAmount().amount()
                .subtract(ours.cancelledAmount().amount()).add(cancelledAmountOnlyHere(found));
        for (LedgerEntry entry : entries) {
            if (!entry.stands() || matched.contains(entry.transactionNumber())) {
                continue;
            }
            if (unexplainedCancellations > 0 && entry.amount().amount().compareTo(unexplainedAmount.add(tolerance)) <= 0) {
                unexplainedCancellations--;
                unexplainedAmount = unexplainedAmount.subtract(entry.amount().amount());
                found.add(new Discrepancy(DiscrepancyCategory.STATUS_MISMATCH, entry.transactionNumber(),
                        entry.upstreamCollectionId(), entry.invoiceNumber(), entry.amount(), null, "COLLECTED",
                        "CANCELLED", "standing in our ledger; FlexCity lists no receipt and counts a cancellation "
                                + "we do not know of"));
            } else {
                found.add(new Discrepancy(DiscrepancyCategory.MISSING_UPSTREAM, entry.transactionNumber(),
                        entry.upstreamCollectionId(), entry.invoiceNumber(), entry.amount(), null, "COLLECTED", null,
                        "we recorded this collection; FlexCity has no receipt for it"));
            }
        }
        return found;
    }

    /** The receipts once each; a transaction number FlexCity booked more than once is a duplicate. */
    private static List<FlexCityReceipt> distinct(List<FlexCityReceipt> receipts, List<Discrepancy> found) {
        Map<String, FlexCityReceipt> seen = new LinkedHashMap<>();
        List<FlexCityReceipt> distinct = new ArrayList<>();
        for (FlexCityReceipt receipt : receipts) {
            String key = receipt.islemNo() != null ? "T" + receipt.islemNo() : "U" + receipt.bgsTahsilGenelId();
            FlexCityReceipt first = seen.putIfAbsent(key, receipt);
            if (first == null) {
                distinct.add(receipt);
            } else {
                found.add(new Discrepancy(DiscrepancyCategory.DUPLICATE, receipt.islemNo(), receipt.bgsTahsilGenelId(),
                        null, null, Money.of(receipt.tutar()), null, "COLLECTED", "FlexCity booked transaction "
                        + receipt.islemNo() + " twice (collections " + first.bgsTahsilGenelId() + " and "
                        + receipt.bgsTahsilGenelId() + ")"));
            }
        }
        return distinct;
    }

    private static BigDecimal cancelledAmountOnlyHere(List<Discrepancy> found) {
        return found.stream().filter(d -> d.category() == DiscrepancyCategory.STATUS_MISMATCH
                        && "CANCELLED".equals(d.ourStatus()))
                .map(d -> d.ourAmount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
