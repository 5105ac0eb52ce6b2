package tr.kopru.flexcity;

/** An answer Köprü cannot read: not JSON, or a field that does not hold what the document says. */
public class FlexCityProtocolException extends FlexCityUnavailableException {

    public FlexCityProtocolException(String message) {
        super(message, null);
    }
}
