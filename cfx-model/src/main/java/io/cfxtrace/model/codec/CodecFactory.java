package io.cfxtrace.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.registry.CfxRegistry;
import io.cfxtrace.model.registry.FamilyEntry;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxEnum;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * builds and caches the {@link ValueCodec} of each Java type used by the CFX records. Every codec
 * of the catalogue is built when the {@link CfxCodec} is created, so a model error (a component
 * type without a codec) fails at start-up, not on the first message that uses it.
 *
 * <p>Building is synchronized; built codecs are immutable and used concurrently.
 */
final class CodecFactory {

  private final CfxRegistry registry;
  private final Map<Type, ValueCodec<?>> cache = new HashMap<>();

  CodecFactory(CfxRegistry registry) {
    this.registry = registry;
  }

  synchronized <R extends CfxRecord> RecordCodec<R> record(Class<R> type) {
    @SuppressWarnings("unchecked")
    RecordCodec<R> codec = (RecordCodec<R>) cache.get(type);
    if (codec == null) {
      codec = new RecordCodec<>(type, registry.typeName(type).orElse(null));
      cache.put(type, codec);
      try {
        codec.bind(this);
      } catch (RuntimeException e) {
        cache.remove(type);
        throw e;
      }
    }
    return codec;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  synchronized ValueCodec<?> codecFor(Type type, String where) {
    ValueCodec<?> cached = cache.get(type);
    if (cached != null) {
      return cached;
    }
    ValueCodec<?> codec;
    if (type instanceof Class<?> c) {
      codec = scalar(c);
      if (codec == null) {
        Optional<FamilyEntry> family = registry.family(c);
        if (family.isPresent()) {
          codec = new FamilyCodec(family.get(), this, registry);
        } else if (c.isRecord() && CfxRecord.class.isAssignableFrom(c)) {
          return record((Class<? extends CfxRecord>) c);
        } else {
          throw new IllegalStateException("no CFX codec for " + c.getName() + " at " + where);
        }
      }
    } else if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) {
        codec = new ListCodec<>(codecFor(args[0], where + "[]"));
      } else if (raw == Map.class && args[0] == String.class) {
        codec = new MapCodec<>(codecFor(args[1], where + "{}"));
      } else if (raw == EnumValue.class && args[0] instanceof Class<?> e && e.isEnum() && CfxEnum.class.isAssignableFrom(e)) {
        codec = new EnumCodec((Class) e);
      } else {
        throw new IllegalStateException("no CFX codec for " + type.getTypeName() + " at " + where);
      }
    } else {
      throw new IllegalStateException("no CFX codec for " + type.getTypeName() + " at " + where);
    }
    cache.put(type, codec);
    return codec;
  }

  private static ValueCodec<?> scalar(Class<?> c) {
    if (c == String.class) {
      return ScalarCodecs.STRING;
    } else if (c == Integer.class) {
      return ScalarCodecs.INTEGER;
    } else if (c == Long.class) {
      return ScalarCodecs.LONG;
    } else if (c == Double.class) {
      return ScalarCodecs.DOUBLE;
    } else if (c == BigDecimal.class) {
      return ScalarCodecs.DECIMAL;
    } else if (c == Boolean.class) {
      return ScalarCodecs.BOOLEAN;
    } else if (c == CfxTimestamp.class) {
      return ScalarCodecs.TIMESTAMP;
    } else if (c == CfxDuration.class) {
      return ScalarCodecs.DURATION;
    } else if (c == JsonNode.class) {
      return ScalarCodecs.TREE;
    }
    return null;
  }
}
