package org.asfast.systems;

/** How a call a node was asked to make ended: not yet, done, or failed with a one-line reason. */
public final class Outcome {
    private boolean done;
    private String error;
    private long at;
    private Runnable whenOver;

    /** Done at {@code nanos} on the node's clock (a handler's clock runs ahead of the simulation's while it works). */
    public void succeed(long nanos) {
        done = true;
        at = nanos;
        fire();
    }

    /** When it succeeded, on the node's clock. */
    public long at() {
        return at;
    }

    public void fail(String reason) {
        if (!done && error == null) {
            error = reason;
            fire();
        }
    }

    /** Runs {@code action} once, when this outcome is over (at once if it already is): a handler's continuation. */
    public Outcome whenOver(Runnable action) {
        whenOver = action;
        if (over()) {
            whenOver = null;
            action.run();
        }
        return this;
    }

    private void fire() {
        Runnable action = whenOver;
        whenOver = null;
        if (action != null) {
            action.run();
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
