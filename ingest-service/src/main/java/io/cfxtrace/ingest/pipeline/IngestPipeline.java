package io.cfxtrace.ingest.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.ingest.normalize.Normalizer;
import io.cfxtrace.ingest.normalize.StoredEnvelope;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreValues;
import io.cfxtrace.model.CfxEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the write path: a bounded hand-over from the AMQP threads to one writer thread, which writes
 * batches of messages in one transaction each (COPY) and only then completes their stores, so that
 * the endpoint settles the deliveries.
 *
 * <p><b>Back-pressure.</b> {@link #store} never blocks: it queues the message. The queue holds at
 * most {@code queueCapacity} messages; the endpoint grants AMQP credit only as stores complete and
 * within its byte budget, so in normal operation the queue stays far below that. If it is full
 * anyway, the message is refused and the delivery Released, so the sender retries later. While the
 * database is down, batches are retried with back-off and nothing completes: credit stops, the
 * senders stop, memory stays bounded, and nothing is lost.
 *
 * <p><b>Failures</b> are classified ({@link FailureClass}): connection failures retry the same
 * batch; refused data splits the batch to find the poison message, which is then stored as a dead
 * letter with the database's reason (never an endless loop); configuration failures retry with
 * back-off while health reports them.
 *
 * <p><b>Duplicates.</b> Each envelope's UniqueID is inserted into {@code envelope_key} with {@code
 * ON CONFLICT DO NOTHING} in the same transaction; only new envelopes are stored, so
 * redeliveries, resends and replays are stored once.
 *
 * <p><b>Two threads.</b> The writer thread ({@code cfx-ingest-writer}) collects a batch, keys,
 * normalises and encodes it while the previous batch's transaction runs on the committer thread
 * ({@code cfx-ingest-committer}); a transaction starts only after the previous one committed, and
 * at most one batch is prepared ahead. Preparing ahead is a speculation that the batch in flight
 * commits: the lookups of the batch prepared ahead see the committed store, and the normaliser's
 * memory holds what the batch in flight taught it. The committer checks the envelope keys it
 * inserts against those the batch was prepared with. When the batch in flight fails, or the keys
 * differ, the normaliser forgets everything uncommitted and both batches are written again one
 * after the other, from their messages, in receive order, with the failure handling below;
 * nothing of the speculation is kept.
 */
