package tr.kopru.collection.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import tr.kopru.model.Money;

import java.time.LocalDate;

/**
 * A collection of one invoice, for its whole current total (debt + late surcharge).
 *
 * @param paidOn the day the customer paid, when earlier than today: FlexCity computes the surcharge up to it
 */
public record CollectionRequest(
        @NotBlank String institution,
        @NotNull @Pattern(regexp = "\\S{24}", message = "must be the 24-character FlexCity invoice number")
        String invoiceNumber,
        @NotNull @Positive Long declarationId,
        @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") Money amount,
        @PastOrPresent LocalDate paidOn) {
}
