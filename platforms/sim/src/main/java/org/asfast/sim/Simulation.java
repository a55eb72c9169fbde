package org.asfast.sim;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event simulation in virtual time: an event queue ordered by time, then by the order the
 * events were scheduled, so that a run is the same every time.
 *
 * <p>Two styles share the one clock. Message and timer handlers are events ({@link #schedule}). A synchronous
 * caller, such as a workload on a modelled machine, drives the simulation: {@link #advance} charges its own
 * work and runs every event that falls due meanwhile, and {@link #runUntil(BooleanSupplier)} waits for a reply.
 *
 * <p>Times are nanoseconds held as doubles: modelled costs are fractions of a nanosecond, and summing them in
 * the same order gives the same bits every run.
 */
public final class Simulation {
    private double now;
    private long scheduled;
    private long eventsRun;
    // A binary heap over parallel arrays: a million events a second needs no allocation per event beyond the action.
    private double[] times = new double[64];
    private long[] orders = new long[64];
    private Timer[] timers = new Timer[64];
    private int size;

    /** Virtual time now, in nanoseconds since the simulation began. */
    public double now() {
        return now;
    }

    /** Events run so far (cancelled ones are not counted). */
    public long eventsRun() {
        return eventsRun;
    }

    /** Events waiting in the queue, cancelled ones included until they come due. */
    public int pending() {
        return size;
    }

    /** Runs {@code action} {@code delayNanos} from now. */
    public Timer schedule(double delayNanos, Runnable action) {
        if (!(delayNanos >= 0) || delayNanos == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("an event's delay must be a finite number of nanoseconds >= 0, not " + delayNanos);
        }
        return at(now + delayNanos, action);
    }

    /** Runs {@code action} at virtual time {@code time} (not before now). */
    public Timer at(double time, Runnable action) {
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("an event at " + time + " ns lies before now (" + now + " ns) or never comes");
        }
        Timer timer = new Timer(action, time);
        push(time, scheduled++, timer);
        return timer;
    }

    /** When the next event comes due, or positive infinity when none is waiting (cancelled ones count until they come due). */
    public double nextTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    /**
     * Takes the next event off the queue and runs it, unless it was cancelled; false when the queue is empty. One
     * event at a time, so that a caller that runs only what is due by some time never runs a later event behind a
     * cancelled one (and then sets the clock back).
     */
    public boolean step() {
        if (size == 0) {
            return false;
        }
        double time = times[0];
        Timer timer = pop();
        if (timer.cancelled) {
            return true;
        }
        now = time;
        timer.fired = true;
        eventsRun++;
        timer.action.run();
        return true;
    }

    /** Runs events until none is left. */
    public void run() {
        while (step()) {
            // each step runs one event
        }
    }

    /** Runs every event due at or before {@code time}, then sets the clock to {@code time}. */
    public void runUntil(double time) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot run back to " + time + " ns from " + now + " ns");
        }
        while (size > 0 && times[0] <= time) {
            step();
        }
        now = time;
    }

    /**
     * The synchronous caller's own work: {@code nanos} pass on its clock while every event due meanwhile runs.
     * With no event pending this is {@code now += nanos}, exactly.
     */
    public void advance(double nanos) {
        if (!(nanos >= 0) || nanos == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("a modelled cost came out as " + nanos + " ns; check the model parameters");
        }
        if (size == 0) {
            now += nanos;
        } else {
            runUntil(now + nanos);
        }
    }

    /** Moves the clock to {@code time} if it is later, running the events due meanwhile. */
    public void waitUntil(double time) {
        if (time > now) {
            runUntil(time);
        }
    }

    /**
     * Runs events until {@code done} holds. Returns false if the queue empties first (nothing more can
     * happen, e.g. a reply that was lost and is never retransmitted): the caller turns that into its own error.
     */
    public boolean runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            if (!step()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs events until {@code done} holds or the next event lies beyond {@code deadline}; returns whether
     * {@code done} holds. A protocol that retransmits for ever cannot hang its caller past the deadline.
     */
    public boolean runUntil(BooleanSupplier done, double deadline) {
        while (!done.getAsBoolean()) {
            if (size == 0 || times[0] > deadline || !step()) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    private void push(double time, long order, Timer timer) {
        if (size == times.length) {
            int grown = size * 2;
            times = Arrays.copyOf(times, grown);
            orders = Arrays.copyOf(orders, grown);
            timers = Arrays.copyOf(timers, grown);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, order, times[parent], orders[parent])) {
                break;
            }
            set(i, times[parent], orders[parent], timers[parent]);
            i = parent;
        }
        set(i, time, order, timer);
    }

    private Timer pop() {
        Timer top = timers[0];
        int last = --size;
        double time = times[last];
        long order = orders[last];
        Timer timer = timers[last];
        timers[last] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], orders[child + 1], times[child], orders[child])) {
                child++;
            }
            if (!before(times[child], orders[child], time, order)) {
                break;
            }
            set(i, times[child], orders[child], timers[child]);
            i = child;
        }
        if (size > 0) {
            set(i, time, order, timer);
        }
        return top;
    }

    private static boolean before(double t1, long o1, double t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void set(int i, double time, long order, Timer timer) {
        times[i] = time;
        orders[i] = order;
        timers[i] = timer;
    }
}
