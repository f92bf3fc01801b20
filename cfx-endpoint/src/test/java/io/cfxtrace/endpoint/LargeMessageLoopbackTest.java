package io.cfxtrace.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.GenericMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** messages larger than one AMQP frame, many in flight, from our publisher to our listener. */
@Timeout(120)
class LargeMessageLoopbackTest {

  @TempDir Path dir;

  @Test
  void multiFrameMessagesWithManyInFlightArriveIntactAndInOrder() throws Exception {
    try (CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("Test.Broker", null), CfxEndpoint.Options.defaults())) {
      RecordingSink sink = new RecordingSink();
      Listener listener = endpoint.listen(ListenerConfig.anonymous("t", "127.0.0.1", 0), sink);
      Publisher publisher =
          endpoint.publisher(
              new PublisherConfig("p", AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/cfx"), "cfx", null, null, true, dir.resolve("s"),
                  SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 64, Duration.ZERO, ReconnectPolicy.defaults()));
      Random r = new Random(1);
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      int n = 150;
      for (int i = 0; i < n; i++) {
        StringBuilder noise = new StringBuilder();
        for (int k = 0; k < 60_000; k++) {
          noise.append((char) ('a' + r.nextInt(26)));
        }
        GenericMessage body = new GenericMessage("Vendor.Big", Map.of("Seq", JsonNodeFactory.instance.numberNode(i), "Noise", JsonNodeFactory.instance.textNode(noise.toString())));
        acks.add(publisher.publish(CfxEnvelope.event("Test.Machine", body)).toCompletableFuture());
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);

      List<CfxEnvelope> got = sink.envelopes(n, 30);
      assertThat(got).extracting(e -> e.messageBody().extensions().get("Seq").intValue()).isSorted().hasSize(n);
    }
  }
}
