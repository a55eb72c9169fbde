package org.asfast.jmh;

import java.util.List;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** A test platform with a virtual clock: every kernel call takes exactly 1.5 µs of virtual time. */
public final class TickingPlatform implements PlatformProvider {
    @Override
    public PlatformKind kind(String name) {
        return PlatformKind.MODELLED;
    }

    static final String NAME = "ticking";
    static final long NANOS_PER_CALL = 1500;

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        long[] now = {0};
        Clock clock = new Clock() {
            @Override
            public long nanos() {
                return now[0];
            }

            @Override
            public boolean isVirtual() {
                return true;
            }
        };
        KernelEntry kernel = () -> {
            now[0] += NANOS_PER_CALL;
            return 1;
        };
        return new Platform() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public <C extends Capability> C require(Class<C> capability) {
                if (capability == KernelEntry.class) {
                    return capability.cast(kernel);
                }
                throw new CapabilityMissing(NAME, capability);
            }

            @Override
            public void close() {
            }
        };
    }
}
