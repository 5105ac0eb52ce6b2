package tr.kopru.simulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults in force, per upstream ("utts", "flexcity", "customs") and method (for example "login",
 * "TahsilKaydiOlusturByFatura", "update"; "*" for every method of the upstream).
 */
public final class FaultRegistry {

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    public void set(String upstream, String method, Fault fault) {
        faults.put(key(upstream, method), fault);
    }

    public void clear() {
        faults.clear();
    }

    /**
     * The fault for this call, counting it as used; the method's own fault before the upstream's "*". A fault with
     * a rate applies to that share of calls, one with a target only to calls to it; a call it passes over does not
     * count. One with {@code after_calls} lets that many of the calls it would apply to pass first.
     */
    public Optional<Fault> take(String upstream, String method, String target) {
        for (String key : new String[] {key(upstream, method), key(upstream, "*")}) {
            Fault[] taken = new Fault[1];
            faults.computeIfPresent(key, (k, fault) -> {
                if (fault.target() != null && !fault.target().equals(target)) {
                    return fault;
                }
                if (fault.rate() != null && ThreadLocalRandom.current().nextDouble() >= fault.rate()) {
                    return fault;
                }
                if (fault.waiting()) {
                    return fault.passed();
                }
                taken[0] = fault;
                Fault next = fault.used();
                return next.exhausted() ? null : next;
            });
            if (taken[0] != null) {
                return Optional.of(taken[0]);
            }
        }
        return Optional.empty();
    }

    public Map<String, Fault> all() {
        return Map.copyOf(faults);
    }

    private static String key(String upstream, String method) {
        return upstream + "/" + method;
    }
}
