/**
 * Tribuo data for mlops4j data validation: {@link dev.mlops4j.tribuo.data.TribuoTables} presents a Tribuo
 * {@code Dataset} or {@code DataSource} as a {@link dev.mlops4j.validation.data.Table}, one floating column per
 * feature plus the output (a categorical column for labels and other outputs; for regression a floating column
 * per target dimension), so it can be profiled, validated against a schema, checked and compared for drift like
 * any other data.
 *
 * <p><strong>Sparsity:</strong> Tribuo examples are implicitly sparse: a feature that is absent from an
 * example means 0.0, so a feature with value 0.0 and a feature that was never observed look the same. By
 * default an absent feature is therefore read as 0.0 (Tribuo's meaning); missing-value statistics and checks
 * (completeness, maximum missing fraction) cannot see missing raw values through Tribuo. Validate the raw rows
 * (the CSV file or maps the examples are built from) when missing values matter, and use this adapter for what
 * survives featurisation: ranges, distributions, drift of feature values and labels.
 */
package dev.mlops4j.tribuo.data;
