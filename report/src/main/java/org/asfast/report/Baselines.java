package org.asfast.report;

import java.io.IOException;
import java.io.Reader;
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

    /** Loads and validates every table listed in {@code dir/index.csv}. */
    public static Baselines load(Path dir) {
        Path index = dir.resolve("index.csv");
        if (!Files.isRegularFile(index)) {
            throw new UserError("no baseline index at " + index + "; pass --baselines the results/baselines directory");
        }
        List<Table> tables = new ArrayList<>();
        for (CSVRecord entry : read(index, INDEX_COLUMNS)) {
            Path file = dir.resolve(entry.get("file"));
            List<BaselineCell> cells = new ArrayList<>();
            for (CSVRecord record : read(file, CELL_COLUMNS)) {
                cells.add(cell(file, record));
            }
            tables.add(new Table(entry.get("paper"), entry.get("table"), entry.get("title"), entry.get("source"), entry.get("file"), cells));
        }
        return new Baselines(tables);
    }

    private static BaselineCell cell(Path file, CSVRecord record) {
        String unit = record.get("unit");
        String text = record.get("value");
        double value = Double.NaN;
        if (!unit.equals("text")) {
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new UserError(file + " line " + record.getRecordNumber() + ": value '" + text
                        + "' is not a number; fix the cell or give the row the unit 'text'");
            }
        }
        return new BaselineCell(record.get("paper"), record.get("table"),
                new RowLabel(record.get("machine"), record.get("os"), record.get("config")),
                record.get("column"), unit, value, text, record.get("note"));
    }

    /** Reads a CSV with a header, requiring every named column. */
    static List<CSVRecord> read(Path file, List<String> required) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("baseline file " + file + " is missing; restore it from git or remove it from index.csv");
        }
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            for (String column : required) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new UserError(file + " lacks the column '" + column + "'; its header must be " + String.join(",", required));
                }
            }
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                if (!record.isConsistent()) {
                    throw new UserError(file + " line " + record.getRecordNumber() + " has " + record.size()
                            + " fields, not " + parser.getHeaderMap().size() + "; fix the row");
                }
            }
            return records;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
