package org.asfast.v;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.spi.Ipc;
import org.asfast.spi.Uio;
import org.asfast.systems.SimulatedPaper;

/**
 * The cells of Cheriton's Tables I and II and of his text that the simulated V fills, each computed by
 * running the paper's operation on the simulated hosts (never by reading the paper). A cell is named as
 * in results/baselines: paper | table | machine | os | config | column.
 */
public final class VCells {
    /** One simulated cell. */
    public record Cell(String table, String machine, String os, String config, String column, String unit, double value) {
        /** A cell of V itself. */
        public Cell(String table, String machine, String config, String column, String unit, double value) {
            this(table, machine, V, config, column, unit, value);
        }

        public String key() {
            return "cheriton1988 | " + table + " | " + machine + " | " + os + " | " + config + " | " + column;
        }
    }

    /** How a cell is computed: on which machine and system, from a fresh platform. */
    private record Definition(String table, String machine, String os, String config, String column, String unit, ToDoubleFunction<VPlatform> run) {
        Definition(String table, String machine, String config, String column, String unit, ToDoubleFunction<VPlatform> run) {
            this(table, machine, V, config, column, unit, run);
        }
    }

    static final String V = "V";
    /** Cheriton's "UNIX kernel implementation of VMTP" between two MicroVAX IIs. */
    static final String UNIX_VMTP = "UNIX (VMTP)";

    static final String SUN3 = "SUN-3/75";
    static final String MVAX2 = "MicroVAX II";
    private static final Map<String, String> MODEL_MACHINE = Map.of(SUN3, "Sun3", MVAX2, "MVAX2");
    static final int[] TABLE_I_KBYTES = {0, 1, 4, 8, 12, 16};

    private VCells() {
    }

    private static List<Definition> definitions() {
        List<Definition> d = new ArrayList<>();
        for (int kb : TABLE_I_KBYTES) {
            String row = kb + " Kbytes";
            d.add(new Definition("I", SUN3, row, "Time", "ms", p -> transaction(p, Ipc.Where.REMOTE, kb * 1024)));
            // The rate counts the segment, or the 32-byte response when there is none (the paper's first row).
            int bits = (kb == 0 ? 32 : kb * 1024) * 8;
            d.add(new Definition("I", SUN3, row, "Data Rate", "Mbit/s", p -> bits / (transaction(p, Ipc.Where.REMOTE, kb * 1024) * 1e3)));
        }
        for (Uio.Where where : List.of(Uio.Where.LOCAL_SERVER, Uio.Where.REMOTE_SERVER)) {
            String config = where == Uio.Where.LOCAL_SERVER ? "Local" : "Remote";
            Ipc.Where ipc = where == Uio.Where.LOCAL_SERVER ? Ipc.Where.LOCAL : Ipc.Where.REMOTE;
            d.add(new Definition("II", MVAX2, config, "getbyte", "ms", p -> getbytes(p, where, false)));
            d.add(new Definition("II", MVAX2, config, "Disk (bytes)", "ms", p -> getbytes(p, where, true)));
            d.add(new Definition("II", MVAX2, config, "Disk (blocks)", "ms", p -> blockRead(p, where)));
            d.add(new Definition("II", MVAX2, config, "IPC", "ms", p -> transaction(p, ipc, 1024)));
        }
        d.add(new Definition("text", SUN3, "local", "32-byte request-response to a local server process", "ms", p -> transaction(p, Ipc.Where.LOCAL, 0)));
        d.add(new Definition("text", SUN3, "local", "request with an 8 Kbyte response", "ms", p -> transaction(p, Ipc.Where.LOCAL, 8192)));
        d.add(new Definition("text", SUN3, "remote", "request with an 8 Kbyte response", "ms", p -> transaction(p, Ipc.Where.REMOTE, 8192)));
        d.add(new Definition("text", SUN3, "", "difference between local and remote 8 Kbyte access", "ms",
                p -> transaction(p, Ipc.Where.REMOTE, 8192) - transaction(p, Ipc.Where.LOCAL, 8192)));
        d.add(new Definition("text", SUN3, "", "transmission of a datagram request (upper bound)", "ms", VCells::datagramTransmission));
        d.add(new Definition("text", MVAX2, "local", "1 Kbyte read from the local page frame cache", "ms", p -> blockRead(p, Uio.Where.PAGE_CACHE)));
        d.add(new Definition("text", MVAX2, "remote", "1 Kbyte read from the backing file server", "ms", p -> blockRead(p, Uio.Where.PAGE_CACHE_MISS)));
        d.add(new Definition("text", MVAX2, "", "getbyte rate", "KB/s", p -> 1000 / getbytes(p, Uio.Where.LOCAL_SERVER, false)));
        d.add(new Definition("text", MVAX2, "", "getbyte time per byte", "us", p -> getbytes(p, Uio.Where.LOCAL_SERVER, false) * 1000 / 1024));
        d.add(new Definition("text", MVAX2, "remote", "UIO overhead, byte-stream reads", "%", p -> {
            double bytes = getbytes(p, Uio.Where.REMOTE_SERVER, true) - getbytes(p, Uio.Where.REMOTE_SERVER, false);
            return (bytes - transaction(p, Ipc.Where.REMOTE, 1024)) / bytes * 100;
        }));
        d.add(new Definition("text", MVAX2, "remote", "UIO overhead, block reads", "%", p -> {
            double blocks = blockRead(p, Uio.Where.REMOTE_SERVER);
            return (blocks - transaction(p, Ipc.Where.REMOTE, 1024)) / blocks * 100;
        }));
        d.add(new Definition("text", "", "", "pipe server penalty over a kernel pipe (1 Kbyte blocks, upper bound)", "%", VCells::pipePenalty));
        d.add(new Definition("text", MVAX2, "", "process create and destroy", "ms", VPlatform::createAndDestroyProcess));
        d.add(new Definition("text", MVAX2, UNIX_VMTP, "", "VMTP return trip", "ms", p -> transaction(p, Ipc.Where.REMOTE, 0)));
        // As Table I's rate: the segment's bits over the transaction's time, for the largest segment VMTP carries.
        d.add(new Definition("text", MVAX2, UNIX_VMTP, "", "VMTP data rate", "Mbit/s", p -> {
            int bytes = (int) p.simulation().parameters().number("segment_max_bytes");
            return bytes * 8 / (transaction(p, Ipc.Where.REMOTE, bytes) * 1e3);
        }));
        return d;
    }

