package tr.kopru.console.api;

/** The services whose public REST APIs the console uses, by the name of their base URL's setting. */
public enum Service {
    INSTALLATION("installation"), COLLECTION("collection"), RECONCILIATION("reconciliation"),
    DECLARATION("declaration");

    private final String setting;

    Service(String setting) {
        this.setting = setting;
    }

    /** Its key under {@code kopru.console.services}. */
    public String setting() {
        return setting;
    }
}
