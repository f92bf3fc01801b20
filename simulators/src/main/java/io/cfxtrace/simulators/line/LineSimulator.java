package io.cfxtrace.simulators.line;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.ValidationResult;
import io.cfxtrace.model.cfx.structures.ValidationStatus;
import io.cfxtrace.model.cfx.structures.ValidationType;
import java.util.Objects;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.Heartbeat;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import io.cfxtrace.model.cfx.materials.storage.SplicePointDetected;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.RecipeActivated;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsUnloaded;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.resourceperformance.FaultCleared;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.sensor.identification.IdentifiersRead;
import io.cfxtrace.model.cfx.structures.ActorType;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.DisqualificationReason;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NumericMeasurement;
import io.cfxtrace.model.cfx.structures.NumericValue;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.ProcessingResult;
import io.cfxtrace.model.cfx.structures.Repair;
import io.cfxtrace.model.cfx.structures.RepairResult;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.ResourceState;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Separation;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReadingType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetpointType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSubZoneType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneType;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import io.cfxtrace.simulators.line.Product.Placement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * the traffic of simulated SMT lines: every station's envelopes in time order, generated lazily
 * from a seeded {@link Random}, with the ground truth of which material went into which board
 * reported to a consumer as the boards are built (before their envelopes are yielded).
 *
 * <p>Deterministic: the same {@link SimulationPlan} gives the same envelopes (UniqueIDs and
 * TransactionIDs included, all drawn from the seed) and the same truth. Not thread-safe.
 *
 * <p>Timing is a flow line: a panel enters every takt (at least the time FCT needs for its boards),
 * each station starts a panel when it has arrived and the station is free (the oven, a conveyor
 * oven, takes a panel every 40 s and holds it four minutes), faults hold a station up. All events
 * of a panel happen no earlier than its entry time, so events are yielded once no panel still to
 * be generated can precede them; memory stays bounded by the panels in flight.
 *
 * <p>Identification follows CFX standard 5.6 (UnitPosition): the laser marker gives each position
 * of the panel its serial (UnitsInitialized with the panel as PrimaryIdentifier); the printer to
 * the AOI work on the panel, naming units by panel id and position; the rework station and ICT name
 * the serials with the panel as PrimaryIdentifier; after depaneling FCT works on one board per
 * transaction.
 *
 * <p>Reusable carriers ({@link SimulationPlan#carriers()} above 0): each line has a pool of
 * carriers; a panel enters the line on the carrier that returns first (waiting for it if none is
 * back), every station up to ICT names the panel by the carrier's id instead of the panel's, and
 * after ICT the boards are unloaded (UnitsUnloaded, serials by position) and the carrier returns to
 * the entry. So {@code <carrier>#<position>} names a different board on every trip, with the
 * laser marker's UnitsInitialized telling which one at the start of each trip.
 */
public final class LineSimulator implements Iterator<Emission> {

  /** how often each station publishes a CFX.Heartbeat: the SDK default, one minute. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

  /** panels per work order; the product alternates between work orders. */
  static final int PANELS_PER_WORK_ORDER = 10;

  /** how long an unloaded carrier takes back to the line's entry (a return conveyor). */
  private static final int CARRIER_RETURN_SECONDS = 60;

  private static final double FAULT_RATE = 0.015;
  private static final double AOI_DEFECT_RATE = 0.04;
  private static final double REPAIR_SUCCESS_RATE = 0.8;
  private static final double ICT_FAIL_RATE = 0.01;
  private static final double FCT_FAIL_RATE = 0.02;
  private static final double SPI_LOW_PAD_RATE = 0.002;
  private static final double NEW_LOT_RATE = 0.3;

  /** with an interlock: the share of AOI findings whose panel goes on to ICT without rework (an operator's mistake). */
  static final double SKIP_REWORK_RATE = 0.3;
  /** with an interlock: how long a station waits before it asks again (no answer, or no reel accepted). */
  private static final int WAIT_SECONDS = 300;
  /** with an interlock: set-aside reels of a part beyond which no new reel is tried meanwhile. */
  private static final int MAX_SET_ASIDE = 3;
  /** cfx-trace's FailureCodes the rework station can fix (query-service Interlocks: unrepaired failure, route). */
  private static final int UNREPAIRED = 12;
  private static final int ROUTE = 13;
  /** cfx-trace's code for "the store cannot answer" (fail-closed): the station waits and asks again. */
  private static final int STORE_UNREACHABLE = 90;

  /**
   * what a simulation produced so far.
   *
   * @param carrierReuses trips on a carrier that had carried an earlier panel (0 without carriers).
   */
  public record Summary(
      int panels, int boards, long envelopes, long truthLinks, int splices, int reelChanges, int pasteChanges, int aoiDefects,
      int repaired, int disqualified, int faults, int carrierReuses, int reworkSkipped, int unitsRefused, int reelsRefused) {}

  /**
   * an envelope due at a time, or (with an {@link Interlock}) a step of a panel that runs once
   * everything before its time has been yielded: the station's question and what follows it.
   */
  private record Pending(Instant time, long seq, String station, @Nullable CfxEnvelope envelope, @Nullable Runnable step) {}

  private final SimulationPlan plan;
  private final ZoneOffset offset;
  private final Consumer<TruthLink> truth;
  private final @Nullable Interlock interlock;
  private final Consumer<InterlockTruth> decisions;
  private final List<LineState> lines = new ArrayList<>();
  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(Comparator.comparing(Pending::time).thenComparingLong(Pending::seq));
  private long seq;

  private int panels;
  private int boards;
  private long envelopes;
  private long truthLinks;
  private int splices;
  private int reelChanges;
  private int pasteChanges;
  private int aoiDefects;
  private int repaired;
  private int disqualified;
  private int faults;
  private int carrierReuses;
  private int reworkSkipped;
  private int unitsRefused;
  private int reelsRefused;

  /**
   * a simulation; nothing is generated before the first {@link #hasNext()}.
   *
   * @param plan what to simulate.
   * @param truth receives the ground truth of each board as it is built.
   */
  public LineSimulator(SimulationPlan plan, Consumer<TruthLink> truth) {
    this(plan, truth, null, d -> {});
  }

  /**
   * a simulation whose stations ask an interlock first (issue #15), when one is given: ICT asks
   * ValidateUnitsRequest for the panel's boards before it tests them, FCT for the depaneled boards,
   * and the placers ValidateStationSetupRequest for every reel before it is loaded or spliced on
   * (the shift's set-up included). A board refused for an unrepaired failure or its route
   * (FailureCode 12 or 13) goes back to the rework station with its panel and is asked about
   * again; a board refused for anything else is taken out of the line; a refused reel is set aside
   * (not loaded), tried again first at the next change of its part, and a reel of another lot is
   * tried meanwhile; no answer (or the store unreachable, code 90) makes the station wait five
   * simulated minutes and ask again. With an interlock, some boards the AOI failed go on to ICT
   * without rework (an operator's mistake the ICT's interlock should catch); {@code decisions}
   * receives each of them, and every question's answer and what the station did.
   *
   * <p>The traffic is another than without an interlock (the steps of the panels run in time
   * order, each after its station's question), and deterministic for the same plan and answers.
   *
   * @param plan what to simulate.
   * @param truth receives the ground truth of each board as it is built.
   * @param interlock what the stations ask, or null for none (the traffic is then as before).
   * @param decisions receives the interlocks' ground truth.
   */
  public LineSimulator(SimulationPlan plan, Consumer<TruthLink> truth, @Nullable Interlock interlock, Consumer<InterlockTruth> decisions) {
    this.plan = plan;
    this.offset = plan.start().getOffset();
    this.truth = truth;
    this.interlock = interlock;
    this.decisions = decisions;
    plan.lineNumbers().forEach(line -> lines.add(new LineState(line)));
  }

  /**
   * every station of a plan's lines, line by line in line order.
   *
   * @param plan the plan.
   * @return the stations.
   */
  public static List<Station> stations(SimulationPlan plan) {
    List<Station> out = new ArrayList<>();
    plan.lineNumbers().forEach(line -> {
      for (StationKind k : StationKind.values()) {
        out.add(Station.of(line, k));
      }
    });
    return out;
  }

  /**
   * what was generated so far (all of it once {@link #hasNext()} is false).
   *
   * @return the counts.
   */
  public Summary summary() {
    return new Summary(panels, boards, envelopes, truthLinks, splices, reelChanges, pasteChanges, aoiDefects, repaired, disqualified, faults,
        carrierReuses, reworkSkipped, unitsRefused, reelsRefused);
  }

  @Override
  public boolean hasNext() {
    fill();
    return !queue.isEmpty();
  }

  @Override
  public Emission next() {
    fill();
    Pending p = queue.poll();
    if (p == null) {
      throw new NoSuchElementException("the simulation is over");
    }
    envelopes++;
    return new Emission(p.station(), p.time(), java.util.Objects.requireNonNull(p.envelope(), "a step at the head after fill()"));
  }

  /** generates panels until the head of the queue cannot be preceded by anything still to come. */
  private void fill() {
    while (true) {
      LineState nextLine = null;
      for (LineState l : lines) {
        if (l.panelsLeft() && (nextLine == null || l.entryTime().isBefore(nextLine.entryTime()))) {
          nextLine = l;
        }
      }
      Pending head = queue.peek();
      if (head != null && (nextLine == null || head.time().isBefore(nextLine.entryTime()))) {
        if (heartbeatsUpTo(head.time())) {
          continue; // a heartbeat may now be the head
        }
        if (head.step() != null) {
          // everything before it has been yielded: the station asks now, and what follows is queued
          queue.poll();
          head.step().run();
          continue;
        }
        return;
      }
      if (nextLine == null) {
        return;
      }
      nextLine.panel();
    }
  }

  /** queues each line's heartbeats due by {@code t}; true if it queued any. */
  private boolean heartbeatsUpTo(Instant t) {
    boolean any = false;
    for (LineState l : lines) {
      while (!l.nextHeartbeat.isAfter(t)) {
        for (StationState s : l.stations.values()) {
          l.emit(s, l.nextHeartbeat, new Heartbeat(s.handle, CfxDuration.of(HEARTBEAT_INTERVAL), List.of(), List.of()));
        }
        l.nextHeartbeat = l.nextHeartbeat.plus(HEARTBEAT_INTERVAL);
        any = true;
      }
    }
    return any;
  }

  // ---- one line

  /** a station's state on a line. */
  private static final class StationState {
    final StationKind kind;
    final String handle;
    final Operator operator;
    Instant free;
    Instant stateSince;
    boolean producing;
    @Nullable String recipe;

    StationState(StationKind kind, String handle, Operator operator, Instant free) {
      this.kind = kind;
      this.handle = handle;
      this.operator = operator;
      this.free = free;
      this.stateSince = free;
    }
  }

  /** a reel or cartridge and what is left on it. */
  private static final class Pack {
    final String id;
    final String partNumber;
    final String packageName;
    final String lot;
    double remaining;

    Pack(String id, String partNumber, String packageName, String lot, double remaining) {
      this.id = id;
      this.partNumber = partNumber;
      this.packageName = packageName;
      this.lot = lot;
      this.remaining = remaining;
    }

    MaterialPackage cfx() {
      return new MaterialPackage(id, partNumber, packageName, remaining, null, lot, null, null);
    }
  }

  /** a feeder in a placement machine's slot with the reel it feeds. */
  private static final class Feeder {
    final Part part;
    final String slot;
    final String slotName;
    final SMDTapeFeeder carrier;
    /** null only with an interlock: the feeder is empty, its reel refused. */
    Pack reel;
    /** with an interlock: the reel validated to be spliced on when this one runs out. */
    @Nullable Pack next;

    Feeder(Part part, String slot, String slotName, SMDTapeFeeder carrier, Pack reel) {
      this.part = part;
      this.slot = slot;
      this.slotName = slotName;
      this.carrier = carrier;
      this.reel = reel;
    }

    MaterialLocation location() {
      return new MaterialLocation(null, slot, slotName, reel.cfx(), carrier);
    }
  }

  /** a panel on its way down the line. */
  private static final class Panel {
    /** what the stations name the panel by: its own id, or its carrier's. */
    final String id;
    /** the panel's own id (the truth's panel). */
    final String name;
    /** the reusable carrier it travels on, if any. */
    final @Nullable String carrier;
    final Product product;
    final WorkOrderIdentifier workOrder;
    final String[] serials;
    final boolean[] alive;
    /** with an interlock: AOI findings the panel went on with, without rework. */
    final List<Finding> skipped = new ArrayList<>();

    Panel(String name, @Nullable String carrier, Product product, WorkOrderIdentifier workOrder, String[] serials) {
      this.id = carrier != null ? carrier : name;
      this.name = name;
      this.carrier = carrier;
      this.product = product;
      this.workOrder = workOrder;
      this.serials = serials;
      this.alive = new boolean[serials.length];
      java.util.Arrays.fill(alive, true);
    }

    int size() {
      return serials.length;
    }

    String serial(int position) {
      return serials[position - 1];
    }

    /** every position named by the panel id (panel mode). */
    List<UnitPosition> byPanel() {
      List<UnitPosition> out = new ArrayList<>();
      for (int pos = 1; pos <= size(); pos++) {
        out.add(position(id, pos));
      }
      return out;
    }

    /** every board, scrapped ones included, named by serial. */
    List<UnitPosition> allBySerial() {
      List<UnitPosition> out = new ArrayList<>();
      for (int pos = 1; pos <= size(); pos++) {
        out.add(position(serial(pos), pos));
      }
      return out;
    }

    /** the boards still in production, named by serial (serial mode). */
    List<UnitPosition> bySerial() {
      List<UnitPosition> out = new ArrayList<>();
      for (int pos = 1; pos <= size(); pos++) {
        if (alive[pos - 1]) {
          out.add(position(serial(pos), pos));
        }
      }
      return out;
    }

    int alive() {
      int n = 0;
      for (boolean a : alive) {
        n += a ? 1 : 0;
      }
      return n;
    }
  }

  /** an AOI finding to repair. */
  private record Finding(int position, Placement placement, String defectId, String code) {}

  private final class LineState {
    final int line;
    final Random r;
    final Map<StationKind, StationState> stations = new EnumMap<>(StationKind.class);
    final Map<String, Feeder> placer1 = new LinkedHashMap<>();
    final Map<String, Feeder> placer2 = new LinkedHashMap<>();
    final Map<String, String> lots = new LinkedHashMap<>();
    /** with an interlock: reels refused (or not answered), by part number, tried again first. */
    final Map<String, java.util.ArrayDeque<Pack>> refusedReels = new LinkedHashMap<>();
    Pack paste;
    int printsLeft;
    Instant nextEntry;
    Instant nextHeartbeat;
    int panelIndex;
    int boardsMade;
    int reelCount;
    int pasteCount;
    int macCount;
    /** when each carrier of the line's pool is back at the entry (empty without carriers). */
    final Instant[] carrierBack;
    /** whether each carrier has carried a panel yet. */
    final boolean[] carrierUsed;

    LineState(int line) {
      this.line = line;
      this.r = new Random(plan.seed() * 1_000_003L + line);
      Instant start = plan.start().toInstant();
      this.nextHeartbeat = start;
      this.carrierBack = new Instant[plan.carriers()];
      java.util.Arrays.fill(carrierBack, start);
      this.carrierUsed = new boolean[plan.carriers()];
      Operator[] crew = {
          operator("01", "Novak", "Jana"), operator("02", "Okafor", "Chidi"), operator("03", "Lindqvist", "Maja")};
      int i = 0;
      for (StationKind k : StationKind.values()) {
        StationState s = new StationState(k, k.handle(line), crew[Math.min(2, i * 3 / StationKind.values().length)], start);
        stations.put(k, s);
        emit(s, start.plusSeconds(1 + i), new OperatorActivated(s.operator));
        i++;
      }
      // the shift starts with the family set-up on both placers and a paste cartridge in the printer
      Instant setup = start.plusSeconds(30);
      setUp(1, placer1, stations.get(StationKind.PLACER1), setup, 300);
      setUp(2, placer2, stations.get(StationKind.PLACER2), setup, 120);
      if (interlock != null) {
        later(setup, () -> validateSetUp(setup));
      }
      paste = newPaste(2 + r.nextInt(11));
      emit(stations.get(StationKind.PRINTER), setup, new MaterialsLoaded(List.of(pasteLocation())));
      nextEntry = start.plusSeconds(60);
    }

    private Operator operator(String n, String last, String first) {
      String id = String.format(Locale.ROOT, "OP-L%d-%s", line, n);
      return new Operator(id, EnumValue.of(ActorType.HUMAN), last, first, (first + "." + last).toLowerCase(Locale.ROOT));
    }

    /** loads one feeder per part with a partly used reel (left from the last shift). */
    private void setUp(int machine, Map<String, Feeder> feeders, StationState s, Instant at, int maxLeft) {
      int slot = 1;
      for (Part part : Catalog.setup(machine)) {
        String slotId = String.format(Locale.ROOT, "%d-%02d", machine, slot);
        SMDTapeFeeder carrier = new SMDTapeFeeder(String.format(Locale.ROOT, "FDR-L%d-%d%02d", line, machine, slot),
            (int) part.tapeWidth() + "MM feeder", null, "BANK-L" + line + "-" + machine, "Feeder bank " + machine, 1, part.tapeWidth(), 4.0);
        feeders.put(part.partNumber(), new Feeder(part, slotId, "Slot " + slot, carrier, newReel(part, 5 + r.nextInt(maxLeft - 4))));
        slot++;
      }
      if (interlock == null) {
        emit(s, at, new MaterialsLoaded(feeders.values().stream().map(Feeder::location).toList()));
      }
    }

    boolean panelsLeft() {
      return panelIndex < plan.panelsPerLine();
    }

    /**
     * when the next panel enters. With an interlock, a carrier is busy until its boards are
     * unloaded after ICT, which is decided in a later step: the next panel waits for the first
     * carrier back (without one, {@link #panel()} finds that out itself, as before).
     */
    Instant entryTime() {
      if (interlock == null || carrierBack.length == 0) {
        return nextEntry;
      }
      Instant back = Instant.MAX;
      for (Instant b : carrierBack) {
        back = b.isBefore(back) ? b : back;
      }
      return back.isAfter(nextEntry) ? back : nextEntry;
    }

    // ---- materials

    private String lot(String partNumber, boolean fresh) {
      String lot = lots.get(partNumber);
      if (lot == null || (fresh && r.nextDouble() < NEW_LOT_RATE)) {
        lot = String.format(Locale.ROOT, "LOT%06d", r.nextInt(1_000_000));
        lots.put(partNumber, lot);
      }
      return lot;
    }

    private Pack newReel(Part part, int quantity) {
      String id = String.format(Locale.ROOT, "RL-L%d-%06d", line, ++reelCount);
      return new Pack(id, part.partNumber(), part.packageName(), lot(part.partNumber(), true), quantity);
    }

    private Pack newPaste(int prints) {
      printsLeft = prints;
      String id = String.format(Locale.ROOT, "SP-L%d-%04d", line, ++pasteCount);
      return new Pack(id, Catalog.PASTE_PART, "500g cartridge", lot(Catalog.PASTE_PART, true), 12.5 * prints);
    }

    private MaterialLocation pasteLocation() {
      return new MaterialLocation(null, "PASTE-1", "Paste cartridge holder", paste.cfx(), null);
    }

    // ---- envelopes

    void emit(StationState s, Instant at, CfxMessage body) {
      CfxEnvelope e = new CfxEnvelope(CfxEnvelope.CURRENT_VERSION, ts(at), uuid(), s.handle, null, null, body, Map.of());
      queue.add(new Pending(at, seq++, s.handle, e, null));
    }

    /** a step that runs once everything due before {@code at} has been yielded. */
    void later(Instant at, Runnable step) {
      queue.add(new Pending(at, seq++, "", null, step));
    }

    private String uuid() {
      // a version-4 GUID from the seeded generator, so that reruns give the same UniqueIDs
      long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
      long lo = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
      return new UUID(hi, lo).toString();
    }

    private CfxTimestamp ts(Instant at) {
      return CfxTimestamp.of(at.atOffset(offset));
    }

    private Instant plus(Instant t, double seconds) {
      return t.plusMillis(Math.round(seconds * 1000));
    }

    private double gauss(double mean, double sd) {
      return mean + r.nextGaussian() * sd;
    }

    private double round(double v, int digits) {
      double f = Math.pow(10, digits);
      return Math.round(v * f) / f;
    }

    /**
     * when a station starts a panel that is ready at {@code ready}: once free, after any fault it
     * has meanwhile (FaultOccurred, StationStateChanged to unscheduled down, FaultCleared, back to
     * productive).
     */
    private Instant begin(StationState s, Instant ready) {
      Instant t = ready.isAfter(s.free) ? ready : s.free;
      if (!s.producing) {
        emit(s, t, new StationStateChanged(EnumValue.of(ResourceState.SBY_NO_PRODUCT), CfxDuration.of(Duration.between(s.stateSince, t)),
            EnumValue.of(ResourceState.PRD_REGULAR_WORK), null));
        s.producing = true;
        s.stateSince = t;
      }
      FaultKind f = FaultKind.of(s.kind);
      if (f != null && r.nextDouble() < FAULT_RATE) {
        faults++;
        String id = uuid();
        BasicFault fault = new BasicFault(null, EnumValue.of(f.cause), EnumValue.of(f.severity), f.code, id, 1, null, null, null, f.description,
            Map.of(), ts(t), null);
        emit(s, t, new FaultOccurred(fault));
        emit(s, t, new StationStateChanged(EnumValue.of(ResourceState.PRD_REGULAR_WORK), CfxDuration.of(Duration.between(s.stateSince, t)),
            EnumValue.of(ResourceState.USD_REPAIR), fault));
        Instant cleared = plus(t, 60 + r.nextInt(240));
        emit(s, cleared, new FaultCleared(id, s.operator));
        emit(s, cleared, new StationStateChanged(EnumValue.of(ResourceState.USD_REPAIR), CfxDuration.of(Duration.between(t, cleared)),
            EnumValue.of(ResourceState.PRD_REGULAR_WORK), null));
        s.stateSince = cleared;
        t = plus(cleared, 5);
      }
      return t;
    }

    /** RecipeActivated when the station switches to the panel's product (CFX.Production). */
    private String recipe(StationState s, Panel p, Instant at) {
      String name = switch (s.kind) {
        case LASER -> "MARK-" + p.product.code();
        case ICT -> "ICT-" + p.product.code();
        case FCT -> "FCT-" + p.product.code();
        case REPAIR -> "REWORK";
        default -> p.product.code() + "-TOP";
      };
      if (!name.equals(s.recipe)) {
        s.recipe = name;
        emit(s, at, new RecipeActivated(name, "1", 1, null, null, null, (double) p.size(), (double) p.product.placements().size(), p.workOrder,
            (double) PANELS_PER_WORK_ORDER * plan.panelSize(), EnumValue.of(Surface.PRIMARY_SURFACE), List.of()));
      }
      return name;
    }

    private WorkStarted workStarted(String primary, String tx, List<UnitPosition> units, String recipe, Panel p) {
      return new WorkStarted(primary, null, tx, 1, units.size(), units, recipe, "1", EnumValue.of(Surface.PRIMARY_SURFACE), p.workOrder);
    }

    private WorkCompleted workCompleted(String tx, WorkResult result, String primary, int count) {
      return new WorkCompleted(tx, EnumValue.of(result), primary, null, count, List.of(), List.of());
    }

    // ---- a panel down the line

    void panel() {
      int index = panelIndex++;
      int size = Math.min(plan.panelSize(), plan.boardsPerLine() - index * plan.panelSize());
      int workOrder = index / PANELS_PER_WORK_ORDER;
      Product product = Catalog.PRODUCTS.get((workOrder + line - 1) % Catalog.PRODUCTS.size());
      String wo = String.format(Locale.ROOT, "WO-L%d-%03d", line, workOrder + 1);
      String[] serials = new String[size];
      for (int i = 0; i < size; i++) {
        serials[i] = String.format(Locale.ROOT, "SN-L%d-%06d", line, ++boardsMade);
      }
      Instant entry = nextEntry;
      int carrier = -1;
      if (carrierBack.length > 0) {
        // the carrier back first; the panel waits at the entry until it is (no event of the panel
        // can then precede nextEntry, which fill() relies on)
        carrier = 0;
        for (int c = 1; c < carrierBack.length; c++) {
          if (carrierBack[c].isBefore(carrierBack[carrier])) {
            carrier = c;
          }
        }
        if (carrierBack[carrier].isAfter(entry)) {
          entry = carrierBack[carrier];
        }
        if (carrierUsed[carrier]) {
          carrierReuses++;
        }
        carrierUsed[carrier] = true;
        if (interlock != null) {
          carrierBack[carrier] = Instant.MAX; // busy until its boards are unloaded (a later step)
        }
      }
      Panel p = new Panel(String.format(Locale.ROOT, "PNL-L%d-%05d", line, index + 1),
          carrier < 0 ? null : String.format(Locale.ROOT, "CAR-L%d-%02d", line, carrier + 1), product, new WorkOrderIdentifier(wo, wo + "-B1"),
          serials);
      panels++;
      boards += size;
      nextEntry = plus(entry, Math.max(60, 30 * plan.panelSize()) + r.nextInt(10));
      if (interlock != null) {
        askingPanel(p, entry, carrier);
        return;
      }

      Instant t = laser(p, entry);
      t = printer(p, plus(t, 5));
      t = spi(p, plus(t, 5));
      t = placer(1, p, plus(t, 5));
      t = placer(2, p, plus(t, 5));
      t = oven(p, plus(t, 5));
      List<Finding> findings = new ArrayList<>();
      t = aoi(p, plus(t, 5), findings);
      if (!findings.isEmpty()) {
        t = repair(p, plus(t, 30), findings);
      }
      if (p.alive() > 0) {
        t = ict(p, plus(t, 10));
      }
      if (carrier >= 0) {
        // CFX.Production.LoadingAndUnloading.UnitsUnloaded: depaneled at the FCT's loader, the
        // boards (scrapped ones too, to be sorted out) leave the carrier, which goes back empty
        Instant unloaded = plus(t, 15);
        emit(stations.get(StationKind.FCT), unloaded, new UnitsUnloaded(p.carrier, p.size(), p.allBySerial()));
        carrierBack[carrier] = plus(unloaded, CARRIER_RETURN_SECONDS);
      }
      if (p.alive() > 0) {
        fct(p, plus(t, 20));
      }
    }

    // ---- with an interlock: the stations ask first (issue #15)

    /** the panel's first stations now; the placers, ICT and FCT as steps that ask first. */
    private void askingPanel(Panel p, Instant entry, int carrier) {
      Instant t = laser(p, entry);
      t = printer(p, plus(t, 5));
      t = spi(p, plus(t, 5));
      Instant atPlacer = plus(t, 5);
      later(atPlacer, () -> placerStep(1, p, atPlacer, carrier));
    }

    /**
     * the shift's set-up: each placer asks about every reel it is to load (one request per reel, as
     * each is scanned); the accepted ones are loaded together, a refused one is set aside and its
     * feeder stays empty until a placer step finds it a reel.
     */
    private void validateSetUp(Instant at) {
      for (int machine = 1; machine <= 2; machine++) {
        StationState s = stations.get(machine == 1 ? StationKind.PLACER1 : StationKind.PLACER2);
        List<MaterialLocation> loaded = new ArrayList<>();
        for (Feeder f : (machine == 1 ? placer1 : placer2).values()) {
          Boolean ok = askSetup(s, f, f.reel, at, "load");
          if (Boolean.TRUE.equals(ok)) {
            loaded.add(f.location());
          } else {
            setAside(f.part).add(f.reel);
            if (ok != null) {
              lots.remove(f.part.partNumber());
            }
            f.reel = null;
          }
        }
        if (!loaded.isEmpty()) {
          emit(s, at, new MaterialsLoaded(loaded));
        }
      }
    }

    private java.util.ArrayDeque<Pack> setAside(Part part) {
      return refusedReels.computeIfAbsent(part.partNumber(), k -> new java.util.ArrayDeque<>());
    }

    /**
     * a placer: every feeder the panel needs gets a reel the interlock accepts first (an empty
     * feeder, or the IC placer's reel that would run out, is loaded; the chip shooter's splice reel
     * is prepared); when none is accepted the station waits and asks again.
     */
    private void placerStep(int machine, Panel p, Instant arrival, int carrier) {
      StationState s = stations.get(machine == 1 ? StationKind.PLACER1 : StationKind.PLACER2);
      Map<String, Feeder> feeders = machine == 1 ? placer1 : placer2;
      List<Placement> placements = p.product.placementsOn(machine);
      Instant t = arrival.isAfter(s.free) ? arrival : s.free;
      for (Feeder f : feeders.values()) {
        long need = placements.stream().filter(pl -> pl.part().equals(f.part)).count() * p.size();
        boolean enough = f.reel != null && (f.reel.remaining >= need || (machine == 1 && f.next != null));
        if (need == 0 || enough) {
          continue;
        }
        Pack reel = acceptedReel(s, f, t);
        if (reel == null) {
          Instant again = plus(t, WAIT_SECONDS);
          s.free = again;
          later(again, () -> placerStep(machine, p, again, carrier));
          return;
        }
        if (machine == 1 && f.reel != null) {
          f.next = reel; // spliced on when the running reel is used up
          continue;
        }
        if (f.reel != null) {
          emit(s, t, new MaterialsUnloaded(List.of(f.reel.id)));
          reelChanges++;
          t = plus(t, 25);
        }
        f.reel = reel;
        emit(s, t, new MaterialsLoaded(List.of(f.location())));
        t = plus(t, 5);
      }
      s.free = t;
      Instant out = placer(machine, p, arrival);
      if (machine == 1) {
        Instant next = plus(out, 5);
        later(next, () -> placerStep(2, p, next, carrier));
        return;
      }
      Instant t2 = oven(p, plus(out, 5));
      List<Finding> findings = new ArrayList<>();
      t2 = aoi(p, plus(t2, 5), findings);
      List<Finding> rework = new ArrayList<>();
      for (Finding f : findings) {
        if (r.nextDouble() < SKIP_REWORK_RATE) {
          p.skipped.add(f);
          reworkSkipped++;
          decisions.accept(new InterlockTruth("rework-skipped", stations.get(StationKind.AOI).handle, t2, p.serial(f.position()), null, true, 0,
              "AOI found " + f.code() + " at " + f.placement().referenceDesignator() + "; the panel went on to ICT without rework", "none"));
        } else {
          rework.add(f);
        }
      }
      if (!rework.isEmpty()) {
        t2 = repair(p, plus(t2, 30), rework);
      }
      Instant atIct = plus(t2, 10);
      later(atIct, () -> ictStep(p, atIct, carrier));
    }

    /**
     * a reel for a feeder that the interlock accepts: the set-aside reels of the part first (a
     * released hold lets them through), then a new reel, of another lot once one was refused.
     *
     * @return the reel, or null when none was accepted or no answer came.
     */
    private @Nullable Pack acceptedReel(StationState s, Feeder f, Instant at) {
      java.util.ArrayDeque<Pack> aside = setAside(f.part);
      List<Pack> candidates = new ArrayList<>(aside);
      int tries = candidates.size() + (aside.size() < MAX_SET_ASIDE ? 1 : 0);
      for (int i = 0; i < tries; i++) {
        Pack c = i < candidates.size() ? candidates.get(i) : newReel(f.part, f.part.reelQuantity());
        Boolean ok = askSetup(s, f, c, at, f.reel == null || s.kind == StationKind.PLACER2 ? "load" : "splice on");
        if (Boolean.TRUE.equals(ok)) {
          aside.remove(c);
          return c;
        }
        if (!aside.contains(c)) {
          aside.add(c);
        }
        if (ok == null) {
          return null;
        }
        lots.remove(f.part.partNumber()); // the next new reel comes from another lot
      }
      return null;
    }

    /**
     * asks about one reel at a feeder: CFX.Materials.Storage.ValidateStationSetupRequest with the
     * position and part number, and the reel (cfx-trace reads the member MaterialPackage).
     *
     * @return true accepted, false refused, null no answer.
     */
    private @Nullable Boolean askSetup(StationState s, Feeder f, Pack reel, Instant at, String action) {
      com.fasterxml.jackson.databind.node.ObjectNode pkg = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("UniqueIdentifier", reel.id).put("InternalPartNumber", reel.partNumber).put("BatchId", reel.lot);
      MaterialSetupRequirement position = new MaterialSetupRequirement(f.slot, f.part.partNumber(), List.of(), List.of(), Map.of("MaterialPackage", pkg));
      ValidateStationSetupRequest request = new ValidateStationSetupRequest(
          new StationSetupRequirements(null, null, s.recipe, List.of(position), List.of()));
      ValidateStationSetupResponse answer;
      try {
        answer = Objects.requireNonNull(interlock).validateSetup(s.handle, at, request);
      } catch (Interlock.NoAnswerException e) {
        decisions.accept(new InterlockTruth("setup", s.handle, at, reel.id, reel.lot, false, -1, e.getMessage(), "wait and ask again"));
        return null;
      }
      RequestResult result = answer.result();
      StatusResult status = result == null || result.result() == null ? null : result.result().known().orElse(null);
      int code = result == null || result.resultCode() == null ? 0 : result.resultCode();
      String message = result == null || result.message() == null ? "" : result.message();
      if (status == StatusResult.SUCCESS || status == StatusResult.WARNING) {
        decisions.accept(new InterlockTruth("setup", s.handle, at, reel.id, reel.lot, true, 0, message, action));
        return true;
      }
      if (code == STORE_UNREACHABLE) {
        decisions.accept(new InterlockTruth("setup", s.handle, at, reel.id, reel.lot, false, code, message, "wait and ask again"));
        return null;
      }
      reelsRefused++;
      decisions.accept(new InterlockTruth("setup", s.handle, at, reel.id, reel.lot, false, code, message, "set aside"));
      return false;
    }

    /**
     * ICT asks about the panel's boards before it tests them: boards refused for an unrepaired
     * failure or their route go to the rework station with the panel, which comes back and asks
     * again; boards refused for anything else leave the line.
     */
    private void ictStep(Panel p, Instant arrival, int carrier) {
      StationState s = stations.get(StationKind.ICT);
      if (p.alive() == 0) {
        afterIct(p, arrival, carrier);
        return;
      }
      Map<Integer, ValidationResult> answers = askUnits(s, p, arrival, p.id, p.bySerial());
      if (answers == null) {
        Instant again = plus(arrival, WAIT_SECONDS);
        later(again, () -> ictStep(p, again, carrier));
        return;
      }
      List<Finding> rework = new ArrayList<>();
      for (Map.Entry<Integer, ValidationResult> a : answers.entrySet()) {
        int pos = a.getKey();
        ValidationResult v = a.getValue();
        if (passed(v)) {
          decide(s, arrival, p.serial(pos), v, true, "work");
          continue;
        }
        unitsRefused++;
        int code = v.failureCode() == null ? 0 : v.failureCode();
        List<Finding> open = p.skipped.stream().filter(f -> f.position() == pos).toList();
        if ((code == UNREPAIRED || code == ROUTE) && !open.isEmpty()) {
          rework.addAll(open);
          p.skipped.removeAll(open);
          decide(s, arrival, p.serial(pos), v, false, "to rework");
        } else {
          p.alive[pos - 1] = false;
          decide(s, arrival, p.serial(pos), v, false, "out of the line");
        }
      }
      if (!rework.isEmpty()) {
        Instant back = plus(repair(p, plus(arrival, 30), rework), 10);
        later(back, () -> ictStep(p, back, carrier));
        return;
      }
      Instant out = p.alive() > 0 ? ict(p, arrival) : arrival;
      afterIct(p, out, carrier);
    }

    /** after ICT: the carrier unloaded and sent back, the boards on to FCT, which asks first. */
    private void afterIct(Panel p, Instant t, int carrier) {
      if (carrier >= 0) {
        Instant unloaded = plus(t, 15);
        emit(stations.get(StationKind.FCT), unloaded, new UnitsUnloaded(p.carrier, p.size(), p.allBySerial()));
        carrierBack[carrier] = plus(unloaded, CARRIER_RETURN_SECONDS);
      }
      if (p.alive() > 0) {
        Instant atFct = plus(t, 20);
        later(atFct, () -> fctStep(p, atFct));
      }
    }

    /** FCT asks about the depaneled boards before it tests them; a refused board leaves the line. */
    private void fctStep(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.FCT);
      List<UnitPosition> boards = new ArrayList<>();
      for (int pos = 1; pos <= p.size(); pos++) {
        if (p.alive[pos - 1]) {
          boards.add(position(p.serial(pos), pos));
        }
      }
      Map<Integer, ValidationResult> answers = askUnits(s, p, arrival, null, boards);
      if (answers == null) {
        Instant again = plus(arrival, WAIT_SECONDS);
        later(again, () -> fctStep(p, again));
        return;
      }
      answers.forEach((pos, v) -> {
        if (passed(v)) {
          decide(s, arrival, p.serial(pos), v, true, "work");
        } else {
          unitsRefused++;
          p.alive[pos - 1] = false;
          decide(s, arrival, p.serial(pos), v, false, "out of the line");
        }
      });
      if (p.alive() > 0) {
        fct(p, arrival);
      }
    }

    /**
     * CFX.InformationSystem.UnitValidation.ValidateUnitsRequest for some boards of a panel (route
     * and status validation), the answer per board's position.
     *
     * @return each asked position's result, or null when no answer came or the store was
     *     unreachable (the station waits).
     */
    private @Nullable Map<Integer, ValidationResult> askUnits(StationState s, Panel p, Instant at, @Nullable String primary, List<UnitPosition> units) {
      ValidateUnitsRequest request = new ValidateUnitsRequest(
          List.of(EnumValue.of(ValidationType.UNIT_ROUTE_VALIDATION), EnumValue.of(ValidationType.UNIT_STATUS_VALIDATION)), primary, null, units, null);
      ValidateUnitsResponse answer;
      String unreachable;
      try {
        answer = Objects.requireNonNull(interlock).validateUnits(s.handle, at, request);
        RequestResult result = answer.result();
        boolean failed = result != null && result.result() != null && result.result().known().orElse(null) == StatusResult.FAILED;
        unreachable = failed ? (result.message() == null ? "the request failed, code " + result.resultCode() : result.message()) : null;
      } catch (Interlock.NoAnswerException e) {
        answer = null;
        unreachable = e.getMessage();
      }
      Map<Integer, ValidationResult> out = new LinkedHashMap<>();
      if (answer != null && unreachable == null) {
        List<ValidationResult> results = answer.validationResults() == null ? List.of() : answer.validationResults();
        for (UnitPosition u : units) {
          BasicUnitPosition b = (BasicUnitPosition) u;
          ValidationResult v = results.stream().filter(x -> b.unitIdentifier().equals(x.uniqueIdentifier())).findFirst().orElse(null);
          if (v == null) {
            unreachable = "the answer has no result for " + b.unitIdentifier();
            break;
          }
          out.put(b.positionNumber(), v);
        }
      }
      if (unreachable != null) {
        for (UnitPosition u : units) {
          decisions.accept(new InterlockTruth("units", s.handle, at, ((BasicUnitPosition) u).unitIdentifier(), null, false, -1, unreachable,
              "wait and ask again"));
        }
        return null;
      }
      return out;
    }

    private boolean passed(ValidationResult v) {
      ValidationStatus status = v.result() == null ? null : v.result().known().orElse(null);
      return status == ValidationStatus.PASSED || status == ValidationStatus.SKIPPED;
    }

    private void decide(StationState s, Instant at, String serial, ValidationResult v, boolean accepted, String action) {
      decisions.accept(new InterlockTruth("units", s.handle, at, serial, null, accepted, accepted || v.failureCode() == null ? 0 : v.failureCode(),
          v.message() == null ? "" : v.message(), action));
    }

    private Instant laser(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.LASER);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      // CFX.Production.UnitsInitialized: the serials are born, one per position of the panel
      Instant marked = plus(t, 4 + 2 * p.size());
      emit(s, marked, new UnitsInitialized(tx, p.id, null, p.workOrder, p.size(), p.bySerial()));
      emit(s, plus(marked, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(marked, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      return out;
    }

    private Instant printer(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.PRINTER);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      // the printer's scanner reads the panel barcode (CFX.Sensor.Identification.IdentifiersRead)
      emit(s, plus(arrival, 1), new IdentifiersRead(p.id, null, List.of()));
      Instant t = begin(s, plus(arrival, 2));
      if (printsLeft == 0) {
        // the cartridge is empty: replaced between two panels, so each panel has one paste lot
        emit(s, t, new MaterialsUnloaded(List.of(paste.id)));
        paste = newPaste(30 + r.nextInt(21));
        pasteChanges++;
        t = plus(t, 20);
        emit(s, t, new MaterialsLoaded(List.of(pasteLocation())));
        t = plus(t, 10);
      }
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      double cycle = round(gauss(24, 1.5), 1);
      Instant printed = plus(t, cycle);
      SolderPastePrintingPCBProcessData data = new SolderPastePrintingPCBProcessData(
          List.of(new Stroke(round(gauss(6.5, 0.1), 2), 40.0)), new Separation(null, 1.0, 2.0, 0.5), List.of(), recipe,
          round(gauss(0, 0.01), 4), round(gauss(0, 0.01), 4), round(gauss(0, 0.005), 4), printsLeft % 2 == 0 ? "FrontToRear" : "RearToFront",
          CfxDuration.of(Duration.ofMillis(Math.round(cycle * 1000))), 0.0, round(gauss(0.01, 0.003), 4));
      emit(s, printed, new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED), data, List.of()));
      emit(s, plus(printed, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(printed, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      printsLeft--;
      paste.remaining = Math.max(0, paste.remaining - 12.5);
      for (int pos = 1; pos <= p.size(); pos++) {
        link(p, pos, s, null, paste, false);
      }
      return out;
    }

    private Instant spi(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.SPI);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      Instant measured = plus(t, 14 + r.nextInt(4));
      List<InspectedUnit> units = new ArrayList<>();
      for (int pos = 1; pos <= p.size(); pos++) {
        List<Measurement> pads = new ArrayList<>();
        boolean failed = false;
        int i = 0;
        for (Placement pl : p.product.placements()) {
          int count = pads(pl.part());
          for (int pad = 1; pad <= count; pad++) {
            double ex = 5 + (i % 12) * 6.5;
            double ey = 5 + (i / 12) * 4.0;
            double percent = r.nextDouble() < SPI_LOW_PAD_RATE ? gauss(45, 5) : gauss(100, 7);
            boolean ok = percent >= 60 && percent <= 150;
            failed |= !ok;
            double area = 0.1;
            double height = 0.12 * percent / 100;
            pads.add(new SolderPasteMeasurement(null, pl.referenceDesignator() + "." + pad, null, i, EnumValue.of(ok ? TestResult.PASSED : TestResult.FAILED),
                pl.referenceDesignator(), round(ex + gauss(0, 0.01), 4), ex, round(ey + gauss(0, 0.01), 4), ey, round(height, 4), 0.12,
                round(gauss(0, 0.01), 4), round(gauss(0, 0.01), 4), round(area * height, 5), round(area * 0.12, 5), null, area, area, 0.2, 0.5,
                0.0, 2.0));
            i++;
          }
        }
        TestResult result = failed ? TestResult.FAILED : TestResult.PASSED;
        units.add(new InspectedUnit(p.id, pos, EnumValue.of(result), List.of(new Inspection(uuid(), "SolderPaste", ts(t), ts(measured), null, null,
            EnumValue.of(result), null, null, null, List.of(), List.of(), pads, null)), null, 1));
      }
      emit(s, measured, new UnitsInspected(tx, EnumValue.of(InspectionMethod.SPI), null, null, recipe, "1", units, null));
      emit(s, plus(measured, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(measured, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      return out;
    }

    private int pads(Part part) {
      return switch (part.packageName()) {
        case "QFN48", "QFN32" -> 8;
        case "SOT23", "SOT23-5", "USB-C-SMD" -> 4;
        default -> 2;
      };
    }

    /**
     * a placement machine: reel changes on the IC placer before a panel it could not finish, splices
     * on the chip shooter where a reel runs out, one MaterialsInstalled per board.
     */
    private Instant placer(int machine, Panel p, Instant arrival) {
      StationState s = stations.get(machine == 1 ? StationKind.PLACER1 : StationKind.PLACER2);
      Map<String, Feeder> feeders = machine == 1 ? placer1 : placer2;
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      List<Placement> placements = p.product.placementsOn(machine);
      if (machine == 2) {
        for (Feeder f : feeders.values()) {
          long need = placements.stream().filter(pl -> pl.part().equals(f.part)).count() * p.size();
          if (f.reel != null && f.reel.remaining < need) {
            // CFX.Materials.Storage: the old reel comes off with what is left on it, a new one goes on
            emit(s, t, new MaterialsUnloaded(List.of(f.reel.id)));
            f.reel = newReel(f.part, f.part.reelQuantity());
            reelChanges++;
            t = plus(t, 25);
            emit(s, t, new MaterialsLoaded(List.of(f.location())));
            t = plus(t, 5);
          }
        }
      }
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      Instant cursor = plus(t, 2);
      double perPart = machine == 1 ? 0.12 : 0.6;
      int sequence = 0;
      for (int pos = 1; pos <= p.size(); pos++) {
        Map<String, List<InstalledComponent>> byReel = new LinkedHashMap<>();
        Map<String, Pack> reels = new LinkedHashMap<>();
        Map<String, Feeder> feederOf = new LinkedHashMap<>();
        for (Placement pl : placements) {
          Feeder f = feeders.get(pl.part().partNumber());
          if (f.reel.remaining < 1) {
            // CFX.Materials.Storage.SplicePointDetected: the next reel was spliced on; the splice
            // passes the pick point now
            MaterialLocation depleted = f.location();
            Pack spliced = f.next;
            f.next = null;
            f.reel = spliced != null ? spliced : newReel(f.part, f.part.reelQuantity());
            emit(s, cursor, new SplicePointDetected(depleted, f.location()));
            splices++;
            cursor = plus(cursor, 0.5);
          }
          Instant picked = cursor;
          cursor = plus(cursor, perPart);
          sequence++;
          byReel.computeIfAbsent(f.reel.id, k -> new ArrayList<>()).add(new SMTInstalledComponent(pl.referenceDesignator(), null, ts(cursor), null,
              null, null, new SMTHeadAndNozzle(null, null, "H" + (1 + sequence % 2), 1 + sequence % 8, machine == 1 ? "N0402" : "N-FP12"),
              ts(picked), sequence, sequence, 1 + (sequence - 1) / 8));
          reels.put(f.reel.id, f.reel);
          feederOf.put(f.reel.id, f);
          f.reel.remaining--;
          link(p, pos, s, pl.referenceDesignator(), f.reel, true);
        }
        List<InstalledMaterial> installed = new ArrayList<>();
        for (Map.Entry<String, List<InstalledComponent>> e : byReel.entrySet()) {
          Feeder f = feederOf.get(e.getKey());
          installed.add(new BasicInstalledMaterial(p.id, pos, (double) e.getValue().size(), 0.0, reels.get(e.getKey()).cfx(),
              new MaterialCarrierLocation(null, f.slot, f.slotName, f.carrier), e.getValue(), List.of(), null));
        }
        emit(s, cursor, new MaterialsInstalled(tx, installed));
        cursor = plus(cursor, 0.5);
      }
      emit(s, plus(cursor, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(cursor, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      return out;
    }

    private Instant oven(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.OVEN);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      double[] setpoints = {150, 170, 185, 195, 205, 230, 245, 250, 120, 60};
      List<ReflowZoneData> zones = new ArrayList<>();
      for (int z = 1; z <= setpoints.length; z++) {
        ReflowZoneType type = z <= 3 ? ReflowZoneType.PRE_HEAT : z <= 5 ? ReflowZoneType.SOAK : z <= 8 ? ReflowZoneType.REFLOW : ReflowZoneType.COOL;
        double set = setpoints[z - 1];
        zones.add(new ReflowZoneData(new ReflowZone(z, "Zone" + z, null, EnumValue.of(type)),
            List.of(new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowSetpointType.TEMPERATURE), set),
                new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowSetpointType.TEMPERATURE), set)),
            List.of(new ReflowReading(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowReadingType.TEMPERATURE), round(gauss(set, 0.8), 1)),
                new ReflowReading(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowReadingType.TEMPERATURE), round(gauss(set, 0.8), 1)))));
      }
      Instant processed = plus(t, 240);
      emit(s, processed, new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED),
          new ReflowProcessData(round(gauss(80, 0.2), 1), 80.0, zones), List.of()));
      emit(s, plus(processed, 2), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(processed, 4);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = plus(t, 40); // a conveyor oven: the next panel enters 40 s later
      return out;
    }

    private Instant aoi(Panel p, Instant arrival, List<Finding> findings) {
      StationState s = stations.get(StationKind.AOI);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      String recipe = recipe(s, p, t);
      String tx = uuid();
      emit(s, t, workStarted(p.id, tx, p.byPanel(), recipe, p));
      Instant inspected = plus(t, 16 + r.nextInt(5));
      List<InspectedUnit> units = new ArrayList<>();
      String[] codes = {"TOMBSTONE", "BRIDGING", "MISSING", "SHIFTED", "INSUFFICIENT_SOLDER"};
      for (int pos = 1; pos <= p.size(); pos++) {
        List<Measurement> offsets = new ArrayList<>();
        int i = 0;
        for (Placement pl : p.product.placementsOn(2)) {
          offsets.add(new NumericMeasurement(null, pl.referenceDesignator() + "_OFFSET", null, i++, EnumValue.of(TestResult.PASSED),
              pl.referenceDesignator(), new NumericValue(round(Math.abs(gauss(0, 0.02)), 4), "mm", 0.0, "mm", 0.0, "mm", 0.1, "mm")));
        }
        List<Defect> defects = new ArrayList<>();
        if (r.nextDouble() < AOI_DEFECT_RATE) {
          Placement pl = p.product.placements().get(r.nextInt(p.product.placements().size()));
          String code = codes[r.nextInt(codes.length)];
          String id = uuid();
          defects.add(new Defect(id, code, code.equals("BRIDGING") || code.equals("INSUFFICIENT_SOLDER") ? "Solder" : "Placement",
              code.toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + pl.referenceDesignator(), null,
              new ComponentDesignator(pl.referenceDesignator(), null, pl.part().partNumber()), null, List.of(), 1, round(0.8 + r.nextDouble() * 0.19, 2),
              List.of(), List.of(), null, null));
          findings.add(new Finding(pos, pl, id, code));
          aoiDefects++;
        }
        TestResult result = defects.isEmpty() ? TestResult.PASSED : TestResult.FAILED;
        units.add(new InspectedUnit(p.id, pos, EnumValue.of(result), List.of(new Inspection(uuid(), "Components", ts(t), ts(inspected), null, null,
            EnumValue.of(result), null, null, null, defects, List.of(), offsets, null)), null, 1));
      }
      emit(s, inspected, new UnitsInspected(tx, EnumValue.of(InspectionMethod.AOI), null, null, recipe, "1", units, null));
      emit(s, plus(inspected, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, p.size()));
      Instant out = plus(inspected, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      return out;
    }

    /** the rework station: one transaction per defective board, still in its panel. */
    private Instant repair(Panel p, Instant arrival, List<Finding> findings) {
      StationState s = stations.get(StationKind.REPAIR);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      Instant t = begin(s, arrival);
      String recipe = recipe(s, p, t);
      for (Finding f : findings) {
        String serial = p.serial(f.position());
        List<UnitPosition> board = List.of(position(serial, f.position()));
        String tx = uuid();
        emit(s, t, workStarted(p.id, tx, board, recipe, p));
        Instant done = plus(t, 90 + r.nextInt(150));
        boolean ok = r.nextDouble() < REPAIR_SUCCESS_RATE;
        RepairResult result = ok ? RepairResult.REPAIR_SUCCESSFUL : RepairResult.UNABLE_TO_REPAIR;
        Placement pl = f.placement();
        emit(s, done, new UnitsRepaired(tx, s.operator, List.of(new RepairedUnit(serial, f.position(), EnumValue.of(result), List.of(
            new Repair(uuid(), "Rework " + pl.referenceDesignator(), ts(t), ts(done), ok ? "reworked by hand" : "pad lifted during rework",
                new ComponentDesignator(pl.referenceDesignator(), null, pl.part().partNumber()), null, List.of(f.defectId()), List.of(), List.of(),
                List.of(), EnumValue.of(result), null))))));
        emit(s, plus(done, 1), new WorkCompleted(tx, EnumValue.of(ok ? WorkResult.COMPLETED : WorkResult.FAILED), p.id, null, 1, List.of(), List.of()));
        if (ok) {
          repaired++;
        } else {
          disqualify(s, plus(done, 2), p, f.position(), DisqualificationReason.DEFECTIVE_REPAIR_NOT_POSSIBLE,
              f.code().toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + pl.referenceDesignator() + " could not be reworked");
        }
        t = plus(done, 5);
      }
      emit(s, t, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = t;
      return t;
    }

    private void disqualify(StationState s, Instant at, Panel p, int pos, DisqualificationReason reason, String why) {
      p.alive[pos - 1] = false;
      disqualified++;
      emit(s, at, new UnitsDisqualified(p.id, null, EnumValue.of(reason), why, 1, List.of(position(p.serial(pos), pos))));
    }

    private Instant ict(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.ICT);
      emit(s, arrival, new UnitsArrived(p.id, null, p.size(), List.of(), 1));
      // the ICT's scanner reads each board's serial: serial mode, panel as the group identifier
      emit(s, plus(arrival, 1), new IdentifiersRead(p.id, null, p.bySerial()));
      Instant t = begin(s, plus(arrival, 2));
      String recipe = recipe(s, p, t);
      String tx = uuid();
      List<UnitPosition> live = p.bySerial();
      emit(s, t, workStarted(p.id, tx, live, recipe, p));
      Instant tested = plus(t, 25 + r.nextInt(6));
      List<TestedUnit> units = new ArrayList<>();
      List<Integer> failed = new ArrayList<>();
      List<String> failedAt = new ArrayList<>();
      for (UnitPosition u : live) {
        int pos = ((BasicUnitPosition) u).positionNumber();
        List<Placement> measured = p.product.placements().stream().filter(pl -> pl.part().testValue() != null).toList();
        int open = r.nextDouble() < ICT_FAIL_RATE ? r.nextInt(measured.size()) : -1;
        List<Measurement> values = new ArrayList<>();
        int i = 0;
        for (Placement pl : measured) {
          Part part = pl.part();
          double nominal = part.testValue();
          double tolerance = part.testUnit().equals("Ohm") ? 0.05 : part.testUnit().equals("V") ? 0.15 : 0.2;
          double value = i == open ? nominal * 40 : round(nominal * (1 + gauss(0, tolerance / 5)), 4);
          boolean ok = Math.abs(value - nominal) <= nominal * tolerance;
          values.add(new NumericMeasurement(null, pl.referenceDesignator(), null, i, EnumValue.of(ok ? TestResult.PASSED : TestResult.FAILED),
              pl.referenceDesignator(), new NumericValue(value, part.testUnit(), nominal, part.testUnit(), round(nominal * (1 - tolerance), 4),
                  part.testUnit(), round(nominal * (1 + tolerance), 4), part.testUnit())));
          if (i == open) {
            failedAt.add(pl.referenceDesignator());
          }
          i++;
        }
        TestResult result = open < 0 ? TestResult.PASSED : TestResult.FAILED;
        if (open >= 0) {
          failed.add(pos);
        }
        units.add(new TestedUnit(p.serial(pos), pos, EnumValue.of(result), List.of(new Test(uuid(), "InCircuit", ts(t), ts(tested), List.of(), null,
            null, EnumValue.of(result), null, List.of(), List.of(), values))));
      }
      emit(s, tested, new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, recipe, "4", null, units));
      emit(s, plus(tested, 1), workCompleted(tx, WorkResult.COMPLETED, p.id, live.size()));
      for (int k = 0; k < failed.size(); k++) {
        disqualify(s, plus(tested, 2), p, failed.get(k), DisqualificationReason.DEFECTIVE_REPAIR_NOT_FEASIBLE, "ICT: " + failedAt.get(k) + " open");
      }
      Instant out = plus(tested, 3);
      emit(s, out, new UnitsDeparted(p.id, null, p.size(), List.of(), 1));
      s.free = out;
      return out;
    }

    /** functional test with firmware programming, one board per transaction after depaneling. */
    private void fct(Panel p, Instant arrival) {
      StationState s = stations.get(StationKind.FCT);
      for (int pos = 1; pos <= p.size(); pos++) {
        if (!p.alive[pos - 1]) {
          continue;
        }
        String serial = p.serial(pos);
        List<UnitPosition> board = List.of(position(serial, 1));
        // the depaneled boards queue at the tester and enter it one by one
        Instant t = begin(s, arrival);
        emit(s, t, new UnitsArrived(serial, null, 1, board, 1));
        t = plus(t, 2);
        String recipe = recipe(s, p, t);
        String tx = uuid();
        emit(s, t, workStarted(serial, tx, board, recipe, p));
        Instant programmed = plus(t, 10 + r.nextInt(4));
        emit(s, programmed, new UnitsPersonalized(tx, List.of(new PersonalizedUnit(serial, 1, List.of(
            new Characteristic("FirmwareVersion", p.product.firmwareVersion()), new Characteristic("FirmwareHash", firmwareHash(p.product)),
            new Characteristic("MACAddress", mac()))))));
        Instant tested = plus(programmed, 12 + r.nextInt(4));
        boolean ok = r.nextDouble() >= FCT_FAIL_RATE;
        List<Measurement> values = new ArrayList<>();
        values.add(numeric("V_3V3", round(gauss(3.3, 0.02), 3), "V", 3.3, 3.2, 3.4));
        values.add(numeric("V_1V8", round(gauss(1.8, 0.015), 3), "V", 1.8, 1.74, 1.86));
        values.add(numeric("I_SUPPLY", ok ? round(gauss(85, 4), 1) : round(gauss(310, 20), 1), "mA", 85.0, 60.0, 120.0));
        if (p.product == Catalog.ETHERNET) {
          values.add(numeric("ETH_LINK_SPEED", 100.0, "Mbit/s", 100.0, 100.0, 100.0));
        }
        TestResult result = ok ? TestResult.PASSED : TestResult.FAILED;
        emit(s, tested, new UnitsTested(tx, EnumValue.of(TestMethod.FCT), null, recipe, "2", null, List.of(new TestedUnit(serial, 1,
            EnumValue.of(result), List.of(new Test(uuid(), "Functional", ts(programmed), ts(tested), List.of(), null, null, EnumValue.of(result),
                null, List.of(), List.of(), values))))));
        emit(s, plus(tested, 1), workCompleted(tx, ok ? WorkResult.COMPLETED : WorkResult.FAILED, serial, 1));
        if (!ok) {
          p.alive[pos - 1] = false;
          disqualified++;
          emit(s, plus(tested, 2), new UnitsDisqualified(serial, null, EnumValue.of(DisqualificationReason.DEFECTIVE_REPAIR_NOT_FEASIBLE),
              "FCT: supply current out of limits", 1, board));
        }
        Instant out = plus(tested, 3);
        emit(s, out, new UnitsDeparted(serial, null, 1, board, 1));
        s.free = out;
      }
    }

    private NumericMeasurement numeric(String name, double value, String unit, double expected, double min, double max) {
      boolean ok = value >= min && value <= max;
      return new NumericMeasurement(null, name, null, null, EnumValue.of(ok ? TestResult.PASSED : TestResult.FAILED), null,
          new NumericValue(value, unit, expected, unit, min, unit, max, unit));
    }

    private String mac() {
      int n = ++macCount;
      // locally administered addresses (02-...), one block per line
      return String.format(Locale.ROOT, "02-CF-%02X-%02X-%02X-%02X", line & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    }

    private void link(Panel p, int pos, StationState s, @Nullable String designator, Pack pack, boolean exact) {
      truthLinks++;
      truth.accept(new TruthLink(p.serial(pos), p.name, pos, s.handle, designator, pack.partNumber, pack.id, pack.lot, exact, p.carrier));
    }
  }

  static UnitPosition position(String id, int pos) {
    return new BasicUnitPosition(id, pos, "BOARD" + pos, 10.0 + 80 * (pos - 1), 10.0, null, 0.0, false, false, null);
  }

  /** the firmware image's SHA-256, as the programmer reports it. */
  static String firmwareHash(Product product) {
    try {
      byte[] image = ("cfx-trace simulated firmware " + product.code() + " " + product.firmwareVersion()).getBytes(StandardCharsets.UTF_8);
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
    }
  }

  /** what can go wrong at a kind of station. */
  private enum FaultKind {
    LASER_POWER("LSR-E12", "Laser power below set-point", FaultCause.MECHANICAL_FAILURE, FaultSeverity.ERROR),
    WIPER_PAPER("PRN-E102", "Understencil wiper paper empty", FaultCause.REFILL, FaultSeverity.ERROR),
    WARPAGE("SPI-E020", "Board warpage out of measuring range", FaultCause.QUALITY_CHECK, FaultSeverity.ERROR),
    VACUUM("PNP-E310", "Nozzle vacuum error", FaultCause.MECHANICAL_FAILURE, FaultSeverity.ERROR),
    ZONE("RFL-A005", "Zone 7 temperature deviation", FaultCause.PROCESS_ERROR, FaultSeverity.ALARM),
    FIDUCIAL("AOI-E007", "Fiducial not found", FaultCause.LOAD_ERROR, FaultSeverity.ERROR),
    CONTACT("ICT-E041", "Fixture contact check failed", FaultCause.MECHANICAL_FAILURE, FaultSeverity.ERROR),
    PROGRAMMER("FCT-E015", "Programmer timeout", FaultCause.SOFTWARE_FAILURE, FaultSeverity.ERROR);

    final String code;
    final String description;
    final FaultCause cause;
    final FaultSeverity severity;

    FaultKind(String code, String description, FaultCause cause, FaultSeverity severity) {
      this.code = code;
      this.description = description;
      this.cause = cause;
      this.severity = severity;
    }

    static @Nullable FaultKind of(StationKind kind) {
      return switch (kind) {
        case LASER -> LASER_POWER;
        case PRINTER -> WIPER_PAPER;
        case SPI -> WARPAGE;
        case PLACER1, PLACER2 -> VACUUM;
        case OVEN -> ZONE;
        case AOI -> FIDUCIAL;
        case ICT -> CONTACT;
        case FCT -> PROGRAMMER;
        case REPAIR -> null;
      };
    }
  }
}
