package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {
    static final Slot<String> A = Slot.of("a", String.class);
    static final Slot<String> B = Slot.of("b", String.class);
    static final Slot<String> C = Slot.of("c", String.class);

    private static Step step(String name, Slot<?> in, Slot<?> out) {
        StepBuilder b = Step.named(name);
        if (in != null) {
            b.input(in);
        }
        return b.output(out).body(ctx -> { });
    }

    @Test
    void build_missingInput_namesStepInputAndFix() {
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s1", A, B)).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("step 's1' needs input 'a'")
                .hasMessageContaining("no step of pipeline 'p' produces it")
                .hasMessageContaining(".input(a)");
    }

    @Test
    void build_missingInputWithSimilarName_suggestsIt() {
        Slot<String> aa = Slot.of("a_clean", String.class);
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s0", null, aa)).step(step("s1", A, B)).build())
                .hasMessageContaining("did you mean 'a_clean'?");
    }

    @Test
    void build_duplicateOutput_namesBothProducers() {
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s1", null, A)).step(step("s2", null, A)).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("output 'a' is produced by both step 's1' and step 's2'");
    }

    @Test
    void build_cycle_printsTheCycle() {
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s0", null, C)).step(step("s1", A, B))
                .step(step("s2", B, A)).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("has a cycle")
                .hasMessageMatching("(?s).*'s[12]' -> 's[12]' -> 's[12]'.*");
    }

    @Test
    void body_outputAlsoInput_isACycleOfOne() {
        assertThatThrownBy(() -> Step.named("s").input(A).output(A).body(ctx -> { }))
                .isInstanceOf(PipelineDefinitionException.class).hasMessageContaining("cycle of one step");
    }

    @Test
    void build_duplicateStepName_isRejected() {
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s", null, A)).step(step("s", null, B)).build())
                .hasMessageContaining("two steps named 's'");
    }

    @Test
    void build_sameNameDifferentType_isRejected() {
        Slot<Integer> aInt = Slot.of("a", Integer.class);
        assertThatThrownBy(() -> Pipeline.builder("p").step(step("s1", null, A)).step(step("s2", aInt, B)).build())
                .hasMessageContaining("data set 'a' is declared as java.lang.String")
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void build_noSteps_isRejected() {
        assertThatThrownBy(() -> Pipeline.builder("p").build()).hasMessageContaining("has no steps");
    }

    @Test
    void steps_areInDependencyOrder() {
        Pipeline p = Pipeline.builder("p").step(step("last", B, C)).step(step("mid", A, B)).step(step("first", null, A))
                .build();
        assertThat(p.steps()).extracting(Step::name).containsExactly("first", "mid", "last");
    }

    @Test
    void slices_followTheGraph() {
        Pipeline p = Pipeline.builder("p").step(step("s1", null, A)).step(step("s2", A, B))
                .step(Step.named("s3").input(B).output(C).tags("report").body(ctx -> { })).build();
        assertThat(p.fromSteps("s2").steps()).extracting(Step::name).containsExactly("s2", "s3");
        assertThat(p.fromSteps("s2").slicedInputs()).containsEntry("a", "s1");
        assertThat(p.toOutputs(B).steps()).extracting(Step::name).containsExactly("s1", "s2");
        assertThat(p.onlyTags("report").steps()).extracting(Step::name).containsExactly("s3");
        assertThat(p.onlyTags("report").slicedInputs()).containsEntry("b", "s2");
        assertThatThrownBy(() -> p.fromSteps("nope")).hasMessageContaining("has no step 'nope'")
                .hasMessageContaining("[s1, s2, s3]");
        assertThatThrownBy(() -> p.onlyTags("x")).hasMessageContaining("tags in use: [report]");
    }

    @Test
    void param_notJson_isRejected() {
        assertThatThrownBy(() -> Step.named("s").param("p", new Object()))
                .hasMessageContaining("parameter 'p' of step 's'");
    }

    @Test
    void retryPolicy_backoffGrowsAndCaps() {
        RetryPolicy p = RetryPolicy.attempts(5).backoff(java.time.Duration.ofMillis(100), 3.0)
                .maxBackoff(java.time.Duration.ofMillis(500));
        assertThat(p.backoffAfter(1)).hasMillis(100);
        assertThat(p.backoffAfter(2)).hasMillis(300);
        assertThat(p.backoffAfter(3)).hasMillis(500);
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).backoff(java.time.Duration.ofMillis(1), 0.5))
                .hasMessageContaining("multiplier");
    }
}
