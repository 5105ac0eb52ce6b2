package tr.kopru.runtime.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** Who is calling our API in this request: the API key the filter accepted (none on public endpoints). */
@RequestScoped
public class ApiCaller {

    private ApiKey key;

    void accept(ApiKey key) {
        this.key = key;
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(key);
    }

    /** The accepted key's owner, as recorded in audit trails; "anonymous" on public endpoints. */
    public String owner() {
        return key == null ? "anonymous" : key.owner();
    }

    /** The accepted key's id (not its secret); "anonymous" on public endpoints. */
    public String keyId() {
        return key == null ? "anonymous" : key.id();
    }
}
