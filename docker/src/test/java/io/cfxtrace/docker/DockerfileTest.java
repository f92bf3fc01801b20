package io.cfxtrace.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docker/Dockerfile pins its base images and runs every program as a non-root user. */
class DockerfileTest {

  @Test
  void dockerfileHasPinnedBasesAndNonRootProgramStages() {
    assertThat(DeploymentChecks.dockerfileProblems(Deployment.dockerfile())).isEmpty();
  }

  @Test
  void theBuildStageAndTheProgramStagesAreAllThere() {
    DockerfileModel d = Deployment.dockerfile();

    assertThat(d.stages()).extracting(DockerfileModel.Stage::alias)
        .contains("build", "ingest-service", "query-service", "simulators");
    assertThat(d.stage("ingest-service").orElseThrow().base()).isEqualTo("runtime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eclipse-temurin", "eclipse-temurin:latest", "eclipse-temurin:17-jre", "apache/activemq-artemis:latest-alpine"})
  void aMovingTagIsNotAPin(String image) {
    assertThat(DeploymentChecks.unpinned(image)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eclipse-temurin:17.0.20_8-jre-noble", "timescale/timescaledb:2.28.3-pg15", "registry:5000/x/y:1.2@sha256:abc"})
  void aVersionTagOrADigestIsAPin(String image) {
    assertThat(DeploymentChecks.unpinned(image)).isEmpty();
  }

  @Test
  void aProgramStageRunningAsRootIsReportedWithItsLine() {
    DockerfileModel d = DockerfileModel.parse("""
        ARG JRE=eclipse-temurin:17.0.20_8-jre-noble
        FROM ${JRE} AS runtime
        USER 10001:10001
        FROM runtime AS ingest-service
        USER root
        ENTRYPOINT ["java", "-cp", "/app/ingest-service.jar:/app/lib/*", "io.cfxtrace.ingest.IngestApplication"]
        FROM runtime AS query-service
        ENTRYPOINT ["java", "-cp", "/app/query-service.jar:/app/lib/*", "io.cfxtrace.query.QueryApplication"]
        FROM eclipse-temurin:latest AS simulators
        ENTRYPOINT ["java", "-jar", "/app/cfx-cli.jar"]
        """, "Dockerfile");

    assertThat(DeploymentChecks.dockerfileProblems(d)).containsExactlyInAnyOrder(
        "Dockerfile:9: FROM eclipse-temurin:latest has tag \"latest\", which moves: pin a version such as 1.2.3",
        "Dockerfile:5: stage ingest-service runs as USER root (root)",
        "Dockerfile:9: stage simulators sets no USER, so it runs as the base image's user (root)");
  }

  @Test
  void continuationLinesAndCommentsAreJoinedAsDockerDoes() {
    DockerfileModel d = DockerfileModel.parse("""
        FROM eclipse-temurin:17.0.20_8-jre-noble AS runtime
        RUN a \\
        # a comment inside a continued RUN
         && b
        USER 10001
        """, "Dockerfile");

    assertThat(d.stages().get(0).instructions()).extracting(DockerfileModel.Instruction::keyword).containsExactly("RUN", "USER");
    assertThat(d.stages().get(0).lastUser().orElseThrow().line()).isEqualTo(5);
  }
}
