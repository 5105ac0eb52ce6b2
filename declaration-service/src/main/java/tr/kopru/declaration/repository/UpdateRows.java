package tr.kopru.declaration.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.mutiny.sqlclient.Row;
import tr.kopru.declaration.domain.DeclarationJson;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.domain.DeliveryAttempt;
import tr.kopru.declaration.domain.Findings;
import tr.kopru.declaration.domain.UpdateStatus;

import java.util.Arrays;
import java.util.List;

import static tr.kopru.runtime.db.SqlTimes.instant;

/** Maps rows of the update, delivery and attempt tables; JSON columns are read as text. */
final class UpdateRows {

    static final String COLUMNS = "u.id, u.sequence, u.declaration_id, u.target, u.target_server, u.body::text AS body, "
            + "u.fields, u.warnings::text AS warnings, d.changed_fields, u.requested_by, d.status, d.attempts, "
            + "d.next_attempt_at, d.upstream_status, d.failure_reason, u.created_at, d.delivered_at";

    static final String FROM = " FROM declaration_update u JOIN delivery d ON d.update_id = u.id ";

    private static final TypeReference<List<Findings.Warning>> WARNINGS = new TypeReference<>() {
    };

    private UpdateRows() {
    }

    static DeclarationUpdate update(Row row) {
        String[] changed = row.getArrayOfStrings("changed_fields");
        return new DeclarationUpdate(row.getUUID("id"), row.getLong("sequence"), row.getString("declaration_id"),
                row.getString("target"), row.getString("target_server"), DeclarationJson.tree(row.getString("body")),
                Arrays.asList(row.getArrayOfStrings("fields")), warnings(row.getString("warnings")),
                changed == null ? null : Arrays.asList(changed), row.getString("requested_by"),
                UpdateStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                instant(row.getOffsetDateTime("next_attempt_at")), row.getInteger("upstream_status"),
                row.getString("failure_reason"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("delivered_at")), null);
    }

    static DeliveryAttempt attempt(Row row) {
        return new DeliveryAttempt(row.getInteger("attempt"), instant(row.getOffsetDateTime("at")),
                row.getLong("duration_ms"), row.getString("outcome"), row.getInteger("http_status"),
                row.getString("detail"));
    }

    private static List<Findings.Warning> warnings(String json) {
        try {
            return DeclarationJson.MAPPER.readValue(json, WARNINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the warnings column does not hold warnings", e);
        }
    }


}
