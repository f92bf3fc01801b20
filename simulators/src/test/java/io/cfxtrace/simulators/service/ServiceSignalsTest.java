package io.cfxtrace.simulators.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.testing.Await;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.cli.CfxCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the real signals, on a child JVM that runs the command line as the launcher does ({@code java
 * ... CfxCli ingest}), configured as a deployment is: environment variables, and a JVM system
 * property as {@code CFX_JAVA_OPTS} would pass it. Ctrl-C (SIGINT) and SIGTERM stop the service in
 * order and the JVM exits with status 0, which is what a service manager calls a clean stop.
 */
@Timeout(240)
@EnabledOnOs({OS.LINUX, OS.MAC})
class ServiceSignalsTest {

  @TempDir Path dir;

  static Stream<Arguments> servicesAndSignals() {
    return Stream.of(Arguments.of("ingest", "TERM"), Arguments.of("ingest", "INT"), Arguments.of("query", "TERM"), Arguments.of("query", "INT"));
  }

  @ParameterizedTest(name = "{0}, SIG{1}")
  @MethodSource("servicesAndSignals")
  void aSignalStopsTheServiceInOrderWithExitStatusZero(String command, String signal) throws Exception {
    TestDatabase db = TestDatabase.migrated();
    int http = ServiceCommandsTest.freePort();
    int listener = ServiceCommandsTest.freePort();
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dmicronaut.server.port=" + http, "-cp", System.getProperty("java.class.path"), CfxCli.class.getName(), command));
    ProcessBuilder builder = new ProcessBuilder(java).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("DATASOURCES_DEFAULT_URL", db.url());
    if (db.user() != null) {
      environment.put("DATASOURCES_DEFAULT_USERNAME", db.user());
      environment.put("DATASOURCES_DEFAULT_PASSWORD", db.password() == null ? "" : db.password());
    }
    environment.put("CFX_INGEST_LISTENERS_LINE1_PORT", String.valueOf(listener));
    environment.put("CFX_INGEST_LISTENERS_LINE1_HOST", "127.0.0.1");
    environment.put("CFX_QUERY_AUTH_ENABLED", "false");
    Process process = builder.start();
    try {
      Await.until(command + " on port " + http + " to be ready", Duration.ofSeconds(120), () -> {
        if (!process.isAlive()) {
          throw new AssertionError("it ended with " + process.exitValue() + ": " + Files.readString(out) + Files.readString(err));
        }
        return Files.readString(out).contains("ready in") && ServiceCommandsTest.get(http, "/health", null).statusCode() == 200;
      });

      Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
      assertThat(process.exitValue()).as(Files.readString(out) + Files.readString(err)).isZero();
      assertThat(Files.readString(out)).contains("cfx " + command + ": stopping...\ncfx " + command + ": stopped\n");
      if (command.equals("ingest")) {
        // the listener came from CFX_INGEST_LISTENERS_LINE1_PORT
        assertThat(Files.readString(out)).contains("listener line1: machines publish to amqp://127.0.0.1:" + listener + "/");
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
