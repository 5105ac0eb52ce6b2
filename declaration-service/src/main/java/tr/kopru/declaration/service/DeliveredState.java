package tr.kopru.declaration.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.declaration.domain.Declaration;
import tr.kopru.declaration.domain.DeclarationDiff;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.repository.DeclarationStateRepository;

import java.time.Instant;
import java.util.List;

/**
 * Folds a delivered update into the last known state of its declaration, as the customs API does: each top-level
 * field it sets replaces the one before (null included). Answers the leaves that really changed.
 */
@ApplicationScoped
public class DeliveredState {

    private final DeclarationStateRepository states;

    public DeliveredState(DeclarationStateRepository states) {
        this.states = states;
    }

    public Uni<List<String>> merge(SqlClient tx, DeclarationUpdate update, Instant now) {
        return states.lock(tx, update.declarationId(), update.target()).chain(current -> {
            JsonNode before = current.map(Declaration::fields).orElse(JsonNodeFactory.instance.objectNode());
            ObjectNode after = before.deepCopy();
            update.body().fields().forEachRemaining(field -> after.set(field.getKey(), field.getValue()));
            List<String> changed = DeclarationDiff.changedPaths(before, after);
            return states.save(tx, update.declarationId(), update.target(), after, update.id(), now).replaceWith(changed);
        });
    }
}
