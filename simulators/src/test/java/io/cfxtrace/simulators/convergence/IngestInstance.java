package io.cfxtrace.simulators.convergence;

import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * one ingest service instance as the variants run it: the real {@link IngestPipeline} with a
 * {@link CfxNormalizer} of its own (as a separate process would have), writing a store that other
 * instances may write at the same time, fed by a consumer thread of its own that keeps at most
 * {@code credit} deliveries unsettled, as an AMQP consumer with link credit on a queue it shares
 * with competing consumers.
 *
 * <p>A delivery is settled when its store completes, which the pipeline does only once the batch
 * holding it committed. Nothing here waits by sleeping: the consumer waits for credit, the caller
 * for the completions, each with a deadline.
 */
final class IngestInstance implements AutoCloseable {

  /** how long anything here waits for the pipeline before the variant fails. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  /** the pipeline's hand-over queue: larger than any credit, so a store is never refused. */
  private static final int QUEUE_CAPACITY = 1_000;

  private final Corpus corpus;
  private final String name;
  private final String connection;
  private final IngestPipeline pipeline;
  private final Semaphore credit;
  private final Set<Integer> settled = ConcurrentHashMap.newKeySet();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<Void>> stores = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stopped;
  private Thread consumer;

  /**
   * starts the pipeline (its writer and committer threads).
   *
   * @param corpus what is delivered.
   * @param store the shared store.
   * @param name the instance's name, also its channel and connection in the raw log.
   * @param batchSize the pipeline's batch size.
   * @param credit deliveries unsettled at most.
   */
  IngestInstance(Corpus corpus, DataSource store, String name, int batchSize, int credit) {
    this.corpus = corpus;
    this.name = name;
    this.connection = name + "/amqp-connection";
    this.credit = new Semaphore(credit);
    // a short back-off: after a crash the abandoned pipeline gives its deliveries up quickly
    this.pipeline = new IngestPipeline(store, new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth), ZoneOffset.UTC,
        QUEUE_CAPACITY, batchSize, Duration.ofMillis(2), Duration.ofMillis(50));
  }

  /**
   * starts the consumer thread: once {@code gate} opens, it hands the envelopes over in the given
   * order, one delivery each, as credit allows.
   *
   * @param order indexes into the corpus.
   * @param gate opened by the caller when every instance is ready (so that they interleave).
   * @param onSettled called on the pipeline's thread after each delivery settled.
   */
  void consume(List<Integer> order, CountDownLatch gate, Runnable onSettled) {
    consumer = new Thread(() -> {
      try {
        gate.await();
        for (int i : order) {
          if (stopped) {
            return;
          }
          if (!credit.tryAcquire(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            failures.add(name + ": no delivery settled within " + DEADLINE.toSeconds() + " s (credit exhausted)");
            return;
          }
          if (stopped) {
            // stopped while waiting for credit: the process dies with what it took
            return;
          }
          int envelope = i;
          CompletableFuture<Void> f = pipeline.store(corpus.message(envelope, name, connection)).toCompletableFuture();
          stores.add(f.whenComplete((v, error) -> {
            if (error == null) {
              settled.add(envelope);
              onSettled.run();
            } else {
              failures.add(name + ": the delivery of envelope " + envelope + " (" + corpus.envelopes.get(envelope).envelope().messageName()
                  + ") was not stored: " + error);
            }
            credit.release();
          }));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "convergence-consumer-" + name);
    consumer.setDaemon(true);
    consumer.start();
  }

  /**
   * waits until the consumer handed everything over and every delivery completed, settled or not.
   *
   * @throws TimeoutException when that takes longer than {@link #DEADLINE}.
   */
  void awaitCompletion() throws InterruptedException, TimeoutException {
    consumer.join(DEADLINE.toMillis());
    if (consumer.isAlive()) {
      throw new TimeoutException(name + ": the consumer did not hand over every delivery within " + DEADLINE.toSeconds() + " s");
    }
    CompletableFuture<?>[] all;
    synchronized (stores) {
      all = stores.toArray(CompletableFuture[]::new);
    }
    try {
      // a failed store is recorded in failures; here only the waiting counts
      CompletableFuture.allOf(all).handle((v, e) -> null).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** the consumer hands nothing more over (the process is about to die). */
  void stopConsuming() {
    stopped = true;
  }

  /** how many deliveries the consumer handed over. */
  int handedOver() {
    return stores.size();
  }

  /** the corpus indexes of the deliveries that settled. */
  Set<Integer> settled() {
    return Set.copyOf(settled);
  }

  /** deliveries that were not stored, and why. */
  List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** stops the pipeline: it writes what it holds (or, with its store cut off, gives it up). */
  @Override
  public void close() {
    stopped = true;
    pipeline.close();
  }
}
