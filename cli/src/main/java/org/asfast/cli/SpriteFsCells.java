package org.asfast.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.report.Baselines;
import org.asfast.report.RowLabel;
import org.asfast.report.SimulatedCells;
import org.asfast.spi.Platform;
import org.asfast.spi.UserError;
import org.asfast.sprite.SpriteFsSimulated;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.CreateDelete;
import org.asfast.workloads.OpenClose;
import org.asfast.workloads.douglis.FileRead;

/**
 * Douglis et al.'s Table 2, Sprite's cells: Ousterhout's open-close and create-delete and the paper's read, run
 * through the Files capability on the simulated Sprite file system with client caching on and off, in virtual
 * time, beside the paper's, tagged calibration or prediction, with the fidelity. Open-close has one Sprite column
 * (an open goes to the server either way); it is run with caching on. Create-delete with no data has one value
 * for both columns in the paper, and a file without data never reaches a cache, so the NOCACHE cell repeats the
 * CACHE one: both count as the calibration the CACHE cell is.
 */
public final class SpriteFsCells {
    static final String TABLE = "2";
    static final String CACHE = "Sprite CACHE";
    static final String NOCACHE = "Sprite NOCACHE";
    static final String PLATFORM_CACHE = "sun3-60-sprite-cache-sim";
    static final String PLATFORM_NOCACHE = "sun3-60-sprite-nocache-sim";
    private static final int WARM = 3;
    private static final int MEASURED = 10;

    /** One simulated cell of Table 2, keyed as results/baselines keys it; {@code source} is the cell it repeats, or null. */
    public record Cell(String platform, String config, String column, double ms, String source) {
        public String key() {
            return String.join(" | ", DouglisCells.PAPER, TABLE, DouglisCells.MACHINE, "", config, column);
        }
    }

    /** A cell beside the paper's. */
    public record Compared(Cell cell, double paper, boolean calibration) {
        double error() {
            return cell.ms() / paper - 1;
        }

        String tag() {
            return calibration ? "calibration" : "prediction";
        }
    }

    private SpriteFsCells() {
    }

    /** True for a parameter calibrated on one of these cells. */
    static boolean calibrates(Parameter p) {
        return p.isCalibration() && p.calibrationCell().startsWith(DouglisCells.PAPER + " | " + TABLE + " |");
    }

    /** Every Sprite cell of Table 2 with these parameters. */
    public static List<Cell> simulate(SystemParameters sprite) {
        List<Cell> cells = new ArrayList<>();
        for (OpenClose.Case c : OpenClose.Case.values()) {
            cells.add(cell(sprite, true, "open-close " + c.path, "Sprite", p -> {
                OpenClose w = new OpenClose(p, c);
                return x -> {
                    w.openClose();
                    return 0;
                };
            }));
        }
        for (boolean caching : new boolean[] {true, false}) {
            String column = caching ? CACHE : NOCACHE;
            for (FileRead.Case c : FileRead.Case.values()) {
                cells.add(cell(sprite, caching, "read " + c.label, column, p -> {
                    FileRead w = new FileRead(p, c);
                    return x -> w.read();
                }));
            }
            for (CreateDelete.Case c : CreateDelete.Case.values()) {
                String config = "create-delete " + (c == CreateDelete.Case.NO_DATA ? "no data" : c.bytes / 1024 + " Kbytes");
                Cell made = cell(sprite, caching, config, column, p -> {
                    CreateDelete w = new CreateDelete(p, c);
                    return x -> w.iteration();
                });
                if (!caching && c == CreateDelete.Case.NO_DATA) {
                    made = new Cell(made.platform(), config, column, made.ms(), new Cell(PLATFORM_CACHE, config, CACHE, 0, null).key());
                }
                cells.add(made);
            }
        }
        return cells;
    }

    /** Virtual milliseconds per operation, after a few to warm the caches and the RPC channel. */
    private static Cell cell(SystemParameters sprite, boolean caching, String config, String column, Function<Platform, ToLongFunction<Platform>> setUp) {
        String platform = caching ? PLATFORM_CACHE : PLATFORM_NOCACHE;
        try (Platform p = new SpriteFsSimulated(platform, sprite, Faults.NONE, caching)) {
            ToLongFunction<Platform> operation = setUp.apply(p);
            for (int i = 0; i < WARM; i++) {
                operation.applyAsLong(p);
            }
            long start = p.clock().nanos();
            for (int i = 0; i < MEASURED; i++) {
                operation.applyAsLong(p);
            }
            return new Cell(platform, config, column, (p.clock().nanos() - start) / 1e6 / MEASURED, null);
        }
    }

