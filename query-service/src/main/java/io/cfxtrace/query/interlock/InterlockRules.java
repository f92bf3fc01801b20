package io.cfxtrace.query.interlock;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * the interlock rules: a versioned YAML file (see {@code query-service/README.md}, "Interlocks"),
 * read once at start. Three lists, each searched in file order, the first rule whose selectors
 * match applying:
 *
 * <ul>
 *   <li>{@code units}: for ValidateUnitsRequest, by the asking station (the request's Source
 *       handle) and optionally the unit's recipe; the route (stations before this one and the
 *       results they must have had), no unrepaired failures, not scrapped, not completed here
 *       unless it is rework;
 *   <li>{@code setups}: for ValidateStationSetupRequest, by station and setup name; the part
 *       numbers allowed at each location, lots recalled or expired;
 *   <li>{@code operators}: for ValidateOperatorRequest, by station; the qualified operators.
 * </ul>
 *
 * <p>Station, recipe and setup selectors are globs over the whole text ({@code *} any run of
 * characters, {@code ?} one), compared ignoring case. Results are compared ignoring case.
 *
 * @param version the rules' version, named in every answer.
 * @param units the unit rules.
 * @param setups the setup rules.
 * @param operators the operator rules.
 */
public record InterlockRules(String version, List<UnitRule> units, List<SetupRule> setups, List<OperatorRule> operators) {

  /** no rules at all: every request gets the documented default. */
  public static final InterlockRules NONE = new InterlockRules("none", List.of(), List.of(), List.of());

  /** copies the lists. */
  public InterlockRules {
    units = List.copyOf(units);
    setups = List.copyOf(setups);
    operators = List.copyOf(operators);
  }

