package org.asfast.spi;

import java.util.Arrays;

/**
 * What kind of platform a provider makes, which decides what its numbers are and how the report labels its rows.
 * A provider declares it ({@link PlatformProvider#kind()}); a run records it for every platform it ran, and the
 * report reads it from there, never from a platform's name.
 */
public enum PlatformKind {
    /** This computer, timed by the wall clock (JMH's score). */
    MEASURED("measured", false),
    /** A modelled machine running a workload in virtual time (Ousterhout's 1990 machines). */
    MODELLED("modelled", true),
    /** A distributed system's nodes in the discrete-event simulation, on modelled hardware, in virtual time. */
    SIMULATED("simulated", true),
    /** A distributed system's nodes running for real on this computer, timed by the wall clock. */
    LIVE("live", false);

    private final String label;
    private final boolean virtualTime;

    PlatformKind(String label, boolean virtualTime) {
        this.label = label;
        this.virtualTime = virtualTime;
    }

    /** The word runs and reports use: measured, modelled, simulated or live. */
    public String label() {
        return label;
    }

    /** True when the platform's clock is virtual: its result is the virtual time it reports, not JMH's wall-clock score. */
    public boolean virtualTime() {
        return virtualTime;
    }

    /** The kind with this label; a {@link UserError} for any other word. */
    public static PlatformKind of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst().orElseThrow(() -> new UserError(
                "'" + label + "' is not a platform kind; the kinds are " + String.join(", ", Arrays.stream(values()).map(PlatformKind::label).toList())));
    }
}
