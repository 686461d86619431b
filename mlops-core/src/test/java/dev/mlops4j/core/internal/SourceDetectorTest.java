package dev.mlops4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceDetectorTest {

    @ParameterizedTest
    @CsvSource({
        "com.example.Train --epochs 3, com.example.Train",
        "com.example.Train, com.example.Train",
        "/opt/app/churn-model.jar --fast, churn-model.jar",
        "app.jar, app.jar"})
    void mainClass_applicationCommand_isRecorded(String command, String expected) {
        assertThat(SourceDetector.mainClass(command)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ",
        "/tmp/surefire123/surefirebooter456.jar /tmp/surefire123 2024 surefire789.tmp",
        "org.apache.maven.surefire.booter.ForkedBooter /tmp",
        "com.intellij.rt.junit.JUnitStarter -ideVersion5 com.example.FooTest",
        "worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 1'",
        "jdk.jshell.execution.RemoteExecutionControl 43210",
        "org.codehaus.plexus.classworlds.launcher.Launcher exec:java"})
    void mainClass_launcherCommand_isIgnored(String command) {
        assertThat(SourceDetector.mainClass(command)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void detect_underTestRunner_returnsCallingTestClass() {
        assertThat(new SourceDetector("org.apache.maven.surefire.booter.ForkedBooter").detect())
                .isEqualTo(SourceDetectorTest.class.getName());
    }

    @org.junit.jupiter.api.Test
    void detect_applicationMain_returnsMainClass() {
        assertThat(new SourceDetector("com.example.Main").detect()).isEqualTo("com.example.Main");
    }
}
