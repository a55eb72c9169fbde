package org.asfast.model;

import org.asfast.sim.Simulation;
import org.asfast.spi.Clock;

/**
 * One modelled machine's view of the simulation's time. The workload on the machine is the simulation's synchronous
 * caller: its costs advance the simulation, running any event due meanwhile. A message handler on the machine (a
 * server's work for a request) runs at the event's time and moves a time of its own as it charges its work, so that
 * what it sends leaves when its work is done. Costs are fractions of a nanosecond summed in the same order every run,
 * so a run gives the same bits every time.
 */
final class VirtualClock implements Clock {
    private final Simulation simulation;
    /** The running handler's time; NaN while none runs and the synchronous caller owns the clock. */
    private double handlerNow = Double.NaN;

    VirtualClock(Simulation simulation) {
        this.simulation = simulation;
    }

    Simulation simulation() {
        return simulation;
    }

    @Override
    public long nanos() {
        return Math.round(now());
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    double now() {
        return inHandler() ? handlerNow : simulation.now();
    }

    /** Past 2^53 ns (104 days) a double no longer counts whole nanoseconds, and the clock's long overflows not far beyond. */
    static final double LIMIT_NANOS = 0x1p53;

    void advance(double ns) {
        if (!(ns >= 0) || !(now() + ns <= LIMIT_NANOS)) {
            throw new IllegalStateException("a modelled cost came out as " + ns + " ns" + (ns >= 0 ? ", past the virtual clock's 104 days" : "")
                    + "; the parameters give no meaningful time");
        }
        if (!inHandler()) {
            simulation.advance(ns);
        } else {
            handlerNow += ns;
        }
    }

    /** Waits until {@code time}, if it is later than now. */
    void waitUntil(double time) {
        if (time > now() && !(time <= LIMIT_NANOS)) {
            throw new IllegalStateException("a modelled wait ends at " + time + " ns, past the virtual clock's 104 days; the parameters give no meaningful time");
        }
        if (!inHandler()) {
            simulation.waitUntil(time);
        } else if (time > handlerNow) {
            handlerNow = time;
        }
    }

    /** Runs a message handler from {@code start}; returns when its work ends. */
    double runHandler(double start, Runnable handler) {
        if (inHandler()) {
            throw new IllegalStateException("a handler on this machine is already running");
        }
        handlerNow = start;
        try {
            handler.run();
            return handlerNow;
        } finally {
            handlerNow = Double.NaN;
        }
    }

    private boolean inHandler() {
        return !Double.isNaN(handlerNow);
    }
}
