package io.cfxtrace.simulators.line;

import io.cfxtrace.endpoint.AmqpUri;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * which line numbers the simulated lines running on this machine ({@code ./cfx demo}, {@code ./cfx
 * simulate}) publish to each target under, so that a second simulation into the same listener or
 * broker takes a line of its own instead of the first one's names.
 *
 * <p>Two lines of one number name the same machines, serials and reels; sent to one store, a
 * second seed's boards would merge with the first's (same serial, two routes), and the same seed's
 * envelopes would be duplicates the store drops. A running line holds an operating-system lock on a
 * small file per target and line number ({@code <target>.Line<N>.lock} in {@link #directory()}),
 * released when it stops or its process dies, so a claim never outlives its line. The files stay
 * (removing a lock file races with the next process opening it) and hold the holder's process id
 * and command, for the message.
 *
 * <p>What this cannot see: lines published from other machines, and lines that ran earlier into
 * the same store (their data stay there). {@code --first-line} names a line of one's own then.
 *
 * <p>The target is its host and port: the address (queue, exchange) is left out, as one listener
 * feeds one store whatever the address; a loopback, wildcard or own-interface host is this
 * machine.
 */
public final class LineClaims {

  /** the directory of the lock files, when set (tests); else {@link #directory()}'s default. */
  public static final String DIRECTORY_PROPERTY = "cfx.line-claims.dir";

  private LineClaims() {}

  /** lines held by this process; release them with {@link #close()}. */
  public static final class Claim implements AutoCloseable {
    private final int firstLine;
    private final List<FileLock> locks;

    private Claim(int firstLine, List<FileLock> locks) {
      this.firstLine = firstLine;
      this.locks = locks;
    }

    /**
     * the first claimed line's number.
     *
     * @return the number.
     */
    public int firstLine() {
      return firstLine;
    }

    @Override
    public void close() {
      for (FileLock lock : locks) {
        try {
          lock.channel().close();
        } catch (IOException e) {
          // closing the channel releases the lock; nothing else to do
        }
      }
    }
  }

  /** a line number is in use by another running line; the message names it and the holder. */
  public static final class LineTakenException extends Exception {
    private static final long serialVersionUID = 1L;

    LineTakenException(String message) {
      super(message);
    }
  }

  /**
   * the directory of the lock files: {@value #DIRECTORY_PROPERTY} if set, else {@code
   * cfx-trace-lines-<user>} in the system's temporary directory.
   *
   * @return the directory.
   */
  public static Path directory() {
    String set = System.getProperty(DIRECTORY_PROPERTY);
    if (set != null && !set.isBlank()) {
      return Path.of(set);
    }
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of(System.getProperty("java.io.tmpdir"), "cfx-trace-lines-" + user);
  }

  /**
   * claims lines with given numbers.
   *
   * @param target where the lines publish.
   * @param firstLine the first line's number.
   * @param lines how many consecutive lines.
   * @param command what runs them, for the message another process shows (e.g. {@code ./cfx demo}).
   * @return the claim.
   * @throws LineTakenException when another running line holds one of the numbers.
   * @throws IOException when the lock files cannot be written.
   */
  public static Claim claim(AmqpUri target, int firstLine, int lines, String command) throws LineTakenException, IOException {
    List<FileLock> held = new ArrayList<>();
    try {
      for (int n = firstLine; n < firstLine + lines; n++) {
        Taken taken = tryLock(target, n, command);
        if (taken.lock() == null) {
          throw new LineTakenException("Line" + n + " is being simulated into " + describe(target) + " by another run on this machine ("
              + taken.holder() + ")");
        }
        held.add(taken.lock());
      }
      return new Claim(firstLine, held);
    } catch (LineTakenException | IOException | RuntimeException e) {
      new Claim(firstLine, held).close();
      throw e;
    }
  }

  /**
   * claims the lowest line numbers, from 1, that no running line on this machine publishes to the
   * target under.
   *
   * @param target where the lines publish.
   * @param lines how many consecutive lines.
   * @param command what runs them.
   * @param taken receives one sentence per line number passed over, naming its holder.
   * @return the claim.
   * @throws IOException when the lock files cannot be written.
   */
  public static Claim claimFree(AmqpUri target, int lines, String command, java.util.function.Consumer<String> taken) throws IOException {
    for (int first = 1; first <= SimulationPlan.MAX_LINE_NUMBER - lines + 1; first++) {
      try {
        return claim(target, first, lines, command);
      } catch (LineTakenException e) {
        taken.accept(e.getMessage());
      }
    }
    throw new IOException("every line number up to " + SimulationPlan.MAX_LINE_NUMBER + " is in use for " + describe(target));
  }

  private record Taken(@Nullable FileLock lock, String holder) {}

  private static Taken tryLock(AmqpUri target, int line, String command) throws IOException {
    Path dir = directory();
    Files.createDirectories(dir);
    Path file = dir.resolve(key(target) + ".Line" + line + ".lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held by this JVM (another line in this process)
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      return new Taken(null, holder);
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    return new Taken(lock, "");
  }

  /** what the holder wrote into its lock file; POSIX locks are advisory, so it can be read. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(256);
      int n = channel.read(buf, 0);
      String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? "a process that is starting" : text;
    } catch (IOException e) {
      return "a running process";
    }
  }

  private static String describe(AmqpUri target) {
    return "amqp" + (target.tls() ? "s" : "") + "://" + target.host() + ":" + target.port();
  }

  /** the target as a file name: this machine's hosts as {@code local}, others by name, and the port. */
  static String key(AmqpUri target) {
    Objects.requireNonNull(target, "target");
    String host = isThisMachine(target.host()) ? "local" : target.host().toLowerCase(Locale.ROOT);
    return (host + "_" + target.port()).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static boolean isThisMachine(String host) {
    try {
      InetAddress a = InetAddress.getByName(host);
      return a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null;
    } catch (UnknownHostException | SocketException e) {
      return false;
    }
  }
}
