package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Set;

/**
 * The address a request came from: the connection's peer, or, when that peer is a configured trusted proxy, the
 * last address in {@code X-Forwarded-For} that is not a trusted proxy itself. Without trusted proxies the header is
 * ignored: anyone can write it.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
