/**
 * JUnit Jupiter support for code that uses mlops4j: {@link dev.mlops4j.testing.MlopsExtension} gives each test a
 * fresh {@link dev.mlops4j.Mlops} instance and closes it afterwards.
 *
 * <pre>{@code
 * @ExtendWith(MlopsExtension.class)
 * class TrainerTest {
 *     @Test
 *     void train_logsAccuracy(Mlops mlops) {                 // in-memory, empty, closed after the test
 *         new Trainer(mlops).train();
 *         assertThat(mlops.runs().search("trainer").first()).isPresent();
 *     }
 *
 *     @Test
 *     @MlopsStore(StoreKind.TEMPORARY_H2)                   // embedded H2 in a temporary directory
 *     void train_survivesReopen(Mlops mlops) { ... }
 * }
 * }</pre>
 * The kind of store is chosen by {@link dev.mlops4j.testing.MlopsStore} on the test method, else on the test class
 * or an enclosing class, else by the extension's default ({@link dev.mlops4j.testing.StoreKind#IN_MEMORY} unless
 * set with {@link dev.mlops4j.testing.MlopsExtension#builder()}).
 */
package dev.mlops4j.testing;
