package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import tr.kopru.model.Money;
import tr.kopru.model.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** {@code tr.kopru.collection.debt-found.v1}: a standing instruction's scan found a debt on a declaration. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DebtFound(
        String institution,
        long declarationId,
        long taxpayerId,
        String invoiceNumber,
        LocalDate dueDate,
        Money debtAmount,
        Money lateSurcharge,
        Money total,
        @Nullable String standingInstructionId,
        Instant foundAt) {
}
