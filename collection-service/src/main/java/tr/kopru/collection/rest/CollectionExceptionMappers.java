package tr.kopru.collection.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import tr.kopru.collection.service.CollectionRefusedException;
import tr.kopru.model.rest.ApiError;
import tr.kopru.runtime.rest.ErrorResponses;

/** A refused collection in the house style, with the per-field details (such as the amount FlexCity expects). */
public class CollectionExceptionMappers {

    @ServerExceptionMapper
    public Response refused(CollectionRefusedException e) {
        return ErrorResponses.of(e.status(), ApiError.of(e.getMessage(), e.details()));
    }
}
