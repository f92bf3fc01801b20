package io.cfxtrace.simulators.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.simulators.line.TruthLink;
import io.cfxtrace.simulators.testing.CliRun;
import io.cfxtrace.simulators.testing.Services;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the README's {@code ./cfx simulate} into a running demo: with the demo's own seed (the worst
 * case: the same line would give the same UniqueIDs, so nothing new would be stored; another seed
 * would merge two boards under one serial), the simulation takes a line of its own and the store
 * keeps both lines' boards apart.
 */
@Timeout(300)
class SimulateIntoARunningDemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aSimulationIntoTheDemosListenerStoresALineOfItsOwnBesideTheDemosLine() throws Exception {
    try (Services services = Services.start(); SimulatedLineFeed demoLine = new SimulatedLineFeed(dir.resolve("line"), 0, 1, 8)) {
      demoLine.start(services.listener());
      String to = "amqp://127.0.0.1:" + services.listener().port() + "/cfx";
      Path truthFile = dir.resolve("truth.jsonl");

      // the README's example, with the demo's listener as its target
      CliRun run = CliRun.of("simulate", "--fast", "--boards", "8", "--target", to, "--truth", truthFile.toString());

      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("Line1 is being simulated into amqp://127.0.0.1:" + services.listener().port()
          + " by another run on this machine (pid " + ProcessHandle.current().pid() + ", ./cfx demo)")
          .contains("1 line (Line2: serials SN-L2-*, reels RL-L2-*)");
      Matcher published = Pattern.compile("published (\\d+) envelopes, all accepted").matcher(run.out());
      assertThat(published.find()).as(run.out()).isTrue();
      assertThat(services.count("select count(*) from raw_message where source like 'Line2.%'"))
          .as("every envelope of the simulation is stored, none taken for one of the demo's").isEqualTo(Long.parseLong(published.group(1)));

      List<TruthLink> truth = Files.readAllLines(truthFile).stream().map(TruthLink::parse).toList();
      Map<String, List<TruthLink>> bySerial = truth.stream().collect(Collectors.groupingBy(TruthLink::serial));
      assertThat(bySerial.keySet()).hasSize(8).allMatch(s -> s.startsWith("SN-L2-"));
      for (Map.Entry<String, List<TruthLink>> board : bySerial.entrySet()) {
        JsonNode certificate = get(services, "/api/units/" + Services.encode(board.getKey()));
        Set<String> stations = new TreeSet<>();
        certificate.path("route").forEach(step -> stations.add(step.path("station").asText()));
        assertThat(stations).as("the route of %s", board.getKey()).isNotEmpty().allMatch(s -> s.startsWith("Line2."));
        Set<String> exact = new TreeSet<>();
        certificate.path("materials").forEach(m -> {
          if (m.path("link").asText().equals("exact")) {
            exact.add(m.path("materialPackage").asText() + " " + m.path("referenceDesignator").asText());
          }
        });
        assertThat(exact).as("the exact materials of %s", board.getKey()).isEqualTo(board.getValue().stream().filter(TruthLink::exact)
            .map(t -> t.materialPackage() + " " + t.referenceDesignator()).collect(Collectors.toCollection(TreeSet::new)));
      }

      // the demo's own line is there too, on its own stations
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (services.count("select count(distinct unit_id) from unit_event where unit_id like 'SN-L1-%' and station = 'Line1.FCT.FCT01'") == 0) {
        assertThat(System.nanoTime()).as("a board of the demo's line leaves FCT; %s", demoLine.problem()).isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(200);
      }
      assertThat(services.count("select count(*) from unit_event where (unit_id like 'SN-L1-%' and station not like 'Line1.%')"
          + " or (unit_id like 'SN-L2-%' and station not like 'Line2.%')")).as("events of a board on the other line's stations").isZero();
    }
  }

  private static JsonNode get(Services services, String path) throws Exception {
    HttpResponse<String> r = services.query(path);
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
