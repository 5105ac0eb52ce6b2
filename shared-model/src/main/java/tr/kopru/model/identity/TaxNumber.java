package tr.kopru.model.identity;

/**
 * A Turkish tax number (Vergi Kimlik No): 10 digits, the last a check digit over the first nine. Leading zeros are
 * significant, so it is always text.
 */
public record TaxNumber(String value) {

    public TaxNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid tax number (10 digits with a check digit)");
        }
    }

    public static boolean isValid(String text) {
        if (text == null || text.length() != 10 || !Digits.only(text)) {
            return false;
        }
        int[] d = Digits.of(text);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int t = (d[i] + 9 - i) % 10;
            int v = (t * (1 << (9 - i))) % 9;
            if (t != 0 && v == 0) {
                v = 9;
            }
            sum += v;
        }
        return d[9] == (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return "TaxNumber[***]";
    }
}
