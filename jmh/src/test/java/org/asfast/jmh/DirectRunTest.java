package org.asfast.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformSettings;
import org.junit.jupiter.api.Test;

/** A benchmark run directly on an opened platform gives what the platform charged, and closes it as JMH's tear-down would. */
class DirectRunTest {

    /** The ticking platform, remembering whether it was closed. */
    private static final class Watched implements Platform {
        final Platform inner = new TickingPlatform().open(TickingPlatform.NAME, PlatformSettings.fromSystemProperties());
        boolean closed;

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Clock clock() {
            return inner.clock();
        }

        @Override
        public <C extends org.asfast.spi.Capability> C require(Class<C> capability) {
            return inner.require(capability);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theMeasuredBatchGivesExactlyTheVirtualTimeCharged() {
        Watched platform = new Watched();
        DirectRun.PerOperation per = DirectRun.run(GetpidBenchmark.class.getName() + ".getpid", Map.of(), platform, 3, 7);
        assertEquals(TickingPlatform.NANOS_PER_CALL, per.nanos(), 0.0);
        assertEquals(0.0, per.bytes(), "getpid moves no data");
        assertEquals(10 * TickingPlatform.NANOS_PER_CALL, platform.clock().nanos(), "3 warm-up and 7 measured calls, nothing else");
        assertTrue(platform.closed, "the trial's tear-down closed the platform");
    }

    @Test
    void aMissingCapabilityPassesThroughAndThePlatformIsClosed() {
        Watched platform = new Watched();
        assertThrows(CapabilityMissing.class, () -> DirectRun.run(SelectBenchmark.class.getName() + ".select", Map.of("pipes", "ONE_EMPTY"), platform, 1, 1));
        assertTrue(platform.closed);
    }

    @Test
    void aParameterTheBenchmarkNeedsMustBeGiven() {
        Watched platform = new Watched();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectRun.run(SelectBenchmark.class.getName() + ".select", Map.of(), platform, 1, 1));
        assertTrue(e.getMessage().contains("@Param pipes"), e.getMessage());
        assertTrue(platform.closed);
    }
}
