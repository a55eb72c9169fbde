package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToIntFunction;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Platforms;
import org.asfast.spi.Uio;
import org.asfast.spi.UserError;
import org.asfast.workloads.Cswitch;
import org.asfast.workloads.Getpid;
import org.asfast.workloads.UioReading;
import org.asfast.workloads.VNetworkIpc;
import org.asfast.workloads.Workload;
import org.junit.jupiter.api.Test;

/** The papers' workloads, unchanged, on V's simulated platforms, opened by name as the harness opens them. */
class VWorkloadsTest {
    private static Platform open(String name) {
        return Platforms.open(name, PlatformSettings.defaults());
    }

    /** Milliseconds per operation over 20 operations after 3 warm-ups, read from the platform's virtual clock. */
    private static <W extends Workload> double perOp(Platform p, W w, ToIntFunction<W> op, Runnable untimed) {
        for (int i = 0; i < 3; i++) {
            untimed.run();
            op.applyAsInt(w);
        }
        double total = 0;
        for (int i = 0; i < 20; i++) {
            untimed.run();
            long start = p.clock().nanos();
            op.applyAsInt(w);
            total += p.clock().nanos() - start;
        }
        return total / 20 / 1e6;
    }

    @Test
    void tableIWorkloadGivesTheSimulatedCells() {
        for (int kb : new int[] {0, 8, 16}) {
            try (Platform p = open("sun3-75-v-sim")) {
                VNetworkIpc w = new VNetworkIpc(p, Ipc.Where.REMOTE, kb);
                double ms = perOp(p, w, VNetworkIpc::transaction, () -> { });
                assertEquals(VCells.one("cheriton1988 | I | SUN-3/75 | V | " + kb + " Kbytes | Time", java.util.List.of()).value(), ms, 1e-6);
            }
        }
    }

    @Test
    void tableIIWorkloadGivesTheSimulatedCells() {
        String[] names = {"getbyte", "Disk (bytes)", "Disk (blocks)", "IPC"};
        for (UioReading.Column column : UioReading.Column.values()) {
            try (Platform p = open("mvax2-v-sim")) {
                UioReading w = new UioReading(p, Uio.Where.REMOTE_SERVER, column);
                double ms = perOp(p, w, UioReading::readKilobyte, w::prepare);
                double cell = VCells.one("cheriton1988 | II | MicroVAX II | V | Remote | " + names[column.ordinal()], java.util.List.of()).value();
                assertEquals(cell, ms, 0.01 * cell, column.toString());
            }
        }
    }

    @Test
    void ousterhoutsGetpidRunsUnchangedAsVsNullKernelCall() {
        try (Platform p = open("sun3-75-v-sim")) {
            Getpid getpid = new Getpid(p);
            double us = perOp(p, getpid, g -> (int) g.call(), () -> { }) * 1000;
            VParameters v = VParameters.on("Sun3", java.util.List.of());
            double expected = (v.number("kernel_operation_instructions") + v.number("null_call_instructions")) / v.number("mips");
            assertEquals(expected, us, 0.002, "one kernel operation at the Sun3's rating (the clock counts whole nanoseconds)");
        }
    }

    @Test
    void cswitchIsNotApplicableBecauseVHasNoKernelPipes() {
        try (Platform p = open("mvax2-v-sim")) {
            assertThrows(CapabilityMissing.class, () -> new Cswitch(p, org.asfast.spi.Processes.Placement.SAME_CPU));
        }
    }

    @Test
    void dataRateOfTheWorkloadMatchesTableIsDefinition() {
        try (Platform p = open("sun3-75-v-sim")) {
            VNetworkIpc w = new VNetworkIpc(p, Ipc.Where.REMOTE, 16);
            double ms = perOp(p, w, VNetworkIpc::transaction, () -> { });
            double rate = w.megabitsPerSecond(ms * 1e6);
            assertTrue(rate > 3 && rate < 10, "16 KB: " + rate + " Mbit/s");
        }
    }

    @Test
    void aMalformedFaultSettingIsAOneLineUserErrorOnEveryPlatform() {
        VProvider provider = new VProvider();
        for (String name : provider.names()) {
            UserError e = assertThrows(UserError.class, () -> provider.open(name, new PlatformSettings(PlatformSettings.defaults().target(), "drop=lots")));
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("drop"), e.getMessage());
        }
    }
}