    /** Every simulated cell with the shipped parameters. */
    public static List<Cell> all() {
        return all(List.of());
    }

    /** Every simulated cell with {@code changes} applied to V's parameters. */
    public static List<Cell> all(List<Parameter> changes) {
        List<Cell> cells = new ArrayList<>();
        for (Definition d : definitions()) {
            cells.add(compute(d, changes));
        }
        return cells;
    }

    /** One cell by its key, with {@code changes}; null if V does not simulate it. */
    public static Cell one(String key, List<Parameter> changes) {
        for (Definition d : definitions()) {
            if (key(d).equals(key)) {
                return compute(d, changes);
            }
        }
        return null;
    }

    /** The keys of every cell V simulates. */
    public static List<String> keys() {
        return definitions().stream().map(VCells::key).toList();
    }

    private static String key(Definition d) {
        return new Cell(d.table, d.machine, d.os, d.config, d.column, d.unit, 0).key();
    }

    private static Cell compute(Definition d, List<Parameter> changes) {
        // The pipe cell names no machine; it runs on the SUN-3/75 of Table I.
        String machine = MODEL_MACHINE.getOrDefault(d.machine, "Sun3");
        VParameters parameters = d.os.equals(UNIX_VMTP) ? VParameters.onUnix(machine, changes) : VParameters.on(machine, changes);
        VPlatform platform = new VPlatform("cells", parameters, Faults.NONE);
        return new Cell(d.table, d.machine, d.os, d.config, d.column, d.unit, d.run.applyAsDouble(platform));
    }

    /** Milliseconds of one Send-Receive-Reply whose reply carries {@code bytes}, after one untimed warm-up. */
    static double transaction(VPlatform p, Ipc.Where where, int bytes) {
        Ipc.Server server = p.server(where);
        p.send(server, Ipc.Transfer.REPLY_SEGMENT, bytes);
        double start = p.clock().nanos();
        p.send(server, Ipc.Transfer.REPLY_SEGMENT, bytes);
        return (p.clock().nanos() - start) / 1e6;
    }

    /** Milliseconds from a Send of a bare 32-byte request to a remote server until its frame has left the wire. */
    static double datagramTransmission(VPlatform p) {
        Ipc.Server server = p.server(Ipc.Where.REMOTE);
        p.send(server, Ipc.Transfer.REPLY_SEGMENT, 0);
        double start = p.clock().nanos();
        p.send(server, Ipc.Transfer.REPLY_SEGMENT, 0);
        return (p.simulation().clientKernel().lastFrameOffWire() - start) / 1e6;
    }

