package io.cfxtrace.query.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * one stored envelope as the live feed sends it: the {@code data} of an SSE event whose {@code id}
 * is {@link #id}.
 *
 * @param id the row's {@code raw_message.feed_seq}: grows in the order envelopes were stored; a
 *     client resumes after it with {@code Last-Event-ID}.
 * @param receivedAt when the endpoint received the message.
 * @param messageName the CFX message name, such as {@code CFX.Production.WorkCompleted}.
 * @param source the sending endpoint's CFX handle (the station), when the envelope names one.
 * @param eventTime the envelope's TimeStamp.
 * @param uniqueId the envelope's UniqueID.
 * @param envelope the envelope as received (JSON text, embedded as is).
 */
public record FeedEvent(long id, Instant receivedAt, String messageName, @Nullable String source, Instant eventTime, String uniqueId,
    @JsonRawValue String envelope) {}
