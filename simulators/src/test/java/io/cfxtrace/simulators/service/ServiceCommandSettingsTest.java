package io.cfxtrace.simulators.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.testing.CliRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * what {@code ./cfx ingest --help} and {@code ./cfx query --help} list, and how a bad setting stops
 * the start: with exit status 2 and a message naming the setting and its environment variable.
 */
@Timeout(120)
class ServiceCommandSettingsTest {

  /** a database nobody listens at: a check that wrongly passed would fail to connect, not start an embedded one. */
  private static final String NOWHERE = "-Ddatasources.default.url=jdbc:postgresql://127.0.0.1:1/nowhere";

  static Stream<Arguments> helpLines() {
    return Stream.of(
        Arguments.of("ingest", "  datasources.default.url  DATASOURCES_DEFAULT_URL"),
        Arguments.of("ingest", "  datasources.default.username  DATASOURCES_DEFAULT_USERNAME"),
        Arguments.of("ingest", "  micronaut.server.port  MICRONAUT_SERVER_PORT"),
        Arguments.of("ingest", "HTTP port of /health and /prometheus; default: 8081"),
        Arguments.of("ingest", "  cfx.ingest.listeners.<name>.port  CFX_INGEST_LISTENERS_<NAME>_PORT"),
        Arguments.of("ingest", "default: 5673"),
        Arguments.of("ingest", "  cfx.ingest.subscriptions.<name>.uri  CFX_INGEST_SUBSCRIPTIONS_<NAME>_URI"),
        Arguments.of("ingest", "  cfx.ingest.zoneless-offset  CFX_INGEST_ZONELESS_OFFSET"),
        Arguments.of("ingest", "default: +00:00"),
        Arguments.of("query", "  datasources.default.url  DATASOURCES_DEFAULT_URL"),
        Arguments.of("query", "HTTP port of the API, the web UI and /health; default: 8080"),
        Arguments.of("query", "  cfx.query.auth.enabled  CFX_QUERY_AUTH_ENABLED"),
        Arguments.of("query", "whether every /api request needs a bearer token; default: true"),
        Arguments.of("query", "  cfx.query.auth.tokens  CFX_QUERY_AUTH_TOKENS"),
        Arguments.of("query", "default: 30s"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("helpLines")
  void helpListsTheMainSettingsWithTheirEnvironmentVariableAndDefault(String command, String line) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(line);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void noHelpLineIsWiderThanATerminal(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  static Stream<String> commands() {
    return Stream.of("ingest", "query");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anUnknownOptionIsAUsageError(String command) {
    CliRun run = CliRun.of(command, "--port", "8080");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("Unknown options: '--port'");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("ingest", "-Dmicronaut.server.port=http",
            "micronaut.server.port (MICRONAUT_SERVER_PORT) is \"http\": not a whole number"),
        Arguments.of("ingest", "-Dcfx.ingest.listeners.line1.port=5673x",
            "cfx.ingest.listeners.line1.port (CFX_INGEST_LISTENERS_LINE1_PORT) is \"5673x\": not a whole number"),
        Arguments.of("ingest", "-Dcfx.ingest.listeners.line1.port=70000",
            "cfx.ingest.listeners.line1.port (CFX_INGEST_LISTENERS_LINE1_PORT) is 70000: must be from 0 to 65535"),
        Arguments.of("ingest", "-Dcfx.ingest.listeners.line1.allow-anonymous=yes",
            "cfx.ingest.listeners.line1.allow-anonymous (CFX_INGEST_LISTENERS_LINE1_ALLOW_ANONYMOUS) is \"yes\": must be true or false"),
        Arguments.of("ingest", "-Dcfx.ingest.batch-delay=soon",
            "cfx.ingest.batch-delay (CFX_INGEST_BATCH_DELAY) is \"soon\": not a duration"),
        Arguments.of("ingest", "-Dcfx.ingest.batch-size=0",
            "cfx.ingest.batch-size (CFX_INGEST_BATCH_SIZE) is 0: must be from 1 to 100000"),
        Arguments.of("ingest", "-Dcfx.ingest.zoneless-offset=CET",
            "cfx.ingest.zoneless-offset (CFX_INGEST_ZONELESS_OFFSET) is \"CET\": must be an offset such as +01:00 or Z"),
        Arguments.of("ingest", "-Dcfx.ingest.subscriptions.rabbit.uri=http://cfx:secret@broker/cfx",
            "cfx.ingest.subscriptions.rabbit.uri (CFX_INGEST_SUBSCRIPTIONS_RABBIT_URI): not an AMQP URI"),
        Arguments.of("ingest", "-Dcfx.ingest.subscriptions.rabbit.credit=50",
            "cfx.ingest.subscriptions.rabbit.uri (CFX_INGEST_SUBSCRIPTIONS_RABBIT_URI) is not set"),
        Arguments.of("ingest", "-Dcfx.store.run-jobs=sometimes",
            "cfx.store.run-jobs (CFX_STORE_RUN_JOBS) is \"sometimes\": must be auto, always or never"),
        Arguments.of("ingest", "-Ddatasources.default.url=jdbc:mysql://db/cfx",
            "datasources.default.url (DATASOURCES_DEFAULT_URL) is \"jdbc:mysql://db/cfx\": must be a PostgreSQL JDBC URL"),
        Arguments.of("query", "-Dmicronaut.server.port=eighty",
            "micronaut.server.port (MICRONAUT_SERVER_PORT) is \"eighty\": not a whole number"),
        Arguments.of("query", "-Dcfx.query.statement-timeout=long",
            "cfx.query.statement-timeout (CFX_QUERY_STATEMENT_TIMEOUT) is \"long\": not a duration"),
        Arguments.of("query", "-Dcfx.query.auth.enabled=off",
            "cfx.query.auth.enabled (CFX_QUERY_AUTH_ENABLED) is \"off\": must be true or false"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badSettings")
  void aBadSettingStopsTheStartNamingItAndItsEnvironmentVariable(String command, String setting, String message) {
    List<String> args = new ArrayList<>(List.of(command, NOWHERE, "-Dcfx.ingest.listeners.line1.port=0"));
    if (command.equals("query")) {
      args.remove(2);
    }
    args.add(setting);

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("cfx " + command + ": " + message);
    assertThat(run.out()).doesNotContain("ready");
  }

  @Test
  void aSecretIsNotRepeatedInTheMessage() {
    CliRun run = CliRun.of("ingest", NOWHERE, "-Dcfx.ingest.subscriptions.rabbit.uri=amqp://cfx:s3cret@broker:5672");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("names no address").doesNotContain("s3cret");
  }

  @Test
  void anIngestServiceWithNothingToReceiveFromDoesNotStart() {
    CliRun run = CliRun.of("ingest", NOWHERE);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cfx ingest: nothing to receive from: give it a listener (e.g. CFX_INGEST_LISTENERS_LINE1_PORT=5673)");
  }

  @Test
  void aQueryServiceWithoutADatabaseUrlDoesNotStart() {
    CliRun run = CliRun.of("query");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cfx query: datasources.default.url (DATASOURCES_DEFAULT_URL) is not set");
  }

  @Test
  void aMisspeltSettingStopsTheIngestStartWithWhatWasMeant() {
    TestDatabase db = TestDatabase.create();
    List<String> args = new ArrayList<>(List.of("ingest", "-Dcfx.ingest.listeners.line1.port=0", "-Dmicronaut.server.port=-1",
        "-Dcfx.ingest.batch-sise=10"));
    args.addAll(ServiceCommandsTest.store(db));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("'cfx.ingest.batch-sise' (from cfx-command-line): did you mean 'batch-size'?");
  }

  @Test
  void aQueryServiceWithAuthenticationOnAndNoTokenDoesNotStart() {
    TestDatabase db = TestDatabase.migrated();
    List<String> args = new ArrayList<>(List.of("query", "-Dmicronaut.server.port=-1"));
    args.addAll(ServiceCommandsTest.store(db));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("cfx query: cfx.query.auth.enabled is true but cfx.query.auth.tokens is empty");
  }

  @Test
  void aDatabaseNobodyListensAtIsAFailureToStartNamingTheStore() throws IOException {
    CliRun run = CliRun.of("ingest", "-Ddatasources.default.url=jdbc:postgresql://127.0.0.1:" + ServiceCommandsTest.freePort() + "/cfx",
        "-Dcfx.ingest.listeners.line1.port=0", "-Dmicronaut.server.port=-1");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).containsPattern("cfx ingest: cannot start: the event store jdbc:postgresql://127\\.0\\.0\\.1:\\d+/cfx"
        + " \\(DATASOURCES_DEFAULT_URL\\): .*refused");
  }

  @Test
  void aListenerPortInUseIsAFailureToStartNamingTheListener() throws IOException {
    TestDatabase db = TestDatabase.create();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      List<String> args = new ArrayList<>(List.of("ingest", "-Dcfx.ingest.listeners.line1.host=127.0.0.1",
          "-Dcfx.ingest.listeners.line1.port=" + taken.getLocalPort(), "-Dmicronaut.server.port=-1"));
      args.addAll(ServiceCommandsTest.store(db));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.err()).contains("cfx ingest: cannot start: listener line1 cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void everyHelpedSettingIsOneTheServiceKnows() {
    for (ServiceCommand command : List.of(new IngestCommand(), new QueryCommand())) {
      List<String> unknown = new ArrayList<>();
      for (Setting setting : command.mainSettings()) {
        if (setting.key().startsWith("cfx.") && !known(command, setting.key())) {
          unknown.add(setting.key());
        }
      }
      assertThat(unknown).as(command.name()).isEmpty();
    }
  }

  /** a cfx.* setting of the help is a component of one of the service's configuration records. */
  private static boolean known(ServiceCommand command, String key) {
    return command.sections().stream().anyMatch(section -> Arrays.stream(section.type().getRecordComponents())
        .anyMatch(c -> key.equals(section.key(c)) || key.startsWith(section.key(c) + ".")));
  }
}
