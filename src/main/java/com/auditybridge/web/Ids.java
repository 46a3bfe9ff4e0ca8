package com.auditybridge.web;

/**
 * What an id from outside (a lead id, a delivery id) may be, so that it can be stored, compared and put in an
 * upstream URL path as it is: 1 to 200 characters, none of them whitespace, a control or invisible (format)
 * character, a slash or a backslash.
 */
public final class Ids {
    public static final int MAX_LENGTH = 200;

    private Ids() {}

    /** Why {@code id} cannot be used, as the end of a sentence naming it; null when it can. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "must not be empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "must not contain whitespace";
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "must not contain control or invisible characters";
            }
            if (c == '/' || c == '\\') {
                return "must not contain / or \\";
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
