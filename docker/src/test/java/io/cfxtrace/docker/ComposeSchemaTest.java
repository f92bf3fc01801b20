package io.cfxtrace.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml is a valid Compose file: it parses and it satisfies the Compose
 * Specification's JSON schema (a copy in src/test/resources/compose-spec, see its README).
 */
class ComposeSchemaTest {

  private static final String SCHEMA = DeploymentChecks.resource("/compose-spec/compose-spec.json");

  @Test
  void composeFileSatisfiesTheComposeSpecSchema() {
    assertThat(DeploymentChecks.schemaProblems(Deployment.compose(), SCHEMA)).isEmpty();
  }

  @Test
  void aMisspeltServiceKeyIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          ingest:
            image: cfx-trace/ingest-service:1.0
            helthcheck:
              test: ["CMD", "true"]
        """, "broken.yaml");

    assertThat(DeploymentChecks.schemaProblems(broken, SCHEMA)).singleElement().asString()
        .startsWith("broken.yaml:2 (services.ingest)")
        .contains("helthcheck");
  }

  @Test
  void aValueOfTheWrongTypeIsReportedWithItsLine() {
    ComposeFile broken = ComposeFile.parse("""
        services:
          ingest:
            image: cfx-trace/ingest-service:1.0
            depends_on:
              timescaledb:
                condition: when_ready
        """, "broken.yaml");

    assertThat(DeploymentChecks.schemaProblems(broken, SCHEMA))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:6 (services.ingest.depends_on.timescaledb.condition)").contains("service_healthy"));
  }
}
