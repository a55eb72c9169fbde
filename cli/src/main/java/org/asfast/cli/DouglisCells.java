package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.systems.SystemParameters;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.workloads.Getpid;
import org.asfast.workloads.douglis.ContextSwitch;
import org.asfast.workloads.douglis.KernelBandwidth;
import org.asfast.workloads.douglis.RpcLatency;
import org.asfast.workloads.douglis.ThreadCreation;

/**
 * Douglis et al.'s Tables 1a, 1b and 3 (context switch and thread creation) and the §3 text figures, from the
 * workloads run on the simulated Amoeba and Sprite (virtual time, deterministic), keyed as results/baselines keys
 * the paper's cells. Run directly, without JMH, as the model's cells are.
 */
public final class DouglisCells {
    static final String PAPER = "douglis1991";
    static final String MACHINE = "Sun 3/60";
    private static final int[] SIZES = {0, 16384, 30000};
    private static final int WARM = 2;
    private static final int MEASURED = 5;

    /**
     * One simulated cell.
     *
     * @param table    the paper's table id: 1a, 1b, 3 or text
     * @param os       the row's system (text cells) or empty
     * @param config   the row (0 bytes, Context switch, ...) or empty (text cells)
     * @param column   the column: Amoeba or Sprite, or the text figure's name
     * @param source   the cell whose measurement this one is (itself, or the table cell a text figure repeats)
     */
    public record Cell(String platform, String table, String os, String config, String column, String unit, double value, String source) {
        public String key() {
            return String.join(" | ", PAPER, table, MACHINE, os, config, column);
        }
    }

    private DouglisCells() {
    }

    /** Every cell with the shipped parameters. */
    public static List<Cell> simulate() {
        return simulate(AmoebaSimulated.parameters(), SpriteSimulated.parameters());
    }

    /** Every cell, with the given parameters for each system. */
    public static List<Cell> simulate(SystemParameters amoeba, SystemParameters sprite) {
        List<Cell> cells = new ArrayList<>();
        system(cells, "Amoeba", "sun3-60-amoeba-sim", () -> new AmoebaSimulated("sun3-60-amoeba-sim", amoeba, Faults.NONE));
        system(cells, "Sprite", "sun3-60-sprite-sim", () -> new SpriteSimulated("sun3-60-sprite-sim", sprite, Faults.NONE));
        return cells;
    }

    private static void system(List<Cell> cells, String os, String platform, java.util.function.Supplier<Platform> open) {
        Function<Consumer<Platform>, Double> millis = run -> {
            try (Platform p = open.get()) {
                return perCall(p, run) / 1e6;
            }
        };
        for (String table : List.of("1a", "1b")) {
            Rpc.Level level = table.equals("1a") ? Rpc.Level.KERNEL : Rpc.Level.USER;
            for (int bytes : SIZES) {
                try (Platform p = open.get()) {
                    try (Rpc.Client probe = p.require(Rpc.class).connect(level)) {
                        if (bytes > probe.maxBytes()) {
                            continue; // one call cannot carry it: the paper leaves the cell empty too
                        }
                    }
                    try (RpcLatency w = new RpcLatency(p, level, bytes)) {
                        double ms = perCall(p, x -> w.call()) / 1e6;
                        cells.add(new Cell(platform, table, "", bytes + " bytes", os, "ms", ms, null));
                    }
                }
            }
        }
        cells.add(new Cell(platform, "3", "", "Context switch", os, "ms", millis.apply(p -> new ContextSwitch(p).roundTrip()), null));
        cells.add(new Cell(platform, "3", "", "Thread creation", os, "ms", millis.apply(p -> new ThreadCreation(p).createAndJoin()), null));
        Cell kernelNull = find(cells, "1a", "0 bytes", os);
        cells.add(new Cell(platform, "text", os, "", "null RPC between kernels", "ms", kernelNull.value(), kernelNull.key()));
        try (Platform p = open.get(); KernelBandwidth w = new KernelBandwidth(p)) {
            double seconds = perCall(p, x -> w.call()) / 1e9;
            Cell largest = find(cells, "1a", w.bytes() + " bytes", os);
            cells.add(new Cell(platform, "text", os, "", "maximum kernel-to-kernel bandwidth", "KB/s", w.bytes() / 1024.0 / seconds, largest == null ? null : largest.key()));
        }
        if (os.equals("Sprite")) {
            try (Platform p = open.get()) {
                Getpid getpid = new Getpid(p);
                cells.add(new Cell(platform, "text", os, "", "minimum kernel call", "us", perCall(p, x -> getpid.call()) / 1e3, null));
            }
        } else {
            Cell local = find(cells, "3", "Context switch", os);
            cells.add(new Cell(platform, "text", os, "", "RPC between two processes on one processor", "us", local.value() * 1e3, local.key()));
            Cell user = find(cells, "1b", "0 bytes", os);
            cells.add(new Cell(platform, "text", os, "", "RPC over the Ethernet", "us", user.value() * 1e3, user.key()));
        }
    }

    private static Cell find(List<Cell> cells, String table, String config, String column) {
        return cells.stream().filter(c -> c.table().equals(table) && c.config().equals(config) && c.column().equals(column)).findFirst().orElse(null);
    }

    /** Virtual nanoseconds per operation, after a few to warm the protocol's state (bindings, channels). */
    private static double perCall(Platform platform, Consumer<Platform> operation) {
        for (int i = 0; i < WARM; i++) {
            operation.accept(platform);
        }
        long start = platform.clock().nanos();
        for (int i = 0; i < MEASURED; i++) {
            operation.accept(platform);
        }
        return (platform.clock().nanos() - start) / (double) MEASURED;
    }
}
