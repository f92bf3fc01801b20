package io.cfxtrace.simulators.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * one line of a recording, read back (see {@link RecordingFormat}).
 *
 * @param receivedAt when the recorder received the message.
 * @param properties the AMQP properties as recorded (an empty node when missing).
 * @param envelope the envelope JSON, or null for an undecodable payload.
 * @param undecodable what the codec refused, or null for an envelope.
 */
public record RecordedLine(Instant receivedAt, JsonNode properties, @Nullable JsonNode envelope, @Nullable Undecodable undecodable) {

  /** checks that exactly one of envelope and undecodable is there. */
  public RecordedLine {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(properties, "properties");
    if ((envelope == null) == (undecodable == null)) {
      throw new IllegalArgumentException("a recorded line holds either an envelope or an undecodable payload");
    }
  }

  /**
   * a payload the codec refused when it was recorded.
   *
   * @param reason the codec's reason.
   * @param payload the bytes as received.
   */
  public record Undecodable(String reason, byte[] payload) {}
}
