package io.cfxtrace.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * marks a record component that early SDK 1.0 builds declared as free text: {@code Lane} and
 * {@code Stage} were {@code string} properties until CFX commit e8a7ccdf (2018-09-12, "Updated
 * Lane and Stage structures"), which made them {@code int?} and the {@code CFX.Structures.Stage}
 * structure. Firmware built on those SDKs still writes {@code "Lane": "LANE1"} and {@code "Stage":
 * "1"}.
 *
 * <p>When such a member arrives as a JSON string, the codec reads it as follows, and never rejects
 * it:
 *
 * <ul>
 *   <li>an {@code Integer} (a lane): the whole text when it is an integer ({@code "1"} is 1),
 *       otherwise the digits it ends with ({@code "LANE1"} is 1), otherwise null ({@code "FRONT"});
 *   <li>a {@code Stage}: a {@code BasicStage} whose sequence is that same number; its name is the
 *       text unless the text is just the number ({@code "STAGE2"} is sequence 2 named {@code
 *       "STAGE2"}, {@code "1"} is sequence 1 without a name); blank text is no stage.
 * </ul>
 *
 * <p>The component then holds this normalised value, and the record's {@link
 * CfxRecord#extensions()} keep the JSON string as received under the member's own wire name (as an
 * {@link io.cfxtrace.model.value.EnumValue} keeps the form it was read in). The codec writes that
 * string back in the member's place, so re-encoding gives the JSON that came in; it does so only
 * while the string still reads as the component's value, and writes the component otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface LegacyText {}
