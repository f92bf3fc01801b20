package io.cfxtrace.model.registry;

import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.cfx.CfxCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * the closed registry of CFX message names and {@code $type} names: the only way a wire string
 * becomes a Java class (never {@code Class.forName}).
 *
 * <p>Built once from {@link CfxCatalog}; immutable and thread-safe.
 */
public final class CfxRegistry {

  private static final CfxRegistry INSTANCE = new CfxRegistry();

  private final List<MessageEntry> messages;
  private final Map<String, MessageEntry> messagesByName = new HashMap<>();
  private final Map<String, MessageEntry> messagesByLowerName = new HashMap<>();
  private final Map<String, Class<? extends CfxRecord>> typesByName = new HashMap<>();
  private final Map<String, Class<? extends CfxRecord>> typesByLowerName = new HashMap<>();
  private final Map<Class<?>, String> namesByType = new HashMap<>();
  private final Map<Class<?>, FamilyEntry> families = new HashMap<>();

  private CfxRegistry() {
    messages = CfxCatalog.messages();
    for (MessageEntry m : messages) {
      messagesByName.put(m.name(), m);
      messagesByLowerName.put(m.name().toLowerCase(Locale.ROOT), m);
    }
    for (TypeEntry t : CfxCatalog.types()) {
      typesByName.put(t.name(), t.type());
      typesByLowerName.put(t.name().toLowerCase(Locale.ROOT), t.type());
      namesByType.putIfAbsent(t.type(), t.name());
    }
    for (FamilyEntry f : CfxCatalog.families()) {
      families.put(f.family(), f);
    }
  }

  /**
   * the registry.
   *
   * @return the single instance.
   */
  public static CfxRegistry get() {
    return INSTANCE;
  }

  /**
   * every CFX 2.1 message, typed or generic.
   *
   * @return the catalogue, sorted by name.
   */
  public List<MessageEntry> messages() {
    return messages;
  }

  /**
   * looks up a message name, exactly first and then ignoring case.
   *
   * @param messageName the envelope's MessageName.
   * @return the entry, or empty for a name outside CFX 2.1.
   */
  public Optional<MessageEntry> message(String messageName) {
    MessageEntry e = messagesByName.get(messageName);
    if (e == null) {
      e = messagesByLowerName.get(messageName.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(e);
  }

  /**
   * resolves a {@code $type} value such as {@code "CFX.Structures.SolderReflow.ReflowProcessData,
   * CFX"}: the assembly part after the comma is ignored.
   *
   * @param typeText the {@code $type} text.
   * @return the record class, or empty when this version does not model that type.
   */
  public Optional<Class<? extends CfxRecord>> type(String typeText) {
    String name = dotNetName(typeText);
    Class<? extends CfxRecord> c = typesByName.get(name);
    if (c == null) {
      c = typesByLowerName.get(name.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(c);
  }

  /**
   * the .NET type name of a record class, as written in {@code $type}.
   *
   * @param type a record class.
   * @return the name without assembly, or empty for a class outside the catalogue.
   */
  public Optional<String> typeName(Class<?> type) {
    return Optional.ofNullable(namesByType.get(type));
  }

  /**
   * the polymorphic family a declared interface stands for.
   *
   * @param declared a component's declared type.
   * @return the family, or empty if the type is not polymorphic.
   */
  public Optional<FamilyEntry> family(Class<?> declared) {
    return Optional.ofNullable(families.get(declared));
  }

  /**
   * whether a message class is in the catalogue.
   *
   * @param type a class.
   * @return true for a registered typed message.
   */
  public boolean isTypedMessage(Class<? extends CfxMessage> type) {
    return namesByType.containsKey(type);
  }

  /**
   * the .NET type name part of a {@code $type} text: what stands before the assembly name.
   *
   * @param typeText for example {@code "CFX.Production.WorkStarted, CFX"}.
   * @return for example {@code CFX.Production.WorkStarted}.
   */
  public static String dotNetName(String typeText) {
    int comma = typeText.indexOf(',');
    return (comma < 0 ? typeText : typeText.substring(0, comma)).trim();
  }
}
