package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.MalformedRow;
import dev.mlops4j.validation.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a whole table during one pass: one {@link ColumnAccumulator} per column, kept in arrays
 * per accumulator class so that the per-row loop makes monomorphic calls, plus row and malformed-row counts.
 */
public final class ProfileAccumulator implements Passes.RowSink<ProfileAccumulator.ProfileData> {
    private final ProfileSettings settings;
    private final ColumnAccumulator[] all;
    private final NumericAccumulator[] numeric;
    private final CategoricalAccumulator[] categorical;
    private final BooleanAccumulator[] bool;
    private long rows;
    private long malformed;
    private final List<MalformedRow> malformedSamples = new ArrayList<>();

    /**
     * @param columns the columns of the table being read
     * @param settings sketch sizes
     */
    public ProfileAccumulator(List<Column> columns, ProfileSettings settings) {
        this.settings = settings;
        this.all = new ColumnAccumulator[columns.size()];
        List<NumericAccumulator> n = new ArrayList<>();
        List<CategoricalAccumulator> c = new ArrayList<>();
        List<BooleanAccumulator> b = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            Column col = columns.get(i);
            ColumnAccumulator a = ColumnAccumulator.create(col.name(), col.type(), i, settings);
            all[i] = a;
            if (a instanceof NumericAccumulator) {
                n.add((NumericAccumulator) a);
            } else if (a instanceof CategoricalAccumulator) {
                c.add((CategoricalAccumulator) a);
            } else {
                b.add((BooleanAccumulator) a);
            }
        }
        numeric = n.toArray(new NumericAccumulator[0]);
        categorical = c.toArray(new CategoricalAccumulator[0]);
        bool = b.toArray(new BooleanAccumulator[0]);
    }

    /** @param row the next row; malformed rows are counted, not profiled */
    @Override
    public void accept(Row row) {
        if (row.isMalformed()) {
            malformed++;
            if (malformedSamples.size() < settings.maxMalformedSamples()) {
                malformedSamples.add(new MalformedRow(row.lineNumber(), row.malformedReason(), row.malformedText()));
            }
            return;
        }
        rows++;
        for (NumericAccumulator a : numeric) {
            a.accept(row);
        }
        for (CategoricalAccumulator a : categorical) {
            a.accept(row);
        }
        for (BooleanAccumulator a : bool) {
            a.accept(row);
        }
    }

    /** @return the result of the pass */
    @Override
    public ProfileData result() {
        for (ColumnAccumulator a : all) {
            a.finish();
        }
        return new ProfileData(settings, rows, malformed, malformedSamples, List.of(all));
    }

    /**
     * The immutable content of a profile (the accumulators are never changed once here).
     *
     * @param settings sketch sizes
     * @param rows well-formed rows
     * @param malformed malformed rows
     * @param malformedSamples some malformed rows
     * @param columns the column statistics
     */
    public record ProfileData(ProfileSettings settings, long rows, long malformed, List<MalformedRow> malformedSamples,
            List<ColumnAccumulator> columns) {
        public ProfileData {
            malformedSamples = List.copyOf(malformedSamples);
            columns = List.copyOf(columns);
        }

        /**
         * Merges two profiles of chunks of the same data set: columns are matched by name (a column absent from
         * one side counts as absent there), counts add up, sketches merge.
         *
         * @param other the other profile
         * @return the merged profile
         * @throws InvalidInputException if a column has different types on the two sides
         */
        public ProfileData merge(ProfileData other) {
            Map<String, ColumnAccumulator> merged = new LinkedHashMap<>();
            Map<String, ColumnAccumulator> theirs = new LinkedHashMap<>();
            for (ColumnAccumulator c : other.columns) {
                theirs.put(c.name(), c);
            }
            for (ColumnAccumulator c : columns) {
                ColumnAccumulator t = theirs.get(c.name());
                if (t != null && t.type() != c.type()) {
                    throw new InvalidInputException("cannot merge profiles: column '" + c.name() + "' is "
                            + c.type() + " in one and " + t.type() + " in the other; profile both with the"
                            + " same column types");
                }
                // a column absent from the other chunk is missing in each of its rows
                merged.put(c.name(), c.merge(t != null ? t
                        : ColumnAccumulator.absent(c.name(), c.type(), other.rows, settings)));
            }
            for (ColumnAccumulator t : other.columns) {
                if (!merged.containsKey(t.name())) {
                    merged.put(t.name(), ColumnAccumulator.absent(t.name(), t.type(), rows, settings).merge(t));
                }
            }
            List<MalformedRow> samples = new ArrayList<>(malformedSamples);
            for (MalformedRow m : other.malformedSamples) {
                if (samples.size() < settings.maxMalformedSamples()) {
                    samples.add(m);
                }
            }
            return new ProfileData(settings, rows + other.rows, malformed + other.malformed, samples,
                    new ArrayList<>(merged.values()));
        }

        /**
         * @param root receives the profile's fields
         */
        public void writeJson(ObjectNode root) {
            root.put("rowCount", rows);
            root.put("malformedRows", malformed);
            ArrayNode ms = root.putArray("malformedSamples");
            for (MalformedRow m : malformedSamples) {
                ObjectNode o = ms.addObject();
                o.put("line", m.line());
                o.put("reason", m.reason());
                o.put("text", m.text());
            }
            ObjectNode s = root.putObject("settings");
            s.put("exactDistinctLimit", settings.exactDistinctLimit());
            s.put("quantileK", settings.quantileK());
            s.put("hllLgK", settings.hllLgK());
            s.put("frequentItemsMapSize", settings.frequentItemsMapSize());
            s.put("topK", settings.topK());
            s.put("histogramBins", settings.histogramBins());
            s.put("maxMalformedSamples", settings.maxMalformedSamples());
            s.put("quantiles", settings.quantiles());
            ArrayNode cols = root.putArray("columns");
            for (ColumnAccumulator c : columns) {
                c.writeJson(cols.addObject());
            }
        }

        /**
         * @param root a document written by {@link #writeJson(ObjectNode)}
         * @return the profile content
         */
        public static ProfileData readJson(ObjectNode root) {
            JsonNode s = root.path("settings");
            ProfileSettings settings = new ProfileSettings(
                    (int) Json.longField(s, "exactDistinctLimit"), (int) Json.longField(s, "quantileK"),
                    (int) Json.longField(s, "hllLgK"), (int) Json.longField(s, "frequentItemsMapSize"),
                    (int) Json.longField(s, "topK"), (int) Json.longField(s, "histogramBins"),
                    (int) Json.longField(s, "maxMalformedSamples"), s.path("quantiles").asBoolean(true));
            List<MalformedRow> samples = new ArrayList<>();
            for (JsonNode m : root.path("malformedSamples")) {
                samples.add(new MalformedRow(Json.longField(m, "line"), m.path("reason").asText(),
                        m.path("text").asText()));
            }
            List<ColumnAccumulator> columns = new ArrayList<>();
            for (JsonNode c : root.path("columns")) {
                if (!(c instanceof ObjectNode)) {
                    throw new InvalidInputException("each entry of \"columns\" must be an object");
                }
                ObjectNode o = (ObjectNode) c;
                ColumnType type;
                try {
                    type = ColumnType.valueOf(Json.textField(o, "type"));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("unknown column type '" + o.path("type").asText() + "'", e);
                }
                switch (type) {
                    case CATEGORICAL:
                        columns.add(CategoricalAccumulator.readJson(o, settings));
                        break;
                    case BOOLEAN:
                        columns.add(BooleanAccumulator.readJson(o, settings));
                        break;
                    default:
                        columns.add(NumericAccumulator.readJson(o, type, settings));
                        break;
                }
            }
            return new ProfileData(settings, Json.longField(root, "rowCount"), Json.longField(root, "malformedRows"),
                    samples, columns);
        }
    }
}
