package io.cfxtrace.endpoint.bench;

import static io.cfxtrace.model.bench.BenchPayloads.spiUnitsInspected;


import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * the benchmark's CFX messages, built through the cfx-model records and encoded by the codec as
 * the SDK would send them (gzip body), seeded so that every run sends the same bytes.
 *
 * <ul>
 *   <li>{@code 1KB}: a CFX.Production.WorkStarted for a panel of {@value #SMALL_UNITS} boards (each a
 *       UnitPosition with coordinates), about 1 KB of JSON. Every message is a distinct envelope
 *       (its own UniqueID, TransactionID and panel id), so each one is gzipped separately, as a
 *       machine does.
 *   <li>{@code 2MB}: a CFX.Production.TestAndInspection.UnitsInspected from an SPI for a 4-board
 *       panel with one SolderPasteMeasurement per pad (random-ish 4-decimal volumes, areas,
 *       heights and offsets), the pad count chosen so that the gzip body is about 2 MB. Building
 *       and gzipping ~10 MB of JSON takes a second, so all messages carry this one envelope; only
 *       the AMQP message-id differs. Nothing in the endpoint de-duplicates, so decode work is the
 *       same as for distinct envelopes.
 * </ul>
 */
final class BenchPayloads {

  /** boards in the small WorkStarted: 3 give about 1 KB of JSON. */
  static final int SMALL_UNITS = 3;

  /** what gzip of the large message is aimed at. */
  static final int LARGE_TARGET_GZIP_BYTES = 2_000_000;

  private static final CfxTimestamp T0 = CfxTimestamp.parse("2026-03-14T09:26:53.5897932+01:00");

  private BenchPayloads() {}

  /**
   * one message as the SDK puts it on the wire: envelope JSON gzipped, plus the AMQP properties
   * the SDK derives from the envelope.
   *
   * @param messageId the AMQP message-id (the envelope UniqueID).
   * @param subject {@code <Source>.<MessageName>}.
   * @param applicationProperties {@code cfx-topic}, {@code cfx-message}, {@code cfx-handle}.
   * @param gzip the body.
   */
  record WireMessage(String messageId, String subject, Map<String, String> applicationProperties, byte[] gzip) {}

  /**
   * a set of messages of one kind.
   *
   * @param name the payload's name in the report.
   * @param messageName the CFX message name.
   * @param jsonBytes the size of one envelope's JSON (the first, for the small kind).
   * @param messages the messages, each with its own message-id; the large kind shares one body.
   */
  record Payload(String name, String messageName, int jsonBytes, List<WireMessage> messages) {

    /** the mean gzip body size: what goes on the wire per message (plus ~300 bytes of AMQP). */
    double meanGzipBytes() {
      return messages.stream().mapToLong(m -> m.gzip().length).average().orElse(0);
    }

    /** the ratio of JSON to gzip bytes. */
    double gzipRatio() {
      return jsonBytes / (double) messages.get(0).gzip().length;
    }
  }

  /**
   * {@code count} distinct small WorkStarted messages.
   *
   * @param codec the encoder.
   * @param count how many.
   * @return the payload.
   */
  static Payload small(CfxCodec codec, int count) {
    Random r = new Random(7);
    List<WireMessage> out = new ArrayList<>(count);
    int jsonBytes = 0;
    for (int i = 0; i < count; i++) {
      String panel = String.format(Locale.ROOT, "PANEL-%07d", i);
      List<UnitPosition> units = new ArrayList<>();
      for (int u = 1; u <= SMALL_UNITS; u++) {
        units.add(
            new BasicUnitPosition(
                panel, u, "CIRCUIT" + u, round(20 + 50.45 * u), round(80.66 + r.nextDouble()), null, u % 2 == 0 ? 90.0 : 0.0, false, false, null));
      }
      WorkStarted body =
          new WorkStarted(
              panel,
              new UUID(r.nextLong(), r.nextLong()).toString(),
              new UUID(r.nextLong(), r.nextLong()).toString(),
              1,
              SMALL_UNITS,
              units,
              "MAINBOARD-TOP",
              "3.1",
              EnumValue.of(Surface.PRIMARY_SURFACE),
              null);
      CfxEnvelope envelope = new CfxEnvelope("2.1", T0, new UUID(r.nextLong(), r.nextLong()).toString(), "Fuji.NXT3.SN2231", null, null, body, Map.of());
      byte[] json = codec.encode(envelope);
      if (i == 0) {
        jsonBytes = json.length;
        check(codec, json, envelope);
      }
      out.add(wire(envelope, CfxCodec.gzip(json)));
    }
    return new Payload("1KB", WorkStarted.MESSAGE_NAME, jsonBytes, out);
  }

  /**
   * {@code count} messages carrying one SPI UnitsInspected whose gzip is about {@value
   * #LARGE_TARGET_GZIP_BYTES} bytes.
   *
   * @param codec the encoder.
   * @param count how many.
   * @return the payload.
   */
  static Payload large(CfxCodec codec, int count) {
    // gzip size grows linearly with the pads: measure a sample, then build the real one
    int samplePads = 2000;
    int sampleGzip = CfxCodec.gzip(codec.encode(spiUnitsInspected(samplePads))).length;
    int pads = (int) ((long) LARGE_TARGET_GZIP_BYTES * samplePads / sampleGzip) / 4 * 4;
    CfxEnvelope envelope = spiUnitsInspected(pads);
    byte[] json = codec.encode(envelope);
    check(codec, json, envelope);
    byte[] gzip = CfxCodec.gzip(json);
    WireMessage proto = wire(envelope, gzip);
    List<WireMessage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new WireMessage(proto.messageId() + "-" + i, proto.subject(), proto.applicationProperties(), gzip));
    }
    return new Payload("2MB", UnitsInspected.MESSAGE_NAME + " (" + pads + " pads)", json.length, out);
  }

  /** the SDK's AMQP properties for an event envelope (cfx-sdk-notes part b). */
  private static WireMessage wire(CfxEnvelope e, byte[] gzip) {
    String name = e.messageBody().messageName();
    return new WireMessage(
        e.uniqueId(),
        e.source() + "." + name,
        Map.of("cfx-topic", name.substring(0, name.lastIndexOf('.')), "cfx-message", name, "cfx-handle", String.valueOf(e.source())),
        gzip);
  }

  /** the payload must decode into a typed envelope equal to what was built, or the run is void. */
  private static void check(CfxCodec codec, byte[] json, CfxEnvelope expected) {
    List<DecodeOutcome> outcomes = codec.decode(json);
    if (outcomes.size() != 1 || !(outcomes.get(0) instanceof DecodeOutcome.Decoded d) || !d.typed() || !d.envelope().equals(expected)) {
      throw new IllegalStateException("benchmark payload does not round-trip through the codec: " + outcomes);
    }
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
