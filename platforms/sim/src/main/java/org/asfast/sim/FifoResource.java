package org.asfast.sim;

import java.util.function.DoubleUnaryOperator;

/**
 * Something that serves one job at a time in the order jobs arrive: a disk arm, a network link, a
 * controller, a CPU. A job starts when it arrives or when the one before it finishes, whichever is later.
 */
public final class FifoResource {
    private final Simulation simulation;
    private final String name;
    private double busyUntil;
    private double busyNanos;
    private long jobs;

    public FifoResource(Simulation simulation, String name) {
        this.simulation = simulation;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Books a job of {@code nanos} arriving now and returns the time it finishes. */
    public double reserve(double nanos) {
        return reserveFrom(simulation.now(), nanos);
    }

    /** Books a job of {@code nanos} arriving at {@code arrival} (not before now) and returns when it finishes. */
    public double reserveFrom(double arrival, double nanos) {
        if (!(nanos >= 0) || nanos == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + ": a job must take a finite time >= 0, not " + nanos + " ns");
        }
        double start = Math.max(arrival, busyUntil);
        busyUntil = start + nanos;
        busyNanos += nanos;
        jobs++;
        return busyUntil;
    }

    /**
     * Books a job arriving at {@code arrival} whose end depends on when it starts (a disk waits for its sector to come
     * round; a message handler's work runs from its start): {@code finishFrom} gets the start and returns the end.
     * Returns the end.
     */
    public double serve(double arrival, DoubleUnaryOperator finishFrom) {
        double start = Math.max(arrival, busyUntil);
        double end = finishFrom.applyAsDouble(start);
        if (!(end >= start) || end == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException(name + ": a job starting at " + start + " ns ends at " + end + " ns; check the model parameters");
        }
        busyUntil = end;
        busyNanos += end - start;
        jobs++;
        return end;
    }

    /** Books a job arriving now and runs {@code done} when it finishes. */
    public Timer use(double nanos, Runnable done) {
        return simulation.at(reserve(nanos), done);
    }

    /** When the last booked job finishes. */
    public double busyUntil() {
        return busyUntil;
    }

    /** Total time spent serving jobs, for utilisation. */
    public double busyNanos() {
        return busyNanos;
    }

    public long jobs() {
        return jobs;
    }
}
