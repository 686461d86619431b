package dev.mlops4j.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list that prints as its printer says: what search results, version lists and audit trails are
 * returned as, because JShell and notebooks show a returned list with {@code toString()}, and the default
 * {@code [a, b, c]} on one line is unreadable for multi-line or long elements. Equality and hashing are the ordinary
 * {@link List} ones. Not API: it may change in any release.
 *
 * @param <T> the element type
 */
public final class PrintedList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Function<? super List<T>, String> printer;

    /**
     * @param items the elements, copied
     * @param printer renders the whole list, e.g. as an aligned table
     */
    public PrintedList(List<? extends T> items, Function<? super List<T>, String> printer) {
        this.items = List.copyOf(items);
        this.printer = Objects.requireNonNull(printer, "printer");
    }

    /**
     * @param items the elements, copied; each prints on one line
     * @param singular what one element is called, e.g. {@code experiment}
     * @param plural what several are called
     * @param <T> the element type
     * @return a list printing as a count line, then each element on its own indented line
     */
    public static <T> PrintedList<T> oneLineEach(List<? extends T> items, String singular, String plural) {
        return new PrintedList<>(items, list -> {
            if (list.isEmpty()) {
                return "(no " + plural + ")\n";
            }
            StringBuilder sb = new StringBuilder().append(list.size()).append(' ')
                    .append(list.size() == 1 ? singular : plural).append(":\n");
            list.forEach(item -> sb.append("  ").append(item).append('\n'));
            return sb.toString();
        });
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return printer.apply(items);
    }
}
