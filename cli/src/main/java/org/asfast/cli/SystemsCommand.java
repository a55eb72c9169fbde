package org.asfast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.asfast.report.RowLabel;
import org.asfast.report.SimulatedCells;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.spi.UserError;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SystemParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asfast systems}: the simulated distributed systems' cells beside the papers' (Douglis et al.'s Amoeba and
 * Sprite on the Sun 3/60; Cheriton's V on the SUN-3/75 and MicroVAX II), tagged calibration or prediction, with the fidelity per table; or, with
 * {@code --calibrate}, the calibrated parameters solved again.
 */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = "Runs the simulated Amoeba, Sprite and V on their papers' workloads and compares them with the papers.")
public final class SystemsCommand implements Callable<Integer> {
    static final double GOAL = 0.15;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write simulated.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "systems");

    @Option(names = "--baselines", paramLabel = "DIR", description = "The papers' tables (default: ${DEFAULT-VALUE}).")
    Path baselinesDir = Path.of("results", "baselines");

    @Option(names = "--faults", paramLabel = "SETTING",
            description = "Instead of the cells: run each system's calls under these faults (e.g. drop=0.1,dup=0.05,seed=7) and count executions and retransmissions.")
    String faults;

    @Option(names = "--calibrate", description = "Solve the calibrated parameters again and print them (write them into the parameter files named by each source).")
    boolean calibrate;

    /** A simulated cell beside the paper: its tag is calibration or prediction; out-of-sample predictions use no Douglis calibration. */
    record Compared(DouglisCells.Cell cell, Double paper, boolean calibration, boolean outOfSample) {
        Double error() {
            return paper == null ? null : cell.value() / paper - 1;
        }

        String tag() {
            return calibration ? "calibration" : outOfSample ? "prediction (out-of-sample)" : "prediction";
        }
    }

    /** One table's fidelity. */
    record Summary(String table, int cells, int calibrations, int predictions, double median) {
        boolean meetsGoal() {
            return median <= GOAL;
        }
    }

    @Override
    public Integer call() {
        if (faults != null) {
            return underFaults(faults);
        }
        Baselines baselines = Baselines.load(baselinesDir);
        SystemParameters amoeba = AmoebaSimulated.parameters();
        SystemParameters sprite = SpriteSimulated.parameters();
        if (calibrate) {
            Map<String, Double> solved = calibrate(amoeba, sprite, baselines);
            solved.forEach((name, value) -> System.out.printf(Locale.ROOT, "  %s = %.5g%n", name, value));
            return 0;
        }
        long start = System.nanoTime();
        List<Compared> compared = compare(amoeba, sprite, baselines);
        System.out.printf(Locale.ROOT, "simulated %d cells of Douglis et al. in %.2f s%n", compared.size(), (System.nanoTime() - start) / 1e9);
        for (Compared c : compared) {
            System.out.printf(Locale.ROOT, "  %-5s %-8s %-44s %-6s %10.4g %-5s paper %-8s %-8s %s%n", c.cell().table(), c.cell().os().isEmpty() ? c.cell().column() : c.cell().os(),
                    c.cell().config().isEmpty() ? c.cell().column() : c.cell().config(), "", c.cell().value(), c.cell().unit(),
                    c.paper() == null ? "-" : String.format(Locale.ROOT, "%.4g", c.paper()),
                    c.error() == null ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * c.error()), c.tag());
        }
        for (Summary s : summaries(compared)) {
            System.out.printf(Locale.ROOT, "Table %-4s cells %2d  calibration %d  prediction %d  median |error| %5.1f%%  %s%n", s.table(), s.cells(),
                    s.calibrations(), s.predictions(), 100 * s.median(), s.meetsGoal() ? "goal met" : "GOAL MISSED");
        }
        start = System.nanoTime();
        List<CheritonSystems.Compared> cheriton = CheritonSystems.compare(baselines);
        System.out.printf(Locale.ROOT, "simulated %d cells of Cheriton (V) in %.2f s%n", cheriton.size(), (System.nanoTime() - start) / 1e9);
        for (CheritonSystems.Compared c : cheriton) {
            System.out.printf(Locale.ROOT, "  %-4s %-11s %-70s %10.4g %-6s paper %-8s %-8s %s%n", c.cell().table(), c.cell().machine(),
                    (c.cell().config().isEmpty() ? "" : c.cell().config() + " | ") + c.cell().column(), c.cell().value(), c.cell().unit(),
                    c.paper() == null ? "-" : String.format(Locale.ROOT, "%.4g", c.paper()),
                    c.error() == null ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * c.error()), c.tag());
        }
        for (Summary s : CheritonSystems.summaries(cheriton)) {
            System.out.printf(Locale.ROOT, "Cheriton %-4s cells %2d  calibration %d  prediction %d  median |error| %5.1f%%  %s%n", s.table(), s.cells(),
                    s.calibrations(), s.predictions(), 100 * s.median(), s.meetsGoal() ? "goal met" : "GOAL MISSED");
        }
        List<SimulatedCells.Cell> all = new ArrayList<>(simulatedCells(compared));
        all.addAll(CheritonSystems.simulatedCells(cheriton));
        SimulatedCells.write(out.resolve(SimulatedCells.FILE), all);
        System.out.println("wrote " + out.resolve(SimulatedCells.FILE));
        return 0;
    }

    /**
     * Each system's calls under a fault setting: 100 null calls and 20 of 16384 bytes at each level; every call must
     * complete, and the server must run each exactly once (Sprite's pseudo-device calls are one RPC each at these sizes).
     */
    private static int underFaults(String setting) {
        Faults parsed;
        try {
            parsed = Faults.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        for (String system : List.of("Amoeba", "Sprite")) {
            for (Rpc.Level level : Rpc.Level.values()) {
                try (Platform p = system.equals("Amoeba") ? new AmoebaSimulated("sun3-60-amoeba-sim", AmoebaSimulated.parameters(), parsed)
                        : new SpriteSimulated("sun3-60-sprite-sim", SpriteSimulated.parameters(), parsed); Rpc.Client client = p.require(Rpc.class).connect(level)) {
                    long start = p.clock().nanos();
                    int calls = 0;
                    for (int bytes : new int[] {0, 16384}) {
                        for (int i = 0; i < (bytes == 0 ? 100 : 20); i++) {
                            client.call(bytes, 0);
                            calls++;
                        }
                    }
                    long executions = p instanceof AmoebaSimulated a ? a.serverExecutions() : ((SpriteSimulated) p).serverExecutions();
                    long[] faulted = p instanceof AmoebaSimulated a ? a.faultsSoFar() : ((SpriteSimulated) p).faultsSoFar();
                    System.out.printf(Locale.ROOT, "%-6s %-6s calls %3d  server executions %3d  retransmissions %4d  dropped %4d  duplicated %3d  mean %.2f ms (virtual)%n",
                            system, level, calls, executions, client.retransmissions(), faulted[0], faulted[1], (p.clock().nanos() - start) / 1e6 / calls);
                }
            }
        }
        return 0;
    }

    /** Every simulated cell beside the paper's, tagged. */
    static List<Compared> compare(SystemParameters amoeba, SystemParameters sprite, Baselines baselines) {
        Set<String> calibrated = calibrations(amoeba, sprite).keySet().stream().map(name -> cellOf(name, amoeba, sprite)).collect(Collectors.toSet());
        List<DouglisCells.Cell> cells = DouglisCells.simulate(amoeba, sprite);
        // A cell that does not move when every parameter calibrated on this paper moves was predicted from the
        // machine's Ousterhout-fitted figures and assumptions alone: out-of-sample.
        SystemParameters movedAmoeba = amoeba;
        SystemParameters movedSprite = sprite;
        for (String name : calibrations(amoeba, sprite).keySet()) {
            movedAmoeba = has(amoeba, name) ? movedAmoeba.with(name, 1.25 * amoeba.number(name)) : movedAmoeba;
            movedSprite = has(sprite, name) ? movedSprite.with(name, 1.25 * sprite.number(name)) : movedSprite;
        }
        List<DouglisCells.Cell> moved = DouglisCells.simulate(movedAmoeba, movedSprite);
        List<Compared> compared = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            DouglisCells.Cell c = cells.get(i);
            Optional<Double> paper = baselines.value(DouglisCells.PAPER, c.table(), new RowLabel(DouglisCells.MACHINE, c.os(), c.config()), c.column());
            boolean calibration = calibrated.contains(c.key()) || (c.source() != null && calibrated.contains(c.source()));
            compared.add(new Compared(c, paper.orElse(null), calibration, moved.get(i).value() == c.value()));
        }
        return compared;
    }

    static List<Summary> summaries(List<Compared> compared) {
        Map<String, List<Compared>> byTable = new TreeMap<>();
        compared.stream().filter(c -> c.paper() != null).forEach(c -> byTable.computeIfAbsent(c.cell().table(), t -> new ArrayList<>()).add(c));
        List<Summary> summaries = new ArrayList<>();
        byTable.forEach((table, cs) -> {
            List<Double> errors = cs.stream().filter(c -> !c.calibration()).map(c -> Math.abs(c.error())).sorted().toList();
            int n = errors.size();
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
            summaries.add(new Summary(table, cs.size(), cs.size() - n, n, median));
        });
        return summaries;
    }

    private static boolean has(SystemParameters p, String name) {
        return p.all().stream().anyMatch(x -> x.name().equals(name));
    }

    /** The parameters calibrated on Douglis et al.'s cells, by name, with the system whose file sets them. */
    static Map<String, SystemParameters> calibrations(SystemParameters amoeba, SystemParameters sprite) {
        Map<String, SystemParameters> found = new LinkedHashMap<>();
        for (SystemParameters system : List.of(sprite, amoeba)) {
            for (Parameter p : system.all()) {
                if (p.isCalibration() && p.calibrationCell().startsWith(DouglisCells.PAPER + " ")) {
                    found.putIfAbsent(p.name(), system);
                }
            }
        }
        return found;
    }

    private static String cellOf(String name, SystemParameters amoeba, SystemParameters sprite) {
        return (has(sprite, name) ? sprite : amoeba).parameter(name).calibrationCell();
    }

    /**
     * Solves each calibrated parameter, in turn, so that its cell comes out as the paper's: bisection on a value
     * the cell grows with (every calibrated cost does), from nothing to ten times the shipped value.
     */
    static Map<String, Double> calibrate(SystemParameters amoeba, SystemParameters sprite, Baselines baselines) {
        Map<String, Double> solved = new LinkedHashMap<>();
        for (String name : calibrations(amoeba, sprite).keySet()) {
            String cell = cellOf(name, amoeba, sprite);
            String[] parts = cell.split("\\|", -1);
            double target = baselines.value(parts[0].trim(), parts[1].trim(), new RowLabel(parts[2].trim(), parts[3].trim(), parts[4].trim()), parts[5].trim())
                    .orElseThrow(() -> new UserError("no paper cell " + cell + " for " + name));
            double lo = 0;
            double hi = 10 * (has(sprite, name) ? sprite : amoeba).number(name);
            for (int i = 0; i < 40; i++) {
                double mid = (lo + hi) / 2;
                SystemParameters a = has(amoeba, name) ? amoeba.with(name, mid) : amoeba;
                SystemParameters s = has(sprite, name) ? sprite.with(name, mid) : sprite;
                double value = DouglisCells.simulate(a, s).stream().filter(c -> c.key().equals(cell)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no simulated cell " + cell)).value();
                if (value < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double value = (lo + hi) / 2;
            solved.put(name, value);
            amoeba = has(amoeba, name) ? amoeba.with(name, value) : amoeba;
            sprite = has(sprite, name) ? sprite.with(name, value) : sprite;
        }
        return solved;
    }

    /** The cells as a run's simulated.csv holds them. */
    static List<SimulatedCells.Cell> simulatedCells(List<Compared> compared) {
        return compared.stream().map(c -> new SimulatedCells.Cell(DouglisCells.PAPER, c.cell().table(),
                new RowLabel(DouglisCells.MACHINE, c.cell().os(), c.cell().config()), c.cell().column(), c.cell().unit(), c.cell().value(),
                c.cell().platform(), c.tag())).toList();
    }

    /** Every simulated cell of the shipped systems (Amoeba, Sprite, V), tagged against the papers' tables. */
    static List<SimulatedCells.Cell> simulatedCells(Baselines baselines) {
        List<SimulatedCells.Cell> all = new ArrayList<>(simulatedCells(compare(AmoebaSimulated.parameters(), SpriteSimulated.parameters(), baselines)));
        all.addAll(CheritonSystems.simulatedCells(CheritonSystems.compare(baselines)));
        return all;
    }
}
