package tr.kopru.flexcity;

/** FlexCity answered, and the answer is a result code other than success. */
public class FlexCityRejectedException extends RuntimeException {

    private final FlexCityResultCode resultCode;
    private final String upstreamMessage;

    public FlexCityRejectedException(FlexCityResultCode resultCode, String upstreamMessage) {
        super("FlexCity answered " + resultCode.code() + " (" + resultCode.name() + "): "
                + (upstreamMessage == null || upstreamMessage.isBlank() ? resultCode.meaning() : upstreamMessage));
        this.resultCode = resultCode;
        this.upstreamMessage = upstreamMessage;
    }

    public FlexCityResultCode resultCode() {
        return resultCode;
    }

    /** The upstream's own message, or the document's meaning of the code when it sent none. */
    public String upstreamMessage() {
        return upstreamMessage == null || upstreamMessage.isBlank() ? resultCode.meaning() : upstreamMessage;
    }
}
