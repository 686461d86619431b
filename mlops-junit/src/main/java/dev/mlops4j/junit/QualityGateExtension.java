package dev.mlops4j.junit;

import dev.mlops4j.gate.GateResult;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that makes quality gates part of a test: it injects a {@link GateChecks} into test methods
 * (and {@code @BeforeEach}/{@code @AfterEach} methods of the same test); after the test it publishes each gate's
 * result table as a report entry ({@code gate.<name>}, shown by IDEs and build tools) and fails the test, listing the
 * table of every failed gate, if any gate failed.
 *
 * <pre>{@code
 * @ExtendWith(QualityGateExtension.class)
 * class WineModelQualityTest {
 *     @Test
 *     void candidate_meetsItsGates(GateChecks gates) {
 *         RunRecord candidate = trainAndEvaluate();               // e.g. with mlops-tribuo
 *         gates.check(Gate.metric("accuracy").atLeast(0.9).named("quality"), candidate);
 *         gates.check(Gate.metric("accuracy").perSlice("region").atLeast(0.8).named("fairness"), candidate);
 *         gates.check(Gate.metric("macro_f1").notWorseThanChampion().by(0.01).named("release"), candidate, champion);
 *     }   // fails here if any of the three failed, showing all failed tables
 * }
 * }</pre>
 *
 * When the test itself already failed, the gate failure is added to that failure (as a suppressed exception), so
 * neither hides the other. For a single hard assertion, use {@link GateAssertions} instead.
 */
public final class QualityGateExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            QualityGateExtension.class);

    /** Creates the extension; it keeps no state of its own (each test's checks live in its extension context). */
    public QualityGateExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == GateChecks.class
                && extensionContext.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return checks(extensionContext);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        GateChecks checks = context.getStore(NAMESPACE).get(GateChecks.class, GateChecks.class);
        if (checks == null) {
            return;
        }
        List<GateResult> results = checks.results();
        for (GateResult r : results) {
            context.publishReportEntry("gate." + r.gate(), r.toString());
        }
        List<GateResult> failed = checks.failures();
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder().append(failed.size()).append(" of ").append(results.size())
                    .append(results.size() == 1 ? " quality gate" : " quality gates").append(" failed:");
            for (GateResult r : failed) {
                sb.append("\n\n").append(r);
            }
            throw new AssertionError(sb.toString());
        }
    }

    private static GateChecks checks(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(GateChecks.class, k -> new GateChecks(),
                GateChecks.class);
    }
}
