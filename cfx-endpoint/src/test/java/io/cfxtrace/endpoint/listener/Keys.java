package io.cfxtrace.endpoint.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * TLS material made at test time with the JDK's keytool: a self-signed server certificate for
 * {@code localhost}/{@code 127.0.0.1}, a self-signed client certificate, and trust stores that
 * hold each. All stores are PKCS12 with password {@link #PASSWORD}. Public for the broker-mode TLS
 * tests, which give the server stores to an embedded Artemis.
 *
 * @param serverKeyStore the listener's key store.
 * @param serverTrustStore trusts the client certificate (for listeners that check clients).
 * @param clientKeyStore the machine's key store with its client certificate.
 * @param clientTrustStore trusts the server certificate.
 */
public record Keys(Path serverKeyStore, Path serverTrustStore, Path clientKeyStore, Path clientTrustStore) {

  public static final String PASSWORD = "changeit";

  /** makes both chains, in parallel (keytool takes a while to start). */
  public static Keys generate(Path dir) {
    CompletableFuture<Void> server =
        CompletableFuture.runAsync(() -> pair(dir, "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "client-trust"));
    CompletableFuture<Void> client = CompletableFuture.runAsync(() -> pair(dir, "client", "CN=SMTPlus.Model_21232.SN23123", null, "server-trust"));
    try {
      CompletableFuture.allOf(server, client).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("keytool failed: " + e.getMessage(), e);
    }
    return new Keys(dir.resolve("server.p12"), dir.resolve("server-trust.p12"), dir.resolve("client.p12"), dir.resolve("client-trust.p12"));
  }

  /** a key pair in {@code <name>.p12}, its certificate exported and imported into {@code <trustStore>.p12}. */
  private static void pair(Path dir, String name, String dname, String san, String trustStore) {
    Path store = dir.resolve(name + ".p12");
    Path cert = dir.resolve(name + ".cer");
    List<String> gen =
        new ArrayList<>(
            List.of(
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
    if (san != null) {
      gen.addAll(List.of("-ext", san));
    }
    keytool(gen);
    keytool(List.of("-exportcert", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file", cert.toString()));
    keytool(
        List.of(
            "-importcert", "-noprompt", "-alias", name, "-file", cert.toString(), "-storetype", "PKCS12",
            "-keystore", dir.resolve(trustStore + ".p12").toString(), "-storepass", PASSWORD));
  }

  private static void keytool(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new CompletionException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }
}
