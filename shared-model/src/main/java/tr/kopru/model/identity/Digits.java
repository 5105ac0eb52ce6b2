package tr.kopru.model.identity;

/** Digit checks shared by the identity numbers. */
final class Digits {

    private Digits() {
    }

    static boolean only(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static int[] of(String text) {
        int[] digits = new int[text.length()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = text.charAt(i) - '0';
        }
        return digits;
    }
}
