package org.asfast.rmem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.systems.SystemParameters;

/**
 * The cells of Thekkath et al.'s Tables 2 and 3 and of their text that the simulated DECstations fill, each computed
 * by running the paper's operation between two simulated machines (never by reading the paper), named as in
 * results/baselines: paper | table | machine | os | config | column.
 */
public final class RmemCells {
    public static final String PAPER = "thekkath1994";
    /** The text's column for the server load of DX relative to Hybrid-1. */
    public static final String LOAD_RATIO = "server load of pure data transfer relative to control and data transfer";
    static final String DS5000 = "DECstation 5000/200";
    static final String RMEM = "Ultrix + remote memory";
    private static final int BLOCK = 4096;
    private static final int BLOCKS = 32;

    /** One simulated cell. */
    public record Cell(String table, String machine, String os, String config, String column, String unit, double value) {
        public String key() {
            return PAPER + " | " + table + " | " + machine + " | " + os + " | " + config + " | " + column;
        }
    }

    private record Definition(String table, String os, String config, String column, String unit, ToDoubleFunction<Pair> run) {
    }

    /** Cells the paper computes from other cells (§4.3's 68 us is Table 3's uncached minus cached): shown, not counted. */
    private static final Set<String> DERIVED = Set.of(PAPER + " | text | " + DS5000 + " |  |  | lookup: uncached minus cached");

    private RmemCells() {
    }

    private static List<Definition> definitions() {
        List<Definition> d = new ArrayList<>();
        d.add(new Definition("2", RMEM, "Latency", "Read", "us", p -> p.readMicros()));
        d.add(new Definition("2", RMEM, "Latency", "Write", "us", p -> p.writeMicros(false)));
        d.add(new Definition("2", RMEM, "Latency", "CAS", "us", p -> p.casMicros()));
        d.add(new Definition("2", RMEM, "Throughput", "all operations", "Mb/s", p -> p.blockWriteMbps()));
        d.add(new Definition("2", RMEM, "Notification Overhead", "all operations", "us", p -> p.writeMicros(true) - p.writeMicros(false)));
        d.add(new Definition("3", "name server", "Export (ADDNAME)", "Cached", "us", p -> p.exportMicros()));
        d.add(new Definition("3", "name server", "Import (LOOKUP)", "Cached", "us", p -> p.lookupMicros(false)));
        d.add(new Definition("3", "name server", "Import (LOOKUP)", "Uncached", "us", p -> p.lookupMicros(true)));
        d.add(new Definition("3", "name server", "Revoke (DELETENAME)", "Cached", "us", p -> p.revokeMicros()));
        d.add(new Definition("3", "name server", "LOOKUP with notification", "Cached", "us", p -> p.lookupByControlTransferMicros()));
        d.add(new Definition("text", "", "", "lookup: uncached minus cached", "us", p -> p.lookupMicros(true) - p.lookupMicros(false)));
        d.add(new Definition("text", "", "", "processor-local write of 40 bytes, times faster than remote", "ratio", p -> p.writeMicros(false) / p.localWriteMicros()));
        d.add(new Definition("text", "", "", "achieved fraction of the raw controller throughput", "%", p -> 100 * p.blockWriteMbps() / p.rawControllerMbps()));
        d.add(new Definition("text", "", "", "hash collisions from which a lookup is better done by control transfer", "collisions",
                p -> Math.floor((p.lookupByControlTransferMicros() - p.lookupMicros(false)) / p.readMicros())));
        d.add(new Definition("text", "", "", LOAD_RATIO, "%",
                p -> 100 * FileService.loadRatio(p.parameters)));
        return d;
    }

    /** Every cell with the shipped parameters. */
    public static List<Cell> all() {
        return all(RmemSimulated.parameters());
    }

    public static List<Cell> all(SystemParameters parameters) {
        List<Cell> cells = new ArrayList<>();
        for (Definition d : definitions()) {
            cells.add(new Cell(d.table(), DS5000, d.os(), d.config(), d.column(), d.unit(), d.run().applyAsDouble(new Pair(parameters))));
        }
        return cells;
    }

    /** The cell named {@code key} with these parameters (for calibration). */
    public static double one(String key, SystemParameters parameters) {
        for (Definition d : definitions()) {
            Cell c = new Cell(d.table(), DS5000, d.os(), d.config(), d.column(), d.unit(), 0);
            if (c.key().equals(key)) {
                return d.run().applyAsDouble(new Pair(parameters));
            }
        }
        throw new IllegalArgumentException("rmem computes no cell " + key);
    }

    /** The paper computes it from its other cells: shown, not counted. */
    static boolean derived(Cell cell) {
        return DERIVED.contains(cell.key());
    }

    /** Two DECstations, as in §3.1.2 and §4.3: the operation's initiator (0) and its target (1), fresh for each measurement. */
    private static final class Pair {
        final SystemParameters parameters;

        Pair(SystemParameters parameters) {
            this.parameters = parameters;
        }

        private static final class Probe extends RmemKernel {
            int segment;
            long notifiedAt = -1;

            @Override
            protected void started() {
                segment = allocate(BLOCK * BLOCKS);
                export(segment);
                onNotify(segment, (from, s, offset) -> {
                    context().work(Work.PROCEDURE, 0);
                    notifiedAt = context().nanos();
                });
            }
        }

        private record Machines(RmemSimulated sim, Probe initiator, Probe target, Descriptor remote) {
        }

