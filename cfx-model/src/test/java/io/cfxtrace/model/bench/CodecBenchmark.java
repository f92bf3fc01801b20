package io.cfxtrace.model.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * decode and encode throughput of the CFX codec, against Jackson's plain {@code readTree} of the
 * same bytes (the baseline: parsing without binding, the least any JSON decoder must do) in the
 * same run. Run it with {@link CodecBenchmarkMain}, which also prints MB/s and the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

  /** spi2000: UnitsInspected with 2,000 solder-paste measurements; workStarted: a small WorkStarted. */
  @Param({"spi2000", "workStarted"})
  public String payload;

  private CfxCodec codec;
  private ObjectMapper mapper;
  private byte[] bytes;
  private CfxEnvelope envelope;

  /** builds the payload and checks that it decodes to what was built. */
  @Setup
  public void setUp() {
    codec = new CfxCodec();
    mapper = new ObjectMapper();
    envelope = payload.equals("spi2000") ? BenchPayloads.spiUnitsInspected(2000) : BenchPayloads.smallWorkStarted();
    bytes = codec.encode(envelope);
    List<DecodeOutcome> check = codec.decode(bytes);
    if (!(check.get(0) instanceof DecodeOutcome.Decoded d) || !d.typed() || !d.envelope().equals(envelope)) {
      throw new IllegalStateException("benchmark payload does not round-trip: " + check);
    }
  }

  /** the payload size, for MB/s. */
  public int size() {
    return bytes.length;
  }

  /** the baseline: Jackson tree parsing of the same bytes. */
  @Benchmark
  public JsonNode baselineReadTree() throws IOException {
    return mapper.readTree(bytes);
  }

  /** the codec: parse, bind to records, check. */
  @Benchmark
  public List<DecodeOutcome> decode() {
    return codec.decode(bytes);
  }

  /** the codec: records to JSON bytes. */
  @Benchmark
  public byte[] encode() {
    return codec.encode(envelope);
  }
}
