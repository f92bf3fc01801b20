package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.publisher;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uniqueIds;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.model.CfxEnvelope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * the publisher's spool with a broker that is down (SDK DurableQueue semantics, cfx-sdk-notes part
 * b, "Durable spooling"): envelopes wait on disk, in order, and survive a killed process.
 */
class BrokerSpoolTest {

  private static final String QUEUE = "cfx.spooled";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  @TempDir Path dir;
  private CfxEndpoint endpoint;

  @BeforeEach
  void start() {
    broker.createAnycastQueue(QUEUE);
    broker.stop(); // the queue is durable: it is there again when the broker starts
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Spool");
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  @Timeout(30)
  void envelopesPublishedWhileTheBrokerIsDownWaitInTheSpoolAndAreDeliveredInOrderWhenItComesUp() throws Exception {
    Publisher publisher = endpoint.publisher(publisher(uri(broker), QUEUE, dir.resolve("spool")));
    List<CfxEnvelope> sent = workStarted(0, 20);

    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    sent.forEach(e -> accepted.add(publisher.publish(e).toCompletableFuture()));

    assertThat(accepted).noneMatch(CompletableFuture::isDone);
    assertThat(publisher.pending()).isEqualTo(20);
    assertThat(publisher.status().state()).isNotEqualTo(ChannelStatus.State.CONNECTED);

    broker.start();

    CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    assertThat(publisher.pending()).isZero();
    broker.awaitMessageCount(QUEUE, sent.size(), Duration.ofSeconds(20)); // Artemis counts after it settles
    assertThat(broker.browse(QUEUE)).extracting(m -> m.properties().getMessageId()).containsExactlyElementsOf(uniqueIds(sent));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void envelopesSpooledByAKilledPublisherProcessAreAllSentInOrderByTheNextPublisher() throws Exception {
    Path spool = dir.resolve("spool");
    Path stderr = dir.resolve("child.err");
    Process child = startChild(spool, 50, stderr);
    List<String> spooled = new ArrayList<>();
    boolean allSpooled = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null && !allSpooled; line = lines.readLine()) {
        if (line.startsWith("spooled ")) {
          spooled.add(line.substring("spooled ".length()));
        }
        allSpooled = line.equals("all-spooled");
      }
    } finally {
      child.destroyForcibly(); // no shutdown hook, no close: as a power cut of the process
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(allSpooled).as("the child spooled everything; its stderr: %s", Files.readString(stderr)).isTrue();
    assertThat(spooled).hasSize(50);

    Publisher next = endpoint.publisher(publisher(uri(broker), QUEUE, spool));
    assertThat(next.pending()).isEqualTo(50);
    broker.start();

    await("the recovered spool is sent", () -> next.pending() == 0, next::status);
    broker.awaitMessageCount(QUEUE, spooled.size(), Duration.ofSeconds(20)); // Artemis counts after it settles
    assertThat(broker.browse(QUEUE)).extracting(m -> m.properties().getMessageId()).containsExactlyElementsOf(spooled);
  }

  private Process startChild(Path spool, int count, Path stderr) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SpoolingPublisherProcess.class.getName(),
            spool.toString(),
            Integer.toString(broker.port()),
            QUEUE,
            Integer.toString(count));
    builder.redirectError(stderr.toFile());
    return builder.start();
  }
}