        private Machines boot() {
            RmemSimulated sim = new RmemSimulated(parameters, Faults.NONE);
            Probe initiator = new Probe();
            Probe target = new Probe();
            sim.add(initiator);
            sim.add(target);
            sim.boot();
            return new Machines(sim, initiator, target, target.descriptor(target.segment));
        }

        /** Issue to arrival in the remote memory (or, with notification, to the notified handler's start). */
        double writeMicros(boolean notify) {
            Machines m = boot();
            long[] issued = {0};
            m.sim.run(0, k -> {
                issued[0] = k.context().nanos();
                k.write(m.remote, 0, new byte[AtmCell.DATA_BYTES], notify, false, Work.DATA_TRANSFER, (r, e) -> check(e));
            }, () -> notify ? m.target.notifiedAt >= 0 : m.target.depositedAt(m.target.segment) >= 0, "remote write");
            m.sim.settle();
            return ((notify ? m.target.notifiedAt : m.target.depositedAt(m.target.segment)) - issued[0]) / 1e3;
        }

        double readMicros() {
            return timed((k, m, done) -> k.read(m.remote, 0, AtmCell.DATA_BYTES, k.segment, 0, false, done));
        }

        double casMicros() {
            return timed((k, m, done) -> k.cas(m.remote, 0, 0, 1, done));
        }

        /** Block writes of 4 Kbytes back to back, the bits that arrived over the time to the last one's arrival. */
        double blockWriteMbps() {
            Machines m = boot();
            long[] issued = {0};
            m.sim.invoke(0, k -> {
                issued[0] = k.context().nanos();
                for (int b = 0; b < BLOCKS; b++) {
                    k.write(m.remote, b * BLOCK, new byte[BLOCK], false, false, Work.DATA_TRANSFER, (r, e) -> check(e));
                }
            });
            m.sim.settle();
            return BLOCKS * BLOCK * 8.0 / ((m.target.depositedAt(m.target.segment) - issued[0]) / 1e3);
        }

        /** What the FIFOs alone could move: the same cells by programmed I/O with no per-cell software, or the fibre's rate if lower. */
        double rawControllerMbps() {
            double cellSeconds = (AtmCell.HEADER_BYTES + AtmCell.DATA_BYTES) / 4 * parameters.number("fifo_word_ns") * 1e-9;
            double fibre = parameters.number("atm_mbps") * AtmCell.DATA_BYTES / (AtmCell.HEADER_BYTES + AtmCell.DATA_BYTES + parameters.number("atm_hec_bytes"));
            return Math.min(AtmCell.DATA_BYTES * 8 / cellSeconds / 1e6, fibre);
        }

        /**
         * A processor-local write of 40 bytes: ten stores from registers, only the stores of a copy, so at twice its rate
         * (the model's cached copy on a write-through machine). The DS5000/200's documented write path is no slower:
         * its R3000 writes through into an R3220 write buffer (Linux's arch/mips/dec/wbflush.c), six entries deep in
         * LSI's LR3220, and Ousterhout's Table 5 cached bcopy on it is faster than the model's. Nothing here is fitted
         * to the §3.1 ratio.
         */
        double localWriteMicros() {
            return RmemKernel.halfCopySeconds(AtmCell.DATA_BYTES, parameters.number("memory_mbs")) * 1e6;
        }

        double exportMicros() {
            Machines m = boot();
            return timedOn(m, 1, (k, done) -> k.clerk().export("table3", k.allocate(BLOCK), done));
        }

        double revokeMicros() {
            Machines m = boot();
            timedOn(m, 1, (k, done) -> k.clerk().export("table3", k.allocate(BLOCK), done));
            return timedOn(m, 1, (k, done) -> k.clerk().revoke("table3", done));
        }

        /** An import from the importer's cache (after a first import), or forced to read the exporter's registry. */
        double lookupMicros(boolean uncached) {
            Machines m = boot();
            timedOn(m, 1, (k, done) -> k.clerk().export("table3", k.allocate(BLOCK), done));
            timedOn(m, 0, (k, done) -> k.clerk().lookup("table3", 1, true, done));
            return timedOn(m, 0, (k, done) -> k.clerk().lookup("table3", 1, uncached, done));
        }

        double lookupByControlTransferMicros() {
            Machines m = boot();
            timedOn(m, 1, (k, done) -> k.clerk().export("table3", k.allocate(BLOCK), done));
            return timedOn(m, 0, (k, done) -> k.clerk().lookupByControlTransfer("table3", 1, done));
        }

        private interface Operation {
            void start(Probe initiator, Machines m, RmemKernel.Completion done);
        }

        private interface OnMachine {
            void start(Probe kernel, RmemKernel.Completion done);
        }

        private double timed(Operation op) {
            Machines m = boot();
            return timedOn(m, 0, (k, done) -> op.start(k, m, done));
        }

        /** Microseconds from the call's start on the machine to its completion there. */
        private double timedOn(Machines m, int machine, OnMachine op) {
            long[] times = {0, -1};
            Probe k = machine == 0 ? m.initiator : m.target;
            m.sim.run(machine, kernel -> {
                times[0] = k.context().nanos();
                op.start(k, (r, e) -> {
                    check(e);
                    times[1] = k.context().nanos();
                });
            }, () -> times[1] >= 0, "rmem operation");
            m.sim.settle();
            return (times[1] - times[0]) / 1e3;
        }

        private static void check(String error) {
            if (error != null) {
                throw new IllegalStateException(error);
            }
        }
    }
}
