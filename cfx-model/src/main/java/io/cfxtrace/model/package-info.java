/**
 * The CFX (IPC-2591) message model: envelopes, message bodies and structures as immutable records.
 *
 * <p>{@link io.cfxtrace.model.CfxEnvelope} carries one {@link io.cfxtrace.model.CfxMessage}: a
 * typed record from {@code io.cfxtrace.model.cfx.*} (packages mirror the CFX namespaces, {@code
 * CFX.Production.WorkStarted} is {@code io.cfxtrace.model.cfx.production.WorkStarted}), or a
 * {@link io.cfxtrace.model.GenericMessage} for any other message, which is carried losslessly.
 *
 * <p>Rules every record follows, because firmware of every SDK generation (CFX 1.0 from 2018 to
 * 2.1.1) is in the field:
 *
 * <ul>
 *   <li>every member is optional: components are nullable, null meaning absent or JSON null;
 *   <li>members the record does not declare are kept in {@link
 *       io.cfxtrace.model.CfxRecord#extensions()} and written back;
 *   <li>enums are {@link io.cfxtrace.model.value.EnumValue}s, which keep values this version does
 *       not know; dates are {@link io.cfxtrace.model.value.CfxTimestamp}s, which keep their text;
 *   <li>a member early SDK 1.0 builds wrote as free text ({@code "Lane": "LANE1"}, {@code "Stage":
 *       "1"}) is marked {@link io.cfxtrace.model.LegacyText}: such text is read into the typed
 *       component and kept in the extensions, to be written back as it came;
 *   <li>a .NET base class with subclasses told apart by {@code $type} is a marker interface (a
 *       family, for example {@code Measurement}); its concrete base is {@code Basic<Name>}; a
 *       {@code $type} this version does not model is an {@code UnknownStructure}.
 * </ul>
 *
 * <p>The wire format lives in {@link io.cfxtrace.model.codec}; this module knows nothing of AMQP
 * or of any framework.
 */
@NullMarked
package io.cfxtrace.model;

import org.jspecify.annotations.NullMarked;
