package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/** the OpenAPI document written at build time is served and describes the service's real endpoints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class OpenApiTest {

  private QueryServiceFixture service;
  private Map<String, Object> document;

  @BeforeAll
  void startTheServiceAndReadTheDocument() {
    service = QueryServiceFixture.storing(List.of());
    HttpResponse<String> response = service.send(HttpRequest.newBuilder(URI.create(service.url() + "/swagger/cfx-query.yml")).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    document = new Yaml().load(response.body());
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String key) {
    return (Map<String, Object>) ((Map<String, Object>) node).get(key);
  }

  @Test
  void documentListsEveryApiEndpoint() {
    assertThat(map(document, "paths")).containsOnlyKeys("/api/events/stream", "/api/units/{id}", "/api/units", "/api/materials/{packageId}/units",
        "/api/lots/{lot}/units", "/api/stations/{station}/timeline", "/api/transactions/{transactionId}", "/api/conflicts", "/api/holds",
        "/api/holds/{id}", "/api/holds/{id}/release", "/api/holds/where-used", "/api/search", "/api/overview");
  }

  @Test
  void everyEndpointNeedsTheBearerToken() {
    assertThat(map(map(map(document, "components"), "securitySchemes"), "bearer")).containsEntry("type", "http").containsEntry("scheme", "bearer");
    assertThat(document.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
  }

  @Test
  @SuppressWarnings("unchecked")
  void conflictListingIsDescribedWithItsRangeAndPaging() {
    Map<String, Object> get = map(map(map(document, "paths"), "/api/conflicts"), "get");
    List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.get("parameters");

    assertThat(parameters).extracting(p -> p.get("name")).containsExactlyInAnyOrder("from", "to", "limit", "offset");
    assertThat(map(map(get.get("responses"), "200"), "content")).containsKey("application/json");
  }

  @Test
  @SuppressWarnings("unchecked")
  void liveFeedIsDescribedAsEventStreamWithItsFilters() {
    Map<String, Object> get = map(map(map(document, "paths"), "/api/events/stream"), "get");
    List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.get("parameters");

    assertThat(parameters).extracting(p -> p.get("name")).contains("station", "message", "Last-Event-ID", "access_token");
    assertThat(map(map(get.get("responses"), "200"), "content")).containsKey("text/event-stream");
  }
}
