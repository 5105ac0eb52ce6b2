package tr.kopru.runtime.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tr.kopru.model.rest.ApiError;

/** Builds the HTTP response of a house-style error; the one place that does. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, ApiError error) {
        return Response.status(status).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
