package io.cfxtrace.query.auth;

import io.cfxtrace.query.config.AuthConfiguration;
import io.cfxtrace.query.web.ErrorMessage;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * lets an {@code /api/**} request through only with one of the configured bearer tokens (RFC 6750):
 * {@code Authorization: Bearer <token>}; otherwise 401 with {@code WWW-Authenticate: Bearer}.
 *
 * <p>The live feed ({@value #STREAM_PATH}) also accepts the token as the query parameter {@value
 * #TOKEN_PARAMETER} (RFC 6750 section 2.3): a browser's {@code EventSource} cannot set headers, so
 * the web UI has no other way to open the stream. Only there, because a URL ends up in logs and
 * histories more easily than a header.
 *
 * <p>A small filter rather than Micronaut Security: the rule is one static token list over one path
 * prefix, and the filter keeps the 401 body the same {@code {"message": ...}} as every other error
 * here. The UI's static pages, the OpenAPI document and Swagger UI stay open: they hold no data.
 * Tokens are compared through their SHA-256 digests with {@link MessageDigest#isEqual}, in time
 * independent of where they differ.
 */
@ServerFilter("/api/**")
public class BearerTokenFilter {

  /** the live feed's path, where the token may also come as a query parameter. */
  public static final String STREAM_PATH = "/api/events/stream";
  /** the query parameter carrying the token on {@value #STREAM_PATH}. */
  public static final String TOKEN_PARAMETER = "access_token";

  private static final String CHALLENGE = "Bearer realm=\"cfx-query\"";

  private final boolean enabled;
  private final List<byte[]> digests;

  /**
   * creates the filter.
   *
   * @param config the accepted tokens.
   */
  public BearerTokenFilter(AuthConfiguration config) {
    this.enabled = config.enabled();
    this.digests = config.tokens().stream().map(BearerTokenFilter::digest).toList();
  }

  /**
   * checks the request's token.
   *
   * @param request the request.
   * @return null to let the request through, else the 401 answer.
   */
  @RequestFilter
  public @Nullable HttpResponse<ErrorMessage> check(HttpRequest<?> request) {
    if (!enabled) {
      return null;
    }
    String token = token(request);
    if (token == null) {
      return refuse(CHALLENGE, "this request needs a bearer token: send 'Authorization: Bearer <token>'");
    }
    byte[] d = digest(token);
    for (byte[] known : digests) {
      if (MessageDigest.isEqual(known, d)) {
        return null;
      }
    }
    return refuse(CHALLENGE + ", error=\"invalid_token\"", "the bearer token is not one this service accepts");
  }

  private static @Nullable String token(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      String h = header.trim();
      if (h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        return h.substring(7).trim();
      }
      return null;
    }
    if (STREAM_PATH.equals(request.getPath())) {
      return request.getParameters().get(TOKEN_PARAMETER);
    }
    return null;
  }

  private static HttpResponse<ErrorMessage> refuse(String challenge, String message) {
    return HttpResponse.<ErrorMessage>status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorMessage(message));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
