package tr.kopru.flexcity;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import tr.kopru.model.rest.ApiError;
import tr.kopru.runtime.rest.ErrorResponses;

/**
 * FlexCity failures that reach our API: an unknown institution is 404, no answer from FlexCity 503 (try again
 * later), a result code our code does not handle itself 502 with the code and its meaning.
 */
public class FlexCityExceptionMappers {

    private static final Logger LOG = Logger.getLogger(FlexCityExceptionMappers.class);

    @ServerExceptionMapper
    public Response unknownInstitution(UnknownInstitutionException e) {
        return ErrorResponses.of(404, ApiError.of("No FlexCity institution '" + e.institution()
                + "' is configured"));
    }

    @ServerExceptionMapper
    public Response unavailable(FlexCityUnavailableException e) {
        LOG.warnf("FlexCity unavailable: %s", e.getMessage());
        return ErrorResponses.of(503, ApiError.of("FlexCity did not answer; try again later"));
    }

    @ServerExceptionMapper
    public Response rejected(FlexCityRejectedException e) {
        return ErrorResponses.of(502, ApiError.of("FlexCity refused: " + e.resultCode().code() + " "
                + e.upstreamMessage()));
    }
}