    /** Milliseconds per kilobyte read with 1024 getbyte calls: with the block already buffered, or including its read. */
    static double getbytes(VPlatform p, Uio.Where where, boolean includingRead) {
        Uio.File file = p.open(where, 4 * 1024);
        p.readBlock(file, 0);
        for (int i = 0; i < 1024; i++) {
            p.getbyte(file); // the stream's buffer is empty again after block 0
        }
        double start = p.clock().nanos();
        if (!includingRead) {
            p.readBlock(file, 1);
            start = p.clock().nanos();
        }
        for (int i = 0; i < 1024; i++) {
            p.getbyte(file);
        }
        return (p.clock().nanos() - start) / 1e6;
    }

    /** Milliseconds of one 1 KB UIO block read, after one untimed read of another block. */
    static double blockRead(VPlatform p, Uio.Where where) {
        Uio.File file = p.open(where, 4 * 1024);
        p.readBlock(file, 0);
        double start = p.clock().nanos();
        p.readBlock(file, 1);
        return (p.clock().nanos() - start) / 1e6;
    }

    /** Percent by which a 1 KB write and read through the pipe server process exceed the same through a kernel-resident pipe. */
    static double pipePenalty(VPlatform p) {
        return (p.pipeRoundMillis(false) - p.pipeRoundMillis(true)) / p.pipeRoundMillis(true) * 100;
    }

    /** The remote getbyte column repeats the local one by construction: getbyte never leaves the client. */
    private static final Map<String, String> SAME_MEASUREMENT = Map.of(
            new Cell("II", MVAX2, "Remote", "getbyte", "", 0).key(), new Cell("II", MVAX2, "Local", "getbyte", "", 0).key());

    /**
     * Cells the paper derives from its other cells (Table I's data rates from its times; the text's 15.1 ms
     * difference, getbyte rate and UIO overheads from the 8 KB times and Table II): shown, but, as in the
     * model's fidelity, not counted, for they would count the same error twice.
     */
    private static final java.util.Set<String> DERIVED = derived();

    private static java.util.Set<String> derived() {
        java.util.Set<String> d = new java.util.HashSet<>();
        for (int kb : TABLE_I_KBYTES) {
            d.add(new Cell("I", SUN3, kb + " Kbytes", "Data Rate", "", 0).key());
        }
        d.add(new Cell("text", SUN3, "", "difference between local and remote 8 Kbyte access", "", 0).key());
        d.add(new Cell("text", MVAX2, "", "getbyte rate", "", 0).key());
        d.add(new Cell("text", MVAX2, "", "getbyte time per byte", "", 0).key());
        d.add(new Cell("text", MVAX2, "remote", "UIO overhead, byte-stream reads", "", 0).key());
        d.add(new Cell("text", MVAX2, "remote", "UIO overhead, block reads", "", 0).key());
        return java.util.Set.copyOf(d);
    }

    /** The key of the cell whose measurement {@code cell} repeats, or null. */
    static String sameMeasurement(Cell cell) {
        return SAME_MEASUREMENT.get(cell.key());
    }

    static boolean derived(Cell cell) {
        return DERIVED.contains(cell.key());
    }

    private static Map<String, String> tags;

    /**
     * How a cell stands, as {@link VPaper} tags it with the shipped parameters: {@code derived} if the paper computes
     * it from other cells; {@code calibration} if a parameter was solved from it or from the cell it repeats;
     * {@code out-of-sample} if no parameter solved on any of Cheriton's cells moves it (only the hardware fitted on
     * Ousterhout's tables and V's documented and assumed costs predict it); else {@code prediction}. Table II's
     * MicroVAX II IPC cells move with the kernel operation and packet work solved on SUN-3/75 cells: predictions.
     */
    public static synchronized String tag(Cell cell) {
        if (tags == null) {
            tags = new java.util.HashMap<>();
            new VPaper().tagged().forEach(t -> tags.put(t.cell().key(), t.tag().equals(SimulatedPaper.OUT_OF_SAMPLE) ? "out-of-sample" : t.tag()));
        }
        return tags.get(cell.key());
    }

    /** Cell key to value, for printing. */
    public static Map<String, Double> values(List<Cell> cells) {
        Map<String, Double> m = new LinkedHashMap<>();
        cells.forEach(c -> m.put(c.key(), c.value()));
        return m;
    }
}
