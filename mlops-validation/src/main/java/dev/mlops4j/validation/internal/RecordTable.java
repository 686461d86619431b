package dev.mlops4j.validation.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * In-memory Java records, one column per record component. Components are read through method handles
 * (made accessible once, so records need not be public).
 *
 * @param <R> the record type
 */
public final class RecordTable<R extends Record> extends ObjectTable<R> {
    private final Class<R> type;
    private final Reader[] readers;
    /** Per component: 'J' long-like primitive, 'D' double/float, 'Z' boolean, 'L' reference. */
    private final char[] kinds;
    /** The column type each component is natively read as; a different requested type takes the boxed path. */
    private final ColumnType[] natural;

    /**
     * @param type the record class
     * @param rows the rows
     * @throws InvalidInputException if a component's type maps to no column type
     */
    public RecordTable(Class<R> type, Iterable<? extends R> rows) {
        this(type, rows, columnsOf(type), 1);
    }

    private RecordTable(Class<R> type, Iterable<? extends R> rows, List<Column> columns, long firstLine) {
        super(rows, columns, firstLine, type.getSimpleName() + " records");
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.readers = new Reader[components.length];
        this.kinds = new char[components.length];
        this.natural = new ColumnType[components.length];
        MethodHandles.Lookup lookup = lookupFor(type);
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            // primitives are read without boxing: the accessor returns long, double or boolean directly
            kinds[i] = t == long.class || t == int.class || t == short.class || t == byte.class ? 'J'
                    : t == double.class || t == float.class ? 'D' : t == boolean.class ? 'Z' : 'L';
            natural[i] = ValueConverter.typeOf(t);
            try {
                readers[i] = reader(lookup, type, components[i].getAccessor(), kinds[i]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InvalidInputException("cannot read component '" + components[i].getName() + "' of "
                        + type.getName() + ": " + e.getMessage() + "; make the record accessible (e.g. public,"
                        + " or its package open to mlops4j)", e);
            }
        }
    }

    /**
     * Reads one component. Implementations are spun with {@link LambdaMetafactory} when the record's package is
     * open to us (always on the class path), so a read is a plain interface call the JIT can inline; otherwise
     * they fall back to a method handle, which is several times slower per call.
     */
    private interface Reader {
        long readLong(Object record);

        double readDouble(Object record);

        boolean readBoolean(Object record);

        Object read(Object record);
    }

    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Reader reader(MethodHandles.Lookup lookup, Class<?> type, Method accessor, char kind)
            throws ReflectiveOperationException {
        if (lookup != null) {
            try {
                return spin(lookup, type, lookup.unreflect(accessor), kind);
            } catch (Throwable e) {
                // fall back to a method handle below
            }
        }
        accessor.setAccessible(true);
        MethodHandle mh = MethodHandles.lookup().unreflect(accessor);
        Class<?> returned = kind == 'J' ? long.class : kind == 'D' ? double.class : kind == 'Z' ? boolean.class
                : Object.class;
        MethodHandle h = mh.asType(MethodType.methodType(returned, Object.class));
        return new HandleReader(h);
    }

