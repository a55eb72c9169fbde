package org.asfast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.asfast.amoeba.AmoebaProvider;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.nodes.Faults;
import org.asfast.report.AtomicFiles;
import org.asfast.report.Baselines;
import org.asfast.report.FaultPromises;
import org.asfast.report.SimulatedCells;
import org.asfast.spi.Ipc;
import org.asfast.rmem.RmemRounds;
import org.asfast.rmem.RmemSimulated;
import org.asfast.spi.Rpc;
import org.asfast.spi.UserError;
import org.asfast.sprite.SpriteProvider;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SimulatedPair;
import org.asfast.v.VParameters;
import org.asfast.v.ServerUnreachable;
import org.asfast.v.VPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asfast systems}: every registered {@link SimulatedPaper}'s cells beside the paper's (Douglis et al.'s Amoeba and
 * Sprite on the Sun 3/60; Cheriton's V on the SUN-3/75 and MicroVAX II; ...), tagged calibration or prediction, with the
 * fidelity per table; or, with {@code --calibrate}, the calibrated parameters solved again.
 */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = "Runs the simulated Amoeba, Sprite and V on their papers' workloads and compares them with the papers.")
public final class SystemsCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Where to write simulated.csv, or faults.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "systems");

    @Option(names = "--baselines", paramLabel = "DIR", description = "The papers' tables (default: ${DEFAULT-VALUE}).")
    Path baselinesDir = Path.of("results", "baselines");

    @Option(names = "--faults", paramLabel = "SETTING",
            description = "Instead of the cells: run each system's calls under these faults (e.g. drop=0.1,dup=0.05,seed=7), count executions and retransmissions, and write them to faults.csv.")
    String faults;

    @Option(names = "--calibrate", description = "Solve the calibrated parameters again and print them (write them into the parameter files named by each source).")
    boolean calibrate;

    @Option(names = "--put", paramLabel = "FILE",
            description = "Instead of the cells: store FILE on one file configuration (--on), read it back, and print how long each took.")
    Path put;

    @Option(names = "--on", paramLabel = "PLATFORM",
            description = "With --put: sun3-60-amoeba-bullet-sim, sun3-60-amoeba-bullet-dir-sim, sun3-60-sprite-cache-sim, sun3-60-sprite-nocache-sim, or their live twins (amoeba-bullet-live, ...).")
    String on;

    @Option(names = "--as", paramLabel = "NAME", description = "With --put: the name to store it under (default: the file's own).")
    String as;

    @Option(names = "--set", paramLabel = "PARAMETER=VALUE",
            description = "With --put: change one of the system's parameters, e.g. bullet_store_mb=1 or sprite_disk_mb=1. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        long runs = java.util.stream.Stream.of(put != null || on != null, faults != null, calibrate).filter(b -> b).count();
        if (runs > 1) {
            throw new UserError("--put, --faults and --calibrate are separate runs: give one of them");
        }
        if (put == null && on == null && (as != null || !settings.isEmpty())) {
            throw new UserError("--as and --set go with --put: give the file and the configuration too, e.g. --put notes.txt --on sun3-60-amoeba-bullet-dir-sim --set bullet_store_mb=1");
        }
        if (put != null || on != null) {
            if (put == null || on == null) {
                throw new UserError("--put and --on go together: give the file and the file configuration, e.g. --put notes.txt --on sun3-60-amoeba-bullet-dir-sim");
            }
            return FilePut.put(put, on, as, settings, System.out);
        }
        if (!calibrate) { // before the simulations, not after
            AtomicFiles.requireWritable(out, 16L << 20, faults != null ? "faults.csv" : SimulatedCells.FILE);
        }
        if (faults != null) {
            return underFaults(faults);
        }
        Baselines baselines = Baselines.load(baselinesDir, "--baselines the folder that holds index.csv");
        List<SimulatedPaper> papers = SimulatedPapers.all();
        if (calibrate) {
            for (SimulatedPaper paper : papers) {
                SimulatedPapers.calibrate(paper, baselines).forEach((name, value) -> System.out.printf(Locale.ROOT, "  %s %s = %.5g%n", paper.paper(), name, value));
            }
            return 0;
        }
        List<SimulatedPapers.Compared> all = new ArrayList<>();
        for (SimulatedPaper paper : papers) {
            long start = System.nanoTime();
            List<SimulatedPapers.Compared> compared = SimulatedPapers.compare(paper, baselines);
            System.out.printf(Locale.ROOT, "simulated %d cells of %s (%s) in %.2f s%n", compared.size(), paper.paper(), paper.getClass().getSimpleName(),
                    (System.nanoTime() - start) / 1e9);
            for (SimulatedPapers.Compared c : compared) {
                SimulatedPaper.Cell cell = c.cell();
                System.out.printf(Locale.ROOT, "  %-5s %-11s %-70s %10.4g %-6s paper %-8s %-8s %s%n", cell.table(), cell.machine(),
                        String.join(" | ", java.util.stream.Stream.of(cell.os(), cell.config(), cell.column()).filter(x -> !x.isEmpty()).toList()),
                        cell.value(), cell.unit(), c.paper() == null ? "-" : String.format(Locale.ROOT, "%.4g", c.paper()),
                        c.error() == null ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * c.error()), c.tag());
            }
            all.addAll(compared);
        }
        for (SimulatedPapers.Summary s : SimulatedPapers.summaries(all)) {
            System.out.printf(Locale.ROOT, "%-13s Table %-4s cells %2d  calibration %d  prediction %d  median |error| %5.1f%%  %s%n", s.paper(), s.table(), s.cells(),
                    s.calibrations(), s.predictions(), 100 * s.median(), (s.meetsGoal() ? "goal met" : "GOAL MISSED")
                            + (s.withinBudget() ? "" : "; calibrations are a third of the cells or more, so the median rests on few predictions"));
        }
        SimulatedCells.write(out.resolve(SimulatedCells.FILE), SimulatedPapers.simulatedCells(all));
        System.out.println("wrote " + out.resolve(SimulatedCells.FILE));
        return 0;
    }

    /**
     * Each system's calls under a fault setting: 100 null calls and 20 of 16384 bytes at each level (Amoeba, Sprite) or
     * transfer (V's segment in the reply, and moved from the client); every call must complete, and the server must run
     * each exactly once (Sprite's pseudo-device calls are one RPC each at these sizes). The counts go to faults.csv too.
     * Then Sprite's file system across crashes, and rmem's READ, WRITE and CAS rounds ({@link RmemRounds}).
     */
    private int underFaults(String setting) {
        Faults parsed;
        try {
            parsed = Faults.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<FaultRun> runs = new ArrayList<>();
        for (Rpc.Level level : Rpc.Level.values()) {
            runs.add(rpcUnderFaults("Amoeba", new AmoebaSimulated(AmoebaProvider.SIMULATED, AmoebaSimulated.parameters(), parsed), level));
        }
        for (Rpc.Level level : Rpc.Level.values()) {
            runs.add(rpcUnderFaults("Sprite", new SpriteSimulated(SpriteProvider.SIMULATED, SpriteSimulated.parameters(), parsed), level));
        }
        for (Ipc.Transfer transfer : List.of(Ipc.Transfer.REPLY_SEGMENT, Ipc.Transfer.MOVE_FROM)) {
            try {
                runs.add(ipcUnderFaults(new VPlatform("sun3-75-v-sim", VParameters.on("Sun3", List.of()), parsed), transfer));
            } catch (ServerUnreachable e) { // the setting lost every try of one call, as Amoeba's and Sprite's give up above
                throw new UserError("V under " + parsed + ": " + e.getMessage() + "; give fewer faults (a lower drop)");
            }
        }
        for (FaultRun r : runs) {
            System.out.printf(Locale.ROOT, "%-6s %-13s calls %3d  server executions %3d  retransmissions %4d  dropped %4d  duplicated %3d  mean %.2f ms (virtual)%n",
                    r.system(), r.call(), r.calls(), r.executions(), r.retransmissions(), r.dropped(), r.duplicated(), r.meanMillis());
        }
        Path file = out.resolve("faults.csv");
        AtomicFiles.write(file, w -> {
            w.write("faults,system,call,calls,server_executions,retransmissions,dropped,duplicated,mean_ms_virtual\n");
            for (FaultRun r : runs) {
                w.write(String.format(Locale.ROOT, "\"%s\",%s,%s,%d,%d,%d,%d,%d,%.4f%n", parsed, r.system(), r.call(), r.calls(), r.executions(),
                        r.retransmissions(), r.dropped(), r.duplicated(), r.meanMillis()));
            }
        });
        for (FaultPromises.Row promise : CrashPromises.measure(parsed)) {
            System.out.println("file system: " + promise.promise() + "; " + promise.summary());
        }
        RmemRounds.Outcome rmem = RmemRounds.simulate(RmemSimulated.parameters(), parsed, 3, 40);
        System.out.printf(Locale.ROOT, "rmem, 3 machines x 40 rounds of a CAS increment, a 3-cell WRITE and its READ: %d of %d rounds, counter %d for %d increments, "
                + "%d answered twice, %d wrong, %d retransmissions, %d repeats answered from kept replies%n", rmem.finished(), rmem.rounds(), rmem.counter(),
                rmem.increments(), rmem.answeredTwice(), rmem.wrong().size(), rmem.retransmissions(), rmem.repeats());
        System.out.println("wrote " + file);
        return 0;
    }

    /** One system's calls of one kind under faults: what was asked, what the server ran, what the network did. */
    private record FaultRun(String system, String call, int calls, long executions, long retransmissions, long dropped, long duplicated, double meanMillis) {
    }

    /** The null and 16384-byte sizes one fault run sends: {@code (bytes, count)}. */
    private static final int[][] FAULT_CALLS = {{0, 100}, {16384, 20}};

    private static FaultRun rpcUnderFaults(String system, SimulatedPair<?> p, Rpc.Level level) {
        try (p; Rpc.Client client = p.connect(level)) {
            long start = p.clock().nanos();
            int calls = 0;
            for (int[] size : FAULT_CALLS) {
                for (int i = 0; i < size[1]; i++) {
                    client.call(size[0], 0);
                    calls++;
                }
            }
            long[] faulted = p.faultsSoFar();
            return new FaultRun(system, level.name(), calls, p.serverExecutions(), client.retransmissions(), faulted[0], faulted[1],
                    (p.clock().nanos() - start) / 1e6 / calls);
        }
    }

    private static FaultRun ipcUnderFaults(VPlatform p, Ipc.Transfer transfer) {
        try (p) {
            Ipc.Server server = p.server(Ipc.Where.REMOTE);
            long start = p.clock().nanos();
            int calls = 0;
            for (int[] size : FAULT_CALLS) {
                for (int i = 0; i < size[1]; i++) {
                    p.send(server, transfer, size[0]);
                    calls++;
                }
            }
            long[] faulted = {p.simulation().cluster().dropped(), p.simulation().cluster().duplicated()};
            return new FaultRun("V", transfer.name(), calls, p.executions(server), p.retransmissions(), faulted[0], faulted[1],
                    (p.clock().nanos() - start) / 1e6 / calls);
        }
    }
}
