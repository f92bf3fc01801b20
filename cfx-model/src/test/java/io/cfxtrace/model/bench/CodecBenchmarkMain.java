package io.cfxtrace.model.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * runs {@link CodecBenchmark} and prints, per payload, messages/s and MB/s of decode and encode
 * and their ratio to the {@code readTree} baseline measured in the same run. JMH command-line
 * options pass through (for example {@code -f 1 -wi 3 -i 5}).
 */
@SuppressForbidden
public final class CodecBenchmarkMain {

  private CodecBenchmarkMain() {}

  /**
   * runs the benchmark.
   *
   * @param args JMH options.
   * @throws RunnerException if JMH fails.
   * @throws CommandLineOptionException for bad JMH options.
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Options opts = new OptionsBuilder().parent(new CommandLineOptions(args)).include(CodecBenchmark.class.getName()).build();
    Collection<RunResult> results = new Runner(opts).run();

    Map<String, Integer> sizes = new HashMap<>();
    for (String p : new String[] {"spi2000", "workStarted"}) {
      CodecBenchmark b = new CodecBenchmark();
      b.payload = p;
      b.setUp();
      sizes.put(p, b.size());
    }
    Map<String, Double> score = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
      score.put(r.getParams().getParam("payload") + "/" + method, r.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("CFX codec benchmark (throughput; ratio = codec / readTree baseline of the same bytes, same run)");
    System.out.printf(Locale.ROOT, "%-12s %10s %-17s %14s %10s %8s%n", "payload", "bytes", "operation", "messages/s", "MB/s", "ratio");
    for (String p : new String[] {"spi2000", "workStarted"}) {
      Double base = score.get(p + "/baselineReadTree");
      for (String m : new String[] {"baselineReadTree", "decode", "encode"}) {
        Double s = score.get(p + "/" + m);
        if (s == null) {
          continue;
        }
        double mbs = s * sizes.get(p) / 1e6;
        String ratio = base == null ? "-" : String.format(Locale.ROOT, "%.2f", s / base);
        System.out.printf(Locale.ROOT, "%-12s %10d %-17s %14.1f %10.1f %8s%n", p, sizes.get(p), m, s, mbs, ratio);
      }
    }
  }
}
