package tr.kopru.runtime.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import tr.kopru.model.rest.ApiError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with a 400, a request whose path or query holds a NUL character ({@code %00}): no field of ours may hold
 * one, and PostgreSQL cannot store it in text, so such a value used to end as a 500 from the database.
 */
public class UnstorableTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (path.indexOf('\0') >= 0) {
            return refuse("path");
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                return refuse(parameter.getKey().replace("\0", "%00"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(String where) {
        return Optional.of(ErrorResponses.of(400, ApiError.of("Bad request",
                Map.of(where, List.of("must not contain a NUL character (%00)")))));
    }
}
