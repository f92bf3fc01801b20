package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** the API needs one of the configured bearer tokens; the UI's pages and the OpenAPI document do not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class AuthTest {

  private QueryServiceFixture service;

  @BeforeAll
  void storeTheLineAndStartTheService() {
    service = QueryServiceFixture.storing(TestLine.envelopes(), Map.of("cfx.query.auth.tokens", List.of("first-token", QueryServiceFixture.TOKEN)));
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
    return service.send(b.GET().build());
  }

  @Test
  void requestWithoutTokenAnswers401WithBearerChallenge() {
    HttpResponse<String> response = get("/api/units/" + io.cfxtrace.ingest.normalize.SmtLineAccess.serial(1), Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cfx-query\"");
    assertThat(QueryServiceFixture.json(response).get("message").asText()).contains("needs a bearer token");
  }

  @Test
  void wrongTokenAnswers401WithInvalidTokenError() {
    HttpResponse<String> response = get("/api/units/X", Map.of("Authorization", "Bearer not-a-token"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cfx-query\", error=\"invalid_token\"");
  }

  @Test
  void anyConfiguredTokenIsAccepted() {
    assertThat(List.of(get("/api/materials/REEL-X/units", Map.of("Authorization", "Bearer first-token")).statusCode(),
            get("/api/materials/REEL-X/units", Map.of("Authorization", "bearer " + QueryServiceFixture.TOKEN)).statusCode()))
        .containsExactly(200, 200);
  }

  @Test
  void accessTokenParameterIsRefusedOutsideTheLiveFeed() {
    assertThat(get("/api/materials/REEL-X/units?access_token=" + QueryServiceFixture.TOKEN, Map.of()).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ui/index.html", "/ui/unit.html", "/ui/lib/echarts/echarts.min.js", "/ui/api.html",
      "/ui/lib/swagger-ui/swagger-ui-bundle.js", "/swagger/cfx-query.yml"})
  void uiPagesLibrariesAndOpenApiDocumentAreServedWithoutToken(String path) {
    assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ui/nothing.html", "/ui/%2E%2E/application.yml", "/ui/lib/echarts/..%2F..%2F..%2Fpom.properties", "/ui/lib/",
      "/swagger/%2E%2E%2Fapplication.yml"})
  void uiServesOnlyItsOwnFiles(String path) {
    assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(404);
  }

  @Test
  void uiFilesComeWithTheirMediaType() {
    assertThat(List.of(get("/ui/unit.html", Map.of()).headers().firstValue("Content-Type").orElse(""),
            get("/ui/lib/echarts/echarts.min.js", Map.of()).headers().firstValue("Content-Type").orElse("")))
        .satisfiesExactly(html -> assertThat(html).startsWith("text/html"), js -> assertThat(js).contains("javascript"));
  }
}
