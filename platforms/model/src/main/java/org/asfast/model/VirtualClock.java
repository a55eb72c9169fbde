package org.asfast.model;

import org.asfast.spi.Clock;

/** Modelled time. Costs are charged in fractions of a nanosecond and summed exactly the same way every run. */
final class VirtualClock implements Clock {
    private double nanos;

    @Override
    public long nanos() {
        return Math.round(nanos);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    double now() {
        return nanos;
    }

    void advance(double ns) {
        if (!(ns >= 0)) {
            throw new IllegalStateException("a modelled cost came out as " + ns + " ns; check the model parameters");
        }
        nanos += ns;
    }

    /** Waits until {@code time}, if it is later than now. */
    void waitUntil(double time) {
        if (time > nanos) {
            nanos = time;
        }
    }
}
