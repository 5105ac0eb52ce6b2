package tr.kopru.runtime.rest;

import jakarta.inject.Singleton;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;
import tr.kopru.model.Money;

import java.math.BigDecimal;

/** Lets numeric constraints ({@code @DecimalMin}, {@code @Positive}, ...) apply to a {@link Money}'s amount. */
@Singleton
@UnwrapByDefault
public class MoneyValueExtractor implements ValueExtractor<@ExtractedValue(type = BigDecimal.class) Money> {

    @Override
    public void extractValues(Money money, ValueReceiver receiver) {
        receiver.value(null, money == null ? null : money.amount());
    }
}
