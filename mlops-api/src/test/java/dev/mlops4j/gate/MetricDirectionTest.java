package dev.mlops4j.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricDirectionTest {

    @ParameterizedTest
    @CsvSource({
        "accuracy, HIGHER_IS_BETTER",
        "macro_f1, HIGHER_IS_BETTER",
        "macro_auc, HIGHER_IS_BETTER",
        "r2, HIGHER_IS_BETTER",
        "precision, HIGHER_IS_BETTER",
        "rmse, LOWER_IS_BETTER",
        "test.rmse, LOWER_IS_BETTER",
        "mae.petal_width, LOWER_IS_BETTER",
        "balanced_error_rate, LOWER_IS_BETTER",
        "val_logloss, LOWER_IS_BETTER",
        "slice/region/north/log_loss, LOWER_IS_BETTER",
        "training_time_ms, LOWER_IS_BETTER",
        "p99_latency, LOWER_IS_BETTER"})
    void of_guessesFromNameTokens(String metric, MetricDirection expected) {
        assertThat(MetricDirection.of(metric)).isEqualTo(expected);
    }
}
