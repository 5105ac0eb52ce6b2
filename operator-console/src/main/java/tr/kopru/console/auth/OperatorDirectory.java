package tr.kopru.console.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.console.ConsoleConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The operators file ({@code kopru.console.operators-file}, in Kubernetes a mounted Secret), read at each sign-in: an
 * operator removed from it or given another role cannot sign in as before, with no restart. A password is checked
 * against the hash even for an unknown username, so that the time taken does not tell which usernames exist.
 */
@ApplicationScoped
public class OperatorDirectory {

    private static final Logger LOG = Logger.getLogger(OperatorDirectory.class);
    private static final String NOBODY = PasswordHash.of("no operator has this password");

    private final ConsoleConfig config;
    private final ObjectMapper json;

    public OperatorDirectory(ConsoleConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The operator with this username and password, if there is one. */
    public Optional<Operator> signIn(String username, String password) {
        Optional<Operator> found = find(username);
        boolean matches = PasswordHash.matches(password == null ? "" : password,
                found.map(Operator::passwordHash).orElse(NOBODY));
        return matches ? found : Optional.empty();
    }

    /** The operator with this username, as the file now says. */
    public Optional<Operator> find(String username) {
        return operators().stream().filter(o -> o.username().equals(username)).findFirst();
    }

    private List<Operator> operators() {
        try {
            return json.readValue(Files.readAllBytes(config.operatorsFile()), new TypeReference<>() { });
        } catch (IOException e) {
            LOG.errorf("The operators file %s cannot be read: %s; nobody can sign in", config.operatorsFile(),
                    e.getMessage());
            return List.of();
        }
    }
}
