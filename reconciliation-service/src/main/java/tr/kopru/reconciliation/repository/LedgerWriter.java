package tr.kopru.reconciliation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.runtime.db.SqlTimes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes payments and cancellations into the ledger, a batch per statement, inside the consumer's transaction. A
 * payment sets the entry's facts and {@code paid}; a cancellation sets {@code cancelled} and creates the entry if
 * its payment has not come yet. Within a batch the last event of an entry wins (one statement may touch a row once).
 */
@ApplicationScoped
public class LedgerWriter {

    public Uni<Void> paid(SqlClient tx, List<PaymentMade> payments) {
        Collection<PaymentMade> last = lastPerEntry(payments, p -> key(p.institution(), p.cashierDeskId(),
                p.transactionNumber()));
        int n = last.size();
        String[] institutions = new String[n];
        Long[] desks = new Long[n];
        String[] transactions = new String[n];
        Long[] upstreamIds = new Long[n];
        String[] invoices = new String[n];
        Long[] declarations = new Long[n];
        String[] amounts = new String[n];
        LocalDate[] days = new LocalDate[n];
        OffsetDateTime[] collectedAt = new OffsetDateTime[n];
        String[] serials = new String[n];
        String[] receipts = new String[n];
        String[] channels = new String[n];
        int i = 0;
        for (PaymentMade p : last) {
            institutions[i] = p.institution();
            desks[i] = p.cashierDeskId();
            transactions[i] = p.transactionNumber();
            upstreamIds[i] = p.upstreamCollectionId();
            invoices[i] = p.invoiceNumber();
            declarations[i] = p.declarationId();
            amounts[i] = p.amount().amount().toPlainString();
            days[i] = p.collectionDate();
            collectedAt[i] = SqlTimes.offset(p.collectedAt());
            serials[i] = p.receiptSerial();
            receipts[i] = p.receiptNumber();
            channels[i] = p.channel().wireName();
            i++;
        }
        return tx.preparedQuery("""
                        INSERT INTO ledger_entry (institution, desk_id, transaction_number, upstream_collection_id,
                            invoice_number, declaration_id, amount, collection_date, paid, collected_at, receipt_serial,
                            receipt_number, channel, updated_at)
                        SELECT u.institution, u.desk_id, u.transaction_number, u.upstream_id, u.invoice, u.declaration,
                            u.amount::numeric, u.day, true, u.collected_at, u.serial, u.receipt, u.channel, now()
                        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::bigint[],
                            $7::text[], $8::date[], $9::timestamptz[], $10::text[], $11::text[], $12::text[])
                            AS u(institution, desk_id, transaction_number, upstream_id, invoice, declaration, amount, day,
                                 collected_at, serial, receipt, channel)
                        ON CONFLICT (institution, desk_id, transaction_number) DO UPDATE SET paid = true,
                            upstream_collection_id = EXCLUDED.upstream_collection_id,
                            invoice_number = EXCLUDED.invoice_number, declaration_id = EXCLUDED.declaration_id,
                            amount = EXCLUDED.amount, collection_date = EXCLUDED.collection_date,
                            collected_at = EXCLUDED.collected_at, receipt_serial = EXCLUDED.receipt_serial,
                            receipt_number = EXCLUDED.receipt_number, channel = EXCLUDED.channel, updated_at = now()""")
                .execute(Tuple.from(new Object[] {institutions, desks, transactions, upstreamIds, invoices, declarations,
                        amounts, days, collectedAt, serials, receipts, channels}))
                .chain(() -> markStale(tx, institutions, desks, days));
    }

    public Uni<Void> cancelled(SqlClient tx, List<PaymentCancelled> cancellations) {
        Collection<PaymentCancelled> last = lastPerEntry(cancellations, c -> key(c.institution(), c.cashierDeskId(),
                c.transactionNumber()));
        int n = last.size();
        String[] institutions = new String[n];
        Long[] desks = new Long[n];
        String[] transactions = new String[n];
        Long[] upstreamIds = new Long[n];
        String[] amounts = new String[n];
        LocalDate[] days = new LocalDate[n];
        OffsetDateTime[] cancelledAt = new OffsetDateTime[n];
        int i = 0;
        for (PaymentCancelled c : last) {
            institutions[i] = c.institution();
            desks[i] = c.cashierDeskId();
            transactions[i] = c.transactionNumber();
            upstreamIds[i] = c.upstreamCollectionId();
            amounts[i] = c.amount().amount().toPlainString();
            days[i] = c.collectionDate();
            cancelledAt[i] = SqlTimes.offset(c.cancelledAt());
            i++;
        }
        return tx.preparedQuery("""
                        INSERT INTO ledger_entry (institution, desk_id, transaction_number, upstream_collection_id,
                            amount, collection_date, cancelled, cancelled_at, updated_at)
                        SELECT u.institution, u.desk_id, u.transaction_number, u.upstream_id, u.amount::numeric, u.day,
                            true, u.cancelled_at, now()
                        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::date[],
                            $7::timestamptz[]) AS u(institution, desk_id, transaction_number, upstream_id, amount, day,
                                                    cancelled_at)
                        ON CONFLICT (institution, desk_id, transaction_number) DO UPDATE SET cancelled = true,
                            cancelled_at = EXCLUDED.cancelled_at, updated_at = now()""")
                .execute(Tuple.from(new Object[] {institutions, desks, transactions, upstreamIds, amounts, days,
                        cancelledAt}))
                .chain(() -> markStale(tx, institutions, desks, days));
    }

    /**
     * Days already reconciled (or being reconciled) that these events belong to are stale now, as of this moment.
     * Each desk-day's lock is taken shared first: a run marking its day ({@link RunRepository#begin}) waits for
     * writes in flight, and a write after it finds the mark.
     */
    private static Uni<Void> markStale(SqlClient tx, String[] institutions, Long[] desks, LocalDate[] days) {
        Tuple deskDays = Tuple.of(institutions, desks, days);
        return tx.preparedQuery("SELECT count(pg_advisory_xact_lock_shared(" + RunRepository.DESK_DAY_LOCK
                        + ")) FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::bigint[], $3::date[]) "
                        + "AS u(institution, desk_id, day)) u")
                .execute(deskDays)
                .chain(() -> tx.preparedQuery("""
                        UPDATE reconciled_day d SET stale = true, stale_since = clock_timestamp()
                        FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::bigint[], $3::date[])
                              AS u(institution, desk_id, day)) u
                        WHERE d.institution = u.institution AND d.desk_id = u.desk_id AND d.day = u.day""")
                        .execute(deskDays))
                .replaceWithVoid();
    }

    /**
     * The last event of each entry, in entry order: concurrent batches (payments and cancellations, several
     * partitions) then lock their rows in the same order and cannot deadlock.
     */
    private static <T> Collection<T> lastPerEntry(List<T> events, Function<T, String> key) {
        Map<String, T> last = new TreeMap<>();
        events.forEach(event -> last.put(key.apply(event), event));
        return last.values();
    }

    private static String key(String institution, long desk, String transaction) {
        return institution + '\u0000' + desk + '\u0000' + transaction;
    }
}
