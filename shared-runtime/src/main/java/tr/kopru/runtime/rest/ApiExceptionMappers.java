package tr.kopru.runtime.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import tr.kopru.model.rest.ApiError;
import tr.kopru.runtime.db.DatabaseUnavailable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns every failure into the house-style error envelope: 422 naming each bad field by its JSON path, 400 for a
 * body that is not JSON, the status of our own {@link ApiException}s, and a 500 that shows no internals.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** SQLSTATEs of text PostgreSQL cannot hold: character_not_in_repertoire, untranslatable_character. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    /** SQLSTATE class 22, data exception: a value the column cannot hold (too long, out of range, not a date). */
    private static final String DATA_EXCEPTION = "22";
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response response = respond(e.status(), ApiError.of(e.getMessage(), e.errors()));
        if (e.status() == 413) {
            // The rest of an oversized body is not read: the connection closes after the answer.
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.computeIfAbsent(fieldOf(violation.getPropertyPath()), k -> new ArrayList<>())
                    .add(violation.getMessage());
        }
        errors.values().forEach(messages -> messages.sort(null));
        return respond(422, ApiError.of("Validation failed", errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return respond(400, ApiError.of("Malformed JSON: " + e.getOriginalMessage()));
    }

    /** JSON beyond the parser's limits ({@link JsonLimits}): nested too deep, a number or a name too long. */
    @ServerExceptionMapper
    public Response jsonBeyondLimits(StreamConstraintsException e) {
        return respond(400, ApiError.of("JSON beyond our limits: " + e.getOriginalMessage()));
    }

    /**
     * A value the database cannot store (a NUL character sent escaped in a JSON string, text longer than its
     * column, a number out of its range): the caller's data, not our failure.
     */
    @ServerExceptionMapper
    public Response unstorableText(PgException e) {
        if (UNSTORABLE_TEXT.contains(e.getSqlState())) {
            return respond(400, ApiError.of("Bad request", Map.of("body",
                    List.of("must not contain a NUL character (\\u0000)"))));
        }
        if (e.getSqlState() != null && e.getSqlState().startsWith(DATA_EXCEPTION)) {
            LOG.infof("A value the database cannot hold, answered 400: SQLSTATE %s", e.getSqlState());
            return respond(400, ApiError.of("Bad request", Map.of("body",
                    List.of("holds a value too long or out of range for what it names"))));
        }
        return unexpected(e);
    }

    /** Declared for its own type, so that it wins over the built-in 400 mapper of Quarkus REST. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableValue(e);
    }

    @ServerExceptionMapper
    public Response unreadableValue(JsonMappingException e) {
        String field = pathOf(e);
        String problem = problemOf(e);
        return respond(422, ApiError.of("Validation failed", Map.of(field.isEmpty() ? "body" : field, List.of(problem))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus' JSON body reader reports unreadable bodies as a 400 with Jackson's exception as the cause.
        if (e.getCause() instanceof JsonParseException malformed) {
            return malformedJson(malformed);
        }
        if (e.getCause() instanceof StreamConstraintsException beyondLimits) {
            return jsonBeyondLimits(beyondLimits);
        }
        if (e.getCause() instanceof JsonMappingException unreadable) {
            return unreadableValue(unreadable);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String message = type == null ? "Request failed" : type.getReasonPhrase();
        return respond(status, ApiError.of(message));
    }

    /** A constraint that cannot be checked is our bug, not the caller's: a plain 500. */
    @ServerExceptionMapper
    public Response brokenValidation(ValidationException e) {
        if (e instanceof ConstraintViolationException violations) {
            return constraintViolation(violations);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(e);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return respond(500, ApiError.of("Internal server error (reference " + reference + ")"));
    }

    /**
     * The database dropped the connection or cannot be reached: a 503 the caller may retry (with the same
     * Idempotency-Key, for a write), since what was asked may or may not have been done.
     */
    private static Response databaseUnavailable(Throwable e) {
        LOG.warnf("Database unavailable, answered 503: %s", e.getMessage());
        return Response.fromResponse(respond(503, ApiError.of("The service cannot reach its database at the "
                + "moment; try again shortly"))).header("Retry-After", "1").build();
    }

    private static Response respond(int status, ApiError error) {
        return ErrorResponses.of(status, error);
    }

    /** The JSON path of a violated constraint: body properties in snake_case, or the query parameter's name. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(SNAKE_CASE.translate(node.getName()));
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        return !field.isEmpty() ? field.toString() : parameter == null ? "request" : SNAKE_CASE.translate(parameter);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problemOf(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants()).toLowerCase();
            }
            return "'" + invalid.getValue() + "' is not a valid " + target.getSimpleName();
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }
}
