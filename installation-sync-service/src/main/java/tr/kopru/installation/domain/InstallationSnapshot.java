package tr.kopru.installation.domain;

import tr.kopru.model.Money;
import tr.kopru.model.event.Installation;
import tr.kopru.model.event.VehicleOwner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An installation as Köprü mirrors it, read from one UTTS record. Its content (everything but the upstream's
 * lastModified stamp) decides whether a sync has anything to write. What no feature uses is not kept: the driver's
 * e-mail and phone and the technician's name, personal data which UTTS sends, are read past (KVKK).
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
        String referenceNumber) {

    /** One field of the content: its name in the public events, and how to read it. */
    private record ContentField(String name, Function<InstallationSnapshot, Object> value) {
    }

    /** The fields that make up the content, in fingerprint order (stored fingerprints depend on it). */
    private static final List<ContentField> CONTENT = List.of(
            new ContentField("installation_code", InstallationSnapshot::installationCode),
            new ContentField("licence_plate", InstallationSnapshot::licencePlate),
            new ContentField("status", InstallationSnapshot::status),
            new ContentField("status_id", InstallationSnapshot::statusId),
            new ContentField("product", InstallationSnapshot::product),
            new ContentField("service_company", InstallationSnapshot::serviceCompany),
            new ContentField("service_name", InstallationSnapshot::serviceName),
            new ContentField("owner.name", InstallationSnapshot::ownerName),
            new ContentField("owner.tax_number", InstallationSnapshot::ownerTaxNumber),
            new ContentField("owner.tax_office", InstallationSnapshot::ownerTaxOffice),
            new ContentField("owner.city", InstallationSnapshot::ownerCity),
            new ContentField("owner.district", InstallationSnapshot::ownerDistrict),
            new ContentField("sale_price_incl_vat", InstallationSnapshot::salePriceInclVat),
            new ContentField("sale_price_excl_vat", InstallationSnapshot::salePriceExclVat),
            new ContentField("activated_at", InstallationSnapshot::activatedAt),
            new ContentField("utts_account", InstallationSnapshot::uttsAccount),
            new ContentField("reference_number", InstallationSnapshot::referenceNumber));

    /** A stable fingerprint of the content. */
    public String contentHash() {
        ContentHash hash = ContentHash.start();
        for (ContentField field : CONTENT) {
            hash.field(field.name(), field.value().apply(this));
        }
        return hash.hex();
    }

    /** The names of the content fields that differ from {@code previous}. */
    public List<String> changedFieldsSince(InstallationSnapshot previous) {
        List<String> changed = new ArrayList<>();
        for (ContentField field : CONTENT) {
            if (!Objects.equals(field.value().apply(this), field.value().apply(previous))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    /** The public event's view. */
    public Installation toEvent() {
        return new Installation(installationId, installationCode, licencePlate, status, statusId, product,
                serviceCompany, serviceName,
                new VehicleOwner(ownerName == null ? "" : ownerName, ownerTaxNumber == null ? "" : ownerTaxNumber,
                        ownerTaxOffice, ownerCity, ownerDistrict),
                salePriceInclVat, salePriceExclVat, activatedAt, upstreamLastModifiedAt, uttsAccount);
    }
}
