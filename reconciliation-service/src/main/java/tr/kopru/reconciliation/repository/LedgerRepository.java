package tr.kopru.reconciliation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.Money;
import tr.kopru.reconciliation.domain.LedgerEntry;
import tr.kopru.reconciliation.domain.Totals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads of the ledger (the consumer writes it). */
@ApplicationScoped
public class LedgerRepository {

    private static final String COLUMNS = "institution, desk_id, transaction_number, upstream_collection_id, "
            + "invoice_number, declaration_id, amount, collection_date, paid, cancelled";

    private final Pool pool;

    public LedgerRepository(Pool pool) {
        this.pool = pool;
    }

    /** Our totals of a desk and day: standing collections, and cancellations. */
    public Uni<Totals> totals(String institution, long deskId, LocalDate day) {
        return pool.preparedQuery("SELECT coalesce(sum(amount) FILTER (WHERE paid AND NOT cancelled), 0) AS collected, "
                        + "count(*) FILTER (WHERE paid AND NOT cancelled) AS collected_count, "
                        + "coalesce(sum(amount) FILTER (WHERE cancelled), 0) AS cancelled, "
                        + "count(*) FILTER (WHERE cancelled) AS cancelled_count FROM ledger_entry "
                        + "WHERE institution = $1 AND desk_id = $2 AND collection_date = $3")
                .execute(Tuple.of(institution, deskId, day))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(Money.of(row.getBigDecimal("collected")), row.getLong("collected_count"),
                            Money.of(row.getBigDecimal("cancelled")), row.getLong("cancelled_count"));
                });
    }

    public Uni<List<LedgerEntry>> entries(String institution, long deskId, LocalDate day, int limit, long offset) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ledger_entry WHERE institution = $1 AND desk_id = $2 "
                        + "AND collection_date = $3 ORDER BY transaction_number LIMIT $4 OFFSET $5")
                .execute(Tuple.of(institution, deskId, day, limit, offset))
                .map(rows -> {
                    List<LedgerEntry> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new LedgerEntry(row.getString("institution"), row.getLong("desk_id"),
                            row.getString("transaction_number"), row.getLong("upstream_collection_id"),
                            row.getString("invoice_number"), row.getLong("declaration_id"),
                            Money.of(row.getBigDecimal("amount")), row.getLocalDate("collection_date"),
                            row.getBoolean("paid"), row.getBoolean("cancelled"))));
                    return list;
                });
    }

    public Uni<List<LedgerEntry>> entries(String institution, long deskId, LocalDate day) {
        return entries(institution, deskId, day, Integer.MAX_VALUE, 0);
    }

    public Uni<Long> count(String institution, long deskId, LocalDate day) {
        return pool.preparedQuery("SELECT count(*) FROM ledger_entry WHERE institution = $1 AND desk_id = $2 "
                        + "AND collection_date = $3")
                .execute(Tuple.of(institution, deskId, day)).map(rows -> rows.iterator().next().getLong(0));
    }
}
