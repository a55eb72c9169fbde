package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.report.OusterhoutTables;
import org.asfast.report.RowLabel;
import org.asfast.report.RunDerivation;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes.Placement;
import org.asfast.workloads.Andrew;
import org.asfast.workloads.Bcopy;
import org.asfast.workloads.CreateDelete;
import org.asfast.workloads.Cswitch;
import org.asfast.workloads.Getpid;
import org.asfast.workloads.OpenClose;
import org.asfast.workloads.ReadFile;
import org.asfast.workloads.SelectPipes;
import org.asfast.workloads.Workload;

/**
 * Which workload makes which cell of Ousterhout's Tables 2–10, and how a modelled cell is measured:
 * open the platform, build the workload, run it {@code warm} times, then read the virtual clock across
 * {@code measured} more. The JMH benchmarks run modelled platforms with the same counts
 * ({@link org.asfast.jmh.ModelledRuns}), so both paths give the same figures.
 */
public final class ModelCells {
    private ModelCells() {
    }

    /** One column of one paper's table: how to measure it, in the table's unit. */
    public record Column(String paper, String table, String column, String unit, boolean remoteToo, ToDoubleFunction<Platform> measure) {
        Column(String table, String column, String unit, boolean remoteToo, ToDoubleFunction<Platform> measure) {
            this(OusterhoutTables.PAPER, table, column, unit, remoteToo, measure);
        }
    }

    /** One modelled cell. */
    public record Cell(ModelRow row, String paper, String table, String column, String unit, double value) {
        /** The configuration as the table labels it: Ousterhout's Tables 2-6 have none; his Table 10 calls Sprite's diskless rows "Remote". */
        public String tableConfig() {
            return RunDerivation.modelRow(paper, table, new RowLabel(row.machine(), row.os(), row.config())).config();
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("2", "Time", "us", false, p -> perOp(p, Getpid::new, Getpid::call, "getpid") / 1e3),
            new Column("3", "Time", "ms", false, p -> perOp(p, q -> new Cswitch(q, Placement.SAME_CPU), Cswitch::roundTrip, "cswitch") / 1e6),
            select(SelectPipes.Case.ONE_EMPTY), select(SelectPipes.Case.TEN_EMPTY), select(SelectPipes.Case.TEN_FULL),
            bcopy(Bcopy.Case.CACHED), bcopy(Bcopy.Case.UNCACHED),
            new Column("6", "Bandwidth", "MB/s", false, p -> ReadFile.BLOCK_BYTES / perOp(p, ReadFile::new, ReadFile::readBlock, "read") * 1e9 / RunDerivation.MBYTE),
            new Column("7", "Copy", "s", true, p -> andrew(p, false) / 1e9),
            new Column("7", "Compile", "s", true, p -> andrew(p, true) / 1e9),
            openClose(OpenClose.Case.FOO), openClose(OpenClose.Case.A_B_C_FOO),
            createDelete(CreateDelete.Case.NO_DATA), createDelete(CreateDelete.Case.TEN_KB), createDelete(CreateDelete.Case.HUNDRED_KB));

    /** Measures every column for every row (remote rows only where the paper measured them), in row order. */
    public static List<Cell> measureAll(List<ModelRow> rows, Function<ModelRow, ModelPlatform> open) {
        List<Cell> cells = new ArrayList<>();
        for (ModelRow row : rows) {
            for (Column c : COLUMNS) {
                if (row.remote() && !c.remoteToo()) {
                    continue;
                }
                cells.add(measure(row, c, open));
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

    static Cell measure(ModelRow row, Column c, Function<ModelRow, ModelPlatform> open) {
        try (ModelPlatform platform = open.apply(row)) {
            return new Cell(row, c.paper(), c.table(), c.column(), c.unit(), c.measure().applyAsDouble(platform));
        }
    }

    private static Column select(SelectPipes.Case which) {
        return new Column("4", which.label, "us", false, p -> perOp(p, q -> new SelectPipes(q, which), SelectPipes::call, "select") / 1e3);
    }

    private static Column bcopy(Bcopy.Case which) {
        return new Column("5", which.label, "MB/s", false, p -> {
            long[] bytes = new long[1];
            double ns = perOp(p, q -> {
                Bcopy b = new Bcopy(q, which);
                bytes[0] = b.bytesPerCopy();
                return b;
            }, Bcopy::copy, "bcopy");
            return bytes[0] / ns * 1e9 / RunDerivation.MBYTE;
        });
    }

    private static Column openClose(OpenClose.Case which) {
        return new Column("9", which.path, "ms", true, p -> perOp(p, q -> new OpenClose(q, which), OpenClose::openClose, "open-close") / 1e6);
    }

    private static Column createDelete(CreateDelete.Case which) {
        return new Column("10", which.label, "ms", true, p -> perOp(p, q -> new CreateDelete(q, which), CreateDelete::iteration, "create-delete") / 1e6);
    }

    /** Virtual nanoseconds per operation, after the warm-up, with the counts the JMH runs use. */
    static <W extends Workload> double perOp(Platform platform, Function<Platform, W> create, java.util.function.Consumer<W> op, String benchmark) {
        int[] counts = org.asfast.jmh.ModelledRuns.counts(benchmark);
        try (W workload = create.apply(platform)) {
            for (int i = 0; i < counts[0]; i++) {
                op.accept(workload);
            }
            long start = platform.clock().nanos();
            for (int i = 0; i < counts[1]; i++) {
                op.accept(workload);
            }
            return (double) (platform.clock().nanos() - start) / counts[1];
        }
    }

    /** One Andrew phase, after a warm-up run of the same phase; the compile works on a copy made untimed. */
    static double andrew(Platform platform, boolean compile) {
        Andrew andrew = new Andrew(platform);
        double result = 0;
        for (int run = 0; run < 2; run++) {
            String copy = compile ? andrew.copyPhases() : null;
            long start = platform.clock().nanos();
            if (compile) {
                andrew.compilePhase(copy);
            } else {
                andrew.copyPhases();
            }
            result = platform.clock().nanos() - start;
        }
        return result;
    }
}
