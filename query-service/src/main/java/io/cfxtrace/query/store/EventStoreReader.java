package io.cfxtrace.query.store;

import io.cfxtrace.query.config.QueryConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * runs read-only SQL against the event store: one pooled connection per call, parameters bound
 * positionally, each statement cut off after {@link QueryConfiguration#statementTimeout()}.
 *
 * <p>A {@code String[]} parameter is bound as a PostgreSQL {@code text[]} (for {@code = any(?)}).
 */
@Singleton
public class EventStoreReader {

  /** maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /**
     * maps one row.
     *
     * @param row the result set positioned on the row.
     * @return the value.
     * @throws SQLException when a column cannot be read.
     */
    T map(Row row) throws SQLException;
  }

  private final DataSource dataSource;
  private final int timeoutSeconds;
  private final ExecutorService executor;

  /**
   * creates the reader.
   *
   * @param dataSource the pool (read-only connections).
   * @param resolver unwraps the pool when another module wrapped it in a proxy.
   * @param config the statement timeout.
   * @param executor runs the reads started with {@link #beside}.
   */
  public EventStoreReader(DataSource dataSource, BeanProvider<DataSourceResolver> resolver, QueryConfiguration config,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.executor = executor;
    this.dataSource = resolver.find(null).orElse(DataSourceResolver.DEFAULT).resolve(dataSource);
    this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, config.statementTimeout().toSeconds());
  }

  /**
   * starts a read on another thread, so on another pooled connection, while the caller reads
   * something else: a statement waits for PostgreSQL, and on two cores two statements overlap.
   * When the caller asks for the result before a thread took the read up (an executor with all
   * its threads busy, perhaps with the callers themselves), the caller runs it: a request never
   * waits for a thread that may never come.
   *
   * @param read the read, made of calls of this reader.
   * @param <T> what it gives.
   * @return its result when asked, waiting for it; a failure is thrown as the read threw it.
   */
  public <T> Supplier<T> beside(Supplier<T> read) {
    return beside(executor, read);
  }

  /**
   * {@link #beside(Supplier)} on a given executor.
   *
   * @param executor runs the read unless the caller takes it first.
   * @param read the read.
   * @param <T> what it gives.
   * @return its result when asked.
   */
  static <T> Supplier<T> beside(Executor executor, Supplier<T> read) {
    AtomicBoolean taken = new AtomicBoolean();
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable run = () -> {
      if (taken.compareAndSet(false, true)) {
        try {
          result.complete(read.get());
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }
    };
    executor.execute(run);
    return () -> {
      run.run();
      try {
        return result.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    };
  }

  /**
   * runs a query.
   *
   * @param sql the statement with {@code ?} placeholders.
   * @param mapper maps each row.
   * @param params the parameter values, in order.
   * @param <T> the row type.
   * @return the rows in the order the statement gives them.
   * @throws StoreUnavailableException when the store cannot be read.
   */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return query(false, sql, mapper, params);
  }

  /**
   * runs a query planned for its parameter values on every call. PgJDBC prepares a statement on
   * the server from its fifth use on a connection, and from then on PostgreSQL may reuse one
   * generic plan for all values; for a statement whose best plan depends on the values (optional
   * filters such as {@code ? is null or ...}, sizes known only from the values) that plan can be
   * much slower: where-used of a reel took 220 ms with the generic plan, 100 ms planned per call.
   *
   * @param sql the statement with {@code ?} placeholders.
   * @param mapper maps each row.
   * @param params the parameter values, in order.
   * @param <T> the row type.
   * @return the rows in the order the statement gives them.
   * @throws StoreUnavailableException when the store cannot be read.
   */
  public <T> List<T> queryPlannedPerCall(String sql, RowMapper<T> mapper, Object... params) {
    return query(true, sql, mapper, params);
  }

  /**
   * runs a query that reads a stretch of the store's history, such as every unit event of a day:
   * planned for its parameter values on every call ({@link #queryPlannedPerCall}), and without
   * PostgreSQL's JIT compilation. The planner's cost of such a statement is far above {@code
   * jit_above_cost}, and compiling its expressions took longer than the time it saves: the
   * conflicts of an hour took 1.3 s with JIT and 0.24 s without, of a day 3.5 s and 2.4 s. The
   * setting holds for the statement's own transaction only ({@code set local}).
   *
   * @param sql the statement with {@code ?} placeholders.
   * @param mapper maps each row.
   * @param params the parameter values, in order.
   * @param <T> the row type.
   * @return the rows in the order the statement gives them.
   * @throws StoreUnavailableException when the store cannot be read.
   */
  public <T> List<T> queryHistory(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      // one transaction, so that the setting ends with it; the pool (Hikari) rolls back a
      // transaction a failure left open and restores autocommit when it takes the connection back
      c.setAutoCommit(false);
      try (Statement set = c.createStatement()) {
        set.execute("set local jit = off");
      }
      List<T> rows = query(c, true, sql, mapper, params);
      c.commit();
      return rows;
    } catch (SQLException e) {
      throw new StoreUnavailableException("the event store could not be read (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }

  private <T> List<T> query(boolean plannedPerCall, String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return query(c, plannedPerCall, sql, mapper, params);
    } catch (SQLException e) {
      throw new StoreUnavailableException("the event store could not be read (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }

  private <T> List<T> query(Connection c, boolean plannedPerCall, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (plannedPerCall) {
        // 0: never a named server-side statement, so each execution is planned with its values
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      ps.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof String[] texts) {
          Array array = c.createArrayOf("text", texts);
          ps.setArray(i + 1, array);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        Row row = new Row(rs);
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(row));
        }
        return out;
      }
    }
  }
}
