package io.cfxtrace.simulators.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.simulators.testing.MemoryPublisher;
import io.cfxtrace.simulators.testing.Services;
import io.cfxtrace.simulators.replay.ReplayState;
import io.cfxtrace.simulators.replay.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecorderTest {

  @TempDir Path dir;

  private static CfxEnvelope arrived(int i) {
    return CfxEnvelope.event("Line1.Oven", new UnitsArrived("BOARD-" + i, null, 1, List.of(), 1));
  }

  @Test
  void withAMessageLimitTheRecordingStopsThereAndRefusesTheRest() throws Exception {
    Path file = dir.resolve("five.jsonl");
    List<CfxEnvelope> sent = IntStream.rangeClosed(1, 7).mapToObj(RecorderTest::arrived).toList();
    try (Recorder recorder = Recorder.create(file, false, false, 5);
        CfxEndpoint recording = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Recorder", null), CfxEndpoint.Options.defaults());
        CfxEndpoint machine = CfxEndpoint.start(EndpointIdentity.of("Line1.Oven", null), CfxEndpoint.Options.defaults())) {
      Listener listener = recording.listen(ListenerConfig.anonymous("record", "127.0.0.1", 0), recorder);
      Publisher publisher = Services.publisher(machine, AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/cfx"), dir.resolve("spool"));
      sent.forEach(publisher::publish);

      recorder.limitReached().get(30, TimeUnit.SECONDS);
      recording.close();
    }

    MemoryPublisher replayed = new MemoryPublisher();
    Replayer.Result result = new Replayer(file, ReplayState.defaultFile(file), Replayer.Options.asFastAsPossible(), new Replayer.Listener() {})
        .run(replayed, Replayer.prepare(file, ReplayState.defaultFile(file), false, false, false, null));
    assertThat(result.complete()).isTrue();
    assertThat(replayed.published()).containsExactlyElementsOf(sent.subList(0, 5));
  }

  @Test
  void aClosedRecorderRefusesMessagesSoTheyAreRedelivered() throws Exception {
    Recorder recorder = Recorder.create(dir.resolve("closed.jsonl"), false, false, 0);
    recorder.close();

    assertThat(recorder.store(TestMessages.of(arrived(1))).toCompletableFuture()).isCompletedExceptionally();
  }

  @Test
  void anExistingFileIsNotOverwrittenUnlessAsked() throws Exception {
    Path file = Files.writeString(dir.resolve("kept.jsonl"), "precious\n");

    assertThatThrownBy(() -> Recorder.create(file, false, false, 0)).isInstanceOf(IOException.class).hasMessageContaining("--overwrite");
    assertThat(Files.readString(file)).isEqualTo("precious\n");
    Recorder.create(file, false, true, 0).close();
    assertThat(Files.readString(file)).as("a recorder that never started").isEqualTo("precious\n");
    try (Recorder started = Recorder.create(file, false, true, 0)) {
      started.start();
    }
    assertThat(Files.readString(file)).isEmpty();
  }
}
