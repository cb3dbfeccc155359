package org.userlm.workbench.domain;

import java.util.regex.Pattern;

/**
 * Removes user info ({@code user:key@}) from URLs, so a key typed into a URL is never stored, exported, shown or
 * logged. Applied to every backend URL when its settings are made, and to messages that may quote one.
 */
public final class UrlCredentials {
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");

    private UrlCredentials() {
    }

    /** {@code text} with the user info of every URL in it removed; null stays null. */
    public static String strip(String text) {
        return text == null || text.indexOf('@') < 0 ? text : USER_INFO.matcher(text).replaceAll("$1");
    }

    /** Whether {@code text} holds a URL with user info. */
    public static boolean present(String text) {
        return text != null && USER_INFO.matcher(text).find();
    }
}
