package org.asfast.systems;

/** How a call a node was asked to make ended: not yet, done, or failed with a one-line reason. */
public final class Outcome {
    private boolean done;
    private String error;
    private long at;

    /** Done at {@code nanos} on the node's clock (a handler's clock runs ahead of the simulation's while it works). */
    public void succeed(long nanos) {
        done = true;
        at = nanos;
    }

    /** When it succeeded, on the node's clock. */
    public long at() {
        return at;
    }

    public void fail(String reason) {
        if (!done && error == null) {
            error = reason;
        }
    }

    /** True once it succeeded or failed. */
    public boolean over() {
        return done || error != null;
    }

    public boolean succeeded() {
        return done;
    }

    /** Why it failed, or null. */
    public String error() {
        return error;
    }
}
