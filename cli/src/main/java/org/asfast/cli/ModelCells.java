package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.asfast.jmh.DirectRun;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.report.RowLabel;
import org.asfast.report.RunDerivation;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Platform;
import org.asfast.workloads.Workload;
import org.asfast.workloads.WorkloadRegistry;

/**
 * The modelled cells: every paper cell of the registry ({@code workloads.csv}) on every modelled row, measured by
 * running the cell's JMH benchmark directly ({@link DirectRun}) with the registry's warm-up and measured operations,
 * as the JMH runs of a modelled platform do, so both paths give the same figures. A cell whose workload needs a
 * capability the modelled machines lack (another paper's RPC, say) is not modelled.
 */
public final class ModelCells {
    private ModelCells() {
    }

    /** One modelled cell. */
    public record Cell(ModelRow row, String paper, String table, String column, String unit, double value) {
        /** The configuration as the table labels it: Ousterhout's Tables 2-6 have none; his Table 10 calls Sprite's diskless rows "Remote". */
        public String tableConfig() {
            return RunDerivation.modelRow(paper, table, new RowLabel(row.machine(), row.os(), row.config())).config();
        }
    }

    /** The registry's cells a modelled row can fill: the papers' own (not variants such as cross-CPU), file workloads on remote rows. */
    static List<WorkloadRegistry.Entry> columns(ModelRow row) {
        return WorkloadRegistry.entries().stream().filter(e -> e.papers() && e.everywhere() && (e.files() || !row.remote())).toList();
    }

    /** Measures every cell for every row (remote rows only where the paper measured them), in row order. */
    public static List<Cell> measureAll(List<ModelRow> rows, Function<ModelRow, ModelPlatform> open) {
        List<Cell> cells = new ArrayList<>();
        for (ModelRow row : rows) {
            for (WorkloadRegistry.Entry e : columns(row)) {
                measure(row, e, open).ifPresent(cells::add);
            }
        }
        return cells;
    }

    /**
     * {@link #measureAll}, for parameters a user changed: a change that makes a modelled cost
     * meaningless (infinite, negative, past the virtual clock's range, or a time of nothing) is a
     * {@link org.asfast.spi.UserError} naming {@code what}, instead of a stack trace or a cell of 0.
     */
    public static List<Cell> measureChecked(List<ModelRow> rows, Function<ModelRow, ModelPlatform> open, String what) {
        List<Cell> cells;
        try {
            cells = measureAll(rows, open);
        } catch (IllegalStateException | ArithmeticException e) {
            throw new org.asfast.spi.UserError(what + " makes the model fail (" + e.getMessage() + "); choose values nearer the shipped ones");
        }
        for (Cell c : cells) {
            if (!(c.value() > 0) || Double.isInfinite(c.value())) {
                throw new org.asfast.spi.UserError(what + " gives " + c.row().platform() + " a Table " + c.table() + " " + c.column() + " of " + c.value() + " "
                        + c.unit() + ", which is no time; choose values nearer the shipped ones");
            }
        }
        return cells;
    }

    /** One cell on one row, or empty if the row's platform lacks a capability the workload needs. */
    static Optional<Cell> measure(ModelRow row, WorkloadRegistry.Entry e, Function<ModelRow, ModelPlatform> open) {
        DirectRun.PerOperation per;
        try {
            per = DirectRun.run(e.benchmark(), e.params(), open.apply(row), e.warmups(), e.measured());
        } catch (CapabilityMissing missing) {
            return Optional.empty();
        }
        return Optional.of(new Cell(row, e.paper(), e.table(), e.column(), e.unit(), value(e, per)));
    }

    /** The cell in its unit: time per operation, or bytes per operation over it in Mbytes (2^20 bytes) per second. */
    static double value(WorkloadRegistry.Entry e, DirectRun.PerOperation per) {
        if (e.conversion().equals("bandwidth")) {
            return per.bytes() / per.nanos() * 1e9 / RunDerivation.MBYTE;
        }
        return per.nanos() / switch (e.unit()) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalStateException("workloads.csv: a time in '" + e.unit() + "'; give us, ms or s");
        };
    }

    /** Virtual nanoseconds per operation of any workload's operation, after the registry's warm-up for {@code workload}. */
    static <W extends Workload> double perOp(Platform platform, Function<Platform, W> create, java.util.function.Consumer<W> op, String workload) {
        WorkloadRegistry.Entry counts = WorkloadRegistry.of(workload).getFirst();
        try (W w = create.apply(platform)) {
            for (int i = 0; i < counts.warmups(); i++) {
                op.accept(w);
            }
            long start = platform.clock().nanos();
            for (int i = 0; i < counts.measured(); i++) {
                op.accept(w);
            }
            return (double) (platform.clock().nanos() - start) / counts.measured();
        }
    }
}
