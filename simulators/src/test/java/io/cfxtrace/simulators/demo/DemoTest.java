package io.cfxtrace.simulators.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** the demo's orchestration on free ports and a temporary data directory, with a short simulated line. */
@Timeout(300)
class DemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private Demo start(List<String> said) throws Exception {
    // eight boards as fast as the listener takes them: the first is finished within seconds
    SimulatedLineFeed feed = new SimulatedLineFeed(data.resolve("line"), 0, 7, 8);
    return Demo.start(new Demo.Settings(data, "127.0.0.1", 0, 0, 0, 0), feed, said::add);
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("localhost", "127.0.0.1")))
        .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void aBoardThatLeftTheLineHasItsBirthCertificateAndASecondRunKeepsTheData() throws Exception {
    List<String> said = new ArrayList<>();
    String serial;
    try (Demo demo = start(said)) {
      serial = demo.awaitSampleSerial(Duration.ofMinutes(3));

      JsonNode certificate = get(demo.birthCertificateUrl(serial));
      assertThat(certificate.path("unit").asText()).isEqualTo(serial);
      List<String> stations = new ArrayList<>();
      certificate.path("route").forEach(step -> stations.add(step.path("station").asText()));
      assertThat(stations).contains("Line1.Laser.LSR01", "Line1.Placer.PNP01", "Line1.FCT.FCT01");
      assertThat(certificate.path("materials").size()).isPositive();
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.unitPageUrl(serial)
          .replace("localhost", "127.0.0.1"))).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("the web UI's unit page").isEqualTo(200);
      assertThat(demo.unitsAtStart()).isZero();
      assertThat(said).anyMatch(s -> s.startsWith("creating the embedded PostgreSQL"));
    }

    List<String> again = new ArrayList<>();
    try (Demo demo = start(again)) {
      assertThat(demo.unitsAtStart()).isPositive();
      assertThat(demo.boardsAtStart()).isPositive();
      assertThat(again).anyMatch(s -> s.startsWith("the store keeps the data of earlier runs"));
      assertThat(get(demo.birthCertificateUrl(serial)).path("unit").asText()).isEqualTo(serial);
    }
  }

  @Test
  void aBusyPortIsNamedWithTheOptionThatMovesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      SimulatedLineFeed feed = new SimulatedLineFeed(data.resolve("line"), 0, 7, 8);
      Demo.Settings settings = new Demo.Settings(data, "127.0.0.1", taken.getLocalPort(), 0, 0, 0);

      assertThatThrownBy(() -> Demo.start(settings, feed, s -> {}))
          .isInstanceOf(Demo.PortInUseException.class)
          .hasMessageStartingWith("port " + taken.getLocalPort() + " is in use; pass --http-port");
    }
  }
}
