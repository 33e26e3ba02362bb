package se.integrationjourney.api.pages;

import java.util.regex.Pattern;

/** Where a page may send a person back to: only a path of this service, never another site. */
public final class LocalPaths {

    /**
     * A path of this service: one slash, then no second slash or backslash (which browsers read as another host), and
     * only the characters of paths and queries; ':' and '+' too, which queries carry raw (an instant such as
     * 2026-03-01T08:00:00Z, a space as '+') and which cannot make a scheme after the leading slash.
     */
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.?=&%:+-]*");

    private LocalPaths() {}

    /** {@code path} if it is a path of this service, else {@code /}. */
    public static String orHome(String path) {
        return path != null && path.length() <= 500 && LOCAL.matcher(path).matches() ? path : "/";
    }
}
