package io.cfxtrace.query.interlock;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorRequest;
import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorResponse;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.UnitStatus;
import io.cfxtrace.model.cfx.structures.ValidationResult;
import io.cfxtrace.model.cfx.structures.ValidationStatus;
import io.cfxtrace.model.value.EnumValue;
import io.cfxtrace.query.interlock.Holds.Hold;
import io.cfxtrace.query.interlock.InterlockRules.SetupRule;
import io.cfxtrace.query.interlock.InterlockRules.UnitRule;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.StoreUnavailableException;
import io.cfxtrace.query.unit.BirthCertificate.RouteStep;
import io.cfxtrace.query.unit.BirthCertificateQuery;
import io.cfxtrace.query.unit.BirthCertificateQuery.UnitRoute;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * answers the three validation requests (issue #15) from the rules, the holds and the event store.
 *
 * <p>Every answer names what decided it: a refusal the rule (or hold) and the facts, a pass the
 * rule that passed it or that no rule applied (the documented default: pass, saying so). The
 * FailureCode of a refused unit, and the ResultCode of a refused setup or operator, say which check
 * refused it: {@link #HOLD}, {@link #SCRAPPED}, {@link #UNREPAIRED}, {@link #ROUTE},
 * {@link #COMPLETED_HERE}, {@link #WRONG_PART}, {@link #LOT}, {@link #NOT_QUALIFIED},
 * {@link #STORE_UNREACHABLE}.
 *
 * <p>When the store cannot answer, {@code store-unreachable} decides: {@code fail-closed} (the
 * default) refuses, {@code fail-open} passes with RequestResult Warning; both say why.
 */
public final class Interlocks {

  /** FailureCode / ResultCode: a hold on the unit, its work order, or the material. */
  public static final int HOLD = 10;
  /** the unit was disqualified (scrapped). */
  public static final int SCRAPPED = 11;
  /** a failed inspection or test and no repair since. */
  public static final int UNREPAIRED = 12;
  /** a required earlier station is missing or had another result. */
  public static final int ROUTE = 13;
  /** already completed at this station, and no repair since. */
  public static final int COMPLETED_HERE = 14;
  /** a part number the location does not allow. */
  public static final int WRONG_PART = 20;
  /** a lot recalled or expired. */
  public static final int LOT = 21;
  /** an operator not qualified for the station. */
  public static final int NOT_QUALIFIED = 30;
  /** the event store could not answer and the service fails closed. */
  public static final int STORE_UNREACHABLE = 90;

  /** what to do when the store cannot answer. */
  public enum StoreUnreachable {
    /** refuse. */
    FAIL_CLOSED,
    /** pass, with a warning. */
    FAIL_OPEN
  }

  /** step types whose result is an outcome at a station. */
  private static final Set<String> OUTCOMES = Set.of("inspected", "tested", "work_completed", "repaired");
  private static final Set<String> FAILED = Set.of("failed", "error", "aborted");

  private final InterlockRules rules;
  private final Units units;
  private final Holds holds;
  private final Reels reels;
  private final StoreUnreachable unreachable;
  private final Clock clock;

  /**
   * creates the interlocks.
   *
   * @param rules the rules.
   * @param units reads a unit's route and the holds on it.
   * @param holds the holds (for setups).
   * @param reels what the store knows of reels.
   * @param unreachable what to do when the store cannot answer.
   * @param clock now, for expiry dates.
   */
  public Interlocks(InterlockRules rules, Units units, Holds holds, Reels reels, StoreUnreachable unreachable, Clock clock) {
    this.rules = rules;
    this.units = units;
    this.holds = holds;
    this.reels = reels;
    this.unreachable = unreachable;
    this.clock = clock;
  }

  /** a check's outcome for one unit or position: passed, or refused with a code and the reason. */
  record Verdict(boolean passed, int code, String message) {
    static Verdict pass(String message) {
      return new Verdict(true, 0, message);
    }

    static Verdict refuse(int code, String message) {
      return new Verdict(false, code, message);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // CFX.InformationSystem.UnitValidation.ValidateUnitsRequest

  /**
   * answers a ValidateUnitsRequest from a station.
   *
   * @param station the asking station (the request's Source).
   * @param request the request.
   * @return the response: one ValidationResult per unit, PrimaryResult Failed when any was.
   */
  public ValidateUnitsResponse validateUnits(String station, ValidateUnitsRequest request) {
    List<UnitPosition> units = request.units() == null ? List.of() : request.units();
    String primary = request.primaryIdentifier();
    List<ValidationResult> results = new ArrayList<>();
    if (units.isEmpty() && primary == null) {
      return new ValidateUnitsResponse(requestResult(StatusResult.FAILED, 400, "the request names no unit: PrimaryIdentifier and Units are empty"),
          new ValidationResult(null, 0, EnumValue.of(ValidationStatus.FAILED), 400, "no unit to validate"), List.of());
    }
    try {
      if (units.isEmpty()) {
        Verdict v = unit(station, primary);
        results.add(result(primary, 0, v));
      }
      for (UnitPosition each : units) {
        BasicUnitPosition u = basic(each);
        int position = u.positionNumber() == null ? 0 : u.positionNumber();
        String key = key(u.unitIdentifier(), primary, position);
        if (u.status() != null && u.status().known().orElse(null) == UnitStatus.SKIP) {
          // CFX 1.4: a (virtual) bad mark is not validated
          results.add(new ValidationResult(u.unitIdentifier(), position, EnumValue.of(ValidationStatus.SKIPPED), 0, "skipped: the unit is marked Skip"));
          continue;
        }
        results.add(result(u.unitIdentifier() != null ? u.unitIdentifier() : key, position, unit(station, key)));
      }
    } catch (StoreUnavailableException e) {
      return unitsWithoutStore(primary, units, e);
    }
    long refused = results.stream().filter(r -> r.result() != null && r.result().known().orElse(null) == ValidationStatus.FAILED).count();
    ValidationResult first = results.stream().filter(r -> r.result() != null && r.result().known().orElse(null) == ValidationStatus.FAILED).findFirst().orElse(null);
    String id = primary != null ? primary : results.isEmpty() ? null : results.get(0).uniqueIdentifier();
    ValidationResult overall = refused == 0
        ? new ValidationResult(id, 0, EnumValue.of(ValidationStatus.PASSED), 0, results.size() == 1 ? results.get(0).message() : "all " + results.size() + " units passed")
        : new ValidationResult(id, 0, EnumValue.of(ValidationStatus.FAILED), Objects.requireNonNull(first).failureCode(),
            refused + " of " + results.size() + " units refused; first: " + first.uniqueIdentifier() + " position " + first.positionNumber() + ": " + first.message());
    return new ValidateUnitsResponse(requestResult(StatusResult.SUCCESS, 0, "rules " + rules.version()), overall, results);
  }

  /** the store key of a unit named in a request: a panel's or carrier's positions by {@code <id>#<position>}. */
  static String key(@Nullable String unitIdentifier, @Nullable String primary, int position) {
    if (unitIdentifier == null || unitIdentifier.isBlank()) {
      return primary + "#" + position;
    }
    if (position > 0 && unitIdentifier.equals(primary)) {
      return unitIdentifier + "#" + position;
    }
    return unitIdentifier;
  }

  /** a unit position's members: a subtype of UnitPosition (none in CFX 2.1) is read as its base. */
  private static BasicUnitPosition basic(UnitPosition u) {
    return u instanceof BasicUnitPosition b ? b : new BasicUnitPosition(null, null, null, null, null, null, null, null, null, null);
  }

  private static ValidationResult result(@Nullable String id, int position, Verdict v) {
    return new ValidationResult(id, position, EnumValue.of(v.passed() ? ValidationStatus.PASSED : ValidationStatus.FAILED), v.code(), v.message());
  }

  private ValidateUnitsResponse unitsWithoutStore(@Nullable String primary, List<UnitPosition> units, StoreUnavailableException e) {
    boolean open = unreachable == StoreUnreachable.FAIL_OPEN;
    String why = "the event store cannot answer (" + e.getMessage() + "): " + (open ? "passed unchecked (store-unreachable: fail-open)"
        : "refused (store-unreachable: fail-closed)");
    EnumValue<ValidationStatus> status = EnumValue.of(open ? ValidationStatus.PASSED : ValidationStatus.FAILED);
    int code = open ? 0 : STORE_UNREACHABLE;
    List<ValidationResult> results = new ArrayList<>();
    for (UnitPosition each : units) {
      BasicUnitPosition u = basic(each);
      results.add(new ValidationResult(u.unitIdentifier(), u.positionNumber() == null ? 0 : u.positionNumber(), status, code, why));
    }
    return new ValidateUnitsResponse(requestResult(open ? StatusResult.WARNING : StatusResult.FAILED, open ? 0 : STORE_UNREACHABLE, why),
        new ValidationResult(primary, 0, status, code, why), results);
  }

  /** the verdict on one unit at a station. */
  Verdict unit(String station, String key) {
    UnitFacts facts = units.find(key);
    return unit(station, facts.route(), facts.holds());
  }

  /**
   * what the store knows of a unit, for its validation.
   *
   * @param route the unit (a key resolved to its serial) and its route, in time order.
   * @param holds the active holds on the unit, the key it was asked by, or a work order of its
   *     steps, oldest first.
   */
  public record UnitFacts(UnitRoute route, List<Hold> holds) {}

  /** reads what the store knows of a unit. */
  @FunctionalInterface
  public interface Units {
    /**
     * the unit's facts.
     *
     * @param key a serial, a provisional key ({@code PANEL-1001#2}) or a panel id.
     * @return its route and the active holds on it.
     * @throws StoreUnavailableException when the store cannot answer.
     */
    UnitFacts find(String key);
  }

  /**
   * {@link Units} read from the event store in one statement: the unit's keys and route as the
   * birth certificate reads them ({@link BirthCertificateQuery#unitRoute}: the key resolved through
   * its latest alias, the rows of each of the unit's keys within that key's window, a step's work
   * order its own or its transaction's WorkStarted's) and, in the same statement, the active holds
   * on the unit, the key and those work orders. One round trip and one snapshot per unit, where
   * the alias, the route and the holds were three statements; and no hold is cached, so a hold
   * put or released through any service instance decides the next answer.
   *
   * <p>Only what the rules read: no operator (the certificate's per-step probe of the operator
   * sessions), no details; each transaction's work order is looked up once, not once per step.
   */
  public record StoreUnits(EventStoreReader store) implements Units {

    // part 0: the resolved unit (always one row); 1: the steps; 2: the holds
    private static final String SQL = "with u as materialized (select coalesce((select a.unit_id from unit_alias a where a.alias = ?"
        + " order by a.valid_from desc, a.event_time desc limit 1), ?) as unit),"
        + " k as materialized (select f.key, f.lower_bound, f.upper_bound from u cross join lateral unit_keys(u.unit) f),"
        // the "in" lets the planner probe unit_event_unit key by key (see BirthCertificateQuery.mine)
        + " s as materialized (select e.event_time, e.event_tick, e.station, e.event_type, e.transaction_id, e.result, e.recipe, e.unit_id,"
        + " e.work_order from unit_event e where e.unit_id in (select key from k) and exists (select 1 from k where k.key = e.unit_id"
        + " and e.event_time >= k.lower_bound and e.event_time < k.upper_bound)),"
        + " t as materialized (select x.transaction_id, (select w.work_order from unit_event w where w.transaction_id = x.transaction_id"
        + " and w.work_order is not null order by w.event_time limit 1) as work_order"
        + " from (select distinct transaction_id from s where transaction_id is not null and work_order is null) x),"
        + " r as materialized (select s.*, coalesce(s.work_order, t.work_order) as wo from s left join t on t.transaction_id = s.transaction_id)"
        + " select 0 as part, u.unit, null::timestamptz as event_time, null::smallint as event_tick, null as station, null as event_type,"
        + " null as transaction_id, null as result, null as recipe, null as unit_id, null as wo, null::bigint as hold_id, null as kind,"
        + " null as value, null as part_number, null as reason, null as held_by, null as held_by_name, null::timestamptz as held_at from u"
        + " union all select 1, null, r.event_time, r.event_tick, r.station, r.event_type, r.transaction_id, r.result, r.recipe, r.unit_id, r.wo,"
        + " null, null, null, null, null, null, null, null from r"
        + " union all select 2, null, null, null, null, null, null, null, null, null, null, h.hold_id, h.kind, h.value, h.part_number, h.reason,"
        + " h.held_by, h.held_by_name, h.held_at from hold h where h.released_at is null"
        + " and h.value = any(array(select unit from u union select ?::text union select wo from r where wo is not null))"
        // the 100 ns digit the store's microseconds cut off keeps events of one microsecond in order (V14)
        + " order by part, event_time, event_tick nulls first, held_at, hold_id";

    @Override
    public UnitFacts find(String key) {
      String[] unit = {key};
      List<RouteStep> steps = new ArrayList<>();
      List<Hold> holds = new ArrayList<>();
      store.query(SQL, r -> {
        switch (Objects.requireNonNull(r.integer("part"))) {
          case 0 -> unit[0] = Objects.requireNonNull(r.text("unit"));
          case 1 -> steps.add(new RouteStep(Objects.requireNonNull(r.time("event_time")), r.text("station"), Objects.requireNonNull(r.text("event_type")),
              r.text("transaction_id"), null, null, r.text("result"), r.text("recipe"), null, Objects.requireNonNull(r.text("unit_id")), r.text("wo"), null, false, null));
          default -> holds.add(new Hold(Objects.requireNonNull(r.whole("hold_id")), Objects.requireNonNull(r.text("kind")),
              Objects.requireNonNull(r.text("value")), r.text("part_number"), Objects.requireNonNull(r.text("reason")),
              Objects.requireNonNull(r.text("held_by")), r.text("held_by_name"), Objects.requireNonNull(r.time("held_at")), null, null, null, null));
        }
        return null;
      }, key, key, key);
      return new UnitFacts(new UnitRoute(unit[0], List.copyOf(steps)), List.copyOf(holds));
    }
  }

  /** the verdict from the facts: the pure part, tested rule by rule. */
  Verdict unit(String station, UnitRoute route, List<Hold> active) {
    List<RouteStep> steps = route.steps();
    Set<String> workOrders = new LinkedHashSet<>();
    steps.stream().map(RouteStep::workOrder).filter(Objects::nonNull).forEach(workOrders::add);
    for (Hold h : active) {
      boolean onUnit = h.kind().equals("unit") && h.value().equals(route.unit());
      boolean onWorkOrder = h.kind().equals("work_order") && workOrders.contains(h.value());
      if (onUnit || onWorkOrder) {
        return Verdict.refuse(HOLD, route.unit() + " is held: " + h.describe());
      }
    }
    List<String> recipes = steps.stream().map(RouteStep::recipe).filter(Objects::nonNull).distinct().toList();
    Optional<UnitRule> found = rules.unitRule(station, recipes);
    if (found.isEmpty()) {
      return Verdict.pass("no unit rule for " + station + " (rules " + rules.version() + "): passed by default");
    }
    UnitRule rule = found.get();
    String by = "rule '" + rule.name() + "' (rules " + rules.version() + "): ";
    if (rule.scrapped()) {
      for (RouteStep s : steps) {
        if (s.eventType().equals("disqualified")) {
          return Verdict.refuse(SCRAPPED, by + route.unit() + " was disqualified (scrapped) at " + at(s) + (s.result() == null ? "" : ", reason " + s.result()));
        }
      }
    }
    if (rule.unrepairedFailures()) {
      RouteStep failure = unrepairedFailure(steps, null);
      if (failure != null) {
        return Verdict.refuse(UNREPAIRED, by + name(failure.station()) + " result " + failure.result() + " at " + at(failure) + ", no repair since");
      }
    }
    for (InterlockRules.RouteStep required : rule.route()) {
      List<RouteStep> there = steps.stream()
          .filter(s -> s.station() != null && !s.station().equals(station) && required.station().matches(s.station()) && OUTCOMES.contains(s.eventType())
              && s.result() != null && !s.eventType().equals("repaired"))
          .toList();
      if (there.isEmpty()) {
        return Verdict.refuse(ROUTE, by + "no step at " + required.station() + " is recorded for " + route.unit() + " (required before " + name(station) + ")");
      }
      RouteStep failure = unrepairedFailure(steps, required);
      if (failure != null) {
        return Verdict.refuse(ROUTE, by + name(failure.station()) + " result " + failure.result() + " at " + at(failure) + ", no repair since");
      }
      // a failure there that was repaired since counts as done (the repair is the fix)
      boolean accepted = there.stream().anyMatch(s -> required.results().contains(lower(s.result())) || FAILED.contains(lower(s.result())));
      if (!accepted) {
        RouteStep last = there.get(there.size() - 1);
        return Verdict.refuse(ROUTE, by + name(last.station()) + " result " + last.result() + " at " + at(last) + "; required one of " + required.results());
      }
    }
    if (rule.completedHere()) {
      RouteStep done = null;
      for (RouteStep s : steps) {
        if (station.equals(s.station()) && s.eventType().equals("work_completed") && "completed".equals(lower(s.result()))) {
          done = s;
        }
      }
      if (done != null) {
        Instant completed = done.time();
        boolean rework = steps.stream().anyMatch(s -> s.eventType().equals("repaired") && s.time().isAfter(completed));
        if (!rework) {
          return Verdict.refuse(COMPLETED_HERE, by + route.unit() + " was already completed at " + name(station) + " at " + at(done) + " and not repaired since (not rework)");
        }
      }
    }
    return Verdict.pass(by + "passed");
  }

  /**
   * the latest failed inspection, test or work at a station (matching {@code at}, or any) after
   * which the unit was neither repaired nor passed again at that station; null when none.
   */
  private static @Nullable RouteStep unrepairedFailure(List<RouteStep> steps, InterlockRules.@Nullable RouteStep at) {
    RouteStep open = null;
    for (RouteStep s : steps) {
      if (s.station() == null || (at != null && !at.station().matches(s.station()) && !s.eventType().equals("repaired"))) {
        continue;
      }
      String result = lower(s.result());
      if (s.eventType().equals("repaired")) {
        open = null;
      } else if ((s.eventType().equals("inspected") || s.eventType().equals("tested")) && FAILED.contains(result)) {
        open = s;
      } else if (open != null && open.station().equals(s.station()) && (s.eventType().equals("inspected") || s.eventType().equals("tested"))
          && "passed".equals(result)) {
        open = null;
      }
    }
    return open;
  }

  // ---------------------------------------------------------------------------------------------
  // CFX.Materials.Storage.ValidateStationSetupRequest

  /** what the store knows of the reel at a position. */
  record Reel(@Nullable String id, @Nullable String lot, @Nullable Instant expiresAt) {}

  /**
   * answers a ValidateStationSetupRequest from a station: each material requirement is a position
   * (feeder location) and the part number to be run there. The reel is the one the requirement
   * names in the member {@code MaterialPackage} (a CFX MaterialPackage; cfx-trace's addition, which
   * SDK receivers ignore), else the one the store has open at that location.
   *
   * @param station the asking station.
   * @param request the request.
   * @return Success, or Failed naming every refused position.
   */
  public ValidateStationSetupResponse validateSetup(String station, ValidateStationSetupRequest request) {
    StationSetupRequirements setup = request.setupRequirements();
    List<MaterialSetupRequirement> positions = setup == null || setup.materialSetupRequirements() == null ? List.of() : setup.materialSetupRequirements();
    if (positions.isEmpty()) {
      return new ValidateStationSetupResponse(requestResult(StatusResult.FAILED, 400, "the request names no material position (SetupRequirements.MaterialSetupRequirements is empty)"));
    }
    String setupName = setup.setupName();
    Optional<SetupRule> rule = rules.setupRule(station, setupName);
    List<String> refused = new ArrayList<>();
    int code = 0;
    try {
      for (MaterialSetupRequirement m : positions) {
        Reel reel = reel(station, m);
        Set<String> values = new LinkedHashSet<>();
        if (m.partNumber() != null) {
          values.add(m.partNumber());
        }
        if (reel.id() != null) {
          values.add(reel.id());
        }
        if (reel.lot() != null) {
          values.add(reel.lot());
        }
        Verdict v = position(station, m, reel, rule.orElse(null), holds.activeOn(values));
        if (!v.passed()) {
          refused.add(v.message());
          code = code == 0 ? v.code() : code;
        }
      }
    } catch (StoreUnavailableException e) {
      boolean open = unreachable == StoreUnreachable.FAIL_OPEN;
      return new ValidateStationSetupResponse(requestResult(open ? StatusResult.WARNING : StatusResult.FAILED, open ? 0 : STORE_UNREACHABLE,
          "the event store cannot answer (" + e.getMessage() + "): " + (open ? "setup passed unchecked (store-unreachable: fail-open)"
              : "setup refused (store-unreachable: fail-closed)")));
    }
    if (!refused.isEmpty()) {
      return new ValidateStationSetupResponse(requestResult(StatusResult.FAILED, code, String.join("; ", refused)));
    }
    String how = rule.map(r -> "rule '" + r.name() + "' (rules " + rules.version() + ")")
        .orElse("no setup rule for " + station + (setupName == null ? "" : " and setup " + setupName) + " (rules " + rules.version() + "), no hold: passed by default");
    return new ValidateStationSetupResponse(requestResult(StatusResult.SUCCESS, 0, "setup OK: " + positions.size() + " position(s), " + how));
  }

  /** the verdict on one position from the facts: the pure part. */
  Verdict position(String station, MaterialSetupRequirement m, Reel reel, @Nullable SetupRule rule, List<Hold> active) {
    String where = "position " + m.position() + (reel.id() == null ? "" : " reel " + reel.id()) + (reel.lot() == null ? "" : " lot " + reel.lot());
    for (Hold h : active) {
      boolean hit = switch (h.kind()) {
        case "part_number" -> h.value().equals(m.partNumber());
        case "reel" -> h.value().equals(reel.id());
        case "lot" -> h.value().equals(reel.lot()) && (h.partNumber() == null || h.partNumber().equals(m.partNumber()));
        default -> false;
      };
      if (hit) {
        return Verdict.refuse(HOLD, where + ": " + h.describe());
      }
    }
    if (rule == null) {
      return Verdict.pass(where + ": no setup rule");
    }
    String by = "rule '" + rule.name() + "' (rules " + rules.version() + ")";
    Set<String> allowed = m.position() == null ? null : rule.locations().get(m.position());
    if (allowed != null && (m.partNumber() == null || !allowed.contains(m.partNumber()))) {
      return Verdict.refuse(WRONG_PART, where + ": part " + m.partNumber() + " is not allowed there by " + by + "; allowed: " + String.join(", ", allowed));
    }
    if (reel.lot() != null && rule.recalledLots().contains(reel.lot())) {
      return Verdict.refuse(LOT, where + ": lot " + reel.lot() + " is recalled (" + by + ")");
    }
    if (reel.lot() != null && rule.expiredLots().contains(reel.lot())) {
      return Verdict.refuse(LOT, where + ": lot " + reel.lot() + " is declared expired (" + by + ")");
    }
    if (rule.expired() && reel.expiresAt() != null && !reel.expiresAt().isAfter(clock.instant())) {
      return Verdict.refuse(LOT, where + ": expired at " + reel.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (" + by + ")");
    }
    return Verdict.pass(where + ": " + by + " passed");
  }

  /** what the store knows of the reel at a position: the open setup there, and the package's lot and expiry. */
  public interface Reels {
    /**
     * the reel.
     *
     * @param station the station.
     * @param position the location, or null.
     * @param id the reel the request named, or null for the one open at the location.
     * @param lot the lot the request named, or null.
     * @return what is known.
     * @throws StoreUnavailableException when the store cannot answer.
     */
    Reel find(String station, @Nullable String position, @Nullable String id, @Nullable String lot);
  }

  /** {@link Reels} read from the event store's {@code material_setup} and {@code material_package_current}. */
  public record StoreReels(EventStoreReader store) implements Reels {
    @Override
    public Reel find(String station, @Nullable String position, @Nullable String id, @Nullable String lot) {
      if (id == null && position != null) {
        // the reel the store has open at that location
        List<String[]> open = store.query("select material_package_id, lot from material_setup where station = ? and unloaded_at is null"
                + " and (location_identifier = ? or location_name = ?) order by loaded_at desc limit 1",
            r -> new String[] {r.text("material_package_id"), r.text("lot")}, station, position, position);
        if (!open.isEmpty()) {
          id = open.get(0)[0];
          lot = lot != null ? lot : open.get(0)[1];
        }
      }
      Instant expires = null;
      if (id != null) {
        List<Object[]> known = store.query("select lot, expires_at from material_package_current where material_package_id = ?",
            r -> new Object[] {r.text("lot"), r.time("expires_at")}, id);
        if (!known.isEmpty()) {
          lot = lot != null ? lot : (String) known.get(0)[0];
          expires = (Instant) known.get(0)[1];
        }
      }
      return new Reel(id, lot, expires);
    }
  }

  private Reel reel(String station, MaterialSetupRequirement m) {
    JsonNode named = m.extensions().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("MaterialPackage")).map(java.util.Map.Entry::getValue)
        .findFirst().orElse(null);
    return reels.find(station, m.position(), named == null ? null : text(named, "UniqueIdentifier"), named == null ? null : text(named, "BatchId"));
  }

  private static @Nullable String text(JsonNode node, String member) {
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(member) && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // CFX.InformationSystem.OperatorValidation.ValidateOperatorRequest

  /**
   * answers a ValidateOperatorRequest: the operator (OperatorIdentifier or LoginName) must be one
   * the station's rule qualifies; without a rule, anyone passes, saying so.
   *
   * @param station the asking station.
   * @param request the request.
   * @return Success or Failed, naming the rule.
   */
  public ValidateOperatorResponse validateOperator(String station, ValidateOperatorRequest request) {
    Operator o = request.operator();
    if (o == null || (o.operatorIdentifier() == null && o.loginName() == null)) {
      return new ValidateOperatorResponse(requestResult(StatusResult.FAILED, 400, "the request names no operator (Operator.OperatorIdentifier and LoginName are empty)"));
    }
    String who = o.operatorIdentifier() != null ? o.operatorIdentifier() : o.loginName();
    Optional<InterlockRules.OperatorRule> rule = rules.operatorRule(station);
    if (rule.isEmpty()) {
      return new ValidateOperatorResponse(requestResult(StatusResult.SUCCESS, 0, "no operator rule for " + station + " (rules " + rules.version() + "): "
          + who + " passed by default"));
    }
    InterlockRules.OperatorRule r = rule.get();
    boolean qualified = (o.operatorIdentifier() != null && r.qualified().contains(o.operatorIdentifier()))
        || (o.loginName() != null && r.qualified().contains(o.loginName()));
    String by = "rule '" + r.name() + "' (rules " + rules.version() + ")";
    return qualified
        ? new ValidateOperatorResponse(requestResult(StatusResult.SUCCESS, 0, who + " is qualified for " + station + " by " + by))
        : new ValidateOperatorResponse(requestResult(StatusResult.FAILED, NOT_QUALIFIED, who + " is not qualified for " + station + " by " + by
            + "; qualified: " + String.join(", ", r.qualified())));
  }

  // ---------------------------------------------------------------------------------------------

  private static RequestResult requestResult(StatusResult result, int code, String message) {
    return new RequestResult(EnumValue.of(result), code, message);
  }

  private static String lower(@Nullable String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /** a station as refusals name it: the last segment of its handle, then the handle. */
  private static String name(String station) {
    int dot = station.lastIndexOf('.');
    return dot < 0 ? station : station.substring(dot + 1) + " (" + station + ")";
  }

  private static String at(RouteStep s) {
    return s.time().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
