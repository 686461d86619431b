package dev.mlops4j.report;

import dev.mlops4j.Mlops;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a sample run comparison report from a real learning-rate sweep on the Wine data, for looking at and for the
 * headless-browser screenshot check ({@code .ci/screenshot-reports.sh}).
 */
public final class SampleReport {
    private SampleReport() {
    }

    /**
     * @param args the output file (default {@code target/sample-report.html})
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/sample-report.html");
        try (Mlops mlops = Mlops.inMemory()) {
            List<String> runs = WineSweep.load().run(mlops, 60, 0.3, 0.03, 0.003);
            Path written = Reports.runComparison(mlops, runs).writeTo(out);
            System.out.println(mlops.runs().compare(runs));
            System.out.println("Wrote " + written);
        }
    }
}