    /** The cells beside the paper's. */
    static List<Compared> compare(SystemParameters sprite, Baselines baselines) {
        Set<String> calibrated = sprite.all().stream().filter(SpriteFsCells::calibrates).map(Parameter::calibrationCell).map(SpriteFsCells::normal)
                .collect(Collectors.toSet());
        List<Compared> compared = new ArrayList<>();
        for (Cell c : simulate(sprite)) {
            double paper = baselines.value(DouglisCells.PAPER, TABLE, new RowLabel(DouglisCells.MACHINE, "", c.config()), c.column())
                    .orElseThrow(() -> new IllegalStateException("no paper cell " + c.key()));
            boolean calibration = calibrated.contains(normal(c.key())) || c.source() != null && calibrated.contains(normal(c.source()));
            compared.add(new Compared(c, paper, calibration));
        }
        return compared;
    }

    private static String normal(String key) {
        return key.replaceAll("\\s*\\|\\s*", "|").trim();
    }

    /** Median |error| of the predictions. */
    static double median(List<Compared> compared) {
        List<Double> errors = compared.stream().filter(c -> !c.calibration()).map(c -> Math.abs(c.error())).sorted().toList();
        int n = errors.size();
        return n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
    }

    /** Solves each parameter calibrated on these cells, in turn, by bisection from 0 to ten times its value (or 100,000 from 0). */
    static Map<String, Double> calibrate(SystemParameters sprite, Baselines baselines) {
        Map<String, Double> solved = new LinkedHashMap<>();
        for (Parameter p : sprite.all().stream().filter(SpriteFsCells::calibrates).toList()) {
            String target = normal(p.calibrationCell());
            String[] parts = p.calibrationCell().split("\\|", -1);
            double paper = baselines.value(parts[0].trim(), parts[1].trim(), new RowLabel(parts[2].trim(), parts[3].trim(), parts[4].trim()), parts[5].trim())
                    .orElseThrow(() -> new UserError("no paper cell " + p.calibrationCell() + " for " + p.name()));
            double lo = 0;
            double hi = p.number() > 0 ? 10 * p.number() : 100_000;
            for (int i = 0; i < 30; i++) {
                double mid = (lo + hi) / 2;
                SystemParameters trial = sprite.with(p.name(), mid);
                double value = simulate(trial).stream().filter(c -> normal(c.key()).equals(target)).findFirst().orElseThrow().ms();
                if (value < paper) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double value = (lo + hi) / 2;
            solved.put(p.name(), value);
            sprite = sprite.with(p.name(), value);
        }
        return solved;
    }

    /** Prints the cells beside the paper's and the fidelity; returns the comparison. */
    static List<Compared> print(SystemParameters sprite, Baselines baselines) {
        List<Compared> compared = compare(sprite, baselines);
        System.out.println("Douglis et al. Table 2, Sprite (simulated Sun 3/60s, virtual time)");
        for (Compared c : compared) {
            System.out.printf(Locale.ROOT, "  %-26s %-15s %8.2f ms  paper %6.1f  %+6.1f%%  %s%n", c.cell().config(), c.cell().column(), c.cell().ms(), c.paper(),
                    100 * c.error(), c.tag());
        }
        long calibrations = compared.stream().filter(Compared::calibration).count();
        double median = median(compared);
        System.out.printf(Locale.ROOT, "Table 2 Sprite cells %d  calibration %d  prediction %d  median |error| %5.1f%%  %s%n", compared.size(), calibrations,
                compared.size() - calibrations, 100 * median, median <= SystemsCommand.GOAL ? "goal met" : "GOAL MISSED");
        return compared;
    }

    /** The cells as a run's simulated.csv holds them. */
    static List<SimulatedCells.Cell> simulatedCells(List<Compared> compared) {
        return compared.stream().map(c -> new SimulatedCells.Cell(DouglisCells.PAPER, TABLE, new RowLabel(DouglisCells.MACHINE, "", c.cell().config()),
                c.cell().column(), "ms", c.cell().ms(), c.cell().platform(), c.tag())).toList();
    }
}
