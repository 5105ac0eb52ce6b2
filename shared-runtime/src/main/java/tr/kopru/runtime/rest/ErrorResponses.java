package tr.kopru.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
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

    /** The same, written straight to the HTTP server's response, for refusals made before any resource is chosen. */
    public static void send(HttpServerResponse response, ObjectMapper json, int status, ApiError error) {
        String body;
        try {
            body = json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An ApiError is always writable", e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(body);
    }
}
