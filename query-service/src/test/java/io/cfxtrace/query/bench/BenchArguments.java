package io.cfxtrace.query.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** the {@code key=value} arguments of a benchmark, as Maven's exec passes them (one string or several). */
final class BenchArguments {

  private BenchArguments() {}

  /**
   * the arguments by key.
   *
   * @param args the words, each {@code key=value}, possibly several to a string.
   * @param keys the keys the benchmark knows.
   * @return the values by key.
   * @throws IllegalArgumentException naming a word that is not {@code key=value} with a known key.
   */
  static Map<String, String> parse(String[] args, Set<String> keys) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      for (String word : arg.trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        int eq = word.indexOf('=');
        if (eq <= 0 || !keys.contains(word.substring(0, eq))) {
          throw new IllegalArgumentException("bad benchmark argument '" + word + "': expected key=value with key one of " + new TreeSet<>(keys));
        }
        a.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return a;
  }
}