    @SuppressWarnings("unchecked")
    private static Reader spin(MethodHandles.Lookup lookup, Class<?> type, MethodHandle getter, char kind)
            throws Throwable {
        switch (kind) {
            case 'J': {
                ToLongFunction<Object> f = (ToLongFunction<Object>) LambdaMetafactory.metafactory(lookup, "applyAsLong",
                        MethodType.methodType(ToLongFunction.class), MethodType.methodType(long.class, Object.class),
                        getter, MethodType.methodType(long.class, type)).getTarget().invoke();
                return new FunctionReader() {
                    @Override
                    public long readLong(Object record) {
                        return f.applyAsLong(record);
                    }
                };
            }
            case 'D': {
                ToDoubleFunction<Object> f = (ToDoubleFunction<Object>) LambdaMetafactory.metafactory(lookup,
                        "applyAsDouble", MethodType.methodType(ToDoubleFunction.class),
                        MethodType.methodType(double.class, Object.class), getter,
                        MethodType.methodType(double.class, type)).getTarget().invoke();
                return new FunctionReader() {
                    @Override
                    public double readDouble(Object record) {
                        return f.applyAsDouble(record);
                    }
                };
            }
            case 'Z': {
                Predicate<Object> f = (Predicate<Object>) LambdaMetafactory.metafactory(lookup, "test",
                        MethodType.methodType(Predicate.class), MethodType.methodType(boolean.class, Object.class),
                        getter, MethodType.methodType(boolean.class, type)).getTarget().invoke();
                return new FunctionReader() {
                    @Override
                    public boolean readBoolean(Object record) {
                        return f.test(record);
                    }
                };
            }
            default: {
                Function<Object, Object> f = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                        getter, MethodType.methodType(getter.type().returnType(), type)).getTarget().invoke();
                return new FunctionReader() {
                    @Override
                    public Object read(Object record) {
                        return f.apply(record);
                    }
                };
            }
        }
    }

    /** Base of the spun readers: each overrides the one method of its kind. */
    private abstract static class FunctionReader implements Reader {
        @Override
        public long readLong(Object record) {
            throw new IllegalStateException("not a long component");
        }

        @Override
        public double readDouble(Object record) {
            throw new IllegalStateException("not a double component");
        }

        @Override
        public boolean readBoolean(Object record) {
            throw new IllegalStateException("not a boolean component");
        }

        @Override
        public Object read(Object record) {
            throw new IllegalStateException("not a reference component");
        }
    }

    /** Reads through a method handle typed (Object) -> long/double/boolean/Object. */
    private static final class HandleReader implements Reader {
        private final MethodHandle handle;

        HandleReader(MethodHandle handle) {
            this.handle = handle;
        }

        @Override
        public long readLong(Object record) {
            try {
                return (long) handle.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public double readDouble(Object record) {
            try {
                return (double) handle.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public boolean readBoolean(Object record) {
            try {
                return (boolean) handle.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public Object read(Object record) {
            try {
                return (Object) handle.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static List<Column> columnsOf(Class<?> type) {
        if (type == null || !type.isRecord()) {
            throw new InvalidInputException(type + " is not a record class; use Table.ofMaps or Table.ofArrays");
        }
        List<Column> columns = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            ColumnType t = ValueConverter.typeOf(rc.getType());
            if (t == null) {
                throw new InvalidInputException("record component '" + rc.getName() + "' of " + type.getName()
                        + " has type " + rc.getType().getName() + ", which is not a column type; use numbers,"
                        + " strings, enums, booleans, LocalDate or Instant");
            }
            columns.add(new Column(rc.getName(), t));
        }
        return columns;
    }

    @Override
    protected ObjectTable<R> copy(Iterable<? extends R> rows, List<Column> columns, long firstLine) {
        return new RecordTable<>(type, rows, columns, firstLine);
    }

    @Override
    protected void fill(R element, Row row, ColumnType[] types) {
        Object e = element;
        for (int c = 0; c < readers.length; c++) {
            boolean nativeType = types[c] == natural[c];
            switch (kinds[c]) {
                case 'J': {
                    long v = readers[c].readLong(e);
                    if (nativeType) {
                        row.setLong(c, v);
                    } else {
                        converter.write(row, c, types[c], v);
                    }
                    break;
                }
                case 'D': {
                    double v = readers[c].readDouble(e);
                    if (nativeType) {
                        row.setDouble(c, v);
                    } else {
                        converter.write(row, c, types[c], v);
                    }
                    break;
                }
                case 'Z': {
                    boolean v = readers[c].readBoolean(e);
                    if (nativeType) {
                        row.setBoolean(c, v);
                    } else {
                        converter.write(row, c, types[c], v);
                    }
                    break;
                }
                default: {
                    Object v = readers[c].read(e);
                    if (v instanceof Character) {
                        v = v.toString();
                    }
                    converter.write(row, c, types[c], v);
                    break;
                }
            }
        }
    }
}
