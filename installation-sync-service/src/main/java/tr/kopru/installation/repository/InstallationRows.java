package tr.kopru.installation.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static tr.kopru.runtime.db.SqlTimes.offset;

import static tr.kopru.runtime.db.SqlTimes.instant;

/** Maps installations between rows of the installation table and {@link InstallationSnapshot}s. */
final class InstallationRows {

    /** The content columns, in the order of {@link #values}. */
    static final String COLUMNS = "installation_id, installation_code, licence_plate, status, status_id, product, "
            + "service_company, service_name, owner_name, owner_tax_number, owner_tax_office, owner_city, "
            + "owner_district, sale_price_incl_vat, sale_price_excl_vat, activated_at, upstream_last_modified_at, "
            + "utts_account, reference_number";

    private InstallationRows() {
    }

    static InstallationSnapshot snapshot(Row row) {
        return new InstallationSnapshot(
                row.getLong("installation_id"), row.getString("installation_code"), row.getString("licence_plate"),
                row.getString("status"), row.getInteger("status_id"), row.getString("product"),
                row.getString("service_company"), row.getString("service_name"), row.getString("owner_name"),
                row.getString("owner_tax_number"), row.getString("owner_tax_office"), row.getString("owner_city"),
                row.getString("owner_district"), money(row.getBigDecimal("sale_price_incl_vat")),
                money(row.getBigDecimal("sale_price_excl_vat")), instant(row.getOffsetDateTime("activated_at")),
                instant(row.getOffsetDateTime("upstream_last_modified_at")), row.getString("utts_account"),
                row.getString("reference_number"));
    }

    /** The SQL array types of {@link #COLUMNS}, followed by content_hash's. */
    static final String COLUMN_ARRAY_TYPES = "bigint[], text[], text[], text[], integer[], text[], text[], text[], "
            + "text[], text[], text[], text[], text[], numeric[], numeric[], timestamptz[], timestamptz[], text[], "
            + "text[], text[]";

    /**
     * The content columns and content hash (from {@code contentHashes}) of {@code snapshots} as one array per column (for a single unnest
     * statement), followed by the run and the time (for first_seen and last_changed).
     */
    static Tuple columns(List<InstallationSnapshot> snapshots, Map<Long, String> contentHashes, long runId,
                         Instant now) {
        int size = snapshots.size();
        Object[][] columns = {new Long[size], new String[size], new String[size], new String[size],
                new Integer[size], new String[size], new String[size], new String[size], new String[size],
                new String[size], new String[size], new String[size], new String[size], new String[size],
                new String[size], new OffsetDateTime[size], new OffsetDateTime[size], new String[size],
                new String[size], new String[size]};
        for (int i = 0; i < size; i++) {
            InstallationSnapshot s = snapshots.get(i);
            Object[] values = {s.installationId(), s.installationCode(), s.licencePlate(), s.status(), s.statusId(),
                    s.product(), s.serviceCompany(), s.serviceName(), s.ownerName(), s.ownerTaxNumber(),
                    s.ownerTaxOffice(), s.ownerCity(), s.ownerDistrict(), plain(s.salePriceInclVat()),
                    plain(s.salePriceExclVat()), offset(s.activatedAt()), offset(s.upstreamLastModifiedAt()),
                    s.uttsAccount(), s.referenceNumber(), contentHashes.get(s.installationId())};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        Object[] parameters = Arrays.copyOf(columns, columns.length + 2, Object[].class);
        parameters[columns.length] = runId;
        parameters[columns.length + 1] = offset(now);
        return Tuple.from(parameters);
    }

    /** Numerics travel as their plain text inside the arrays: exact, and the statement casts them. */
    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }


}
