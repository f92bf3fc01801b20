package io.cfxtrace.simulators.convergence;

import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.simulators.line.Emission;
import io.cfxtrace.simulators.line.LineSimulator;
import io.cfxtrace.simulators.line.SimulationPlan;
import io.cfxtrace.simulators.line.TruthLink;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * the traffic every variant of {@link ConvergentStoreTest} stores, generated once in memory by the
 * line simulator, with the simulator's ground truth.
 *
 * <p>Three lines of five panels of four boards (60 boards) on three reusable carriers per line: the
 * first three panels of a line take the three carriers, the next two wait for the first two to
 * come back, so a line has two carriers that name two boards per position and one that carries a
 * single panel (a panel with an id of its own, as the store sees it). The seed gives splices, reel
 * changes, a paste change, AOI defects repaired and not, and boards scrapped inside a carrier and at
 * FCT; {@code theCorpusHasEveryFeatureTheVariantsAreAbout} checks that it still does.
 */
final class Corpus {

  static final int LINES = 3;
  static final int BOARDS_PER_LINE = 20;
  static final int PANEL_SIZE = 4;
  static final int CARRIERS_PER_LINE = 3;
  static final long SEED = 2;
  static final OffsetDateTime START = OffsetDateTime.parse("2026-05-04T06:00:00+02:00");

  private static final CfxCodec CODEC = new CfxCodec();

  /** the plan simulated. */
  final SimulationPlan plan = new SimulationPlan(LINES, BOARDS_PER_LINE, PANEL_SIZE, SEED, START, CARRIERS_PER_LINE);

  /** every envelope as the endpoint decodes it, in publication (time) order. */
  final List<InboundMessage.Envelope> envelopes;

  /** the ground truth: every material in every board. */
  final List<TruthLink> truth;

  /** what the simulation made. */
  final LineSimulator.Summary summary;

  /** the serials the stations scrapped (UnitsDisqualified), for the report only. */
  final Set<String> scrapped;

  Corpus() {
    List<TruthLink> links = new ArrayList<>();
    LineSimulator sim = new LineSimulator(plan, links::add);
    List<InboundMessage.Envelope> out = new ArrayList<>();
    Set<String> disqualified = new TreeSet<>();
    while (sim.hasNext()) {
      Emission e = sim.next();
      // through the wire format, as the endpoint hands envelopes to the ingest pipeline
      DecodeOutcome.Decoded d = (DecodeOutcome.Decoded) CODEC.decode(CODEC.encode(e.envelope())).get(0);
      out.add(new InboundMessage.Envelope(0, d.envelope(), d.raw(), d.typed(), d.json()));
      if (e.envelope().messageBody() instanceof UnitsDisqualified q) {
        for (UnitPosition u : q.units()) {
          disqualified.add(((BasicUnitPosition) u).unitIdentifier());
        }
      }
    }
    this.envelopes = List.copyOf(out);
    this.truth = List.copyOf(links);
    this.summary = sim.summary();
    this.scrapped = Set.copyOf(disqualified);
  }

  int size() {
    return envelopes.size();
  }

  /** the station (envelope Source) of envelope {@code i}. */
  String station(int i) {
    return envelopes.get(i).envelope().source();
  }

  /** every board's serial, in the order the truth names them. */
  Set<String> serials() {
    Set<String> out = new LinkedHashSet<>();
    truth.forEach(t -> out.add(t.serial()));
    return out;
  }

  /** what the stations named each panel by: its carrier's id, or its own. */
  static String groupId(TruthLink t) {
    return t.carrier() != null ? t.carrier() : t.panel();
  }

  /** every id the stations named a panel by. */
  Set<String> groupIds() {
    Set<String> out = new TreeSet<>();
    truth.forEach(t -> out.add(groupId(t)));
    return out;
  }

  /** the trips of each carrier: carrier to its panels, in the order they travelled. */
  Map<String, List<String>> carrierTrips() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (TruthLink t : truth) {
      if (t.carrier() != null) {
        List<String> panels = out.computeIfAbsent(t.carrier(), c -> new ArrayList<>());
        if (!panels.contains(t.panel())) {
          panels.add(t.panel());
        }
      }
    }
    return out;
  }

  /** how the report names a board: serial, and whether it was scrapped or on a reused carrier's later trip. */
  String describe(String serial) {
    TruthLink any = truth.stream().filter(t -> t.serial().equals(serial)).findFirst().orElse(null);
    StringBuilder b = new StringBuilder(serial);
    if (any != null) {
      b.append(" (").append(groupId(any)).append('#').append(any.position());
      if (any.carrier() != null) {
        b.append(", trip ").append(carrierTrips().get(any.carrier()).indexOf(any.panel()) + 1).append(" of the carrier");
      }
      b.append(')');
    }
    if (scrapped.contains(serial)) {
      b.append(" [scrapped]");
    }
    return b.toString();
  }

  /**
   * one AMQP message carrying one envelope as a delivery of an ingest instance would hand it over.
   *
   * @param i the envelope.
   * @param channel the instance's listener or subscription.
   * @param connection the AMQP connection that delivered it.
   */
  InboundMessage message(int i, String channel, String connection) {
    InboundMessage.Envelope e = envelopes.get(i);
    // the peer's port differs from connection to connection: copies of an envelope differ in origin
    MessageOrigin origin = new MessageOrigin(channel, connection, "10.0.7.1:" + (40000 + Math.floorMod((connection + "/" + i).hashCode(), 20000)),
        station(i), null, "cfx", AmqpProperties.NONE, Instant.now());
    return new InboundMessage(origin, List.of(e), List.of());
  }
}
