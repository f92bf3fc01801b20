package io.cfxtrace.simulators.testing;

import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.simulators.line.LineSimulator;
import io.cfxtrace.simulators.line.SimulationPlan;
import io.cfxtrace.simulators.record.Recorder;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** recordings written by the real {@link Recorder}, of a simulated line's first envelopes. */
public final class Recordings {

  private Recordings() {}

  /**
   * the first envelopes of a one-line simulation (seed 3, shift starting 2026-05-04 06:00 +02:00).
   *
   * @param count how many.
   * @return the envelopes in the order the stations publish them.
   */
  public static List<CfxEnvelope> simulated(int count) {
    LineSimulator line = new LineSimulator(new SimulationPlan(1, 8, 4, 3, OffsetDateTime.parse("2026-05-04T06:00:00+02:00")), link -> {});
    List<CfxEnvelope> out = new ArrayList<>();
    while (out.size() < count && line.hasNext()) {
      out.add(line.next().envelope());
    }
    return out;
  }

  /**
   * records envelopes into a file, each as one received message, as {@code ./cfx record} does.
   *
   * @param file the recording (gzip when the name ends in .gz).
   * @param envelopes what to record.
   * @return the file.
   * @throws Exception if it cannot be written.
   */
  public static Path write(Path file, List<CfxEnvelope> envelopes) throws Exception {
    try (Recorder recorder = Recorder.create(file, file.getFileName().toString().endsWith(".gz"), false, 0)) {
      recorder.start();
      for (CfxEnvelope e : envelopes) {
        recorder.store(TestMessages.of(e)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
    return file;
  }
}
