package org.asfast.systems;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Platform;

/** A system's platform by its name: it offers exactly the capabilities its class implements; the others are n/a. */
public abstract class SystemPlatform implements Platform {
    private final String name;

    protected SystemPlatform(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability.isInstance(this)) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
    }
}
