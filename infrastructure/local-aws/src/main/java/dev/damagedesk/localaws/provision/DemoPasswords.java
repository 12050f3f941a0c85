package dev.damagedesk.localaws.provision;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Random passwords that a Cognito password policy accepts (cognito-local stores the policy but does not check it). */
final class DemoPasswords {

    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    /** Symbols Cognito accepts that need no quoting in a shell or a URL form. */
    static final String SYMBOLS = "!%^*-_=+.";
    static final int MINIMUM_LENGTH = 16;

    private DemoPasswords() {
    }

    static String generate(SecureRandom random, Map<String, Object> policy) {
        int length = Math.max(MINIMUM_LENGTH, policy.get("MinimumLength") instanceof Number n ? n.intValue() : 0);
        List<Character> characters = new ArrayList<>();
        // one of every class whatever the policy asks: a password that fits the strictest policy fits every policy
        for (String alphabet : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            characters.add(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        while (characters.size() < length) {
            characters.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(characters, random);
        StringBuilder password = new StringBuilder(length);
        characters.forEach(password::append);
        return password.toString();
    }

    /** True when {@code password} satisfies a CloudFormation {@code PasswordPolicy} as Cognito checks it. */
    static boolean satisfies(String password, Map<String, Object> policy) {
        int minimum = policy.get("MinimumLength") instanceof Number n ? n.intValue() : 8;
        return password.length() >= minimum
                && (!Boolean.TRUE.equals(policy.get("RequireLowercase")) || password.chars().anyMatch(Character::isLowerCase))
                && (!Boolean.TRUE.equals(policy.get("RequireUppercase")) || password.chars().anyMatch(Character::isUpperCase))
                && (!Boolean.TRUE.equals(policy.get("RequireNumbers")) || password.chars().anyMatch(Character::isDigit))
                && (!Boolean.TRUE.equals(policy.get("RequireSymbols"))
                        || password.chars().anyMatch(c -> "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-".indexOf(c) >= 0));
    }
}
