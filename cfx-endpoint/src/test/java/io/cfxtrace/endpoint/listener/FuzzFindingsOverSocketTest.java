package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.testing.JmsMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the inputs with which FuzzListenerTest found bugs, sent over a real socket to a running listener
 * (FuzzListenerTest drives the same connection code on in-memory channels): the listener ends the
 * peer's connection, frees its slot, and serves the next machine. An input's first byte sets up the
 * fuzz harness and is not sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FuzzFindingsOverSocketTest {

  private static final String FINDINGS =
      "/io/cfxtrace/endpoint/internal/FuzzListenerTestInputs/listenerSurvivesMutatedAmqpSessions";

  private TestListener under;

  @BeforeAll
  void start() throws CfxEndpointException {
    // the users of the fuzz harness's listener, whose seeds log in with PLAIN too
    under = TestListener.start(TestListener.anonymous().withSasl(Map.of("machine", "secret"), true));
  }

  @AfterAll
  void stop() {
    under.close();
  }

  static Stream<Path> findings() throws IOException, URISyntaxException {
    URL dir = FuzzFindingsOverSocketTest.class.getResource(FINDINGS);
    assertThat(dir).as(FINDINGS + " on the test class path").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      List<Path> crashes = files.filter(p -> p.getFileName().toString().startsWith("crash-")).sorted().toList();
      assertThat(crashes).isNotEmpty();
      return crashes.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void listenerServesTheNextMachineAfterAPeerSendsAFuzzFinding(Path finding) throws Exception {
    byte[] input = Files.readAllBytes(finding);

    try (Socket peer = new Socket()) {
      peer.connect(new InetSocketAddress("127.0.0.1", under.listener.port()), 5000);
      peer.setSoTimeout(10_000);
      peer.getOutputStream().write(input, 1, input.length - 1);
      peer.getOutputStream().flush();
      readUntilClosed(peer.getInputStream());
    }
    TestListener.awaitCondition("the listener frees the peer's connection", Duration.ofSeconds(10), () -> under.listener.connectionCount() == 0);
    while (under.sink.queued() > 0) {
      under.sink.next(1); // what the finding itself stored
    }

    JmsMachine next = under.machine(Cfx.MACHINE);
    next.publishCfx("CFXListener", Cfx.json(Cfx.workStarted(1)), true);
    next.close();

    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).extracting(e -> Cfx.lane(e.envelope())).containsExactly(1);
  }

  /** reads what the listener answers until it closes the connection. */
  private static void readUntilClosed(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // the listener's SASL outcome, open, attach... and finally its close
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the listener did not close the connection within 10 s", e);
    } catch (IOException reset) {
      // closed with unread input on its side: a reset is a close too
    }
  }
}
