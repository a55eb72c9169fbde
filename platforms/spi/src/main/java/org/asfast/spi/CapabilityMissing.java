package org.asfast.spi;

/** Thrown when a workload asks a platform for a capability it does not have; the cell becomes "n/a". */
public final class CapabilityMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String capability;

    public CapabilityMissing(String platform, Class<? extends Capability> capability) {
        super("platform " + platform + " has no " + capability.getSimpleName() + " capability");
        this.capability = capability.getSimpleName();
    }

    /** A resource of the machine rather than a capability class ("a second CPU"), said in {@code why}. */
    public CapabilityMissing(String platform, String capability, String why) {
        super("platform " + platform + " has no " + capability + ": " + why);
        this.capability = capability;
    }

    /** The missing capability's name ({@code Pipes}). */
    public String capability() {
        return capability;
    }
}
