package tr.kopru.declaration.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.declaration.domain.CodeTable;
import tr.kopru.declaration.domain.CodeTables;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.security.RequiresScope;

import java.util.List;

/** The customs document's code tables, with their Turkish descriptions. */
@Path("/api/v1/code-tables")
@Produces(MediaType.APPLICATION_JSON)
public class CodeTableResource {

    @GET
    @RequiresScope("declarations:read")
    @Operation(summary = "Every code table")
    public ApiResponse<List<CodeTable>> all() {
        return ApiResponse.of(CodeTables.ALL);
    }

    @GET
    @Path("/{name}")
    @RequiresScope("declarations:read")
    @Operation(summary = "One code table by name, for example carrier-types")
    public ApiResponse<CodeTable> one(@PathParam("name") String name) {
        return ApiResponse.of(CodeTables.named(name).orElseThrow(() -> ApiException.notFound("No code table " + name
                + "; the tables are " + String.join(", ", CodeTables.ALL.stream().map(CodeTable::name).toList()))));
    }
}
