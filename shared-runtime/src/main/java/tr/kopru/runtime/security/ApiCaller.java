package tr.kopru.runtime.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling our API in this request: the API key the filter accepted (none on public endpoints), and the
 * person a key's holder acts for when it says so ({@value #ON_BEHALF_OF}: the operator console names its signed-in
 * operator), so that audit trails name both.
 */
@RequestScoped
public class ApiCaller {

    /** The header in which a key's holder names the person it acts for. */
    public static final String ON_BEHALF_OF = "X-On-Behalf-Of";

    private static final Pattern PERSON = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    private ApiKey key;
    private String onBehalfOf;

    void accept(ApiKey key, String onBehalfOf) {
        this.key = key;
        this.onBehalfOf = onBehalfOf == null ? null : onBehalfOf.strip();
    }

    static boolean validPerson(String name) {
        return PERSON.matcher(name.strip()).matches();
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(key);
    }

    /**
     * Who acts, as recorded in audit trails: the accepted key's owner, and the person it acts for when it names one
     * ({@code "Operator console / ayse"}); "anonymous" on public endpoints.
     */
    public String owner() {
        if (key == null) {
            return "anonymous";
        }
        return onBehalfOf == null ? key.owner() : key.owner() + " / " + onBehalfOf;
    }

    /** The accepted key's id (not its secret); "anonymous" on public endpoints. */
    public String keyId() {
        return key == null ? "anonymous" : key.id();
    }
}
