package org.asfast.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.sprite.SpriteProcesses;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.workloads.douglis.GetTimeOfDay;
import org.junit.jupiter.api.Test;

/** The gettimeofday benchmark times one call, at home or forwarded home, and nothing around it (simulated Sprite, virtual time). */
class TimeOfDayBenchmarkTest {

    private static SpriteProcesses sprite() {
        return SpriteProcesses.simulated("t", SpriteSimulated.parameters(), Faults.NONE);
    }

    /** Virtual nanoseconds per call of the workload itself, after one call to warm it. */
    private static double perCall(boolean migrated) {
        try (SpriteProcesses p = sprite()) {
            GetTimeOfDay w = new GetTimeOfDay(p, migrated);
            w.call();
            long start = p.clock().nanos();
            for (int i = 0; i < 3; i++) {
                w.call();
            }
            return (p.clock().nanos() - start) / 3.0;
        }
    }

    @Test
    void eachSampleIsOneCallAndTheMigratedOneIsForwarded() {
        double[] benchmarked = new double[2];
        for (boolean migrated : new boolean[] {false, true}) {
            double per = DirectRun.run(TimeOfDayBenchmark.class.getName() + ".gettimeofday", Map.of("migrated", String.valueOf(migrated)), sprite(), 1, 3).nanos();
            double direct = perCall(migrated);
            assertEquals(direct, per, direct * 1e-3, "migrated=" + migrated);
            benchmarked[migrated ? 1 : 0] = per;
        }
        assertTrue(benchmarked[1] > 3 * benchmarked[0], "a round trip over the RPC: " + benchmarked[1] + " ns against " + benchmarked[0] + " ns");
    }
}
