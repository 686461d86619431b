package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The shared seattle-weather data set (daily, 2012-2015) as tables of chosen days. */
final class Weather {
    static final List<Column> COLUMNS = List.of(new Column("date", ColumnType.DATE),
            new Column("precipitation", ColumnType.FLOATING), new Column("temp_max", ColumnType.FLOATING),
            new Column("temp_min", ColumnType.FLOATING), new Column("wind", ColumnType.FLOATING),
            new Column("weather", ColumnType.CATEGORICAL));

    private Weather() {
    }

    /** @return every day as a positional row, in file order (time order) */
    static List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>();
        for (String[] r : SharedData.rows("seattle-weather.csv")) {
            out.add(new Object[] {LocalDate.parse(r[0].replace('/', '-')), Double.parseDouble(r[1]),
                Double.parseDouble(r[2]), Double.parseDouble(r[3]), Double.parseDouble(r[4]), r[5]});
        }
        return out;
    }

    /** @param days which days @return them as a table */
    static Table days(Predicate<LocalDate> days) {
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows()) {
            if (days.test((LocalDate) r[0])) {
                out.add(r);
            }
        }
        return Table.ofArrays(COLUMNS, out);
    }

    /** @param year a year @return its days */
    static Table year(int year) {
        return days(d -> d.getYear() == year);
    }
}
