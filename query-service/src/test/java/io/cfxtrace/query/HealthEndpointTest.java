package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /health is what container health checks and load balancers call (docker/compose.yaml). */
@Timeout(120)
class HealthEndpointTest {

  @Test
  void healthAnswersUpWhileTheStoreIsReachable() {
    try (QueryServiceFixture service = QueryServiceFixture.storing(List.of())) {
      HttpResponse<String> response = service.get("/health");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(QueryServiceFixture.json(response).path("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void otherManagementEndpointsStayOff() {
    try (QueryServiceFixture service = QueryServiceFixture.storing(List.of())) {
      assertThat(service.get("/beans").statusCode()).isEqualTo(404);
      assertThat(service.get("/env").statusCode()).isEqualTo(404);
    }
  }
}
