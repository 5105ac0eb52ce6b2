package tr.kopru.collection.domain;

import tr.kopru.model.Money;

import java.time.LocalDate;
import java.util.UUID;

/** An unpaid invoice a scan found for a standing instruction. */
public record FoundDebt(String institution, String invoiceNumber, long declarationId, Long taxpayerId,
                        LocalDate dueDate, Money debt, Money lateSurcharge, Money total, UUID standingInstructionId) {
}
