package io.cfxtrace.simulators.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.simulators.record.RecordingFormat;
import io.cfxtrace.simulators.testing.MemoryPublisher;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** the replay loop against a publisher that accepts at once: bad input, torn ends, re-keying, state. */
@Timeout(60)
class ReplayerTest {

  private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();
  private final Replayer.Listener listener = new Replayer.Listener() {
    @Override
    public void warning(String text) {
      warnings.add(text);
    }
  };

  private static CfxEnvelope envelope(int i) {
    return CfxEnvelope.event("Line1.Oven", new UnitsArrived("BOARD-" + i, null, 1, List.of(), 1), CfxTimestamp.ofUtc(T0.plusSeconds(i)));
  }

  /** a recorded line of envelope i, received i * gapMillis after T0. */
  private static String line(CfxEnvelope e, long receivedMillis) {
    InboundMessage m = TestMessages.of(e);
    MessageOrigin o = m.origin();
    MessageOrigin at = new MessageOrigin(o.channel(), o.connectionId(), o.remoteAddress(), o.remoteContainerId(), o.user(), o.address(),
        o.properties(), T0.plusMillis(receivedMillis));
    return RecordingFormat.lines(new InboundMessage(at, m.envelopes(), m.deadLetters())).get(0);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("", Arrays.stream(lines).map(l -> l + "\n").toList()));
    return file;
  }

  private Replayer.Result replay(Path file, Replayer.Options options, MemoryPublisher publisher, boolean rekey, String seed) throws IOException {
    Path state = ReplayState.defaultFile(file);
    ReplayState start = Replayer.prepare(file, state, false, true, rekey, seed);
    return new Replayer(file, state, options, listener).run(publisher, start);
  }

  private static Replayer.Options skipBad() {
    return new Replayer.Options(1.0, true, null, Replayer.Clock.RECEIVED, true, 16);
  }

  @Test
  void everyEnvelopeIsPublishedInOrderWithItsUniqueId() throws Exception {
    List<CfxEnvelope> sent = List.of(envelope(1), envelope(2), envelope(3));
    Path file = write("r.jsonl", line(sent.get(0), 0), line(sent.get(1), 10), line(sent.get(2), 20));
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, Replayer.Options.asFastAsPossible(), publisher, false, null);

    assertThat(result.complete()).isTrue();
    assertThat(publisher.published()).containsExactlyElementsOf(sent);
    assertThat(Files.exists(ReplayState.defaultFile(file))).isFalse();
  }

  @Test
  void aTornLastLineIsSkippedWithAWarning() throws Exception {
    String third = line(envelope(3), 20);
    Path file = write("torn.jsonl", line(envelope(1), 0), line(envelope(2), 10));
    // a killed recorder: half of the third line, without its line break
    Files.writeString(file, Files.readString(file) + third.substring(0, third.length() / 2));
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, Replayer.Options.asFastAsPossible(), publisher, false, null);

    assertThat(result.complete()).isTrue();
    assertThat(result.error()).isNull();
    assertThat(publisher.published()).hasSize(2);
    assertThat(warnings).singleElement().asString().contains("line 3 is incomplete");
  }

  @Test
  void aGzipRecordingCutOffMidStreamReplaysWhatIsWholeAndWarns() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
      for (int i = 1; i <= 3; i++) {
        gz.write((line(envelope(i), i * 10L) + "\n").getBytes(StandardCharsets.UTF_8));
        gz.flush();
      }
      gz.write(line(envelope(4), 40).getBytes(StandardCharsets.UTF_8));
      gz.flush();
    }
    byte[] whole = bytes.toByteArray();
    Path file = dir.resolve("cut.jsonl.gz");
    // what a killed recorder leaves: the sync-flushed blocks, no gzip trailer, the last line torn
    Files.write(file, Arrays.copyOf(whole, whole.length - 20));
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, Replayer.Options.asFastAsPossible(), publisher, false, null);

    assertThat(result.complete()).isTrue();
    assertThat(publisher.published()).hasSize(3);
    assertThat(warnings).isNotEmpty().allSatisfy(w -> assertThat(w).containsAnyOf("ends early", "incomplete"));
  }

  @Test
  void aLineThatIsNotJsonStopsTheReplayNamingItsNumber() throws Exception {
    Path file = write("bad.jsonl", line(envelope(1), 0), "this is not JSON", line(envelope(3), 20));
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, Replayer.Options.asFastAsPossible(), publisher, false, null);

    assertThat(result.complete()).isFalse();
    assertThat(result.error()).contains("line 2 of").contains("not JSON").contains("--skip-bad");
    assertThat(publisher.published()).hasSize(1);
    assertThat(ReplayState.read(ReplayState.defaultFile(file)).linesDone()).isEqualTo(1);
  }

  @Test
  void withSkipBadAnUnreadableLineIsSkippedAndTheRestPublished() throws Exception {
    Path file = write("bad.jsonl", line(envelope(1), 0), "{\"receivedAt\":\"yesterday\",\"envelope\":{}}", line(envelope(3), 20));
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, skipBad(), publisher, false, null);

    assertThat(result.complete()).isTrue();
    assertThat(result.skippedBad()).isEqualTo(1);
    assertThat(publisher.published()).hasSize(2);
    assertThat(warnings).singleElement().asString().contains("line 2 of").contains("receivedAt");
  }

  @Test
  void anEnvelopeTheCodecRefusesIsABadLineNamingThePath() throws Exception {
    String good = line(envelope(1), 0);
    String broken = good.replace("\"Lane\":1", "\"Lane\":true");
    Path file = write("refused.jsonl", broken);
    MemoryPublisher publisher = new MemoryPublisher();

    Replayer.Result result = replay(file, Replayer.Options.asFastAsPossible(), publisher, false, null);

    assertThat(broken).isNotEqualTo(good);
    assertThat(result.error()).contains("line 1 of").contains("does not decode").contains("Lane");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void reKeyedIdsDifferFromTheOriginalsAndAreTheSameForOneSeed() throws Exception {
    List<CfxEnvelope> sent = List.of(envelope(1), envelope(2));
    Path file = write("r.jsonl", line(sent.get(0), 0), line(sent.get(1), 10));
    MemoryPublisher first = new MemoryPublisher();
    MemoryPublisher second = new MemoryPublisher();
    MemoryPublisher other = new MemoryPublisher();

    replay(file, Replayer.Options.asFastAsPossible(), first, true, "seed-1");
    replay(file, Replayer.Options.asFastAsPossible(), second, true, "seed-1");
    replay(file, Replayer.Options.asFastAsPossible(), other, true, "seed-2");

    List<String> ids = first.published().stream().map(CfxEnvelope::uniqueId).toList();
    assertThat(ids).doesNotContainAnyElementsOf(sent.stream().map(CfxEnvelope::uniqueId).toList()).doesNotHaveDuplicates();
    assertThat(second.published().stream().map(CfxEnvelope::uniqueId).toList()).isEqualTo(ids);
    assertThat(other.published().stream().map(CfxEnvelope::uniqueId).toList()).doesNotContainAnyElementsOf(ids);
    assertThat(first.published().get(0).withUniqueId(sent.get(0).uniqueId())).isEqualTo(sent.get(0));
  }

  @Test
  void theRecordedPaceIsKeptTimesTheSpeedFactor() throws Exception {
    // two seconds between the messages, at speed 10: at least 200 ms (an upper bound would be a timing test)
    Path file = write("paced.jsonl", line(envelope(1), 0), line(envelope(2), 2000));
    MemoryPublisher publisher = new MemoryPublisher();
    long start = System.nanoTime();

    replay(file, new Replayer.Options(10.0, false, null, Replayer.Clock.RECEIVED, false, 16), publisher, false, null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(publisher.published()).hasSize(2);
  }

  @Test
  void aStateFileLeftByAnInterruptedReplayMustBeResumedOrRestarted() throws Exception {
    Path file = write("r.jsonl", line(envelope(1), 0), line(envelope(2), 10));
    Path state = ReplayState.defaultFile(file);
    new ReplayState(file.toString(), ReplayState.fingerprint(file), 1, null, Instant.now()).write(state);

    assertThatThrownBy(() -> Replayer.prepare(file, state, false, false, false, null)).hasMessageContaining("--resume").hasMessageContaining("--restart");
    assertThat(Replayer.prepare(file, state, true, false, false, null).linesDone()).isEqualTo(1);
    assertThat(Replayer.prepare(file, state, false, true, false, null).linesDone()).isZero();
    assertThatThrownBy(() -> Replayer.prepare(file, state, true, false, true, null)).hasMessageContaining("without --rekey");
  }

  @Test
  void aStateFileOfAnotherRecordingIsRefused() throws Exception {
    Path file = write("r.jsonl", line(envelope(1), 0));
    Path state = ReplayState.defaultFile(file);
    new ReplayState("/elsewhere/other.jsonl", "sha256:00", 1, null, Instant.now()).write(state);

    assertThatThrownBy(() -> Replayer.prepare(file, state, true, false, false, null)).hasMessageContaining("belongs to another recording");
  }
}
