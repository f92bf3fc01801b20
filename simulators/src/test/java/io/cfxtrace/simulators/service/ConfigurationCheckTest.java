package io.cfxtrace.simulators.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * the check of environment variables, which the command tests cannot set in this JVM: each one in
 * a service's namespace must be a setting the service's configuration records take.
 */
class ConfigurationCheckTest {

  private final IngestCommand ingest = new IngestCommand();
  private final QueryCommand query = new QueryCommand();
  private Environment environment;

  @BeforeEach
  void emptyEnvironment() {
    environment = ApplicationContext.builder().overrideConfigLocations().build().getEnvironment();
    environment.start();
  }

  @AfterEach
  void stop() {
    environment.stop();
  }

  private List<String> problems(ServiceCommand command, Map<String, String> variables) {
    return new ConfigurationCheck(environment)
        .environmentVariables(variables, command.sections(), command.alsoKnown(), "the " + command.name() + " service")
        .problems();
  }

  @Test
  void aMisspeltVariableInTheServicesNamespaceIsNamed() {
    assertThat(problems(ingest, Map.of("CFX_INGEST_BATCH_SIZ", "5", "CFX_STORE_RETENTON", "30d")))
        .containsExactly("environment variable CFX_INGEST_BATCH_SIZ is not a setting of the ingest service",
            "environment variable CFX_STORE_RETENTON is not a setting of the ingest service");
  }

  @Test
  void theVariablesOfNamedListenersSubscriptionsAndUsersAreSettings() {
    assertThat(problems(ingest, Map.of(
        "CFX_INGEST_LISTENERS_LINE1_PORT", "5673",
        "CFX_INGEST_LISTENERS_LINE1_ALLOW_ANONYMOUS", "false",
        "CFX_INGEST_LISTENERS_LINE1_USERS_MACHINE", "secret",
        "CFX_INGEST_SUBSCRIPTIONS_RABBIT_URI", "amqp://cfx:secret@broker:5672/amq/queue/cfx",
        "CFX_INGEST_ZONELESS_OFFSET", "+01:00",
        "CFX_STORE_RUN_JOBS_INTERVAL", "5m"))).isEmpty();
  }

  @Test
  void theQueryServicesVariablesAreChecked() {
    assertThat(problems(query, Map.of("CFX_QUERY_AUTH_ENABLED", "false", "CFX_QUERY_FEED_MAX_CLIENTS", "5", "CFX_QUERY_AUTH_ENABLE", "false")))
        .containsExactly("environment variable CFX_QUERY_AUTH_ENABLE is not a setting of the query service");
  }

  @Test
  void theOtherServicesAndOtherProgramsVariablesAreLeftAlone() {
    // one shell may hold both services' settings; CFX_JAVA_OPTS and CFX_HOME belong to the launcher
    assertThat(problems(ingest, Map.of("CFX_QUERY_AUTH_TOKENS", "t", "CFX_JAVA_OPTS", "-Xmx1g", "CFX_HOME", "/opt/cfx"))).isEmpty();
    assertThat(problems(query, Map.of("CFX_INGEST_LISTENERS_LINE1_PORT", "5673"))).isEmpty();
  }

  @Test
  void aValueInAUriIsShownWithoutItsPassword() {
    assertThat(ConfigurationCheck.redact("not an AMQP URI: \"http://cfx:s3cret@broker/q\" and jdbc:postgresql://db/x?user=a&password=pw&ssl=true"))
        .isEqualTo("not an AMQP URI: \"http://cfx:***@broker/q\" and jdbc:postgresql://db/x?user=a&password=***&ssl=true");
  }

  @Test
  void theSettingsNamesAreTheRecordComponentsInKebabCase() {
    assertThat(ConfigurationCheck.kebab("allowAnonymous")).isEqualTo("allow-anonymous");
    assertThat(ConfigurationCheck.kebab("flowBudgetMb")).isEqualTo("flow-budget-mb");
    assertThat(Setting.environmentVariable("cfx.ingest.listeners.<name>.allow-anonymous")).isEqualTo("CFX_INGEST_LISTENERS_<NAME>_ALLOW_ANONYMOUS");
  }
}
