package tr.kopru.model;

import java.util.Arrays;
import java.util.List;

/**
 * The database schema (and role of the same name) each service owns. The local launcher and the test resources
 * create them; each service's Flyway migrations fill them.
 */
public enum ServiceSchema {
    INSTALLATION_SYNC("installation_sync"),
    COLLECTION("collection"),
    RECONCILIATION("reconciliation"),
    DECLARATION("declaration");

    private final String schemaName;

    ServiceSchema(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Name of both the schema and the role that owns it. */
    public String schemaName() {
        return schemaName;
    }

    /** Every schema name, in declaration order. */
    public static List<String> allNames() {
        return Arrays.stream(values()).map(ServiceSchema::schemaName).toList();
    }
}
