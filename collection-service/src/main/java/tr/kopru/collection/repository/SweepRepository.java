package tr.kopru.collection.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.Collection;
import tr.kopru.flexcity.FlexCityReceipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static tr.kopru.runtime.db.SqlTimes.instant;
import static tr.kopru.runtime.db.SqlTimes.offset;

/**
 * What the day-end sweep reads and writes: the desk-days with an outcome to settle from FlexCity's receipts, their
 * collections, and the receipts carrying one of our transaction numbers that we do not know (anomalies).
 */
@ApplicationScoped
public class SweepRepository {

    /** Rejected by the resolver, not yet confirmed by a sweep of its day. */
    public static final String RESOLVER_REJECTED = "0115";
    /** Confirmed by a sweep: the day's receipts do not list it. */
    public static final String NOT_BOOKED = "NOT_BOOKED";

    private static final String TO_SWEEP = "(state = 'UNKNOWN' OR (state = 'REJECTED' AND result_code = '"
            + RESOLVER_REJECTED + "'))";

    /** One cashier desk of one institution on one collection day. */
    public record DeskDay(String institution, long deskId, LocalDate day) {
    }

    /** A receipt of ours that no collection knows. */
    public record Anomaly(String institution, long deskId, LocalDate day, String transactionNumber,
                          long upstreamCollectionId, String receiptSerial, String receiptNumber,
                          BigDecimal amount, Instant foundAt) {
    }

    private final Pool pool;

    public SweepRepository(Pool pool) {
        this.pool = pool;
    }

    /** Desk-days before {@code before} with a collection still UNKNOWN or rejected by the resolver alone. */
    public Uni<List<DeskDay>> open(LocalDate before) {
        return pool.preparedQuery("SELECT DISTINCT institution, desk_id, collection_date FROM collection WHERE "
                        + TO_SWEEP + " AND collection_date < $1 ORDER BY collection_date, institution, desk_id")
                .execute(Tuple.of(before))
                .map(rows -> {
                    List<DeskDay> days = new ArrayList<>();
                    rows.forEach(row -> days.add(new DeskDay(row.getString("institution"), row.getLong("desk_id"),
                            row.getLocalDate("collection_date"))));
                    return days;
                });
    }

    /** The desk-day's collections the sweep settles. */
    public Uni<List<Collection>> toSettle(DeskDay deskDay) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection WHERE institution = $1 "
                        + "AND desk_id = $2 AND collection_date = $3 AND " + TO_SWEEP)
                .execute(Tuple.of(deskDay.institution(), deskDay.deskId(), deskDay.day()))
                .map(SweepRepository::collections);
    }

    /** Those of {@code transactionNumbers} that no collection of the institution has. */
    public Uni<Set<String>> unknown(String institution, List<String> transactionNumbers) {
        if (transactionNumbers.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("SELECT t FROM unnest($2::text[]) AS t WHERE NOT EXISTS (SELECT 1 FROM collection "
                        + "WHERE institution = $1 AND transaction_number = t)")
                .execute(Tuple.of(institution, transactionNumbers.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> unknown = new HashSet<>();
                    rows.forEach(row -> unknown.add(row.getString(0)));
                    return unknown;
                });
    }

    /** Records the receipts as anomalies once each; answers how many were new. */
    public Uni<Integer> recordAnomalies(DeskDay deskDay, List<FlexCityReceipt> receipts, Instant now) {
        if (receipts.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = receipts.stream().map(r -> Tuple.from(new Object[] {deskDay.institution(),
                deskDay.deskId(), deskDay.day(), r.islemNo(), r.bgsTahsilGenelId(), r.seriNo(),
                r.makbuzNo() == null ? null : String.valueOf(r.makbuzNo()), r.tutar(), offset(now)})).toList();
        return pool.preparedQuery("INSERT INTO sweep_anomaly (institution, desk_id, collection_date, "
                        + "transaction_number, upstream_collection_id, receipt_serial, receipt_number, amount, found_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING")
                .executeBatch(rows).map(result -> {
                    int inserted = 0;
                    for (RowSet<Row> one = result; one != null; one = one.next()) {
                        inserted += one.rowCount();
                    }
                    return inserted;
                });
    }

    public Uni<List<Anomaly>> anomalies(int limit, long offset) {
        return pool.preparedQuery("SELECT * FROM sweep_anomaly ORDER BY found_at DESC, upstream_collection_id "
                        + "LIMIT $1 OFFSET $2").execute(Tuple.of(limit, offset))
                .map(rows -> {
                    List<Anomaly> list = new ArrayList<>();
                    rows.forEach(row -> list.add(anomaly(row)));
                    return list;
                });
    }

    public Uni<Long> countAnomalies() {
        return pool.query("SELECT count(*) FROM sweep_anomaly").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Anomaly anomaly(Row row) {
        return new Anomaly(row.getString("institution"), row.getLong("desk_id"), row.getLocalDate("collection_date"),
                row.getString("transaction_number"), row.getLong("upstream_collection_id"),
                row.getString("receipt_serial"), row.getString("receipt_number"), row.getBigDecimal("amount"),
                instant(row.getOffsetDateTime("found_at")));
    }

    private static List<Collection> collections(RowSet<Row> rows) {
        List<Collection> list = new ArrayList<>();
        rows.forEach(row -> list.add(CollectionRows.collection(row)));
        return list;
    }
}
