package io.cfxtrace.model.registry;

import io.cfxtrace.model.CfxMessage;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * one CFX message name of the closed catalogue, with its record class when it is decoded typed.
 *
 * @param name the full message name, for example {@code CFX.Production.WorkStarted}.
 * @param typed the record class, or null for a message carried as a generic body.
 */
public record MessageEntry(String name, @Nullable Class<? extends CfxMessage> typed) {

  /** checks the name. */
  public MessageEntry {
    Objects.requireNonNull(name, "name");
  }

  /**
   * a message decoded into a record.
   *
   * @param name the full message name.
   * @param type the record class.
   * @return the entry.
   */
  public static MessageEntry typed(String name, Class<? extends CfxMessage> type) {
    return new MessageEntry(name, Objects.requireNonNull(type, "type"));
  }

  /**
   * a message carried as a generic JSON body.
   *
   * @param name the full message name.
   * @return the entry.
   */
  public static MessageEntry generic(String name) {
    return new MessageEntry(name, null);
  }

  /**
   * the record class.
   *
   * @return the class, or empty for a generic message.
   */
  public Optional<Class<? extends CfxMessage>> type() {
    return Optional.ofNullable(typed);
  }

  /**
   * the topic: the message name without its last segment.
   *
   * @return for example {@code CFX.Production}.
   */
  public String topic() {
    return name.substring(0, Math.max(0, name.lastIndexOf('.')));
  }
}
