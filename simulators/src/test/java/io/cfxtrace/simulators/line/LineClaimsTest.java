package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.simulators.cli.CfxCli;
import io.cfxtrace.simulators.testing.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** which line numbers running simulations hold per target, in this process and across processes. */
@Timeout(120)
class LineClaimsTest {

  private static AmqpUri target(int port) {
    return AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx");
  }

  /** a port number no one else's test uses meanwhile (the claims are keyed by it). */
  private static int freshPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aLineHeldForATargetIsRefusedToAnotherRunNamingTheHolder() throws Exception {
    AmqpUri target = target(freshPort());
    try (LineClaims.Claim held = LineClaims.claim(target, 1, 1, "./cfx demo")) {

      assertThatThrownBy(() -> LineClaims.claim(target, 1, 1, "./cfx simulate"))
          .isInstanceOf(LineClaims.LineTakenException.class)
          .hasMessage("Line1 is being simulated into amqp://127.0.0.1:" + target.port() + " by another run on this machine (pid "
              + ProcessHandle.current().pid() + ", ./cfx demo)");
    }
  }

  @Test
  void aFreeClaimPassesOverHeldNumbersAndANumberIsFreeAgainOnceReleased() throws Exception {
    AmqpUri target = target(freshPort());
    List<String> passed = new ArrayList<>();
    LineClaims.Claim demo = LineClaims.claim(target, 1, 1, "./cfx demo");

    try (LineClaims.Claim second = LineClaims.claimFree(target, 2, "./cfx simulate", passed::add)) {
      assertThat(second.firstLine()).isEqualTo(2);
      assertThat(passed).singleElement().asString().startsWith("Line1 is being simulated");
      demo.close();
      try (LineClaims.Claim third = LineClaims.claimFree(target, 1, "./cfx simulate", s -> {})) {
        assertThat(third.firstLine()).as("Line1, released by the demo").isEqualTo(1);
      }
    }
  }

  @Test
  void loopbackNamesAndTheWildcardAreThisMachineAndOtherPortsOtherTargets() throws Exception {
    int port = freshPort();
    try (LineClaims.Claim held = LineClaims.claim(AmqpUri.parse("amqp://localhost:" + port + "/cfx"), 1, 1, "./cfx demo")) {

      assertThatThrownBy(() -> LineClaims.claim(AmqpUri.parse("amqp://127.0.0.1:" + port + "/other"), 1, 1, "x"))
          .isInstanceOf(LineClaims.LineTakenException.class);
      assertThatThrownBy(() -> LineClaims.claim(AmqpUri.parse("amqp://0.0.0.0:" + port + "/cfx"), 1, 1, "x"))
          .isInstanceOf(LineClaims.LineTakenException.class);
      LineClaims.claim(target(freshPort()), 1, 1, "x").close();
    }
  }

  @Test
  void aSimulationIntoATargetAnotherProcessSimulatesLine1IntoTakesLine2(@TempDir Path dir) throws Exception {
    try (CfxEndpoint listening = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Test", null), CfxEndpoint.Options.defaults())) {
      Listener listener = listening.listen(ListenerConfig.anonymous("test", "127.0.0.1", 0), m -> CompletableFuture.completedFuture(null));
      String to = "amqp://127.0.0.1:" + listener.port() + "/cfx";
      // another process simulates Line1 into the listener, in real time, until it is stopped
      Path out = dir.resolve("other.out");
      Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-D" + LineClaims.DIRECTORY_PROPERTY + "=" + LineClaims.directory(), "-cp", System.getProperty("java.class.path"), CfxCli.class.getName(),
          "simulate", "--target", to, "--boards", "1000")
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("answers requests at")) {
          assertThat(other.isAlive()).as("the other simulation runs: %s", Files.readString(out)).isTrue();
          assertThat(System.nanoTime()).as("the other simulation starts: %s", Files.readString(out)).isLessThan(deadline);
          TimeUnit.MILLISECONDS.sleep(100);
        }

        CliRun run = CliRun.of("simulate", "--fast", "--boards", "4", "--target", to);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Line1 is being simulated into amqp://127.0.0.1:" + listener.port() + " by another run on this machine (pid "
            + other.pid() + ", ./cfx simulate); taking the next line number (--first-line sets it)")
            .contains("1 line (Line2: serials SN-L2-*, reels RL-L2-*)");

        CliRun explicit = CliRun.of("simulate", "--fast", "--boards", "4", "--target", to, "--first-line", "1");
        assertThat(explicit.exit()).isEqualTo(2);
        assertThat(explicit.err()).contains("Line1 is being simulated into").contains("pass another --first-line");
      } finally {
        other.destroy();
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }
}
