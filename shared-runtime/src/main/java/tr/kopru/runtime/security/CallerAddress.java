package tr.kopru.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The address a call comes from, for an API key's allow-list and the limit on failed authentications: the direct
 * peer, unless the peer is one of {@code kopru.http.trusted-proxies} (the ingress's addresses, CIDR blocks). Then it
 * is the last address in {@code X-Forwarded-For} that is not a trusted proxy, since each proxy appends the address it
 * saw and only the entries our own proxies added can be believed. A caller that reaches a service directly cannot
 * choose its address by sending the header.
 */
@ApplicationScoped
public class CallerAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trustedProxies;

    @Inject
    public CallerAddress(@ConfigProperty(name = "kopru.http.trusted-proxies") Optional<List<String>> trustedProxies) {
        this(trustedProxies.orElse(List.of()).stream().filter(s -> !s.isBlank()).map(IpRange::parse).toList());
    }

    CallerAddress(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The caller's address given the direct peer's and the request's {@code X-Forwarded-For} (or null). */
    public String of(String peer, String forwardedFor) {
        if (!trusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
