package org.asfast.live;

/**
 * Something the user can fix went wrong starting or running live nodes: a busy port, a node that did not start,
 * a malformed setting. The message is one line that says what and how to fix it; commands print it and exit 2.
 */
public final class LiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LiveException(String message) {
        super(message);
    }

    public LiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
