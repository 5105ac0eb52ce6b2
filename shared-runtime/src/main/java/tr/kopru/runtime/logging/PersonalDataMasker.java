package tr.kopru.runtime.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text (KVKK): e-mail addresses, Turkish phone numbers, national ids (11 digits) and
 * tax numbers (10 digits). Digits keep only their last two; e-mails keep their first letter. Masking a number that
 * only looks like one is the price of never leaking a real one.
 */
public final class PersonalDataMasker {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:\\+90[\\s-]?|0)?\\(?5\\d{2}\\)?[\\s-]?\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{2}(?![\\d])");
    private static final Pattern NATIONAL_ID_OR_TAX_NUMBER = Pattern.compile("(?<!\\d)\\d{10,11}(?!\\d)");
    private static final List<Pattern> NUMBERS = List.of(PHONE, NATIONAL_ID_OR_TAX_NUMBER);

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(maskEmail(m.group())));
        for (Pattern pattern : NUMBERS) {
            masked = pattern.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(maskDigits(m.group())));
        }
        return masked;
    }

    private static String maskEmail(String email) {
        return email.charAt(0) + "***@***";
    }

    /** Replaces every digit but the last two with '*', keeping separators. */
    private static String maskDigits(String number) {
        int digits = (int) number.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(number.length());
        int seen = 0;
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - 2 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
