package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.testing.JmsMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * every golden fixture of cfx-model (the SDK's documented examples, one envelope per file) sent by
 * a Qpid JMS machine the SDK way (gzip, SDK properties) arrives decoded, typed or generic, and
 * never as a dead letter. One listener and one machine serve all files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class GoldenFixturesOverJmsTest {

  private static final Path EXAMPLES = Path.of("..", "cfx-model", "src", "test", "resources", "cfx", "examples");

  private TestListener under;
  private JmsMachine machine;

  @BeforeAll
  void start() throws Exception {
    under = TestListener.start();
    machine = under.machine(Cfx.MACHINE);
  }

  @AfterAll
  void stop() {
    under.close();
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
      assertThat(json).as("fixtures under " + EXAMPLES.toAbsolutePath()).hasSizeGreaterThan(100);
      return json;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixtureArrivesDecodedWithoutDeadLetters(Path fixture) throws Exception {
    byte[] json = Files.readAllBytes(fixture);

    machine.publishCfx("CFXListener", json, true);

    InboundMessage got = under.sink.next(10);
    assertThat(got.deadLetters()).as(fixture.getFileName() + " dead letters").isEmpty();
    assertThat(got.envelopes()).singleElement().satisfies(e -> {
      assertThat(e.envelope().messageName()).isEqualTo(JmsMachine.envelopeField(json, "MessageName"));
      assertThat(e.envelope().uniqueId()).isEqualTo(JmsMachine.envelopeField(json, "UniqueID"));
    });
    assertThat(got.origin().properties().messageId()).isEqualTo(JmsMachine.envelopeField(json, "UniqueID"));
  }
}
