package io.cfxtrace.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** a read started beside another ({@link EventStoreReader#beside}) runs once and always ends. */
@Timeout(10)
class BesideTest {

  @Test
  void readThatNoThreadTookUpIsRunByTheCallerOnce() {
    List<Runnable> neverRun = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();

    Supplier<String> result = EventStoreReader.beside(neverRun::add, () -> "read " + runs.incrementAndGet());

    assertThat(result.get()).isEqualTo("read 1");
    neverRun.forEach(Runnable::run);
    assertThat(runs).hasValue(1);
  }

  @Test
  void readRunByTheExecutorGivesItsResultToTheCaller() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      Supplier<Integer> result = EventStoreReader.beside(executor, runs::incrementAndGet);

      assertThat(result.get()).isEqualTo(1);
      assertThat(runs).hasValue(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void failureOfTheReadIsThrownToTheCallerAsTheReadThrewIt() {
    StoreUnavailableException failure = new StoreUnavailableException("the event store could not be read", new java.sql.SQLException("down"));

    Supplier<Object> result = EventStoreReader.beside(Runnable::run, () -> {
      throw failure;
    });

    assertThatThrownBy(result::get).isSameAs(failure);
  }
}
