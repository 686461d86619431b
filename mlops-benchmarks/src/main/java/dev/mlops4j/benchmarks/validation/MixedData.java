package dev.mlops4j.benchmarks.validation;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic sales rows with 20 mixed columns, deterministic for a seed: 6 integer (2 high-cardinality), 6
 * floating (continuous), 6 categorical (3 to 50,000 categories), 1 boolean, 1 date. High-cardinality numeric
 * columns are the expensive ones (they feed the KLL and HLL sketches per value).
 */
public final class MixedData {
    /** The 20 columns, in order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("id", ColumnType.INTEGER), new Column("age", ColumnType.INTEGER),
            new Column("qty", ColumnType.INTEGER), new Column("store", ColumnType.INTEGER),
            new Column("big", ColumnType.INTEGER), new Column("pct", ColumnType.INTEGER),
            new Column("amount", ColumnType.FLOATING), new Column("price", ColumnType.FLOATING),
            new Column("x1", ColumnType.FLOATING), new Column("x2", ColumnType.FLOATING),
            new Column("x3", ColumnType.FLOATING), new Column("x4", ColumnType.FLOATING),
            new Column("status", ColumnType.CATEGORICAL), new Column("country", ColumnType.CATEGORICAL),
            new Column("category", ColumnType.CATEGORICAL), new Column("segment", ColumnType.CATEGORICAL),
            new Column("channel", ColumnType.CATEGORICAL), new Column("customer", ColumnType.CATEGORICAL),
            new Column("flag", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE));

    /** One row as a record; components in column order. */
    public record Sale(long id, int age, int qty, int store, long big, int pct, double amount, double price, double x1,
            double x2, double x3, double x4, String status, String country, String category, String segment,
            String channel, String customer, boolean flag, LocalDate day) {

        Object[] toArray() {
            return new Object[] {id, (long) age, (long) qty, (long) store, big, (long) pct, amount, price, x1, x2, x3,
                x4, status, country, category, segment, channel, customer, flag, day};
        }
    }

    private static final String[] STATUS = {"new", "paid", "shipped", "void", "returned"};
    private static final String[] SEGMENT = {"consumer", "corporate", "home office"};
    private static final String[] CHANNEL = {"web", "store", "phone", "partner"};

    private final Random random;
    private final String[] countries = new String[50];
    private final String[] categories = new String[200];
    private final String[] customers = new String[50_000];
    private final LocalDate[] days = new LocalDate[365];
    private long next;

    /** @param seed random seed */
    public MixedData(long seed) {
        random = new Random(seed);
        for (int i = 0; i < countries.length; i++) {
            countries[i] = "C" + i;
        }
        for (int i = 0; i < categories.length; i++) {
            categories[i] = "category-" + i;
        }
        for (int i = 0; i < customers.length; i++) {
            customers[i] = "customer-" + i;
        }
        for (int i = 0; i < days.length; i++) {
            days[i] = LocalDate.of(2024, 1, 1).plusDays(i);
        }
    }

    /** @return the next row */
    public Sale next() {
        Random r = random;
        return new Sale(next++, 18 + r.nextInt(72), 1 + r.nextInt(10), r.nextInt(500), r.nextInt(1_000_000_000),
                r.nextInt(101), Math.exp(r.nextGaussian() * 0.8 + 3), Math.round(r.nextDouble() * 100_000) / 100.0,
                r.nextGaussian(), r.nextGaussian() * 10 + 5, r.nextDouble(), r.nextGaussian() * 1000,
                STATUS[r.nextInt(STATUS.length)], countries[r.nextInt(countries.length)],
                categories[r.nextInt(categories.length)], SEGMENT[r.nextInt(SEGMENT.length)],
                CHANNEL[r.nextInt(CHANNEL.length)], customers[r.nextInt(customers.length)], r.nextBoolean(),
                days[r.nextInt(days.length)]);
    }

    /** @param n how many @return the next n rows as records */
    public List<Sale> records(int n) {
        List<Sale> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** @param sales rows @return them as positional arrays */
    public static List<Object[]> arrays(List<Sale> sales) {
        List<Object[]> out = new ArrayList<>(sales.size());
        sales.forEach(s -> out.add(s.toArray()));
        return out;
    }

    /** @param sales rows @return them as maps from column name to value */
    public static List<Map<String, ?>> maps(List<Sale> sales) {
        List<Map<String, ?>> out = new ArrayList<>(sales.size());
        for (Sale s : sales) {
            Object[] a = s.toArray();
            Map<String, Object> m = new HashMap<>(32);
            for (int i = 0; i < a.length; i++) {
                m.put(COLUMNS.get(i).name(), a[i]);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Writes rows as CSV (header line, comma-separated, no quoting needed).
     *
     * @param file target
     * @param rows how many
     */
    public void writeCsv(Path file, long rows) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (Column c : COLUMNS) {
                header.append(header.length() == 0 ? "" : ",").append(c.name());
            }
            w.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder(256);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                Object[] a = next().toArray();
                for (int c = 0; c < a.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(a[c]);
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
