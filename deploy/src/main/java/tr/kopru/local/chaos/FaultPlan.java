package tr.kopru.local.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The campaign's faults, drawn from a seed so that a failing campaign can be replayed with the same schedule: the
 * kinds asked for, each at least once (in a seeded order), then further ones drawn at random, one every
 * {@link #SPACING} on average.
 */
public final class FaultPlan {

    /** One fault: when it starts (from the campaign's start), what, at which instance (or -1), for how long. */
    public record Step(Duration at, FaultKind kind, int instance, Duration hold, String upstream) {

        @Override
        public String toString() {
            return String.format("t+%3ds %-21s %-10s hold %2ds%s", at.toSeconds(), kind,
                    instance < 0 ? "" : "instance " + instance, hold.toSeconds(),
                    upstream == null ? "" : " on " + upstream);
        }
    }

    static final Duration SPACING = Duration.ofSeconds(9);
    /** Where the simulator's upstream faults land: a FlexCity collection or cancellation, a customs update, UTTS. */
    static final List<String> UPSTREAM_WRITES = List.of("flexcity/TahsilKaydiOlusturByFatura",
            "flexcity/TahsilKaydiIptalEt", "customs/update");
    static final List<String> UPSTREAM_READS = List.of("flexcity/TahsilSorgulaByIslemNo", "flexcity/FindBorcSorgu",
            "utts/installation-progresses", "customs/update", "flexcity/TahsilKaydiOlusturByFatura");

    private final long seed;
    private final List<Step> steps;

    private FaultPlan(long seed, List<Step> steps) {
        this.seed = seed;
        this.steps = steps;
    }

    /**
     * Draws the schedule of a campaign of {@code length} over {@code instances} service instances.
     *
     * @param kinds the kinds to draw from (all when empty)
     */
    public static FaultPlan draw(long seed, Duration length, Set<FaultKind> kinds, int instances) {
        Random random = new Random(seed);
        List<FaultKind> pool = new ArrayList<>(kinds.isEmpty() ? EnumSet.allOf(FaultKind.class) : kinds);
        List<FaultKind> order = new ArrayList<>(pool);
        Collections.shuffle(order, random);
        long count = Math.max(order.size(), length.toSeconds() / SPACING.toSeconds());
        while (order.size() < count) {
            order.add(pool.get(random.nextInt(pool.size())));
        }
        double spacing = (double) length.toMillis() / order.size();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            FaultKind kind = order.get(i);
            long at = Math.round(i * spacing);
            long hold = Math.min(2_000 + random.nextInt(6_000), Math.max(1_000, Math.round(spacing) - 1_000));
            int instance = kind.aimsAtInstance() ? random.nextInt(instances) : -1;
            String upstream = switch (kind) {
                case TIMEOUT_AFTER_COMMIT, LATE_COMMIT, ERROR_AFTER_COMMIT, DROP_BEFORE_COMMIT ->
                        UPSTREAM_WRITES.get(random.nextInt(2));
                case UPSTREAM_TIMEOUT -> UPSTREAM_WRITES.get(random.nextInt(UPSTREAM_WRITES.size()));
                case RATE_LIMITED, SERVER_ERROR, MALFORMED_ANSWER ->
                        UPSTREAM_READS.get(random.nextInt(UPSTREAM_READS.size()));
                default -> null;
            };
            steps.add(new Step(Duration.ofMillis(at), kind, instance, Duration.ofMillis(hold), upstream));
        }
        return new FaultPlan(seed, List.copyOf(steps));
    }

    /** Parses {@code --faults} (comma-separated kind names, any case); empty for all. */
    public static Set<FaultKind> kinds(String names) {
        if (names == null || names.isBlank()) {
            return EnumSet.noneOf(FaultKind.class);
        }
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String name : names.split(",")) {
            try {
                kinds.add(FaultKind.valueOf(name.strip().toUpperCase().replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault kind '" + name.strip() + "'; known: "
                        + Arrays.toString(FaultKind.values()));
            }
        }
        return kinds;
    }

    public long seed() {
        return seed;
    }

    public List<Step> steps() {
        return steps;
    }
}
