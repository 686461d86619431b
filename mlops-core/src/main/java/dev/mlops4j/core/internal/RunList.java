package dev.mlops4j.core.internal;

import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The runs of a search page as an immutable list that prints as the aligned table {@link RunPage} prints, because
 * JShell and notebooks show {@code query.list()} with {@code toString()} and a list of multi-line records is unreadable.
 * Equality and hashing are the ordinary {@link List} ones.
 */
final class RunList extends AbstractList<RunRecord> implements RandomAccess {
    private final List<RunRecord> runs;

    RunList(List<RunRecord> runs) {
        this.runs = List.copyOf(runs);
    }

    @Override
    public RunRecord get(int index) {
        return runs.get(index);
    }

    @Override
    public int size() {
        return runs.size();
    }

    @Override
    public String toString() {
        return new RunPage(runs, null).toString();
    }
}
