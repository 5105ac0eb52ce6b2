package tr.kopru.declaration.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.declaration.client.CustomsClient;
import tr.kopru.declaration.config.CustomsConfig;
import tr.kopru.declaration.domain.CheckedUpdate;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.domain.Findings;
import tr.kopru.declaration.domain.UpdateStatus;
import tr.kopru.declaration.repository.UpdateRepository;
import tr.kopru.model.Nullable;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accepts a partial update of a declaration: checks it against the document and its code tables, then stores it with
 * its delivery record for the {@link DeliveryWorker} to send. Nothing is sent before the update is stored.
 */
@ApplicationScoped
public class UpdateService {

    private static final Pattern DECLARATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TARGET_SERVER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final UpdateRepository updates;
    private final CustomsClient customs;
    private final CustomsConfig config;
    private final Clock clock;

    public UpdateService(UpdateRepository updates, CustomsClient customs, CustomsConfig config, Clock clock) {
        this.updates = updates;
        this.customs = customs;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Stores an update of {@code declarationId} for delivery to environment {@code target} (the default one when null)
     * with {@code X-Target-Server} {@code targetServer} (the environment's own when null). 422 names every bad field.
     */
    public Uni<DeclarationUpdate> submit(String declarationId, JsonNode body, @Nullable String target,
                                        @Nullable String targetServer, String requestedBy) {
        Findings findings = new Findings();
        if (!DECLARATION_ID.matcher(declarationId).matches()) {
            findings.error("declaration_id", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        String environment = named(target);
        String server = null;
        if (!customs.targets().contains(environment)) {
            findings.error("target", unknownEnvironment());
        } else {
            server = targetServer == null || targetServer.isBlank() ? customs.target(environment).targetServer()
                    : targetServer.trim();
            if (!TARGET_SERVER.matcher(server).matches()) {
                findings.error("X-Target-Server", "must be 1 to 64 letters, digits, '.', '-' or '_'");
            }
        }
        CheckedUpdate checked = CheckedUpdate.check(body, findings);
        if (findings.hasErrors()) {
            return Uni.createFrom().failure(ApiException.invalid(findings.errors()));
        }
        Instant now = clock.instant();
        return updates.insert(new DeclarationUpdate(UUID.randomUUID(), 0, declarationId, environment, server,
                checked.body(), checked.fields(), checked.warnings(), null, requestedBy, UpdateStatus.PENDING, 0, now,
                null, null, now, null, List.of()));
    }

    /** The environment a read is about: the one named, or the default. */
    public String environment(@Nullable String target) {
        String environment = named(target);
        if (!customs.targets().contains(environment)) {
            throw ApiException.invalid(Map.of("target", List.of(unknownEnvironment())));
        }
        return environment;
    }

    private String named(@Nullable String target) {
        return target == null || target.isBlank() ? config.defaultTarget() : target.trim();
    }

    private String unknownEnvironment() {
        return "must be one of the configured customs environments: "
                + String.join(", ", customs.targets().stream().sorted().toList());
    }
}
