package tr.kopru.reconciliation.domain;

import org.junit.jupiter.api.Test;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptMatcherTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void anEntryCancelledOnlyUpstreamIsAStatusMismatchNotAMissingReceipt() {
        List<LedgerEntry> entries = List.of(entry("T1", 1, "10.00", false), entry("T2", 2, "20.00", false));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 1, "10.00"));
        Totals ours = new Totals(Money.of("30.00"), 2, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("10.00"), 1, Money.of("20.00"), 1);

        List<Discrepancy> found = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiscrepancyCategory.STATUS_MISMATCH);
            assertThat(d.transactionNumber()).isEqualTo("T2");
            assertThat(d.theirStatus()).isEqualTo("CANCELLED");
        });
    }

    @Test
    void amountsWithinTheToleranceMatchAndAReceiptWithoutOurNumberMatchesByUpstreamId() {
        List<LedgerEntry> entries = List.of(entry("T1", 7, "10.00", false));
        List<FlexCityReceipt> receipts = List.of(receipt(null, 7, "10.01"));
        Totals ours = new Totals(Money.of("10.00"), 1, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("10.01"), 1, Money.ZERO, 0);

        assertThat(new ReceiptMatcher(new BigDecimal("0.01")).match(entries, receipts, ours, theirs)).isEmpty();
        assertThat(new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs))
                .extracting(Discrepancy::category).containsExactly(DiscrepancyCategory.AMOUNT_MISMATCH);
    }

    @Test
    void aDayWhoseReceiptsAllMatchWithinTheToleranceIsMatchedAndShowsTheDifference() {
        List<LedgerEntry> entries = List.of(entry("T1", 7, "10.00", false));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 7, "10.01"));
        Totals ours = new Totals(Money.of("10.00"), 1, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("10.01"), 1, Money.ZERO, 0);
        List<Discrepancy> found = new ReceiptMatcher(new BigDecimal("0.01")).match(entries, receipts, ours, theirs);

        assertThat(RunResult.of(ours, theirs, true, found)).isEqualTo(RunResult.MATCHED);
        ReconciliationRun run = new ReconciliationRun(null, "inst", 31, DAY, null, "API", RunResult.of(ours, theirs,
                true, found), null, null, ours, theirs, true, 0, found);
        assertThat(run.collectedDifference()).isEqualTo(Money.of("0.01"));
        // Beyond the tolerance, or with the totals alone compared, the same day is not matched.
        List<Discrepancy> strict = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);
        assertThat(RunResult.of(ours, theirs, true, strict)).isEqualTo(RunResult.MISMATCHED);
        assertThat(RunResult.of(ours, theirs, false, List.of())).isEqualTo(RunResult.MISMATCHED);
    }

    @Test
    void aReceiptNoEventToldUsOfIsMissingLocallyWithFlexCitysValues() {
        List<LedgerEntry> entries = List.of(entry("T1", 1, "10.00", false));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 1, "10.00"), receipt("T9", 9, "99.90"));
        Totals ours = new Totals(Money.of("10.00"), 1, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("109.90"), 2, Money.ZERO, 0);

        List<Discrepancy> found = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiscrepancyCategory.MISSING_LOCALLY);
            assertThat(d.upstreamCollectionId()).isEqualTo(9L);
            assertThat(d.theirAmount()).isEqualTo(Money.of("99.90"));
            assertThat(d.ourAmount()).isNull();
        });
        assertThat(RunResult.of(ours, theirs, true, found)).isEqualTo(RunResult.MISMATCHED);
    }

    @Test
    void aPaymentFlexCityHasNoReceiptOfIsMissingUpstreamWithOurValues() {
        List<LedgerEntry> entries = List.of(entry("T1", 1, "10.00", false), entry("T2", 2, "25.50", false));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 1, "10.00"));
        Totals ours = new Totals(Money.of("35.50"), 2, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("10.00"), 1, Money.ZERO, 0);

        List<Discrepancy> found = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiscrepancyCategory.MISSING_UPSTREAM);
            assertThat(d.transactionNumber()).isEqualTo("T2");
            assertThat(d.ourAmount()).isEqualTo(Money.of("25.50"));
            assertThat(d.theirAmount()).isNull();
        });
    }

    @Test
    void aTransactionFlexCityBookedTwiceIsADuplicateAndItsFirstReceiptStillMatches() {
        List<LedgerEntry> entries = List.of(entry("T1", 1, "10.00", false));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 1, "10.00"), receipt("T1", 2, "10.00"));
        Totals ours = new Totals(Money.of("10.00"), 1, Money.ZERO, 0);
        Totals theirs = new Totals(Money.of("20.00"), 2, Money.ZERO, 0);

        List<Discrepancy> found = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiscrepancyCategory.DUPLICATE);
            assertThat(d.transactionNumber()).isEqualTo("T1");
            assertThat(d.upstreamCollectionId()).isEqualTo(2L);
        });
    }

    @Test
    void aDayBothSidesAgreeOnIsMatchedWithNoDiscrepancy() {
        List<LedgerEntry> entries = List.of(entry("T1", 1, "10.00", false), entry("T2", 2, "5.00", true));
        List<FlexCityReceipt> receipts = List.of(receipt("T1", 1, "10.00"));
        Totals ours = new Totals(Money.of("10.00"), 1, Money.of("5.00"), 1);
        Totals theirs = new Totals(Money.of("10.00"), 1, Money.of("5.00"), 1);

        List<Discrepancy> found = new ReceiptMatcher(BigDecimal.ZERO).match(entries, receipts, ours, theirs);

        assertThat(found).isEmpty();
        assertThat(RunResult.of(ours, theirs, true, found)).isEqualTo(RunResult.MATCHED);
    }

    private static LedgerEntry entry(String transaction, long upstreamId, String amount, boolean cancelled) {
        return new LedgerEntry("inst", 31, transaction, upstreamId, "INV" + upstreamId, 1L, Money.of(amount), DAY,
                true, cancelled);
    }

    private static FlexCityReceipt receipt(String transaction, long upstreamId, String amount) {
        return new FlexCityReceipt(upstreamId, transaction, "VEZNE", "KP", upstreamId, DAY, new BigDecimal(amount));
    }
}
