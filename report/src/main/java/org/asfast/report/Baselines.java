package org.asfast.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;
import org.asfast.spi.UserFiles;

/**
 * Every paper cell in results/baselines/, loaded through {@code index.csv}. This is the only place
 * paper values enter asfast; models never read it.
 */
public final class Baselines {
    static final List<String> CELL_COLUMNS = List.of("paper", "table", "machine", "os", "config", "column", "unit", "value", "note");
    static final List<String> INDEX_COLUMNS = List.of("paper", "table", "file", "title", "source");

    /** One table: where it comes from and its cells. */
    public record Table(String paper, String table, String title, String source, String file, List<BaselineCell> cells) {
    }

    private final List<Table> tables;
    /** Told of every numeric cell a lookup returns, or null; see {@link #recording}. */
    private final Consumer<BaselineCell> reads;

    private Baselines(List<Table> tables) {
        this(tables, null);
    }

    private Baselines(List<Table> tables, Consumer<BaselineCell> reads) {
        this.tables = List.copyOf(tables);
        this.reads = reads;
    }

    public List<Table> tables() {
        return tables;
    }

    /** The named table, or a {@link UserError} naming the tables there are. */
    public Table table(String paper, String table) {
        return find(paper, table).orElseThrow(() -> new UserError("unknown table '" + table + "' of paper '" + paper
                + "'; known tables: " + String.join(", ", tables.stream().map(t -> t.paper() + ":" + t.table()).toList())));
    }

    public Optional<Table> find(String paper, String table) {
        return tables.stream().filter(t -> t.paper().equals(paper) && t.table().equals(table)).findFirst();
    }

    /** The numeric cell at row and column, if the paper printed one. */
    public Optional<Double> value(String paper, String table, RowLabel row, String column) {
        return cell(paper, table, c -> c.row().equals(row) && c.column().equals(column)).map(BaselineCell::value);
    }

    /** The first numeric cell of a table that matches; a {@link #recording} view reports it. */
    Optional<BaselineCell> cell(String paper, String table, Predicate<BaselineCell> which) {
        Optional<BaselineCell> found = find(paper, table).flatMap(t -> t.cells().stream().filter(c -> c.isNumber() && which.test(c)).findFirst());
        if (reads != null) {
            found.ifPresent(reads);
        }
        return found;
    }

    /** The same cells, telling {@code reads} of every numeric cell a lookup returns: the inputs of a recomputation. */
    Baselines recording(Consumer<BaselineCell> reads) {
        return new Baselines(tables, reads);
    }

    /** The same cells with some values changed, keyed by the cells as loaded (a recomputation at the ends of its inputs' rounding). */
    Baselines withValues(Map<BaselineCell, Double> values) {
        List<Table> changed = new ArrayList<>();
        for (Table t : tables) {
            List<BaselineCell> cells = t.cells().stream().map(c -> values.containsKey(c)
                    ? new BaselineCell(c.paper(), c.table(), c.row(), c.column(), c.unit(), values.get(c), c.text(), c.note()) : c).toList();
            changed.add(new Table(t.paper(), t.table(), t.title(), t.source(), t.file(), cells));
        }
        return new Baselines(changed);
    }

    /** Loads and validates every table listed in {@code dir/index.csv}, which run and report find under --results. */
    public static Baselines load(Path dir) {
        return load(dir, "--results the folder that holds baselines/");
    }

    /**
     * Loads and validates every table listed in {@code dir/index.csv}. Every name in the index stays
     * inside {@code dir}, and every number is finite (and positive, but for percentages).
     *
     * @param fix the option that points elsewhere, for the message when there is no index, e.g. "--baselines the folder of index.csv"
     */
    public static Baselines load(Path dir, String fix) {
        Path index = dir.resolve("index.csv");
        if (!Files.isRegularFile(index)) {
            throw new UserError("no baseline index at " + index + "; restore it from git or pass " + fix);
        }
        List<Table> tables = new ArrayList<>();
        for (Line entry : read(index, INDEX_COLUMNS)) {
            String paper = entry.record().get("paper");
            if (!UserFiles.isPlainName(paper)) {
                throw new UserError(entry.where() + ": paper '" + paper + "' is not a plain name (letters, digits, '.', '_', '-'); fix that row");
            }
            Path file = UserFiles.child(dir, entry.record().get("file"), entry.where() + ": file");
            List<BaselineCell> cells = new ArrayList<>();
            for (Line line : read(file, CELL_COLUMNS)) {
                cells.add(cell(line));
            }
            if (cells.isEmpty()) {
                throw new UserError(file + " has no cells; give it its rows again (git restore) or remove it from index.csv");
            }
            tables.add(new Table(paper, entry.record().get("table"), entry.record().get("title"), entry.record().get("source"),
                    entry.record().get("file"), cells));
        }
        return new Baselines(tables);
    }

    /** The paper's cell, or a {@link UserError} naming it: the report cannot go on without the reference cells. */
    public double require(String paper, String table, RowLabel row, String column) {
        return value(paper, table, row, column).orElseThrow(() -> new UserError("results/baselines has no " + paper + " Table " + table
                + " cell for " + row + ", column " + column + ", which the report needs; restore the baselines from git"));
    }

    private static BaselineCell cell(Line line) {
        CSVRecord record = line.record();
        String unit = record.get("unit");
        String text = record.get("value");
        double value = Double.NaN;
        if (!unit.equals("text")) {
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new UserError(line.where() + ": value '" + text + "' is not a number; fix the cell or give the row the unit 'text'");
            }
            if (!Double.isFinite(value) || (value <= 0 && !unit.equals("%"))) {
                throw new UserError(line.where() + ": value '" + text + "' is not a " + (unit.equals("%") ? "finite" : "positive, finite")
                        + " number of " + unit + "; fix the cell");
            }
        }
        return new BaselineCell(record.get("paper"), record.get("table"),
                new RowLabel(record.get("machine"), record.get("os"), record.get("config")),
                record.get("column"), unit, value, text, record.get("note"));
    }

    /** A record and where it is, "file line N", counting the file's lines as an editor does. */
    record Line(CSVRecord record, String where) {
    }

    /** Reads a CSV with a header, requiring every named column. */
    static List<Line> read(Path file, List<String> required) {
        if (!Files.exists(file)) {
            throw new UserError("baseline file " + file + " is missing; restore it from git or remove it from index.csv");
        }
        String text = UserFiles.readText(file, MAX_BYTES, "baseline file");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))) {
            for (String column : required) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new UserError(file + " lacks the column '" + column + "'; its header must be " + String.join(",", required));
                }
            }
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser.getRecords()) {
                String where = file + " line " + UserFiles.lineOf(text, record.getCharacterPosition(), '\0');
                if (!record.isConsistent()) {
                    throw new UserError(where + " has " + record.size() + " fields, not " + parser.getHeaderMap().size() + "; fix the row");
                }
                lines.add(new Line(record, where));
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw UserFiles.csvError(file, e);
        }
    }

    /** No paper's table comes near this; a bigger file is not a baseline. */
    private static final long MAX_BYTES = 4L << 20;
}
