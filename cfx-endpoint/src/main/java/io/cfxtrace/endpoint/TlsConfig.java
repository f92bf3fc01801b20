package io.cfxtrace.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS material. For a listener: the key store with the server certificate, and a trust store when
 * client certificates are checked. For a client: the trust store for the server certificate (null
 * to use the JVM's default trust), and optionally a key store with a client certificate.
 *
 * @param keyStore a PKCS12 or JKS key store, or null.
 * @param keyStorePassword its password, or null.
 * @param trustStore a PKCS12 or JKS trust store, or null.
 * @param trustStorePassword its password, or null.
 * @param requireClientCertificate for a listener: refuse clients without a trusted certificate.
 */
public record TlsConfig(
    @Nullable Path keyStore,
    @Nullable String keyStorePassword,
    @Nullable Path trustStore,
    @Nullable String trustStorePassword,
    boolean requireClientCertificate) {

  /** checks that named stores exist, failing fast with the path. */
  public TlsConfig {
    if (keyStore != null && !Files.isReadable(keyStore)) {
      throw new IllegalArgumentException("TLS key store " + keyStore + " is not a readable file");
    }
    if (trustStore != null && !Files.isReadable(trustStore)) {
      throw new IllegalArgumentException("TLS trust store " + trustStore + " is not a readable file");
    }
    if (requireClientCertificate && trustStore == null) {
      throw new IllegalArgumentException("TLS requireClientCertificate needs a trust store for the client certificates");
    }
  }

  /**
   * client TLS trusting the given store.
   *
   * @param trustStore the trust store.
   * @param password its password.
   * @return the config.
   */
  public static TlsConfig trusting(Path trustStore, String password) {
    return new TlsConfig(null, null, Objects.requireNonNull(trustStore), password, false);
  }

  /**
   * server TLS with the given key store.
   *
   * @param keyStore the key store.
   * @param password its password.
   * @return the config.
   */
  public static TlsConfig server(Path keyStore, String password) {
    return new TlsConfig(Objects.requireNonNull(keyStore), password, null, null, false);
  }
}
