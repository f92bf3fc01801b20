package io.cfxtrace.simulators.cli;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CodecLimits;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx validate FILE...}: decodes each file as a CFX payload (one envelope or a JSON array,
 * plain or gzip) and prints one line per envelope.
 *
 * <pre>
 * OK &lt;file&gt; &lt;MessageName&gt; typed     decoded into a typed record
 * OK &lt;file&gt; &lt;MessageName&gt; generic   carried as a generic body
 * ERROR &lt;file&gt; &lt;json-path&gt;: &lt;reason&gt;
 * </pre>
 *
 * Exit status 1 if any line is an ERROR.
 */
@Command(
    name = "validate",
    header = "Check CFX payload files (an envelope or a JSON array of them, plain or gzip) and recordings of ./cfx record.",
    description = "Check CFX payload files (an envelope or an array of them, JSON or gzip).",
    sortOptions = false,
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--echo",
      paramLabel = "DIR",
      description = "Write what the codec re-encodes to DIR, one file per input, same name (gzip if the input was).")
  @Nullable Path echo;

  @Option(names = "--max-bytes", description = "Largest payload accepted (default ${DEFAULT-VALUE}).")
  long maxBytes = CodecLimits.DEFAULT_MAX_PAYLOAD_BYTES;

  @Option(names = "--max-inflated-bytes", description = "Largest inflated gzip payload (default ${DEFAULT-VALUE}).")
  long maxInflatedBytes = CodecLimits.DEFAULT_MAX_INFLATED_BYTES;

  @Option(names = "--max-depth", description = "Deepest JSON nesting accepted (default ${DEFAULT-VALUE}).")
  int maxDepth = CodecLimits.DEFAULT_MAX_DEPTH;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CfxCodec codec;
    try {
      codec = new CfxCodec(new CodecLimits(maxBytes, maxInflatedBytes, maxDepth, CodecLimits.DEFAULT_MAX_BATCH_SIZE));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("cfx validate: " + e.getMessage());
      return 2;
    }
    if (echo != null) {
      try {
        Files.createDirectories(echo);
      } catch (IOException e) {
        spec.commandLine().getErr().println("cfx validate: cannot create --echo directory " + echo + ": " + e.getMessage());
        return 2;
      }
    }
    boolean failed = false;
    for (Path file : files) {
      failed |= !validate(codec, file, out);
    }
    out.flush();
    return failed ? 1 : 0;
  }

  private boolean validate(CfxCodec codec, Path file, PrintWriter out) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      out.println("ERROR " + file + " $: cannot read the file: " + e);
      return false;
    }
    List<DecodeOutcome> outcomes = codec.decode(bytes);
    List<CfxEnvelope> decoded = new ArrayList<>();
    boolean ok = true;
    for (DecodeOutcome o : outcomes) {
      if (o instanceof DecodeOutcome.Decoded d) {
        decoded.add(d.envelope());
        out.println("OK " + file + " " + d.envelope().messageName() + (d.typed() ? " typed" : " generic"));
      } else {
        ok = false;
        out.println("ERROR " + file + " " + ((DecodeOutcome.Rejected) o).error());
      }
    }
    if (echo != null && !decoded.isEmpty()) {
      ok &= writeEcho(codec, file, bytes, outcomes, decoded, out);
    }
    return ok;
  }

  private boolean writeEcho(
      CfxCodec codec, Path file, byte[] input, List<DecodeOutcome> outcomes, List<CfxEnvelope> decoded, PrintWriter out) {
    boolean batch = outcomes.size() > 1 || isArray(codec, input);
    byte[] json = batch ? codec.encodeBatch(decoded) : codec.encode(decoded.get(0));
    Path target = echo.resolve(file.getFileName());
    try {
      Files.write(target, CfxCodec.isGzip(input) ? CfxCodec.gzip(json) : json);
      return true;
    } catch (IOException e) {
      out.println("ERROR " + file + " $: cannot write the echo file " + target + ": " + e);
      return false;
    }
  }

  private static boolean isArray(CfxCodec codec, byte[] input) {
    try {
      return codec.parse(input).isArray();
    } catch (io.cfxtrace.model.codec.CfxDecodeException e) {
      return false;
    }
  }
}
