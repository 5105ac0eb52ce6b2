package tr.kopru.collection.service;

import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to collect one invoice. {@code idempotencyKey} and {@code fingerprint} (of the request body) are null
 * when the caller sent no Idempotency-Key.
 */
public record CollectCommand(String institution, String invoiceNumber, long declarationId, Money amount,
                             LocalDate paidOn, PaymentChannel channel, String requestedBy, String idempotencyKey,
                             String fingerprint, UUID standingInstructionId) {
}
