package org.asfast.spi;

/**
 * A problem with what the user asked for (a bad target directory, an unknown name, a full disk).
 * Its message is one line that says what is wrong and how to fix it; the CLI prints it and exits non-zero.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
