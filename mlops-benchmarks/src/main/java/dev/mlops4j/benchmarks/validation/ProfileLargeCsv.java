package dev.mlops4j.benchmarks.validation;

import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows that profiling memory is bounded: writes a CSV file about {@code factor} times larger than the maximum
 * heap (default 10), profiles it, and prints the file size, rows, throughput and the peak heap use.
 *
 * <pre>
 * java -Xmx64m -cp mlops-benchmarks/target/benchmarks.jar dev.mlops4j.benchmarks.validation.ProfileLargeCsv [file] [factor]
 * </pre>
 */
public final class ProfileLargeCsv {
    private ProfileLargeCsv() {
    }

    /**
     * @param args optional file path (default a temporary file, deleted at the end) and size factor
     * @throws Exception if the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        double factor = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("mlops-large-", ".csv");
        boolean temporary = args.length == 0;
        try {
            long target = (long) (maxHeap * factor);
            // one row of MixedData is about 190 bytes of CSV
            long rows = target / 190 + 1;
            long t0 = System.nanoTime();
            new MixedData(7).writeCsv(file, rows);
            long size = Files.size(file);
            System.out.printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes = %.1f x max heap (%,d bytes) in %.1f s%n",
                    file, rows, size, (double) size / maxHeap, maxHeap, (System.nanoTime() - t0) / 1e9);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t1 = System.nanoTime();
            Profile p = Profile.of(CsvTable.of(file));
            double seconds = (System.nanoTime() - t1) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "profiled %,d rows x %d columns in %.1f s = %,.0f rows/s (%.0f MB/s)%n",
                    p.rowCount(), p.columns().size(), seconds, p.rowCount() / seconds, size / seconds / 1e6);
            System.out.printf(Locale.ROOT, "peak heap used during profiling: %,d bytes (sum of pool peaks) of %,d max"
                    + "; profile JSON %,d bytes%n", peak, maxHeap, p.toJson().length());
            System.out.println(p);
        } finally {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }
}
