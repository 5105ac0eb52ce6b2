package tr.kopru.simulator.flexcity;

import io.vertx.core.MultiMap;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A FlexCity form body. The literal {@code null} counts as absent (the document's examples send it), and a
 * parameter may be named as the document's OCR'd text spells it ({@code btsVeznelD}) as well as correctly.
 */
final class Form {

    private final MultiMap attributes;

    Form(MultiMap attributes) {
        this.attributes = attributes;
    }

    String text(String name) {
        for (String candidate : List.of(name, name.replace("Id", "ld"), name.replace("Id", "lD"))) {
            String value = attributes.get(candidate);
            if (value != null && !value.isBlank() && !"null".equals(value)) {
                return value.trim();
            }
        }
        return null;
    }

    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw new FlexCityError("0002", name);
        }
        return value;
    }

    Long number(String name) {
        String value = text(name);
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FlexCityError("0004", name);
        }
    }

    long requiredNumber(String name) {
        Long value = number(name);
        if (value == null) {
            throw new FlexCityError("0002", name);
        }
        return value;
    }

    /** A list written as {@code [1,2,3]}. */
    List<Long> numbers(String name) {
        String value = text(name);
        if (value == null || value.replaceAll("[\\[\\]\\s]", "").isEmpty()) {
            return List.of();
        }
        try {
            return Arrays.stream(value.replaceAll("[\\[\\]\\s]", "").split(",")).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new FlexCityError("0004", name);
        }
    }

    static BigDecimal decimal(String value, String name) {
        try {
            return value == null ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new FlexCityError("0004", name);
        }
    }
}
