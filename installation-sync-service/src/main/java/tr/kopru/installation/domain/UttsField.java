package tr.kopru.installation.domain;

import java.util.HashMap;
import java.util.Map;

/** The fields of a UTTS installation record that Köprü reads, by their names in UTTS's JSON. */
public enum UttsField {
    ID("vehicleOrderInstallationId"),
    INSTALLATION_CODE("installationCode"),
    LICENCE_PLATE("licensePlate"),
    STATUS("vehicleOrderInstallationStatus"),
    STATUS_ID("vehicleOrderInstallationStatusId"),
    PRODUCT("productName"),
    COMPANY("companyName"),
    SERVICE("serviceName"),
    OWNER_NAME("vehicleCompanyName"),
    OWNER_TAX_NUMBER("taxInfoNumber"),
    OWNER_TAX_OFFICE("taxInfoOffice"),
    CITY("city"),
    DISTRICT("district"),
    SALE_PRICE("salePriceString"),
    NET_SALE_PRICE("netSalePriceString"),
    ACTIVATION_DATE("activationDateString"),
    ACTIVATION_HOUR("activationHourString"),
    LAST_MODIFIED("lastModified"),
    REFERENCE_NUMBER("ttbServiceReferenceNumber");

    private static final Map<String, UttsField> BY_JSON_NAME = new HashMap<>();

    static {
        for (UttsField field : values()) {
            BY_JSON_NAME.put(field.jsonName, field);
        }
    }

    private final String jsonName;

    UttsField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The field of that JSON name, or null for one Köprü does not read. */
    public static UttsField byJsonName(String name) {
        return BY_JSON_NAME.get(name);
    }
}
