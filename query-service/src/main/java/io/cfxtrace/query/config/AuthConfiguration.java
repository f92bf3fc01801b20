package io.cfxtrace.query.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * who may call the API, under {@code cfx.query.auth}: every {@code /api/**} request carries one of
 * the configured bearer tokens ({@code Authorization: Bearer <token>}).
 *
 * @param enabled whether tokens are required; only the local demo (Micronaut environment {@code
 *     demo}) switches this off.
 * @param tokens the accepted tokens (for example {@code CFX_QUERY_AUTH_TOKENS=token1,token2}); at
 *     least one when enabled, none blank or with white space.
 */
@ConfigurationProperties("cfx.query.auth")
public record AuthConfiguration(@Bindable(defaultValue = "true") boolean enabled, @Nullable List<String> tokens) {

  /** fails the start-up when auth is on without a usable token: the API would refuse everyone. */
  public AuthConfiguration {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    if (enabled && tokens.isEmpty()) {
      throw new IllegalArgumentException("cfx.query.auth.enabled is true but cfx.query.auth.tokens is empty: set at least one token"
          + " (e.g. CFX_QUERY_AUTH_TOKENS=<token>), or switch auth off with cfx.query.auth.enabled=false (the demo environment does)");
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.isBlank() || t.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("cfx.query.auth.tokens[" + i + "] is blank or contains white space");
      }
    }
  }
}
