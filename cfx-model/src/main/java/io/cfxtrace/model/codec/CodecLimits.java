package io.cfxtrace.model.codec;

/**
 * bounds on what the decoder accepts from a machine, so that one bad or hostile payload cannot
 * exhaust memory or stack.
 *
 * <p>Defaults fit real SMT traffic: AOI and SPI results reach 20-30 MB of JSON (2-3 MB gzipped),
 * and CFX structures nest about a dozen levels.
 *
 * @param maxPayloadBytes largest payload accepted as received (gzipped or not).
 * @param maxInflatedBytes largest JSON text a gzip payload may inflate to (gzip-bomb guard).
 * @param maxDepth deepest nesting of JSON objects and arrays.
 * @param maxBatchSize most envelopes in one JSON array (older SDKs batch up to 30).
 */
public record CodecLimits(long maxPayloadBytes, long maxInflatedBytes, int maxDepth, int maxBatchSize) {

  /** 64 MiB, matching the endpoint's default largest AMQP message. */
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 64L * 1024 * 1024;

  /** 256 MiB of inflated JSON. */
  public static final long DEFAULT_MAX_INFLATED_BYTES = 256L * 1024 * 1024;

  /** 64 levels: several times what any CFX message needs. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** 10,000 envelopes in one batch. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 10_000;

  /**
   * checks that each limit is positive and that the inflated bound is not below the payload bound.
   *
   * @throws IllegalArgumentException naming the bad limit and its value.
   */
  public CodecLimits {
    require(maxPayloadBytes > 0, "maxPayloadBytes", maxPayloadBytes);
    require(maxInflatedBytes >= maxPayloadBytes, "maxInflatedBytes (must be >= maxPayloadBytes)", maxInflatedBytes);
    require(maxInflatedBytes <= Integer.MAX_VALUE - 16, "maxInflatedBytes (must fit a Java array)", maxInflatedBytes);
    require(maxDepth > 2, "maxDepth (must be > 2)", maxDepth);
    require(maxBatchSize > 0, "maxBatchSize", maxBatchSize);
  }

  private static void require(boolean ok, String what, long value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid codec limit " + what + ": " + value);
    }
  }

  /**
   * the defaults.
   *
   * @return 64 MiB payload, 256 MiB inflated, depth 64, batches of 10,000.
   */
  public static CodecLimits defaults() {
    return new CodecLimits(
        DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BATCH_SIZE);
  }

  /**
   * a copy with another payload bound.
   *
   * @param bytes the new bound.
   * @return the limits.
   */
  public CodecLimits withMaxPayloadBytes(long bytes) {
    return new CodecLimits(bytes, Math.max(bytes, maxInflatedBytes), maxDepth, maxBatchSize);
  }

  /**
   * a copy with another inflated-size bound.
   *
   * @param bytes the new bound.
   * @return the limits.
   */
  public CodecLimits withMaxInflatedBytes(long bytes) {
    return new CodecLimits(maxPayloadBytes, bytes, maxDepth, maxBatchSize);
  }

  /**
   * a copy with another depth bound.
   *
   * @param depth the new bound.
   * @return the limits.
   */
  public CodecLimits withMaxDepth(int depth) {
    return new CodecLimits(maxPayloadBytes, maxInflatedBytes, depth, maxBatchSize);
  }

  /**
   * a copy with another batch bound.
   *
   * @param size the new bound.
   * @return the limits.
   */
  public CodecLimits withMaxBatchSize(int size) {
    return new CodecLimits(maxPayloadBytes, maxInflatedBytes, maxDepth, size);
  }
}
