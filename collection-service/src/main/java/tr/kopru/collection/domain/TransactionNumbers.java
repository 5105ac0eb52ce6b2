package tr.kopru.collection.domain;

import tr.kopru.runtime.time.TurkeyTime;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Our transaction numbers (islemNo): the Turkey date and time to the second, then eight random digits, 22 digits in
 * all. Unique in practice and guarded by a unique column; FlexCity keeps it with the booking, so a lost answer can
 * be looked up by it.
 */
public final class TransactionNumbers {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(TurkeyTime.ZONE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransactionNumbers() {
    }

    public static String next(Instant now) {
        return STAMP.format(now) + String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}
