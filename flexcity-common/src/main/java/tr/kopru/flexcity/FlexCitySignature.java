package tr.kopru.flexcity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code Authorization} header FlexCity wants on every call: the application key, the request date (Turkey
 * time, {@code yyyy-MM-dd'T'HH:mm:ssXXX}) and md5(security code + request date); optionally the proxy chain.
 */
public final class FlexCitySignature {

    private FlexCitySignature() {
    }

    public static String header(String applicationKey, String securityCode, Instant now, Optional<String> forwardedFor) {
        String requestDate = FlexCityDates.format(now);
        String header = "applicationkey=" + applicationKey + ",requestdate=" + requestDate + ",md5hashcode="
                + md5(securityCode + requestDate);
        // The document spells it xFowardedFor; the upstream reads that name.
        return forwardedFor.map(chain -> header + ",xFowardedFor=" + chain).orElse(header);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
