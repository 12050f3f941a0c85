package dev.damagedesk.domain.validation;

/**
 * Which characters a reporter's text may hold, by what has to carry it after the intake: SQS message bodies, DynamoDB
 * strings (UTF-8), email headers and bodies, CSV cells and the admin page.
 */
final class TextCharacters {

    private TextCharacters() {
    }

    /**
     * Whether every system downstream can carry the code point: SQS takes only #x9, #xA, #xD, #x20-#xD7FF,
     * #xE000-#xFFFD and #x10000-#x10FFFF (a body with anything else is refused whole); a lone surrogate has no UTF-8
     * form; and Unicode's noncharacters (U+FDD0-U+FDEF, U+nFFFE, U+nFFFF) are never for interchange.
     */
    static boolean carried(int codePoint) {
        boolean sqs = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
        boolean nonCharacter = (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
        return sqs && !nonCharacter;
    }

    /**
     * Whether the code point shows as itself where a person reads a value: not an invisible format character (bidi
     * embeddings, overrides, isolates and marks, zero-width spaces and joiners, the BOM, soft hyphens, tags), not a
     * line or paragraph separator, not private-use or unassigned (no font shows them the same way twice).
     */
    static boolean readable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SURROGATE, Character.CONTROL -> false;
            default -> true;
        };
    }
}
