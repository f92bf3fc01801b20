package io.cfxtrace.simulators.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CodecLimits;
import io.cfxtrace.model.codec.DecodeError;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.simulators.record.RecordedLine;
import io.cfxtrace.simulators.record.RecordingFormat;
import io.cfxtrace.simulators.replay.RecordingReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx validate FILE...}: decodes each file as a CFX payload (one envelope or a JSON array,
 * plain or gzip), or each line of a recording of {@code ./cfx record}, and prints one line per
 * envelope.
 *
 * <pre>
 * OK &lt;file&gt; &lt;MessageName&gt; typed     decoded into a typed record
 * OK &lt;file&gt; &lt;MessageName&gt; generic   carried as a generic body
 * ERROR &lt;file&gt; &lt;json-path&gt;: &lt;reason&gt;
 * OK &lt;file&gt;:&lt;line&gt; &lt;MessageName&gt; typed     a line of a recording
 * </pre>
 *
 * Exit status 1 if any line is an ERROR.
 */
@Command(
    name = "validate",
    header = "Check CFX payload files (an envelope or a JSON array of them, plain or gzip) and recordings of ./cfx record.",
    description = {
      "Each FILE holds one CFX envelope or a JSON array of them (SDK 1.0/1.1 batches), plain JSON or gzip, or is a recording of"
          + " ./cfx record (one JSON object with \"receivedAt\" per line, plain or gzip), checked line by line.",
      "One line per envelope: OK FILE MessageName typed|generic, or ERROR FILE json-path: reason (FILE:LINE for a recording)."
          + " Exit status 1 if any is an ERROR."
    },
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
      failed |= !(isRecording(file) ? validateRecording(codec, file, out) : validate(codec, file, out));
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
        DecodeError error = ((DecodeOutcome.Rejected) o).error();
        int values = error.kind() == DecodeError.Kind.NOT_JSON ? jsonValues(codec, bytes) : 0;
        out.println("ERROR " + file + " " + (values > 1 ? "$: " + values + " JSON values one after another; a CFX payload file holds one envelope or a"
            + " JSON array of envelopes, and a recording of ./cfx record one JSON object with \"receivedAt\" per line" : error));
      }
    }
    if (echo != null && !decoded.isEmpty()) {
      ok &= writeEcho(codec, file, bytes, outcomes, decoded, out);
    }
    return ok;
  }

  /**
   * whether a file is a recording of {@code ./cfx record}: JSON lines whose objects start with
   * {@code "receivedAt"}, as {@link RecordingFormat} writes them, plain or gzip. Only the first bytes
   * are read (inflated), so a large or hostile file costs nothing here.
   */
  static boolean isRecording(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
        String start = new String(in.readNBytes(256), StandardCharsets.UTF_8);
        return RECORDING_START.matcher(start).lookingAt();
      }
    } catch (IOException e) {
      // unreadable: the payload path reports why
      return false;
    }
  }

  private static final Pattern RECORDING_START = Pattern.compile("\\uFEFF?\\s*\\{\\s*\"receivedAt\"\\s*:");

  /**
   * checks each line of a recording: the envelope it holds, or the payload the recorder could not
   * decode (checked again, so a codec that learnt its shape since says OK). Lines are named {@code
   * FILE:LINE}.
   */
  private boolean validateRecording(CfxCodec codec, Path file, PrintWriter out) {
    boolean ok = true;
    try (RecordingReader reader = RecordingReader.open(file); EchoLines echoed = EchoLines.open(echo, file)) {
      RecordingReader.Line line;
      while ((line = reader.next()) != null) {
        String where = file + ":" + line.number();
        if (!line.terminated()) {
          out.println("ERROR " + where + " the last line is incomplete (the recorder was stopped while writing it; replay skips it)");
          ok = false;
          continue;
        }
        RecordedLine recorded;
        try {
          recorded = RecordingFormat.parse(line.text(), codec.mapper());
        } catch (RecordingFormat.BadLineException e) {
          out.println("ERROR " + where + " not a recording line: " + e.getMessage());
          ok = false;
          continue;
        }
        List<DecodeOutcome> outcomes;
        String prefix = "";
        if (recorded.envelope() != null) {
          outcomes = List.of(codec.decodeTree(recorded.envelope()));
        } else {
          RecordedLine.Undecodable u = Objects.requireNonNull(recorded.undecodable());
          outcomes = codec.decode(u.payload());
          prefix = "recorded as undecodable (" + u.reason() + "), still: ";
        }
        for (DecodeOutcome o : outcomes) {
          String at = outcomes.size() > 1 ? where + "[" + o.index() + "]" : where;
          if (o instanceof DecodeOutcome.Decoded d) {
            out.println("OK " + at + " " + d.envelope().messageName() + (d.typed() ? " typed" : " generic"));
            echoed.write(codec.encode(d.envelope()));
          } else {
            out.println("ERROR " + at + " " + prefix + ((DecodeOutcome.Rejected) o).error());
            ok = false;
          }
        }
      }
      if (reader.tornAfter() >= 0) {
        out.println("ERROR " + file + " the gzip stream ends early after line " + reader.tornAfter()
            + " (the recorder was stopped while writing; replay reads up to there)");
        ok = false;
      }
    } catch (IOException e) {
      out.println("ERROR " + file + " $: cannot read the recording: " + e.getMessage());
      return false;
    }
    return ok;
  }

  /** how many JSON values follow one another in a payload (0 when it is not a sequence of JSON values). */
  private static int jsonValues(CfxCodec codec, byte[] bytes) {
    try {
      byte[] text = CfxCodec.isGzip(bytes) ? codec.inflate(bytes) : bytes;
      int n = 0;
      try (MappingIterator<JsonNode> values = codec.mapper().readerFor(JsonNode.class).readValues(text)) {
        while (values.hasNextValue()) {
          values.nextValue();
          n++;
        }
      }
      return n;
    } catch (IOException | RuntimeException | io.cfxtrace.model.codec.CfxDecodeException e) {
      return 0;
    }
  }

  /** with {@code --echo}, the re-encoded envelopes of a recording, one per line (gzip if it was); else nothing. */
  private static final class EchoLines implements AutoCloseable {
    private final @Nullable OutputStream out;

    private EchoLines(@Nullable OutputStream out) {
      this.out = out;
    }

    static EchoLines open(@Nullable Path echo, Path recording) throws IOException {
      if (echo == null) {
        return new EchoLines(null);
      }
      boolean gzip;
      try (InputStream in = Files.newInputStream(recording)) {
        gzip = in.read() == 0x1f && in.read() == 0x8b;
      }
      OutputStream file = new BufferedOutputStream(Files.newOutputStream(echo.resolve(recording.getFileName())));
      return new EchoLines(gzip ? new GZIPOutputStream(file) : file);
    }

    void write(byte[] json) throws IOException {
      if (out != null) {
        out.write(json);
        out.write('\n');
      }
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
      }
    }
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
