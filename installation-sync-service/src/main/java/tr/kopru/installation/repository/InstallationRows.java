package tr.kopru.installation.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps installations between rows of the installation table and {@link InstallationSnapshot}s. */
final class InstallationRows {

    /** The content columns, in the order of {@link #values}. */
    static final String COLUMNS = "installation_id, installation_code, licence_plate, status, status_id, product, "
            + "service_company, service_name, owner_name, owner_tax_number, owner_tax_office, owner_city, "
            + "owner_district, sale_price_incl_vat, sale_price_excl_vat, activated_at, upstream_last_modified_at, "
            + "utts_account, reference_number, technician, driver_email, driver_phone";

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
                row.getString("reference_number"), row.getString("technician"), row.getString("driver_email"),
                row.getString("driver_phone"));
    }

    /** The content columns' values followed by content hash, run and time (for first_seen and last_changed). */
    static Tuple values(InstallationSnapshot s, long runId, Instant now) {
        return Tuple.from(new Object[] {s.installationId(), s.installationCode(), s.licencePlate(), s.status(),
                s.statusId(), s.product(), s.serviceCompany(), s.serviceName(), s.ownerName(), s.ownerTaxNumber(),
                s.ownerTaxOffice(), s.ownerCity(), s.ownerDistrict(), amount(s.salePriceInclVat()),
                amount(s.salePriceExclVat()), offset(s.activatedAt()), offset(s.upstreamLastModifiedAt()),
                s.uttsAccount(), s.referenceNumber(), s.technician(), s.driverEmail(), s.driverPhone(),
                s.contentHash(), runId, offset(now)});
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
