/**
 * The CFX wire codec, compatible with what the official .NET SDK 2.1.1 writes and accepts
 * (Newtonsoft.Json with the SDK's settings).
 *
 * <p>{@link io.cfxtrace.model.codec.CfxCodec} is the entry point. Reading is liberal: member names
 * match ignoring case, numbers may come as strings, enums as names or integers, {@code $type} may
 * stand anywhere in an object, bodies of SDK 1.0/1.1 have no {@code $type}, {@code Lane} and {@code
 * Stage} may be the free text of early SDK 1.0 builds ({@link io.cfxtrace.model.LegacyText}), and a
 * payload may be a batch. Writing is exact: what SDK 2.1.1 writes, except that values read from the
 * wire keep their form (an enum integer stays an integer, a zone-less date stays zone-less, a lane
 * read from {@code "LANE1"} is written as {@code "LANE1"}).
 *
 * <p>Bad input never throws: it becomes a {@link io.cfxtrace.model.codec.DecodeOutcome.Rejected}
 * with a {@link io.cfxtrace.model.codec.DecodeError} naming the JSON path, the reason and, for
 * limits, the limit. Internally, each Java type has a {@code ValueCodec}; records bind through
 * their components, so adding a member to a record is all a model change needs.
 */
@NullMarked
package io.cfxtrace.model.codec;

import org.jspecify.annotations.NullMarked;
