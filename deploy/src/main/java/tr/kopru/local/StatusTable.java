package tr.kopru.local;

/** The table the local run prints once everything is ready: what runs where, and where its log is. */
final class StatusTable {

    private static final String ROW = "%-27s %-24s %-11s %-16s %-11s %s%n";

    private StatusTable() {
    }

    static void print(String kafka, String databaseHost, int databasePort, RunDirectory runDirectory) {
        System.out.println();
        System.out.printf(ROW, "SERVICE", "API", "OPENAPI", "HEALTH", "METRICS", "LOG");
        for (LocalService service : LocalService.values()) {
            System.out.printf(ROW, service.module(), service.baseUrl(), "/q/openapi", "/q/health/ready",
                    "/q/metrics", runDirectory.logFile(service.module()));
        }
        System.out.println();
        System.out.printf("Operator console  %s  (demo operator: %s / %s; viewer: %s / %s)%n", LocalConsole.baseUrl(),
                LocalConsole.DEMO_OPERATOR, LocalConsole.DEMO_OPERATOR_PASSWORD, LocalConsole.DEMO_VIEWER,
                LocalConsole.DEMO_VIEWER_PASSWORD);
        System.out.printf("Kafka      %s (topics installation-events, debt-found, payment-made, payment-cancelled "
                + "and their .dlq)%n", kafka);
        System.out.printf("PostgreSQL jdbc:postgresql://%s:%d/kopru (one schema and role per service)%n",
                databaseHost, databasePort);
        System.out.printf("Upstreams  http://localhost:%d (simulated UTTS, FlexCity and customs; control: /admin, "
                + "log %s)%n", LocalSettings.SIMULATOR_PORT, runDirectory.logFile("upstream-simulator"));
        System.out.println();
    }
}
