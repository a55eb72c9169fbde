package org.asfast.sim;

/** An event in the queue; cancelling it before it comes due means it never runs. */
public final class Timer implements org.asfast.nodes.Timer {
    final Runnable action;
    final double time;
    boolean cancelled;
    boolean fired;

    Timer(Runnable action, double time) {
        this.action = action;
        this.time = time;
    }

    /** When it runs, in the simulation's nanoseconds. */
    public double time() {
        return time;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean fired() {
        return fired;
    }
}
