package tr.kopru.installation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.runtime.db.Conditions;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.db.Tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the installation mirror for the query API. */
@ApplicationScoped
public class InstallationQueries {

    /** List filters; null means "any". Activation dates are Turkish calendar days, both ends included. */
    public record Filter(String licencePlate, String installationCode, String status, String ownerTaxNumber,
                         String serviceCompany, LocalDate activatedFrom, LocalDate activatedTo) {
    }

    /** A stored installation with its bookkeeping times. */
    public record Found(InstallationSnapshot snapshot, Instant firstSeenAt, Instant lastChangedAt) {
    }

    /** One history entry. */
    public record HistoryEntry(Instant changedAt, long runId, List<String> fields, String previousStatus,
                               String status) {
    }

    /** The mirror's counts by status and service company, kept by the database (V4 migration). */
    @Produces
    static final Tally TALLY = new Tally("installation_tally", List.of("status", "service_company"), "installations");

    private final Pool pool;

    public InstallationQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Found>> list(Filter filter, int limit, long offset) {
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT * FROM installation" + conditions.where() + " ORDER BY last_changed_at DESC, "
                        + "installation_id DESC LIMIT " + conditions.after(1) + " OFFSET " + conditions.after(2))
                .execute(conditions.tuple(limit, offset)).map(rows -> {
                    List<Found> found = new ArrayList<>();
                    rows.forEach(row -> found.add(found(row)));
                    return found;
                });
    }

    /**
     * How many installations the filter matches, exact. Without a filter, or with status and service company
     * alone, from the maintained tally (V4 migration) rather than by counting the mirror.
     */
    public Uni<Long> count(Filter filter) {
        if (filter.licencePlate() == null && filter.installationCode() == null && filter.ownerTaxNumber() == null
                && filter.activatedFrom() == null && filter.activatedTo() == null) {
            Conditions tallied = new Conditions().and("status = ?", filter.status())
                    .and("service_company = ?", filter.serviceCompany());
            return pool.preparedQuery("SELECT coalesce(sum(installations), 0) FROM installation_tally"
                            + tallied.where())
                    .execute(tallied.tuple()).map(rows -> rows.iterator().next().getLong(0));
        }
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT count(*) FROM installation" + conditions.where()).execute(conditions.tuple())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** By installation id when {@code idOrCode} is a number, else by installation code. */
    public Uni<Optional<Found>> find(String idOrCode) {
        boolean numeric = idOrCode.matches("\\d{1,18}");
        return pool.preparedQuery(numeric ? "SELECT * FROM installation WHERE installation_id = $1"
                        : "SELECT * FROM installation WHERE installation_code = $1")
                .execute(Tuple.of(numeric ? (Object) Long.parseLong(idOrCode) : idOrCode))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(found(rows.iterator().next())));
    }

    public Uni<List<HistoryEntry>> history(long installationId) {
        return pool.preparedQuery("SELECT * FROM installation_change WHERE installation_id = $1 ORDER BY id DESC")
                .execute(Tuple.of(installationId)).map(rows -> {
                    List<HistoryEntry> history = new ArrayList<>();
                    rows.forEach(row -> history.add(new HistoryEntry(SqlTimes.instant(row.getOffsetDateTime("changed_at")),
                            row.getLong("run_id"), List.of(row.getArrayOfStrings("changed_fields")),
                            row.getString("previous_status"), row.getString("status"))));
                    return history;
                });
    }

    /** Installation counts per value of {@code column} (status or service_company), from the maintained tally. */
    public Uni<Map<String, Long>> countBy(String column) {
        if (!column.equals("status") && !column.equals("service_company")) {
            throw new IllegalArgumentException(column);
        }
        return pool.query("SELECT " + column + " AS k, sum(installations) AS n FROM installation_tally GROUP BY 1 "
                + "HAVING sum(installations) <> 0 ORDER BY 2 DESC, 1").execute().map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    rows.forEach(row -> counts.put(row.getString("k"), row.getLong("n")));
                    return counts;
                });
    }

    /**
     * The filters' conditions; each lookup filter has an index made for its comparison (V2 and V4 migrations), which
     * {@code InstallationFilterPlansIT} holds it to.
     */
    static Conditions conditions(Filter f) {
        return new Conditions()
                .and("replace(upper(licence_plate), ' ', '') = replace(upper(?), ' ', '')", f.licencePlate())
                .and("installation_code = ?", f.installationCode())
                .and("status = ?", f.status())
                .and("owner_tax_number = ?", f.ownerTaxNumber())
                .and("service_company = ?", f.serviceCompany())
                .and("activated_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Istanbul'", f.activatedFrom())
                .and("activated_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Istanbul'", f.activatedTo());
    }

    private static Found found(Row row) {
        return new Found(InstallationRows.snapshot(row), SqlTimes.instant(row.getOffsetDateTime("first_seen_at")),
                SqlTimes.instant(row.getOffsetDateTime("last_changed_at")));
    }
}
