package tr.kopru.collection.repository;

import io.vertx.mutiny.sqlclient.Row;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;


import static tr.kopru.runtime.db.SqlTimes.instant;

/** Maps rows of the collection table to {@link Collection}s. */
final class CollectionRows {

    static final String COLUMNS = "id, institution, desk_id, transaction_number, invoice_number, declaration_id, "
            + "amount, collection_date, channel, state, upstream_collection_id, receipt_serial, receipt_number, "
            + "collected_at, cancelled_at, result_code, result_reason, resolve_attempts, not_found_answers, "
            + "next_resolve_at, needs_operator, requested_by, standing_instruction_id, created_at, updated_at";

    private CollectionRows() {
    }

    static Collection collection(Row row) {
        return new Collection(row.getUUID("id"), row.getString("institution"), row.getLong("desk_id"),
                row.getString("transaction_number"), row.getString("invoice_number"), row.getLong("declaration_id"),
                Money.of(row.getBigDecimal("amount")), row.getLocalDate("collection_date"),
                PaymentChannel.valueOf(row.getString("channel")), CollectionState.valueOf(row.getString("state")),
                row.getLong("upstream_collection_id"), row.getString("receipt_serial"),
                row.getString("receipt_number"), instant(row.getOffsetDateTime("collected_at")),
                instant(row.getOffsetDateTime("cancelled_at")), row.getString("result_code"),
                row.getString("result_reason"), row.getInteger("resolve_attempts"),
                row.getInteger("not_found_answers"), instant(row.getOffsetDateTime("next_resolve_at")),
                row.getBoolean("needs_operator"), row.getString("requested_by"),
                row.getUUID("standing_instruction_id"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")));
    }
}
