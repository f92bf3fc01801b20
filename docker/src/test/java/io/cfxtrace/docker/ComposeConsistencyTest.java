package io.cfxtrace.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml agrees with the services it runs: the variables it sets are settings the
 * services read, its ports are theirs, its health checks call their health endpoints, the start
 * order follows what each service uses, and no secret is written in it.
 */
class ComposeConsistencyTest {

  private static final ComposeFile COMPOSE = Deployment.compose();
  private static final Map<String, String> DEMO = Deployment.demoVariables();

  @Test
  void everyVariableGivenToAServiceIsASettingItReads() {
    assertThat(DeploymentChecks.environmentProblems(COMPOSE)).isEmpty();
  }

  @Test
  void aMisspeltSettingIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          ingest:
            build: {context: .., dockerfile: docker/Dockerfile, target: ingest-service}
            environment:
              CFX_INGEST_BATCH_SISE: "10"
              DATASOURCES_DEFAULT_PASWORD: x
          query:
            build: {context: .., dockerfile: docker/Dockerfile, target: query-service}
            environment:
              - CFX_QUERY_STATEMENT_TIMEOUT=5s
              - CFX_QUERY_LONGEST_TRANSACTOIN=1h
        """, "broken.yaml");

    assertThat(DeploymentChecks.environmentProblems(broken))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:5 (services.ingest.environment.CFX_INGEST_BATCH_SISE)"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:6 (services.ingest.environment.DATASOURCES_DEFAULT_PASWORD)"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:11 (services.query.environment.CFX_QUERY_LONGEST_TRANSACTOIN)"));
  }

  @Test
  void thePortsAreTheServicesPortsAndHealthChecksCallTheirHealthEndpoints() {
    assertThat(DeploymentChecks.portProblems(COMPOSE, DEMO, Deployment.REPOSITORY)).isEmpty();
  }

  @Test
  void theIngestServiceGetsOneListenerWithItsUserAndOneSubscription() {
    Map<String, String> env = DeploymentChecks.resolvedEnvironment(COMPOSE, "ingest", DEMO);

    assertThat(Program.INGEST.listenerPorts(env)).containsExactly(Map.entry("machines", 5673));
    // the SASL user map binds from the variable's last segment (user names come out in lower case)
    Map<?, ?> users = Program.resolve(env).getProperty("cfx.ingest.listeners.machines.users", Map.class).orElseThrow();
    assertThat(users.keySet().stream().map(String::valueOf).toList()).containsExactly("machine");
    assertThat(users.get("machine")).isEqualTo(DEMO.get("CFX_MACHINE_PASSWORD"));
    assertThat(Program.resolve(env).getPropertyEntries("cfx.ingest.subscriptions")).containsExactly("broker");
    assertThat(Program.INGEST.serverPort(env)).contains(8081);
    assertThat(Program.QUERY.serverPort(DeploymentChecks.resolvedEnvironment(COMPOSE, "query", DEMO))).contains(8080);
  }

  @Test
  void aWrongPortOrHealthCheckIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          ingest:
            build: {context: .., dockerfile: docker/Dockerfile, target: ingest-service}
            environment:
              CFX_INGEST_LISTENERS_LINE1_PORT: "5680"
            ports:
              - "8080:8080"
            healthcheck:
              test: ["CMD", "curl", "http://localhost:8080/healthz"]
        """, "broken.yaml");

    assertThat(DeploymentChecks.portProblems(broken, Map.of(), Deployment.REPOSITORY))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:7 (services.ingest.ports[0]): publishes container port 8080"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:6 (services.ingest.ports): listener line1 (port 5680) is not published"))
        .anySatisfy(p -> assertThat(p).contains("health check calls port 8080, but ingest-service's HTTP server listens on 8081"))
        .anySatisfy(p -> assertThat(p).contains("health check calls /healthz, but ingest-service's health endpoint is /health"))
        .anySatisfy(p -> assertThat(p).contains("curl without --fail"));
  }

  @Test
  void servicesWaitUntilWhatTheyUseIsHealthy() {
    assertThat(DeploymentChecks.dependencyProblems(COMPOSE, DEMO)).isEmpty();
  }

  @Test
  void aMissingWaitIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          db:
            image: timescale/timescaledb:2.28.3-pg15
          ingest:
            build: {context: .., dockerfile: docker/Dockerfile, target: ingest-service}
            depends_on:
              db:
                condition: service_healthy
            environment:
              DATASOURCES_DEFAULT_URL: jdbc:postgresql://db:5432/cfxtrace
              CFX_INGEST_SUBSCRIPTIONS_BROKER_URI: amqp://u:p@broker:5672/cfx
            healthcheck:
              test: ["CMD", "true"]
        """, "broken.yaml");

    assertThat(DeploymentChecks.dependencyProblems(broken, Map.of()))
        .anySatisfy(p -> assertThat(p).isEqualTo("broken.yaml:7 (services.ingest.depends_on.db): ingest waits for db to be healthy, but db has no health check"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:6 (services.ingest.depends_on): ingest uses broker but does not wait for it"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:2 (services.db): long-running service db has no health check"));
  }

  @Test
  void subscriptionsAndDatasourcesPointAtTheBrokerQueueAndTheDatabaseRoles() {
    assertThat(DeploymentChecks.wiringProblems(COMPOSE, DEMO, Deployment.DIRECTORY)).isEmpty();
  }

  @Test
  void theBrokerCreatesTheQueueTheIngestServiceSubscribesTo() {
    Map<String, String> broker = DeploymentChecks.resolvedEnvironment(COMPOSE, "broker", DEMO);

    assertThat(DeploymentChecks.artemisQueues(broker.get("EXTRA_ARGS"))).containsExactly("cfx");
  }

  @Test
  void noSecretIsWrittenInTheComposeFile() {
    assertThat(DeploymentChecks.secretProblems(COMPOSE)).isEmpty();
  }

  @Test
  void aLiteralOrDefaultedSecretIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          db:
            image: timescale/timescaledb:2.28.3-pg15
            environment:
              POSTGRES_PASSWORD: postgres
          ingest:
            build: {context: .., dockerfile: docker/Dockerfile, target: ingest-service}
            environment:
              DATASOURCES_DEFAULT_PASSWORD: ${DB_PASSWORD:-changeit}
              CFX_INGEST_SUBSCRIPTIONS_BROKER_URI: amqp://cfx:secret@broker:5672/cfx
          simulator:
            profiles: [demo]
            image: cfx-trace/simulators:1.0
            environment:
              DEMO_PASSWORD: demo
        """, "broken.yaml");

    assertThat(DeploymentChecks.secretProblems(broken)).containsExactly(
        "broken.yaml:5 (services.db.environment.POSTGRES_PASSWORD): secret POSTGRES_PASSWORD must come from a required variable such as"
            + " ${POSTGRES_PASSWORD:?message}, not \"postgres\"",
        "broken.yaml:9 (services.ingest.environment.DATASOURCES_DEFAULT_PASSWORD): secret DATASOURCES_DEFAULT_PASSWORD must come from a"
            + " required variable such as ${DATASOURCES_DEFAULT_PASSWORD:?message}, not \"${DB_PASSWORD:-changeit}\"",
        "broken.yaml:10 (services.ingest.environment.CFX_INGEST_SUBSCRIPTIONS_BROKER_URI): the password in the URI of"
            + " CFX_INGEST_SUBSCRIPTIONS_BROKER_URI must be a required variable ${NAME:?message}");
  }

  @Test
  void thereIsNoDotEnvFileThatWouldTurnDemoPasswordsIntoDefaults() {
    // compose reads .env beside the compose file by itself; demo values live in demo.env instead
    assertThat(Files.exists(Deployment.DIRECTORY.resolve(".env"))).as("docker/.env must not exist").isFalse();
  }

  @Test
  void theDemoEnvFileSetsEveryVariableComposeRequires() {
    assertThat(DEMO).containsKeys(DeploymentChecks.requiredVariables(COMPOSE).toArray(String[]::new));
  }

  @Test
  void imagesArePinnedAndBuildsNameProgramStagesOfTheDockerfile() {
    assertThat(DeploymentChecks.imageProblems(COMPOSE, Deployment.dockerfile())).isEmpty();
  }

  @Test
  void theSimulatorCommandIsAValidCommandLine() {
    assertThat(DeploymentChecks.commandProblems(COMPOSE)).isEmpty();
  }

  @Test
  void anUnknownSimulatorCommandIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          simulator:
            build: {context: .., dockerfile: docker/Dockerfile, target: simulators}
            command: ["simulate-everything", "--fast"]
        """, "broken.yaml");

    assertThat(DeploymentChecks.commandProblems(broken)).singleElement().asString()
        .startsWith("broken.yaml:4 (services.simulator.command): simulate-everything --fast: ");
  }
}