public final class IngestPipeline implements EnvelopeSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final Clock CLOCK = Clock.systemUTC();

  private record Pending(InboundMessage message, CompletableFuture<Void> done) {}

  /**
   * the most envelopes two batches (the one in flight and the one prepared ahead) may hold
   * together for the second to be prepared ahead: well below the normaliser's memory (50,000
   * transactions, aliases, edges, packages), so that nothing the batch in flight taught it is
   * evicted before that batch commits. Larger batches are prepared after the one in flight
   * committed.
   */
  private static final int MAX_SPECULATED_ENVELOPES = 10_000;

  /**
   * a batch keyed, normalised and encoded, ready for its transaction.
   *
   * @param keys every UniqueID of the batch, to insert into envelope_key.
   * @param fresh the UniqueIDs the batch was normalised as storing for the first time.
   */
  private record Prepared(
      List<Pending> batch, UUID[] keys, Set<UUID> fresh, List<StoredEnvelope> stored, StoreBatch rows, int duplicates, int dead, Instant now, int envelopes) {}

  /** a prepared batch whose transaction runs on the committer thread. */
  private record InFlight(Prepared prepared, Future<?> done) {}

  /** the keys the store took were not those the batch was prepared with. */
  private static final class Mispredicted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mispredicted(String message) {
      super(message, null, false, false);
    }
  }

  private final DataSource dataSource;
  private final Normalizer normalizer;
  private final IngestMetrics metrics;
  private final ZoneOffset zoneless;
  private final int batchSize;
  private final Duration batchDelay;
  private final Duration retryMaxDelay;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private final ExecutorService committer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cfx-ingest-committer");
            t.setDaemon(true);
            return t;
          });

  /** the fresh keys of the batch in flight, which the batch prepared ahead counts as stored (writer thread). */
  private Set<UUID> inFlightKeys = Set.of();
  private volatile boolean running = true;
  /** the writer failed for good (see {@link #onFatal}). */
  private volatile boolean fatal;
  private Consumer<Throwable> onFatal = IngestPipeline::exitProcess;
  /** the deliveries the writer holds: the batch in flight and the one being prepared (writer thread). */
  private volatile List<Pending> current = List.of();
  private volatile @org.jspecify.annotations.Nullable String unhealthy;

  /**
   * starts the writer thread.
   *
   * @param dataSource the event store.
   * @param normalizer turns envelopes into per-unit rows.
   * @param metrics the meters.
   * @param zoneless the offset assumed for zone-less CFX timestamps.
   * @param queueCapacity the hand-over queue's capacity, in messages.
   * @param batchSize messages per transaction at most.
   * @param batchDelay how long to wait to fill a batch.
   * @param retryMaxDelay the longest back-off between retries.
   */
  public IngestPipeline(
      DataSource dataSource,
      Normalizer normalizer,
      java.util.function.Function<java.util.function.Supplier<Number>, IngestMetrics> metrics,
      ZoneOffset zoneless,
      int queueCapacity,
      int batchSize,
      Duration batchDelay,
      Duration retryMaxDelay) {
    this.dataSource = dataSource;
    this.normalizer = normalizer;
    this.zoneless = zoneless;
    this.batchSize = batchSize;
    this.batchDelay = batchDelay;
    this.retryMaxDelay = retryMaxDelay;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.metrics = metrics.apply(queue::size);
    this.writer = new Thread(this::run, "cfx-ingest-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public CompletionStage<Void> store(InboundMessage message) {
    if (!running) {
      return CompletableFuture.failedFuture(new IllegalStateException(fatal ? unhealthy : "the ingest service is shutting down"));
    }
    Pending p = new Pending(message, new CompletableFuture<>());
    if (!queue.offer(p)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("ingest queue full (" + queue.remainingCapacity() + " free of its capacity); the delivery is released for retry"));
    }
    metrics.received.increment(message.envelopes().size());
    return p.done();
  }

  /**
   * large bodies (over a megabyte of JSON) come undecoded and are decoded as a stream on the
   * writer thread, one batch at a time, each alone in its batch: the heap then holds the records
   * of one large message, not of every large message received (issue #13).
   */
  @Override
  public boolean decodesLargeBodies() {
    return true;
  }

  /** why the store is failing right now, or null when it is healthy. */
  public @org.jspecify.annotations.Nullable String unhealthyReason() {
    return unhealthy;
  }

  /** the meters, for benchmarks and health. */
  public IngestMetrics metrics() {
    return metrics;
  }

  /** messages waiting for the writer. */
  public int queued() {
    return queue.size();
  }

  /**
   * what happens when the writer meets an Error or an unexpected exception: by default the process
   * exits with status {@value #FATAL_EXIT_STATUS}, so that its supervisor (systemd, Docker's restart
   * policy, Kubernetes) starts it again; the deliveries not committed are not settled, and the
   * senders deliver them again to the new process.
   *
   * @param handler receives the failure after health went DOWN and the waiting deliveries were
   *     failed (tests record it instead of exiting).
   */
  public void onFatal(Consumer<Throwable> handler) {
    this.onFatal = Objects.requireNonNull(handler, "handler");
  }

  /** the exit status of a process whose writer failed (EX_SOFTWARE of sysexits.h). */
  public static final int FATAL_EXIT_STATUS = 70;

  private void run() {
    try {
      loop();
    } catch (Throwable t) {
      fatal(t);
    }
  }

  /**
   * the writer cannot go on: health DOWN at once, every delivery not committed failed (so never
   * settled as accepted), no new one taken, then the fatal handler. A batch whose commit is running
   * on the committer thread settles only if that commit succeeds.
   */
  private void fatal(Throwable t) {
    running = false;
    fatal = true;
    unhealthy = "the ingest writer stopped after an unexpected " + t + "; nothing more is stored until the service restarts";
    LOG.error("the ingest writer stopped: {}", unhealthy, t);
    IllegalStateException why = new IllegalStateException(unhealthy, t);
    for (Pending p : current) {
      p.done().completeExceptionally(why);
    }
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(why);
    }
    onFatal.accept(t);
  }

  private static void exitProcess(Throwable t) {
    // from another thread: a shutdown hook that closes this pipeline joins the writer thread
    Thread exit = new Thread(() -> System.exit(FATAL_EXIT_STATUS), "cfx-ingest-fatal-exit");
    exit.setDaemon(false);
    exit.start();
  }

  private void loop() {
    InFlight inFlight = null;
    try {
      while (running || !queue.isEmpty() || inFlight != null) {
        List<Pending> batch = nextBatch();
        current = inFlight == null ? batch : concat(inFlight.prepared().batch(), batch);
        if (inFlight != null && (batch.isEmpty() || inFlight.prepared().envelopes() + envelopes(batch) > MAX_SPECULATED_ENVELOPES)) {
          finish(inFlight);
          inFlight = null;
        }
        if (batch.isEmpty()) {
          continue;
        }
        Prepared next = prepare(batch);
        if (inFlight != null && !finish(inFlight)) {
          // prepared on what the failed batch taught the normaliser, which is forgotten now
          next = null;
        }
        inFlight = null;
        if (next == null) {
          inFlightKeys = Set.of();
          writeWithRetry(batch);
        } else {
          Prepared p = next;
          inFlight = new InFlight(p, committer.submit(() -> {
            commit(p);
            return null;
          }));
        }
      }
    } finally {
      committer.shutdown();
    }
  }

  private static List<Pending> concat(List<Pending> a, List<Pending> b) {
    List<Pending> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  /**
   * envelopes in a batch, for speculation: a large message counts as half the most, so that the
   * next one is decoded and prepared while the one before is written (the writer's CPU beside the
   * database's), and never more than two are held. Measured at -Xmx256m with 30 MB messages (the
   * large-message benchmark): the records of one and the CSV of two fit.
   */
  private static int envelopes(List<Pending> batch) {
    int n = 0;
    for (Pending p : batch) {
      n += isLarge(p) ? MAX_SPECULATED_ENVELOPES / 2 : p.message().envelopes().size();
    }
    return n;
  }

  /**
   * waits for the transaction of the batch in flight. When it failed, the normaliser forgets
   * everything uncommitted (so also what the batch prepared since taught it) and the batch is
   * written again on this thread, with retries and dead letters.
   *
   * @return whether it committed as prepared.
   */
  private boolean finish(InFlight f) {
    try {
      f.done().get();
      normalizer.commit();
      return true;
    } catch (ExecutionException e) {
      normalizer.rollback();
      inFlightKeys = Set.of();
      LOG.debug("the transaction of a prepared batch of {} messages failed; writing it again: {}", f.prepared().batch().size(), e.getCause().toString());
      writeWithRetry(f.prepared().batch());
      return false;
    } catch (InterruptedException e) {
      // the deliveries stay unsettled: the senders deliver them again
      Thread.currentThread().interrupt();
      running = false;
      normalizer.rollback();
      inFlightKeys = Set.of();
      return false;
    }
  }

  /**
   * keys, normalises and encodes a batch, with lookups on a connection of its own, for its
   * transaction to run on the committer thread; null when a lookup failed (the batch is then
   * written on this thread, with retries, after the one in flight).
   */
  private @org.jspecify.annotations.Nullable Prepared prepare(List<Pending> batch) {
    Instant now = CLOCK.instant();
    try (Connection c = dataSource.getConnection()) {
      normalizer.begin(c, false);
      List<Keyed> keyed = keyed(batch);
      UUID[] ids = keyed.stream().map(Keyed::id).distinct().toArray(UUID[]::new);
      // the batch in flight commits before this one starts: its keys count as stored
      Set<UUID> seen = storedKeys(c, ids);
      seen.addAll(inFlightKeys);
      Set<UUID> fresh = new HashSet<>();
      List<Keyed> freshKeys = new ArrayList<>();
      int duplicates = 0;
      for (Keyed k : keyed) {
        if (!seen.add(k.id())) {
          duplicates++;
          continue;
        }
        fresh.add(k.id());
        freshKeys.add(k);
      }
      StoreBatch rows = new StoreBatch();
      List<StoredEnvelope> stored = new ArrayList<>();
      int dead = normalize(freshKeys, stored, rows);
      dead += deadLetters(batch, rows);
      rows.encode();
      inFlightKeys = fresh;
      return new Prepared(batch, ids, fresh, stored, rows, duplicates, dead, now, envelopes(batch));
    } catch (SQLException | RuntimeException e) {
      normalizer.rollback();
      inFlightKeys = Set.of();
      LOG.debug("preparing a batch of {} messages failed; it is written after the one in flight: {}", batch.size(), e.toString());
      return null;
    }
  }

  private static Set<UUID> storedKeys(Connection c, UUID[] ids) throws SQLException {
    Set<UUID> stored = new HashSet<>();
    if (ids.length == 0) {
      return stored;
    }
    try (PreparedStatement ps = c.prepareStatement("select unique_id from envelope_key where unique_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return stored;
  }

  /** the transaction of a prepared batch (committer thread); its stores complete once it committed. */
  private void commit(Prepared p) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Set<UUID> inserted = insertKeys(c, p.keys(), p.now());
        if (!inserted.equals(p.fresh())) {
          throw new Mispredicted(inserted.size() + " of the batch's keys were new, " + p.fresh().size() + " were expected");
        }
        p.rows().writeTo(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollBack(c, e);
        throw e;
      }
    }
    committed(p.batch(), p.stored(), p.duplicates(), p.dead(), start);
  }

  /** a large message taken from the queue that waits for the next batch (writer thread). */
  private @org.jspecify.annotations.Nullable Pending carried;

  private List<Pending> nextBatch() {
    List<Pending> batch = new ArrayList<>();
    try {
      Pending first = carried != null ? carried : queue.poll(200, TimeUnit.MILLISECONDS);
      carried = null;
      if (first == null) {
        return batch;
      }
      batch.add(decoded(first));
      if (isLarge(first)) {
        return batch; // alone: its records are the most the heap holds
      }
      long deadline = System.nanoTime() + batchDelay.toNanos();
      while (batch.size() < batchSize) {
        Pending next = queue.poll();
        if (next == null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          next = queue.poll(left, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
        }
        if (isLarge(next)) {
          carried = next;
          break;
        }
        batch.add(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    return batch;
  }

  private static boolean isLarge(Pending p) {
    return p.message().large() != null;
  }

  /** a large message decoded as a stream, here on the writer thread (see {@link #decodesLargeBodies}). */
  private static Pending decoded(Pending p) {
    return p.message().needsDecoding() ? new Pending(p.message().decodeLarge(), p.done()) : p;
  }

  /**
   * how often a batch may fail the same way, with the database otherwise available, before its
   * messages are written one by one to find the one to blame: a permanent error is never retried
   * forever.
   */
  private static final int REPEATS_BEFORE_ISOLATION = 3;

  private void writeWithRetry(List<Pending> batch) {
    int attempt = 0;
    int repeats = 0;
    while (true) {
      try {
        write(batch, null);
        return;
      } catch (SQLException | RuntimeException e) {
        normalizer.rollback();
        FailureClass failure = FailureClass.of(e);
        repeats = FailureClass.isUnavailability(e) ? 0 : repeats + 1;
        if (failure == FailureClass.BAD_DATA || repeats >= REPEATS_BEFORE_ISOLATION) {
          isolate(batch, e);
          return;
        }
        if (!running && attempt > 0) {
          // shutting down with the database away: leave the deliveries unsettled, the senders
          // will deliver them again
          batch.forEach(p -> p.done().completeExceptionally(e));
          return;
        }
        unhealthy = failure + ": " + e.getMessage();
        metrics.retries.increment();
        Duration wait = backoff(attempt++);
        if (attempt == 1 || attempt % 20 == 0) {
          LOG.warn("writing a batch of {} messages failed ({}), retrying in {} ms: {}", batch.size(), failure, wait.toMillis(), e.getMessage());
        }
        LockSupport.parkNanos(wait.toNanos());
      }
    }
  }

  private Duration backoff(int attempt) {
    long millis = Math.min(retryMaxDelay.toMillis(), 100L << Math.min(attempt, 16));
    return Duration.ofMillis(millis);
  }

  /** writes the messages one by one; the one the database refuses becomes a dead letter. */
  private void isolate(List<Pending> batch, Exception cause) {
    if (batch.size() > 1) {
      LOG.warn("the database refused data in a batch of {} ({}); writing its messages one by one", batch.size(), cause.getMessage());
      for (Pending p : batch) {
        writeWithRetry(List.of(p));
      }
      return;
    }
    Pending p = batch.get(0);
    LOG.error("the database refused a message from {}; keeping it as a dead letter: {}", p.message().origin().remoteAddress(), cause.getMessage());
    int attempt = 0;
    while (true) {
      try {
        write(batch, cause);
        p.done().complete(null);
        return;
      } catch (SQLException | RuntimeException e) {
        FailureClass failure = FailureClass.of(e);
        if (failure == FailureClass.BAD_DATA || !running) {
          // even the dead letter was refused: nothing more can be done; Release so that the
          // sender keeps it, and say so loudly
          LOG.error("the dead letter itself was refused; releasing the delivery: {}", e.getMessage());
          p.done().completeExceptionally(e);
          return;
        }
        LockSupport.parkNanos(backoff(attempt++).toNanos());
      }
    }
  }

  /**
   * one transaction for a batch.
   *
   * @param refused when not null, store every envelope of the batch as a dead letter (isolation
   *     of a message the database refused), with the database's message as reason.
   */
  private void write(List<Pending> batch, @org.jspecify.annotations.Nullable Exception refused) throws SQLException {
    boolean asDeadLetters = refused != null;
    long start = System.nanoTime();
    Instant now = CLOCK.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        StoreBatch rows = new StoreBatch();
        normalizer.begin(c, true);
        List<StoredEnvelope> fresh = new ArrayList<>();
        int duplicates = 0;
        int dead = 0;
        if (asDeadLetters) {
          for (Keyed k : keyed(batch)) {
            deadLetter(rows, k.origin(), k.envelope().index(), "REFUSED_BY_DATABASE", "the database refused this envelope: " + databaseMessage(refused), k.payload());
            dead++;
          }
        } else {
          List<Keyed> keyed = keyed(batch);
          Set<UUID> inserted = insertKeys(c, keyed.stream().map(Keyed::id).distinct().toArray(UUID[]::new), now);
          Set<UUID> seen = new HashSet<>();
          List<Keyed> freshKeys = new ArrayList<>();
          for (Keyed k : keyed) {
            if (!inserted.contains(k.id()) || !seen.add(k.id())) {
              duplicates++;
              continue;
            }
            freshKeys.add(k);
          }
          dead += normalize(freshKeys, fresh, rows);
        }
        dead += deadLetters(batch, rows);
        rows.writeTo(c);
        c.commit();
        normalizer.commit();
        committed(batch, fresh, duplicates, dead, start);
      } catch (SQLException | RuntimeException e) {
        rollBack(c, e);
        throw e;
      }
    }
  }

  /** rolls a failed transaction back; a failure to do so is kept with the failure that caused it. */
  private static void rollBack(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * adds the raw and normalised rows of the envelopes stored for the first time.
   *
   * @param freshKeys the envelopes, in receive order.
   * @param fresh receives each envelope as stored.
   * @param rows the batch.
   * @return the dead letters written for envelopes that could not be normalised.
   */
  private int normalize(List<Keyed> freshKeys, List<StoredEnvelope> fresh, StoreBatch rows) throws SQLException {
    int dead = 0;
    // in scope order (event time, then UniqueID), the order in which a work transaction's messages
    // are normalised whatever order they arrived in
    List<Map.Entry<Keyed, StoredEnvelope>> ordered = new ArrayList<>(freshKeys.size());
    for (Keyed k : freshKeys) {
      ordered.add(Map.entry(k, new StoredEnvelope(k.id(), k.envelope().envelope(), eventTime(k), k.origin().receivedAt())));
    }
    ordered.sort(Map.Entry.comparingByValue(StoredEnvelope.SCOPE_ORDER));
    List<StoredEnvelope> stored = ordered.stream().map(Map.Entry::getValue).toList();
    // the batch's lookups in a few queries rather than a few per envelope
    normalizer.prepare(stored);
    for (Map.Entry<Keyed, StoredEnvelope> entry : ordered) {
      Keyed k = entry.getKey();
      StoredEnvelope e = entry.getValue();
      StoreBatch.Mark before = rows.mark();
      try {
        rawRow(rows, k.origin(), k.envelope(), e, k.large());
      } catch (StoreValues.Refused refused) {
        // an envelope field the store cannot hold (a 3,000-character source, a NUL): the envelope
        // is kept whole as a dead letter, with the field named
        rows.reset(before);
        LOG.warn("envelope {} from {} kept as a dead letter: {}", k.id(), k.origin().remoteAddress(), refused.getMessage());
        deadLetter(rows, k.origin(), k.envelope().index(), "REFUSED_VALUE", refused.getMessage(), k.payload());
        dead++;
        continue;
      }
      fresh.add(e);
      StoreBatch.Mark raw = rows.mark();
      try {
        normalizer.normalize(e, rows);
      } catch (RuntimeException failure) {
        // the envelope itself is stored; none of its rows is (a part would be a wrong answer), and
        // why is recorded with its bytes
        rows.reset(raw);
        if (failure instanceof StoreValues.Refused) {
          LOG.warn("normalising {} {} refused: {}", e.envelope().messageName(), k.id(), failure.getMessage());
        } else {
          LOG.error("normalising {} {} failed", e.envelope().messageName(), k.id(), failure);
        }
        deadLetter(rows, k.origin(), k.envelope().index(), "NORMALIZATION",
            "normalising failed: " + (failure instanceof StoreValues.Refused ? failure.getMessage() : failure.toString()),
            k.payload());
        dead++;
      }
    }
    normalizer.complete(rows);
    return dead;
  }

  /** adds what the endpoint could not decode, as dead letters; returns how many. */
  private static int deadLetters(List<Pending> batch, StoreBatch rows) {
    int dead = 0;
    for (Pending p : batch) {
      for (InboundMessage.DeadLetter d : p.message().deadLetters()) {
        deadLetter(rows, p.message().origin(), d.index(), d.kind() == null ? null : d.kind().name(), d.reason(), d.payload());
        dead++;
      }
    }
    return dead;
  }

  /** a batch committed: the store is healthy, the meters count it, and its stores complete (the endpoint settles). */
  private void committed(List<Pending> batch, List<StoredEnvelope> fresh, int duplicates, int dead, long start) {
    unhealthy = null;
    metrics.stored.increment(fresh.size());
    metrics.duplicates.increment(duplicates);
    metrics.deadLetters.increment(dead);
    metrics.batchSize.record(batch.size());
    Instant committed = CLOCK.instant();
    metrics.commitLatency.record(Duration.ofNanos(System.nanoTime() - start));
    for (StoredEnvelope s : fresh) {
      metrics.lag(Duration.between(s.eventTime(), committed));
    }
    for (Pending p : batch) {
      metrics.receiveToCommit.record(Duration.between(p.message().origin().receivedAt(), committed));
    }
    batch.forEach(p -> p.done().complete(null));
  }

  /**
   * an envelope with its key.
   *
   * @param large the message's body when the envelope was decoded from it as a stream: its text.
   */
  private record Keyed(UUID id, InboundMessage.Envelope envelope, MessageOrigin origin, InboundMessage.@org.jspecify.annotations.Nullable LargeBody large) {

    /** the envelope's bytes for a dead letter: its JSON text, or the large body as received. */
    byte[] payload() {
      return large == null ? envelope.json().getBytes(StandardCharsets.UTF_8) : large.body();
    }
  }

  private static List<Keyed> keyed(List<Pending> batch) {
    List<Keyed> out = new ArrayList<>();
    for (Pending p : batch) {
      InboundMessage m = p.message();
      for (InboundMessage.Envelope e : m.envelopes()) {
        // an envelope decoded as a stream has no text of its own: its text is the message's large body
        InboundMessage.LargeBody large = e.json() == null ? m.large() : null;
        UUID id = large == null ? StoredEnvelope.keyOf(e.envelope().uniqueId(), e::json) : StoredEnvelope.keyOfText(e.envelope().uniqueId(), large::openText);
        out.add(new Keyed(id, e, m.origin(), large));
      }
    }
    return out;
  }

  private static Set<UUID> insertKeys(Connection c, UUID[] ids, Instant now) throws SQLException {
    Set<UUID> inserted = new HashSet<>();
    if (ids.length == 0) {
      return inserted;
    }
    // in one order on every instance: two batches meeting on the same keys wait, never deadlock
    ids = ids.clone();
    java.util.Arrays.sort(ids);
    try (PreparedStatement ps =
        c.prepareStatement("insert into envelope_key (unique_id, received_at) select unnest(?::uuid[]), ? on conflict do nothing returning unique_id")) {
      Array array = c.createArrayOf("uuid", ids);
      ps.setArray(1, array);
      ps.setTimestamp(2, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return inserted;
  }

  private Instant eventTime(Keyed k) {
    return StoredEnvelope.eventTimeOf(k.envelope().envelope(), zoneless, k.origin().receivedAt());
  }

  /**
   * adds an envelope's row of the raw message log to a batch (the write path's, also used by the
   * ingest benchmark to build the same rows).
   *
   * @param rows the batch.
   * @param o where the envelope came from.
   * @param envelope the decoded envelope and its JSON.
   * @param stored its key and event time.
   */
  public static void rawRow(StoreBatch rows, MessageOrigin o, InboundMessage.Envelope envelope, StoredEnvelope stored) {
    rawRow(rows, o, envelope, stored, null);
  }

  /**
   * {@link #rawRow(StoreBatch, MessageOrigin, InboundMessage.Envelope, StoredEnvelope)} for an
   * envelope that may have been decoded as a stream.
   *
   * @param large the body it was decoded from as a stream (its text is copied from it as the row is
   *     written, never held whole), or null.
   */
  static void rawRow(StoreBatch rows, MessageOrigin o, InboundMessage.Envelope envelope, StoredEnvelope stored, InboundMessage.@org.jspecify.annotations.Nullable LargeBody large) {
    CfxEnvelope e = envelope.envelope();
    Object text = large == null ? envelope.json() : (io.cfxtrace.ingest.store.CopyBuffer.Streamed) large::openText;
    rows.rawMessages.add(
        o.receivedAt(),
        stored.uniqueId(),
        e.uniqueId(),
        e.messageName(),
        envelope.typed(),
        e.source(),
        e.target(),
        e.requestId(),
        e.version(),
        stored.eventTime(),
        e.timeStamp() == null ? null : e.timeStamp().text(),
        o.channel(),
        o.connectionId(),
        o.remoteAddress(),
        o.remoteContainerId(),
        o.user(),
        o.address(),
        properties(o.properties()),
        envelope.index(),
        text);
  }

  private static void deadLetter(StoreBatch rows, MessageOrigin o, int index, String kind, String reason, byte[] payload) {
    // what a peer sent about itself may hold anything; the dead letter must always be storable
    rows.deadLetters.add(
        o.receivedAt(),
        StoreBatch.newId(),
        printable(o.channel()),
        printable(o.connectionId()),
        printable(o.remoteAddress()),
        printable(o.remoteContainerId()),
        printable(o.user()),
        printable(o.address()),
        properties(o.properties()),
        index,
        kind,
        printable(reason),
        payload);
  }

  /** a text with NUL characters replaced (U+FFFD), which PostgreSQL text cannot hold. */
  private static @org.jspecify.annotations.Nullable String printable(@org.jspecify.annotations.Nullable String s) {
    return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
  }

  /** the database's own words for a failure: its message and SQLState. */
  private static String databaseMessage(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getMessage() + " (SQLSTATE " + s.getSQLState() + ")";
      }
    }
    return e.toString();
  }

  static JsonNode properties(AmqpProperties p) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    put(n, "message-id", p.messageId());
    put(n, "subject", p.subject());
    put(n, "to", p.to());
    put(n, "reply-to", p.replyTo());
    put(n, "correlation-id", p.correlationId());
    put(n, "content-type", p.contentType());
    put(n, "content-encoding", p.contentEncoding());
    put(n, "creation-time", p.creationTime() == null ? null : p.creationTime().toString());
    n.put("durable", p.durable());
    ObjectNode app = n.putObject("application-properties");
    p.applicationProperties().forEach(app::put);
    return n;
  }

  private static void put(ObjectNode n, String name, String value) {
    if (value != null) {
      n.put(name, value);
    }
  }

  /** stops taking messages, writes what is queued, and stops the writer. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
