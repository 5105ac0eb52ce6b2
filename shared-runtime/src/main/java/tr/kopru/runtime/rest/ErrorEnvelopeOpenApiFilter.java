package tr.kopru.runtime.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the house-style error envelope on every operation of our API: the {@code ApiError} schema and the
 * error answers each operation can give, so that clients see them in {@code /q/openapi}.
 */
public class ErrorEnvelopeOpenApiFilter implements OASFilter {

    private static final String API_ERROR = "ApiError";
    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "Malformed JSON, or a value the service cannot hold"),
            Map.entry("401", "Missing, unknown, disabled, expired or not yet valid API key"),
            Map.entry("403", "The API key lacks the scope, or may not be used from this address"),
            Map.entry("404", "No such resource"),
            Map.entry("406", "The Accept header asks for a representation other than JSON"),
            Map.entry("409", "Conflicts with the resource's current state"),
            Map.entry("413", "The request body is larger than 1 MB"),
            Map.entry("414", "The request's address is longer than 8192 characters"),
            Map.entry("415", "The body is not sent as application/json"),
            Map.entry("422", "Validation failed: errors names every bad field by its JSON path"),
            Map.entry("429", "Too many failed authentications from this address; Retry-After says when to retry"),
            Map.entry("431", "The request's headers are larger than 16 KB"),
            Map.entry("500", "Internal server error, with a reference to quote"),
            Map.entry("503", "The service cannot reach its database; retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(API_ERROR, errorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().getOperations().values().forEach(ErrorEnvelopeOpenApiFilter::addErrorResponses);
        }
    }

    private static void addErrorResponses(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        ERRORS.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(
                                        OASFactory.createSchema().ref("#/components/schemas/" + API_ERROR)))));
            }
        });
        operation.setResponses(responses);
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("The error envelope of every Köprü API")
                .addProperty("success", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .description("Per field (JSON path), what is wrong with it")
                        .additionalPropertiesSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))))
                .required(List.of("success", "message"));
    }
}
