package io.cfxtrace.model.codec.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CodecLimits;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * coverage-guided fuzzing of {@link CfxCodec#decode(byte[])} with Jazzer (libFuzzer for the JVM):
 * whatever the bytes, the decoder must return outcomes and never throw.
 *
 * <p><b>What is fuzzed.</b> Each input is decoded as received ("raw": JSON, gzip told apart by its
 * magic number, or garbage), except that an input whose first byte is {@code 0x00} has the rest
 * gzipped first, so the mutations act on the JSON behind a valid gzip stream. The codec has small
 * limits (1 MiB payload, 4 MiB inflated, depth 32, batches of 16) so that the fuzzer reaches the
 * limit paths quickly. Every envelope that decodes is also put through {@link
 * CfxCodec#decodeTree} and re-encoded with {@link CfxCodec#encode}; the re-encoded bytes must
 * decode again. Any exception or error (a {@code RuntimeException}, {@code StackOverflowError},
 * {@code OutOfMemoryError}, or an {@code AssertionError} from the checks here) is a finding.
 *
 * <p><b>Seeds.</b> {@code FuzzDecoderTestInputs/decoderNeverThrowsOnArbitraryBytes/} under test
 * resources holds golden fixtures (typed, legacy, batch, generic vendor message, a gzip stream and
 * a {@code 0x00}-prefixed one) and past findings ({@code crash-*}); each file is also run as a
 * regression case before fuzzing starts. {@code cfx-json.dict} is a libFuzzer dictionary of JSON
 * and CFX tokens.
 *
 * <p><b>How long.</b> {@code mvn verify} runs this class in its own surefire execution ({@code
 * fuzz-decoder} in cfx-model/pom.xml) with {@code JAZZER_FUZZ=1}, so it really fuzzes, for {@code
 * cfx.fuzz.seconds} seconds (default 30; the execution passes it to Jazzer as {@code
 * jazzer.max_duration}, which overrides {@code maxDuration} below). Fuzz longer with {@code mvn -pl
 * cfx-model verify -Dcfx.fuzz.seconds=600}, skip it with {@code -Dcfx.fuzz.skip=true}. Do not pass
 * 0: to libFuzzer that means no time limit. Without {@code JAZZER_FUZZ} (an IDE run, say) Jazzer
 * only replays the seeds and earlier findings as a regression test.
 *
 * <p><b>Findings.</b> The test fails with the stack trace; libFuzzer prints the input (hex and
 * Base64) and writes it as {@code cfx-model/target/jazzer/crash-<sha1>} (the execution's working
 * directory; its generated corpus is in {@code target/jazzer/.cifuzz-corpus/}, also reused by
 * later runs until {@code mvn clean}). To keep a finding as a permanent regression test, copy the
 * crash file into the seed directory above.
 */
class FuzzDecoderTest {

  /** the codec, built on first use, after Jazzer has installed its instrumentation. */
  private static final class Codec {
    static final CfxCodec INSTANCE =
        new CfxCodec(new CodecLimits(1L << 20, 4L << 20, 32, 16));
  }

  /** first byte of an input whose remaining bytes are gzipped before decoding. */
  private static final byte GZIP_SELECTOR = 0x00;

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "cfx-json.dict")
  void decoderNeverThrowsOnArbitraryBytes(byte[] input) {
    CfxCodec codec = Codec.INSTANCE;
    byte[] payload =
        input.length > 0 && input[0] == GZIP_SELECTOR
            ? CfxCodec.gzip(Arrays.copyOfRange(input, 1, input.length))
            : input;

    List<DecodeOutcome> outcomes = codec.decode(payload);

    check(outcomes != null && !outcomes.isEmpty(), "decode returned no outcome", payload, null);
    for (DecodeOutcome outcome : outcomes) {
      check(outcome != null, "decode returned a null outcome", payload, null);
      if (outcome instanceof DecodeOutcome.Decoded decoded) {
        DecodeOutcome again = codec.decodeTree(decoded.raw());
        check(
            again instanceof DecodeOutcome.Decoded,
            "decodeTree rejects the JSON of an envelope that decode accepted: " + again,
            payload,
            null);

        byte[] encoded = codec.encode(decoded.envelope());
        List<DecodeOutcome> reDecoded = codec.decode(encoded);
        check(
            reDecoded.size() == 1 && reDecoded.get(0) instanceof DecodeOutcome.Decoded,
            "a re-encoded envelope does not decode: " + reDecoded,
            payload,
            encoded);
      }
    }
  }

  private static void check(boolean ok, String what, byte[] payload, byte @Nullable [] encoded) {
    if (!ok) {
      StringBuilder m = new StringBuilder(what).append("\n  payload (Base64): ");
      m.append(Base64.getEncoder().encodeToString(payload));
      if (encoded != null) {
        m.append("\n  re-encoded: ").append(new String(encoded, StandardCharsets.UTF_8));
      }
      throw new AssertionError(m.toString());
    }
  }
}
