package dev.mlops4j.monitoring;

import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which records a monitor takes when its sink is shared ({@link PredictionMonitor.Builder#onlyModel()},
 * {@link PredictionMonitor.Builder#onlyVersion(int)}), and how many it left out. Separate so that the record and the
 * column routes apply one rule.
 *
 * <p>Thread-safe on its own (immutable settings, an atomic count): records of another model are left out before the
 * monitor takes its lock.
 */
final class RecordFilter {
    private final String model;
    private final boolean onlyModel;
    private final int onlyVersion;
    private final AtomicLong ignored = new AtomicLong();

    RecordFilter(MonitorSettings s) {
        this.model = s.model;
        this.onlyModel = s.onlyModel;
        this.onlyVersion = s.onlyVersion;
    }

    /** @return true unless the builder's {@code onlyModel()} or {@code onlyVersion(int)} excludes the record */
    boolean takes(PredictionRecord r) {
        boolean taken = !onlyModel || r.modelName().equals(model) && (onlyVersion == 0 || r.version() == onlyVersion);
        if (!taken) {
            ignored.incrementAndGet();
        }
        return taken;
    }

    /** @return false, counting its rows, if the batch is another model's */
    boolean takesBatch(PredictionColumns batch) {
        if (onlyModel && !batch.modelName().equals(model)) {
            ignored.addAndGet(batch.size());
            return false;
        }
        return true;
    }

    /** @return false, counting it, if the row (of a batch of the monitored model) is of another version */
    boolean takesRow(PredictionColumns batch, int row) {
        if (onlyVersion != 0 && batch.version(row) != onlyVersion) {
            ignored.incrementAndGet();
            return false;
        }
        return true;
    }

    /** @return records left out */
    long ignored() {
        return ignored.get();
    }
}
