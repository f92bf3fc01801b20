package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * stops the start-up when a {@code cfx.ingest.*} or {@code cfx.store.*} setting is not one this
 * service knows (other {@code cfx.*} namespaces belong to other components): a misspelt key
 * would otherwise be ignored silently and its default used (after Qpid JMS's "not all options
 * could be applied"). Environment variables are checked too ({@code CFX_INGEST_BATCH_SIZE}).
 */
@Context
public class SettingsCheck {

  private static final Set<String> INGEST =
      Set.of("enabled", "handle", "zoneless-offset", "queue-capacity", "batch-size", "batch-delay", "retry-max-delay", "flow-budget-mb", "health-timeout");
  private static final Set<String> LISTENER =
      Set.of("host", "port", "addresses", "allow-anonymous", "users", "key-store", "key-store-password", "max-message-mb", "credit");
  private static final Set<String> SUBSCRIPTION = Set.of("uri", "virtual-host", "trust-store", "trust-store-password", "credit", "durable");
  private static final Set<String> STORE = Set.of("embedded-data-directory", "embedded-port", "compress-after", "retention", "run-jobs", "run-jobs-interval");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

  /**
   * checks every property source.
   *
   * @param environment the environment.
   * @throws ConfigurationException naming each unknown key and what was probably meant.
   */
  public SettingsCheck(Environment environment) {
    List<String> problems = new ArrayList<>();
    for (PropertySource source : environment.getPropertySources()) {
      if (source.getName().toLowerCase(Locale.ROOT).contains("env")) {
        continue; // environment variables are checked by name below
      }
      for (String key : source) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        if ((k.startsWith("cfx.ingest.") || k.startsWith("cfx.store.")) && !known(k)) {
          problems.add("'" + key + "' (from " + source.getName() + ")" + suggestion(k));
        }
      }
    }
    for (Map.Entry<String, String> env : System.getenv().entrySet()) {
      String name = env.getKey();
      if ((name.startsWith("CFX_INGEST_") || name.startsWith("CFX_STORE_")) && !knownEnv(name)) {
        problems.add("environment variable " + name + suggestion(name.toLowerCase(Locale.ROOT).replace('_', '.')));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("unknown cfx-trace settings (misspelt?): " + String.join("; ", problems));
    }
  }

  static boolean known(String key) {
    String k = INDEX.matcher(key).replaceAll("");
    String[] p = k.split("\\.");
    if (p.length == 3 && p[1].equals("ingest")) {
      return INGEST.contains(p[2]) || p[2].equals("listeners") || p[2].equals("subscriptions");
    }
    if (p.length >= 5 && p[1].equals("ingest") && p[2].equals("listeners")) {
      return LISTENER.contains(p[4].replaceAll("\\[\\d+]", "")) || (p[4].equals("users") && p.length == 6);
    }
    if (p.length == 5 && p[1].equals("ingest") && p[2].equals("subscriptions")) {
      return SUBSCRIPTION.contains(p[4]);
    }
    if (p.length == 4 && p[1].equals("ingest") && (p[2].equals("listeners") || p[2].equals("subscriptions"))) {
      return true; // the entry itself (a map)
    }
    if (p.length == 3 && p[1].equals("store")) {
      return STORE.contains(p[2]);
    }
    return p.length == 2 && (p[1].equals("ingest") || p[1].equals("store"));
  }

  static boolean knownEnv(String name) {
    String rest;
    if (name.startsWith("CFX_STORE_")) {
      return STORE.contains(name.substring("CFX_STORE_".length()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    rest = name.substring("CFX_INGEST_".length()).toLowerCase(Locale.ROOT);
    if (INGEST.contains(rest.replace('_', '-'))) {
      return true;
    }
    for (String prefix : new String[] {"listeners_", "subscriptions_"}) {
      if (rest.startsWith(prefix)) {
        Set<String> keys = prefix.startsWith("l") ? LISTENER : SUBSCRIPTION;
        String tail = rest.substring(prefix.length());
        for (String key : keys) {
          String env = "_" + key.replace('-', '_');
          if (tail.endsWith(env) && tail.length() > env.length()) {
            return true;
          }
          if (key.equals("users") && tail.contains("_users_")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String suggestion(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    TreeSet<String> all = new TreeSet<>();
    all.addAll(INGEST);
    all.addAll(LISTENER);
    all.addAll(SUBSCRIPTION);
    all.addAll(STORE);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : all) {
      int d = distance(last, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= 3 ? ": did you mean '" + best + "'?" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
