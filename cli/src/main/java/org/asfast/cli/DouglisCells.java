package org.asfast.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.workloads.Getpid;
import org.asfast.workloads.douglis.ContextSwitch;
import org.asfast.workloads.douglis.KernelBandwidth;
import org.asfast.workloads.douglis.RpcLatency;
import org.asfast.workloads.douglis.ThreadCreation;

/**
 * Douglis et al.'s Tables 1a, 1b, 2 (Amoeba's, from {@link AmoebaFileCells}), 3 and 4 and the §3 text figures (the process cells from {@link ProcessCells}), from the
 * workloads run on the simulated Amoeba and Sprite (virtual time, deterministic), keyed as results/baselines keys
 * the paper's cells. Run directly, without JMH, as the model's cells are.
 */
public final class DouglisCells implements SimulatedPaper {
    static final String PAPER = "douglis1991";
    static final String MACHINE = "Sun 3/60";
    private static final int[] SIZES = {0, 16384, 30000};
    private static final int WARM = 2;
    private static final int MEASURED = 5;

    @Override
    public String paper() {
        return PAPER;
    }

    /** Amoeba's and Sprite's parameters (the machine's and the Lance's once). */
    @Override
    public List<Parameter> parameters() {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (SystemParameters system : List.of(SpriteSimulated.parameters(), AmoebaSimulated.parameters())) {
            system.all().forEach(p -> byName.putIfAbsent(p.name(), p));
        }
        return List.copyOf(byName.values());
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        return simulate(changed(AmoebaSimulated.parameters(), changes), changed(SpriteSimulated.parameters(), changes));
    }

    /** The parameters with each change its file has applied. */
    static SystemParameters changed(SystemParameters parameters, List<Parameter> changes) {
        for (Parameter change : changes) {
            if (parameters.all().stream().anyMatch(p -> p.name().equals(change.name()))) {
                parameters = parameters.with(change.name(), change.number());
            }
        }
        return parameters;
    }

    /** Every cell, with the given parameters for each system. */
    static List<Cell> simulate(SystemParameters amoeba, SystemParameters sprite) {
        List<Cell> cells = new ArrayList<>();
        system(cells, "Amoeba", "sun3-60-amoeba-sim", () -> new AmoebaSimulated("sun3-60-amoeba-sim", amoeba, Faults.NONE));
        system(cells, "Sprite", "sun3-60-sprite-sim", () -> new SpriteSimulated("sun3-60-sprite-sim", sprite, Faults.NONE));
        cells.addAll(ProcessCells.simulate(amoeba, sprite));
        cells.addAll(AmoebaFileCells.simulate(amoeba));
        return cells;
    }

    /** A cell of a table (the system in its column) or of the text (the system as its row's os). */
    static Cell cell(String platform, String table, String os, String config, String column, String unit, double value, Cell sameAs) {
        return new Cell(PAPER, table, MACHINE, os, config, column, unit, value, platform, sameAs == null ? null : sameAs.key(), false);
    }

    private static void system(List<Cell> cells, String os, String platform, Supplier<Platform> open) {
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
                        cells.add(cell(platform, table, "", bytes + " bytes", os, "ms", ms, null));
                    }
                }
            }
        }
        cells.add(cell(platform, "3", "", "Context switch", os, "ms", millis.apply(p -> new ContextSwitch(p).roundTrip()), null));
        cells.add(cell(platform, "3", "", "Thread creation", os, "ms", millis.apply(p -> new ThreadCreation(p).createAndJoin()), null));
        Cell kernelNull = find(cells, "1a", "0 bytes", os);
        cells.add(cell(platform, "text", os, "", "null RPC between kernels", "ms", kernelNull.value(), kernelNull));
        try (Platform p = open.get(); KernelBandwidth w = new KernelBandwidth(p)) {
            double seconds = perCall(p, x -> w.call()) / 1e9;
            Cell largest = find(cells, "1a", w.bytes() + " bytes", os);
            cells.add(cell(platform, "text", os, "", "maximum kernel-to-kernel bandwidth", "KB/s", w.bytes() / 1024.0 / seconds, largest));
        }
        if (os.equals("Sprite")) {
            try (Platform p = open.get()) {
                Getpid getpid = new Getpid(p);
                cells.add(cell(platform, "text", os, "", "minimum kernel call", "us", perCall(p, x -> getpid.call()) / 1e3, null));
            }
        } else {
            Cell local = find(cells, "3", "Context switch", os);
            cells.add(cell(platform, "text", os, "", "RPC between two processes on one processor", "us", local.value() * 1e3, local));
            Cell user = find(cells, "1b", "0 bytes", os);
            cells.add(cell(platform, "text", os, "", "RPC over the Ethernet", "us", user.value() * 1e3, user));
        }
    }

    private static Cell find(List<Cell> cells, String table, String config, String column) {
        return cells.stream().filter(c -> c.table().equals(table) && c.config().equals(config) && c.column().equals(column)).findFirst().orElse(null);
    }

    /** Virtual nanoseconds per operation, after a few to warm the protocol's state (bindings, channels). */
    static double perCall(Platform platform, Consumer<Platform> operation) {
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
