package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request came from: the connection's peer, or, when that peer is a configured trusted proxy, the
 * last address in {@code X-Forwarded-For} (over all its header lines: a proxy may add a line of its own after the
 * client's) that is not a trusted proxy itself. Without trusted proxies the header is ignored: anyone can write it.
 * Only address literals count; anything else in the header ends the walk at the hop before it.
 */
public final class ClientAddress {

    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : line.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!ADDRESS_LITERAL.matcher(hop).matches()) {
                break;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client;
    }
}
