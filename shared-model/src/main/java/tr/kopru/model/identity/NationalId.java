package tr.kopru.model.identity;

/**
 * A Turkish national id (T.C. Kimlik No): 11 digits, not starting with 0, whose 10th and 11th digits are check
 * digits. Its text never reaches a log unmasked.
 */
public record NationalId(String value) {

    public NationalId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid national id (11 digits with check digits)");
        }
    }

    public static boolean isValid(String text) {
        if (text == null || text.length() != 11 || text.charAt(0) == '0' || !Digits.only(text)) {
            return false;
        }
        int[] d = Digits.of(text);
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        return d[9] == tenth && d[10] == sum % 10;
    }

    @Override
    public String toString() {
        return "NationalId[***]";
    }
}
