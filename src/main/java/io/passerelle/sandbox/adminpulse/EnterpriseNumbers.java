package io.passerelle.sandbox.adminpulse;

/**
 * Belgian enterprise numbers (KBO/BCE) as AdminPulse stores them in {@code vatNumber}: ten digits, the first 0 or
 * 1, the last two {@code 97 − (first eight mod 97)}.
 */
final class EnterpriseNumbers {

    private EnterpriseNumbers() {
    }

    /** The ten digits for these first eight (0 to 19 999 999), with their check digits. */
    static String withCheckDigits(long firstEight) {
        if (firstEight < 0 || firstEight > 19_999_999) {
            throw new IllegalArgumentException("the first eight digits of an enterprise number start with 0 or 1");
        }
        return String.format("%08d%02d", firstEight, checkDigits(firstEight));
    }

    static int checkDigits(long firstEight) {
        return (int) (97 - firstEight % 97);
    }

    /** Whether {@code digits} is ten digits, the first 0 or 1, whose last two check the first eight. */
    static boolean isValid(String digits) {
        if (digits == null || !digits.matches("[01]\\d{9}")) {
            return false;
        }
        return Integer.parseInt(digits.substring(8)) == checkDigits(Long.parseLong(digits.substring(0, 8)));
    }
}
