package io.cfxtrace.simulators.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.simulators.cli.CfxCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** the record and replay command lines: usage errors and bad input, each named. */
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
  void aRecordingWhoseFirstLineIsNotJsonStopsWithStatusOneNamingTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), "hello\n");

    int status = run("replay", file.toString(), "--to", "amqp://127.0.0.1:1/cfx", "--fast", "--no-progress");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("line 1 of").contains("not JSON").contains("--skip-bad");
    assertThat(ReplayState.read(ReplayState.defaultFile(file)).linesDone()).isZero();
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
  void recordingOnABusyPortIsAUsageErrorNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      int status = run("record", "--listen", "127.0.0.1:" + port, "-o", dir.resolve("r.jsonl").toString(), "--count", "1");

      assertThat(status).isEqualTo(2);
      assertThat(err.toString()).contains("port " + port + " is in use");
    }
  }

  @Test
  void recordingIntoAnExistingFileNeedsOverwrite() throws Exception {
    Path file = Files.writeString(dir.resolve("kept.jsonl"), "x\n");

    assertThat(run("record", "--listen", "127.0.0.1:0", "-o", file.toString(), "--count", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--overwrite");
    assertThat(Files.readString(file)).isEqualTo("x\n");
  }
}
