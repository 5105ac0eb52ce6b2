package tr.kopru.collection.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionNumbersTest {

    @Test
    void aNumberIsTheTurkeyTimeToTheSecondAndEightDigits() {
        // 21:15:30 UTC is 00:15:30 the next day in Turkey (UTC+3).
        String number = TransactionNumbers.next(Instant.parse("2026-12-07T21:15:30Z"));

        assertThat(number).hasSize(22).containsOnlyDigits().startsWith("20261208001530");
    }

    @Test
    void numbersMadeInTheSameSecondDiffer() {
        Instant now = Instant.parse("2026-12-08T09:00:00Z");
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            numbers.add(TransactionNumbers.next(now));
        }
        assertThat(numbers).as("a thousand numbers in one second, eight random digits each").hasSizeGreaterThan(995);
    }
}
