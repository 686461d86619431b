/**
 * Tabular input: a {@link dev.mlops4j.validation.data.Table} is named, typed columns plus rows streamed one
 * at a time through a {@link dev.mlops4j.validation.data.RowCursor} into a reusable
 * {@link dev.mlops4j.validation.data.Row}, so data larger than memory can be validated.
 *
 * <p>Column types ({@link dev.mlops4j.validation.data.ColumnType}) are integer, floating, categorical,
 * boolean, date and timestamp. Every cell is either <em>missing</em>, <em>present</em> (converted to the
 * column type) or <em>invalid</em> (a value that does not fit the type, kept as text so it can be reported as
 * a wrong-typed value). A whole row can be <em>malformed</em> (e.g. a CSV line with the wrong number of
 * fields): it is returned with its line number rather than thrown, so one bad line never stops validation.
 *
 * <p>Sources: {@link dev.mlops4j.validation.data.CsvTable} (files or text; types given or inferred from a
 * sample), {@link dev.mlops4j.validation.data.Table#ofMaps(java.util.List) maps},
 * {@link dev.mlops4j.validation.data.Table#ofRecords(Class, Iterable) records} and
 * {@link dev.mlops4j.validation.data.Table#ofArrays(java.util.List, Iterable) arrays} in memory, and Tribuo
 * data sets through {@code dev.mlops4j.tribuo.data} in {@code mlops-tribuo}.
 */
package dev.mlops4j.validation.data;