  /**
   * a glob over a whole text, ignoring case.
   *
   * @param text the glob as written.
   */
  public record Glob(String text) {
    boolean matches(@Nullable String value) {
      if (value == null) {
        return false;
      }
      StringBuilder re = new StringBuilder();
      for (char c : text.toCharArray()) {
        re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * a station the unit must have passed before this one.
   *
   * @param station which stations count.
   * @param results the results accepted there (lower case).
   */
  public record RouteStep(Glob station, Set<String> results) {}

  /**
   * what a unit must satisfy at a station.
   *
   * @param name the rule's name, named in refusals.
   * @param station the asking stations it applies to.
   * @param recipe the units it applies to by the recipe of any of their steps, or null for all.
   * @param route the earlier stations and their results.
   * @param unrepairedFailures refuse a unit with a failed inspection or test and no repair since.
   * @param scrapped refuse a disqualified (scrapped) unit.
   * @param completedHere refuse a unit already completed at this station, unless repaired since.
   */
  public record UnitRule(String name, Glob station, @Nullable Glob recipe, List<RouteStep> route, boolean unrepairedFailures, boolean scrapped,
      boolean completedHere) {}

  /**
   * what a setup must satisfy at a station.
   *
   * @param name the rule's name.
   * @param station the stations it applies to.
   * @param setup the setup names (ValidateStationSetupRequest's SetupName, the recipe) it applies
   *     to, or null for all.
   * @param locations per location (feeder slot), the part numbers allowed there; a location not
   *     listed is not checked.
   * @param expired refuse a lot whose reel the store knows an expiry date of that has passed.
   * @param expiredLots lots declared expired.
   * @param recalledLots lots recalled.
   */
  public record SetupRule(String name, Glob station, @Nullable Glob setup, Map<String, Set<String>> locations, boolean expired, Set<String> expiredLots,
      Set<String> recalledLots) {}

  /**
   * who may work at a station.
   *
   * @param name the rule's name.
   * @param station the stations it applies to.
   * @param qualified the operators (OperatorIdentifier, badge, or LoginName) qualified there.
   */
  public record OperatorRule(String name, Glob station, Set<String> qualified) {}

  Optional<UnitRule> unitRule(String station, List<String> recipes) {
    return units.stream()
        .filter(r -> r.station().matches(station) && (r.recipe() == null || recipes.stream().anyMatch(x -> r.recipe().matches(x))))
        .findFirst();
  }

  Optional<SetupRule> setupRule(String station, @Nullable String setupName) {
    return setups.stream().filter(r -> r.station().matches(station) && (r.setup() == null || r.setup().matches(setupName))).findFirst();
  }

  Optional<OperatorRule> operatorRule(String station) {
    return operators.stream().filter(r -> r.station().matches(station)).findFirst();
  }

  /**
   * reads a rules file.
   *
   * @param file the YAML file.
   * @return the rules.
   * @throws IllegalArgumentException naming the file, the entry and the problem.
   */
  public static InterlockRules read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse((Object) new Yaml(new SafeConstructor(new LoaderOptions())).load(in), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("interlock rules " + file + ": cannot be read: " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("interlock rules " + file + ": not YAML: " + e.getMessage(), e);
    }
  }

  /**
   * reads rules from YAML text.
   *
   * @param yaml the text.
   * @param origin what to call it in errors.
   * @return the rules.
   * @throws IllegalArgumentException naming the entry and the problem.
   */
  public static InterlockRules parse(String yaml, String origin) {
    try {
      return parse((Object) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), origin);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("interlock rules " + origin + ": not YAML: " + e.getMessage(), e);
    }
  }

  private static InterlockRules parse(@Nullable Object root, String origin) {
    Reading r = new Reading(origin);
    Map<String, Object> top = r.map(root, "$", Set.of("version", "units", "setups", "operators"));
    Object version = top.get("version");
    if (version == null || version.toString().isBlank()) {
      throw r.bad("$.version", "is missing: every rules file names its version, which every answer repeats");
    }
    List<UnitRule> units = new ArrayList<>();
    List<Object> u = r.list(top.get("units"), "$.units");
    for (int i = 0; i < u.size(); i++) {
      String at = "$.units[" + i + "]";
      Map<String, Object> m = r.map(u.get(i), at, Set.of("name", "station", "recipe", "route", "unrepaired-failures", "scrapped", "completed-here"));
      List<RouteStep> route = new ArrayList<>();
      List<Object> steps = r.list(m.get("route"), at + ".route");
      for (int j = 0; j < steps.size(); j++) {
        String sat = at + ".route[" + j + "]";
        Map<String, Object> s = r.map(steps.get(j), sat, Set.of("station", "results"));
        Set<String> results = r.lowerSet(s.get("results"), sat + ".results");
        route.add(new RouteStep(r.glob(s.get("station"), sat + ".station", true), results.isEmpty() ? Set.of("passed", "completed") : results));
      }
      units.add(new UnitRule(r.name(m, at), r.glob(m.get("station"), at + ".station", true), r.optionalGlob(m.get("recipe"), at + ".recipe"), route,
          r.flag(m, "unrepaired-failures", at), r.flag(m, "scrapped", at), r.flag(m, "completed-here", at)));
    }
    List<SetupRule> setups = new ArrayList<>();
    List<Object> s = r.list(top.get("setups"), "$.setups");
    for (int i = 0; i < s.size(); i++) {
      String at = "$.setups[" + i + "]";
      Map<String, Object> m = r.map(s.get(i), at, Set.of("name", "station", "setup", "locations", "expired", "expired-lots", "recalled-lots"));
      Map<String, Set<String>> locations = new LinkedHashMap<>();
      Map<String, Object> l = m.get("locations") == null ? Map.of() : r.map(m.get("locations"), at + ".locations", null);
      for (Map.Entry<String, Object> e : l.entrySet()) {
        Set<String> parts = r.textSet(e.getValue(), at + ".locations." + e.getKey());
        if (parts.isEmpty()) {
          throw r.bad(at + ".locations." + e.getKey(), "lists no part number");
        }
        locations.put(e.getKey(), parts);
      }
      setups.add(new SetupRule(r.name(m, at), r.glob(m.get("station"), at + ".station", true), r.optionalGlob(m.get("setup"), at + ".setup"), locations,
          r.flag(m, "expired", at), r.textSet(m.get("expired-lots"), at + ".expired-lots"), r.textSet(m.get("recalled-lots"), at + ".recalled-lots")));
    }
    List<OperatorRule> operators = new ArrayList<>();
    List<Object> o = r.list(top.get("operators"), "$.operators");
    for (int i = 0; i < o.size(); i++) {
      String at = "$.operators[" + i + "]";
      Map<String, Object> m = r.map(o.get(i), at, Set.of("name", "station", "qualified"));
      operators.add(new OperatorRule(r.name(m, at), r.glob(m.get("station"), at + ".station", true), r.textSet(m.get("qualified"), at + ".qualified")));
    }
    return new InterlockRules(version.toString(), units, setups, operators);
  }

  /** the reading of one file, for errors that name it. */
  private record Reading(String origin) {
    IllegalArgumentException bad(String at, String problem) {
      return new IllegalArgumentException("interlock rules " + origin + ": " + at + " " + problem);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(@Nullable Object o, String at, @Nullable Set<String> keys) {
      if (!(o instanceof Map<?, ?> m)) {
        throw bad(at, "is " + describe(o) + ": expected a mapping");
      }
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) {
          throw bad(at, "has the key " + k + ": expected text keys");
        }
        if (keys != null && !keys.contains(k)) {
          throw bad(at, "has the unknown key '" + k + "' (known: " + String.join(", ", new TreeSet<>(keys)) + ")");
        }
      }
      return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(@Nullable Object o, String at) {
      if (o == null) {
        return List.of();
      }
      if (!(o instanceof List<?> l)) {
        throw bad(at, "is " + describe(o) + ": expected a list");
      }
      return (List<Object>) l;
    }

    Glob glob(@Nullable Object o, String at, boolean required) {
      if (o == null && required) {
        throw bad(at, "is missing");
      }
      if (!(o instanceof String t) || t.isBlank()) {
        throw bad(at, "is " + describe(o) + ": expected a glob such as \"*.AOI.*\"");
      }
      return new Glob(t);
    }

    @Nullable Glob optionalGlob(@Nullable Object o, String at) {
      return o == null ? null : glob(o, at, false);
    }

    String name(Map<String, Object> m, String at) {
      Object n = m.get("name");
      if (n == null) {
        return at.substring(2);
      }
      if (!(n instanceof String t) || t.isBlank()) {
        throw bad(at + ".name", "is " + describe(n) + ": expected text");
      }
      return t;
    }

    boolean flag(Map<String, Object> m, String key, String at) {
      Object v = m.get(key);
      if (v == null) {
        return true;
      }
      if (!(v instanceof Boolean b)) {
        throw bad(at + "." + key, "is " + describe(v) + ": expected true or false");
      }
      return b;
    }

    Set<String> textSet(@Nullable Object o, String at) {
      List<Object> l = list(o, at);
      Set<String> out = new TreeSet<>();
      for (int i = 0; i < l.size(); i++) {
        Object v = l.get(i);
        if (!(v instanceof String || v instanceof Number) || v.toString().isBlank()) {
          throw bad(at + "[" + i + "]", "is " + describe(v) + ": expected text");
        }
        out.add(v.toString());
      }
      return out;
    }

    Set<String> lowerSet(@Nullable Object o, String at) {
      Set<String> out = new TreeSet<>();
      textSet(o, at).forEach(t -> out.add(t.toLowerCase(Locale.ROOT)));
      return out;
    }

    private static String describe(@Nullable Object o) {
      if (o == null) {
        return "empty";
      }
      if (o instanceof Map) {
        return "a mapping";
      }
      if (o instanceof List) {
        return "a list";
      }
      return "'" + o + "'";
    }
  }
}
