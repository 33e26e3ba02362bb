package se.integrationjourney.api.pages;

import java.util.regex.Pattern;

/** Where a page may send a person back to: only a path of this service, never another site. */
public final class LocalPaths {

    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.?=&%-]*");

    private LocalPaths() {}

    /** {@code path} if it is a path of this service, else {@code /}. */
    public static String orHome(String path) {
        return path != null && path.length() <= 500 && LOCAL.matcher(path).matches() ? path : "/";
    }
}
