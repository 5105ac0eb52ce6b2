package tr.kopru.installation.domain;

import tr.kopru.model.Money;
import tr.kopru.model.event.Installation;
import tr.kopru.model.event.VehicleOwner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An installation as Köprü mirrors it, read from one UTTS record. Its content (everything but the upstream's
 * lastModified stamp) decides whether a sync has anything to write.
 */
public record InstallationSnapshot(
        long installationId,
        String installationCode,
        String licencePlate,
        String status,
        int statusId,
        String product,
        String serviceCompany,
        String serviceName,
        String ownerName,
        String ownerTaxNumber,
        String ownerTaxOffice,
        String ownerCity,
        String ownerDistrict,
        Money salePriceInclVat,
        Money salePriceExclVat,
        Instant activatedAt,
        Instant upstreamLastModifiedAt,
        String uttsAccount,
        String referenceNumber,
        String technician,
        String driverEmail,
        String driverPhone) {

    /** The fields that make up the content, by the names the public events use. */
    public Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("installation_code", installationCode);
        content.put("licence_plate", licencePlate);
        content.put("status", status);
        content.put("status_id", statusId);
        content.put("product", product);
        content.put("service_company", serviceCompany);
        content.put("service_name", serviceName);
        content.put("owner.name", ownerName);
        content.put("owner.tax_number", ownerTaxNumber);
        content.put("owner.tax_office", ownerTaxOffice);
        content.put("owner.city", ownerCity);
        content.put("owner.district", ownerDistrict);
        content.put("sale_price_incl_vat", salePriceInclVat);
        content.put("sale_price_excl_vat", salePriceExclVat);
        content.put("activated_at", activatedAt);
        content.put("utts_account", uttsAccount);
        content.put("reference_number", referenceNumber);
        content.put("technician", technician);
        content.put("driver_email", driverEmail);
        content.put("driver_phone", driverPhone);
        return content;
    }

    /** A stable fingerprint of the content. */
    public String contentHash() {
        return ContentHash.of(content());
    }

    /** The names of the content fields that differ from {@code previous}. */
    public List<String> changedFieldsSince(InstallationSnapshot previous) {
        Map<String, Object> before = previous.content();
        List<String> changed = new ArrayList<>();
        content().forEach((field, value) -> {
            if (!Objects.equals(value, before.get(field))) {
                changed.add(field);
            }
        });
        return changed;
    }

    /** The public event's view: no driver e-mail or phone. */
    public Installation toEvent() {
        return new Installation(installationId, installationCode, licencePlate, status, statusId, product,
                serviceCompany, serviceName,
                new VehicleOwner(ownerName == null ? "" : ownerName, ownerTaxNumber == null ? "" : ownerTaxNumber,
                        ownerTaxOffice, ownerCity, ownerDistrict),
                salePriceInclVat, salePriceExclVat, activatedAt, upstreamLastModifiedAt, uttsAccount);
    }
}
