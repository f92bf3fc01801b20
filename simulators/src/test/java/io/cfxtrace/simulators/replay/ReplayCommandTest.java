package io.cfxtrace.simulators.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.simulators.cli.CfxCli;
import io.cfxtrace.simulators.record.Recorder;
import io.cfxtrace.simulators.testing.Recordings;
import io.cfxtrace.simulators.testing.RunningCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** the record and replay command lines: usage errors and bad input, each named; failed starts leave nothing behind. */
@Timeout(60)
class ReplayCommandTest {

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = CfxCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void aMissingRecordingIsAUsageErrorNamingIt() {
    int status = run("replay", dir.resolve("nothing.jsonl").toString(), "--to", "amqp://127.0.0.1:1/cfx");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("no recording").contains("nothing.jsonl");
  }

  @Test
  void aFileThatIsNotARecordingIsRefusedBeforeAnythingIsSentAndLeavesNoStateToBlockTheNextTry() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), "hello\n");

    int first = run("replay", file.toString(), "--to", "amqp://127.0.0.1:1/cfx", "--fast", "--no-progress");
    String firstErr = err.toString();
    int second = run("replay", file.toString(), "--to", "amqp://127.0.0.1:1/cfx", "--fast", "--no-progress");

    assertThat(first).isEqualTo(2);
    assertThat(firstErr).contains(file + " is not a recording of ./cfx record: line 1 is not a recording line: not JSON")
        .contains("nothing was sent");
    assertThat(ReplayState.defaultFile(file)).doesNotExist();
    assertThat(second).as("the retry meets the same problem, not a checkpoint").isEqualTo(2);
    assertThat(err.toString().substring(firstErr.length())).contains("is not a recording").doesNotContain("--resume");
  }

  @Test
  void aFileOfCfxEnvelopesIsNamedAsSuch() throws Exception {
    Path file = Files.writeString(dir.resolve("envelopes.jsonl"),
        "{\"MessageName\":\"CFX.Production.ToolsCleaned\",\"UniqueID\":\"0d0c4a5e-5a35-4c59-a4d5-7c0a8e6d2d11\",\"MessageBody\":{}}\n");

    assertThat(run("replay", file.toString(), "--to", "amqp://127.0.0.1:1/cfx", "--no-progress")).isEqualTo(2);
    assertThat(err.toString()).contains("line 1 is a CFX envelope, not a recording line");
    assertThat(ReplayState.defaultFile(file)).doesNotExist();
  }

  /** a peer that refuses connections (a port nobody listens on), and one that takes them and never answers. */
  static Stream<String> deadPeers() {
    return Stream.of("refusing", "silent");
  }

  @ParameterizedTest
  @MethodSource("deadPeers")
  void aReplayToAPeerThatAcceptsNothingGivesUpAfterTheBoundAndSaysNothingWasAccepted(String kind) throws Exception {
    Path file = Recordings.write(dir.resolve("shift.jsonl"), Recordings.simulated(20));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = silent.getLocalPort();
      if (kind.equals("refusing")) {
        silent.close();
      }
      long t0 = System.nanoTime();

      int status = run("replay", file.toString(), "--to", "amqp://127.0.0.1:" + port + "/cfx", "--fast", "--no-progress", "--give-up-after", "2s");

      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(status).isEqualTo(1);
      assertThat(err.toString())
          .contains("cfx replay: stopped: nothing accepted for 2 s while 20 envelopes waited (--give-up-after)")
          .contains("0 envelopes accepted by amqp://127.0.0.1:" + port + "/cfx (20 more sent, not confirmed), 0 of 20 lines done")
          .contains("nothing to resume, no state file kept")
          .doesNotContain("published");
      assertThat(seconds).as("gave up within the bound and the shutdown").isLessThan(20);
      assertThat(ReplayState.defaultFile(file)).doesNotExist();
    }
  }

  @Test
  void aFinishedReplayCountsWhatThePeerAccepted() throws Exception {
    List<CfxEnvelope> sent = Recordings.simulated(30);
    Path file = Recordings.write(dir.resolve("shift.jsonl.gz"), sent);
    Path received = dir.resolve("received.jsonl");
    try (Recorder peer = Recorder.create(received, false, false, 0);
        CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Peer", null), CfxEndpoint.Options.defaults())) {
      Listener listener = endpoint.listen(ListenerConfig.anonymous("peer", "127.0.0.1", 0), peer);
      String to = "amqp://127.0.0.1:" + listener.port() + "/cfx";

      int status = run("replay", file.toString(), "--to", to, "--fast", "--no-progress");

      assertThat(status).isEqualTo(0);
      assertThat(peer.envelopes()).isEqualTo(sent.size());
      assertThat(err.toString()).contains("cfx replay: done: " + peer.envelopes() + " envelopes accepted by " + to + ", 30 of 30 lines done");
    }
  }

  @Test
  void fastAndSpeedExcludeEachOther() throws Exception {
    Path file = Files.writeString(dir.resolve("r.jsonl"), "");

    assertThat(run("replay", file.toString(), "--to", "amqp://127.0.0.1:1/cfx", "--fast", "--speed", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--fast and --speed exclude each other");
  }

  @Test
  void aTargetWithoutAddressIsAUsageErrorSayingWhatToAdd() throws Exception {
    Path file = Files.writeString(dir.resolve("r.jsonl"), "");

    assertThat(run("replay", file.toString(), "--to", "amqp://127.0.0.1:5673")).isEqualTo(2);
    assertThat(err.toString()).contains("names no address");
  }

  @Test
  void recordingOnABusyPortNamesThePortLeavesNoFileAndTheRetryOnAFreePortRecords() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      int status = run("record", "--listen", "127.0.0.1:" + port, "-o", file.toString(), "--count", "1");

      assertThat(status).isEqualTo(2);
      assertThat(err.toString()).contains("port " + port + " is in use");
      assertThat(file).doesNotExist();
    }

    assertThat(run("record", "--listen", "127.0.0.1:0", "-o", file.toString(), "--duration", "1s")).isZero();
    assertThat(err.toString()).contains("recorded 0 messages");
    assertThat(file).exists();
  }

  @Test
  void aRecordingThatCannotStartKeepsTheFileItWasToOverwrite() throws Exception {
    Path file = Files.writeString(dir.resolve("kept.jsonl"), "precious\n");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {

      assertThat(run("record", "--listen", "127.0.0.1:" + taken.getLocalPort(), "-o", file.toString(), "--overwrite")).isEqualTo(2);
    }

    assertThat(Files.readString(file)).isEqualTo("precious\n");
  }

  @Test
  void recordingListensOnLoopbackUnlessAnInterfaceIsNamed() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (RunningCli record = RunningCli.start("record", "--listen", "0", "-o", file.toString())) {
      String said = awaitOutput(record, "listening on amqp://");
      Matcher m = Pattern.compile("listening on amqp://127\\.0\\.0\\.1:(\\d+) \\(any address\\);").matcher(said);
      assertThat(m.find()).as(said).isTrue();
      int port = Integer.parseInt(m.group(1));

      try (Socket local = new Socket("127.0.0.1", port)) {
        assertThat(local.isConnected()).isTrue();
      }
      InetAddress other = nonLoopbackAddress();
      Assumptions.assumeTrue(other != null, "this machine has no address besides loopback to try");
      assertThatThrownBy(() -> new Socket(other, port).close()).as("from %s", other).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void recordingOnAllInterfacesSaysWhoCanPublishAndHowToRestrictIt() throws Exception {
    try (RunningCli record = RunningCli.start("record", "--listen", "0.0.0.0:0", "-o", dir.resolve("r.jsonl").toString())) {
      assertThat(awaitOutput(record, "listening on amqp://"))
          .contains("listening on amqp://0.0.0.0:")
          .contains("open to any publisher that reaches it: --user USER:PASSWORD with --no-anonymous restricts it");
    }
  }

  private static String awaitOutput(RunningCli run, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!run.output().contains(text)) {
      assertThat(run.finished()).as("the command ended: %s", run.output()).isEmpty();
      assertThat(System.nanoTime()).as("waiting for \"%s\" in %s", text, run.output()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return run.output();
  }

  private static @Nullable InetAddress nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  @Test
  void recordingIntoAnExistingFileNeedsOverwrite() throws Exception {
    Path file = Files.writeString(dir.resolve("kept.jsonl"), "x\n");

    assertThat(run("record", "--listen", "127.0.0.1:0", "-o", file.toString(), "--count", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--overwrite");
    assertThat(Files.readString(file)).isEqualTo("x\n");
  }
}
