package tr.kopru.installation.rest;

import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.model.Money;

import java.time.Instant;
import java.util.List;

/** An installation as our API shows it: the mirror without the driver's contact details. */
public record InstallationView(
        long installationId,
        String installationCode,
        String licencePlate,
        String status,
        int statusId,
        String product,
        String serviceCompany,
        String serviceName,
        Owner owner,
        Money salePriceInclVat,
        Money salePriceExclVat,
        Instant activatedAt,
        Instant upstreamLastModifiedAt,
        String uttsAccount,
        String referenceNumber,
        Instant firstSeenAt,
        Instant lastChangedAt,
        List<Change> history) {

    /** The vehicle owner company. */
    public record Owner(String name, String taxNumber, String taxOffice, String city, String district) {
    }

    /** One recorded change. */
    public record Change(Instant changedAt, long runId, List<String> changedFields, String previousStatus,
                         String status) {
    }

    static InstallationView of(InstallationSnapshot s, Instant firstSeenAt, Instant lastChangedAt,
                               List<Change> history) {
        return new InstallationView(s.installationId(), s.installationCode(), s.licencePlate(), s.status(),
                s.statusId(), s.product(), s.serviceCompany(), s.serviceName(),
                new Owner(s.ownerName(), s.ownerTaxNumber(), s.ownerTaxOffice(), s.ownerCity(), s.ownerDistrict()),
                s.salePriceInclVat(), s.salePriceExclVat(), s.activatedAt(), s.upstreamLastModifiedAt(),
                s.uttsAccount(), s.referenceNumber(), firstSeenAt, lastChangedAt, history);
    }
}
