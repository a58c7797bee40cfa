package io.passerelle.sandbox.sevenoffice;

/**
 * Norwegian organization numbers (Enhetsregisteret) as 24SevenOffice stores them: nine digits, the first 8 or 9,
 * the last a mod-11 check digit over the first eight with the weights 3 2 7 6 5 4 3 2. Eight digits whose check
 * would be 10 begin no valid number at all.
 */
final class OrganizationNumbers {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganizationNumbers() {
    }

    /** The nine digits for these first eight (80 000 000 to 99 999 999), or null when no check digit fits. */
    static String withCheckDigit(long firstEight) {
        if (firstEight < 80_000_000L || firstEight > 99_999_999L) {
            throw new IllegalArgumentException("a Norwegian organization number starts with 8 or 9");
        }
        String digits = Long.toString(firstEight);
        int check = checkDigit(digits);
        return check < 0 ? null : digits + check;
    }

    /** Whether {@code number} is nine digits, the first 8 or 9, whose last checks the first eight. */
    static boolean isValid(String number) {
        if (number == null || !number.matches("[89]\\d{8}")) {
            return false;
        }
        return checkDigit(number.substring(0, 8)) == number.charAt(8) - '0';
    }

    /** The check digit of eight digits, or -1 when it would be 10. */
    private static int checkDigit(String firstEight) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (firstEight.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        int check = remainder == 0 ? 0 : 11 - remainder;
        return check == 10 ? -1 : check;
    }
}
