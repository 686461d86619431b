package dev.mlops4j.monitoring;

import dev.mlops4j.model.Prediction;
import dev.mlops4j.serving.PredictionRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shared Seattle weather data, one day per row, and simple real-valued "models" over it. */
record Weather(LocalDate date, double precipitation, double tempMax, double tempMin, double wind, String weather) {
    static final Path CSV = Path.of("../mlops-examples/src/main/resources/data/seattle-weather.csv");

    static List<Weather> read() {
        try {
            List<String> lines = Files.readAllLines(CSV);
            List<Weather> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Weather(LocalDate.parse(f[0].replace('/', '-')), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Weather> year(List<Weather> all, int year) {
        return all.stream().filter(w -> w.date.getYear() == year).toList();
    }

    Instant at() {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    String key() {
        return date.toString();
    }

    Map<String, Double> features() {
        Map<String, Double> m = new TreeMap<>();
        m.put("precipitation", precipitation);
        m.put("temp_max", tempMax);
        m.put("temp_min", tempMin);
        m.put("wind", wind);
        return m;
    }

    /** A rule a forecaster might start with: rain when it rained, else sun. */
    String ruleLabel() {
        return precipitation > 0 ? "rain" : "sun";
    }

    PredictionRecord classified() {
        String label = ruleLabel();
        return new PredictionRecord("weather", 1, "prod", at(), features(),
                new Prediction(label, Map.of("rain", label.equals("rain") ? 1.0 : 0.0, "sun",
                        label.equals("sun") ? 1.0 : 0.0), true), List.of(), 1000);
    }

    /** Regression: today's maximum guessed as the minimum plus 7 degrees. */
    double guessedTempMax() {
        return tempMin + 7.0;
    }

    PredictionRecord regressed() {
        return new PredictionRecord("temp", 1, "prod", at(), features(),
                new Prediction(null, Map.of("temp_max", guessedTempMax()), false), List.of(), 1000);
    }
}
