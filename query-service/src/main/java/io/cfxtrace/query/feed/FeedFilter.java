package io.cfxtrace.query.feed;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * which envelopes a live-feed client wants: from any of {@code stations} (the envelope's {@code
 * Source} handle) and with any of {@code messages} (its {@code MessageName}); an empty set lets
 * every value through.
 *
 * @param stations the CFX handles of the stations.
 * @param messages the full CFX message names.
 */
public record FeedFilter(Set<String> stations, Set<String> messages) {

  /** the most values one filter may list. */
  static final int MAX_VALUES = 50;
  /** a CFX handle as a filter value: no white space or control characters, at most 200 characters. */
  private static final Pattern HANDLE = Pattern.compile("[^\\p{Cntrl}\\s]{1,200}");
  /** a full CFX message name (IPC-2591 section 5: {@code CFX.<area>[.<subarea>].<message>}). */
  private static final Pattern MESSAGE = Pattern.compile("CFX(\\.[A-Za-z][A-Za-z0-9_]*){1,6}");

  /** copies the sets. */
  public FeedFilter {
    stations = Set.copyOf(stations);
    messages = Set.copyOf(messages);
  }

  /**
   * reads the filter from the request's parameters, each repeatable and comma-separated.
   *
   * @param station the {@code station} values, possibly absent.
   * @param message the {@code message} values, possibly absent.
   * @return the filter.
   * @throws BadParameterException naming a malformed value (400).
   */
  public static FeedFilter of(@Nullable List<String> station, @Nullable List<String> message) {
    return new FeedFilter(values("station", station, HANDLE, "a CFX handle such as Line1.SMT.PNP01 (no white space, at most 200 characters)"),
        values("message", message, MESSAGE, "a CFX message name such as CFX.Production.WorkCompleted"));
  }

  private static Set<String> values(String parameter, @Nullable List<String> raw, Pattern pattern, String expected) {
    Set<String> out = new LinkedHashSet<>();
    if (raw != null) {
      for (String value : raw) {
        // the whole value, before trim() could drop a NUL at either end of an item
        Parameters.text(parameter, value);
        for (String v : value.split(",", -1)) {
          String t = v.trim();
          if (!pattern.matcher(t).matches()) {
            throw new BadParameterException(parameter, v, expected);
          }
          out.add(t);
        }
      }
    }
    if (out.size() > MAX_VALUES) {
      throw new BadParameterException("parameter '" + parameter + "' lists " + out.size() + " values: at most " + MAX_VALUES);
    }
    return out;
  }

  /** whether an envelope passes. */
  boolean matches(FeedEvent e) {
    return (stations.isEmpty() || (e.source() != null && stations.contains(e.source())))
        && (messages.isEmpty() || messages.contains(e.messageName()));
  }
}
