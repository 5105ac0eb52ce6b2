package tr.kopru.testsupport.fuzz;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.List;
import java.util.Set;

/**
 * One operation of the document, with what a request to it needs: its parameters, its body's schema (if it takes
 * one) and the statuses it documents.
 */
record Target(String method, String path, List<Parameter> parameters, Schema<?> body, Set<String> statuses) {

    static Target of(String method, String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Schema<?> body = null;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json == null && !operation.getRequestBody().getContent().isEmpty()) {
                json = operation.getRequestBody().getContent().values().iterator().next();
            }
            body = json == null || json.getSchema() == null ? new Schema<>().type("object") : json.getSchema();
        }
        Set<String> statuses = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        return new Target(method, path, parameters, body, statuses);
    }

    String name() {
        return method + " " + path;
    }

    boolean documents(int status) {
        return statuses.contains(String.valueOf(status)) || statuses.contains("default");
    }

    List<Parameter> in(String location) {
        return parameters.stream().filter(parameter -> location.equals(parameter.getIn())).toList();
    }
}
