package io.cfxtrace.query.interlock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.Row;
import io.cfxtrace.query.store.StoreUnavailableException;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * the holds (table {@code hold}, migration V11): a lot, reel, part number, work order or unit put
 * on hold, and released, through the API. Reads go through the service's read-only pool; the few
 * writes through a small pool of their own (the service's pool is read-only by configuration), on
 * {@code cfx.query.holds.url}/{@code username}/{@code password}, by default the store's own
 * settings. The role used needs {@code insert, update} on {@code hold}.
 */
@Singleton
public class Holds {

  /** what may be held. */
  public static final Set<String> KINDS = Set.of("lot", "reel", "part_number", "work_order", "unit");

  /**
   * a hold.
   *
   * @param id its number.
   * @param kind {@code lot}, {@code reel}, {@code part_number}, {@code work_order} or {@code unit}.
   * @param value what is held.
   * @param partNumber for a lot: only that part number's lot, or null for every part's.
   * @param reason why.
   * @param heldBy the token that put it on hold.
   * @param heldByName the name the caller gave, if any.
   * @param heldAt when.
   * @param releasedBy the token that released it, or null while active.
   * @param releasedByName the name given at release.
   * @param releasedAt when released, or null while active.
   * @param releaseReason why released.
   */
  public record Hold(long id, String kind, String value, @Nullable String partNumber, String reason, String heldBy, @Nullable String heldByName,
      Instant heldAt, @Nullable String releasedBy, @Nullable String releasedByName, @Nullable Instant releasedAt, @Nullable String releaseReason) {

    /** how a refusal names the hold. */
    String describe() {
      return "hold #" + id + " on " + kind.replace('_', ' ') + " " + value + (partNumber == null ? "" : " of part " + partNumber) + ": " + reason
          + " (by " + heldBy + (heldByName == null ? "" : " " + heldByName) + " at " + heldAt + ")";
    }
  }

  private static final String COLUMNS =
      "hold_id, kind, value, part_number, reason, held_by, held_by_name, held_at, released_by, released_by_name, released_at, release_reason";

  private final EventStoreReader store;
  private final Environment environment;
  private volatile @Nullable HikariDataSource writer;

  /**
   * creates the holds.
   *
   * @param store the read-only store.
   * @param environment where the writer's settings are.
   */
  public Holds(EventStoreReader store, Environment environment) {
    this.store = store;
    this.environment = environment;
  }

  /**
   * the active holds on any of these values (of any kind; the caller picks by kind).
   *
   * @param values the values: unit ids, work orders, lots, reels, part numbers.
   * @return the active holds, oldest first.
   * @throws StoreUnavailableException when the store cannot answer.
   */
  public List<Hold> activeOn(Collection<String> values) {
    String[] v = values.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (v.length == 0) {
      return List.of();
    }
    return store.query("select " + COLUMNS + " from hold where released_at is null and value = any(?) order by held_at, hold_id", Holds::read, (Object) v);
  }

  /**
   * the holds, newest first.
   *
   * @param activeOnly only those not released.
   * @param limit at most this many.
   * @return the holds.
   */
  public List<Hold> list(boolean activeOnly, int limit) {
    return store.query("select " + COLUMNS + " from hold" + (activeOnly ? " where released_at is null" : "") + " order by held_at desc, hold_id desc limit ?",
        Holds::read, limit);
  }

  /**
   * one hold.
   *
   * @param id its number.
   * @return the hold, or null.
   */
  public @Nullable Hold get(long id) {
    List<Hold> h = store.query("select " + COLUMNS + " from hold where hold_id = ?", Holds::read, id);
    return h.isEmpty() ? null : h.get(0);
  }

  /**
   * puts things on hold, in one transaction.
   *
   * @param kind what kind of thing.
   * @param values the things.
   * @param partNumber for lots, the part number, or null.
   * @param reason why.
   * @param by the token.
   * @param byName the caller's name, or null.
   * @return the new holds' numbers, in the order of the values.
   */
  public List<Long> hold(String kind, List<String> values, @Nullable String partNumber, String reason, String by, @Nullable String byName) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind is '" + kind + "': expected one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    List<Long> ids = new ArrayList<>();
    try (Connection c = writer().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement(
          "insert into hold (kind, value, part_number, reason, held_by, held_by_name) values (?, ?, ?, ?, ?, ?) returning hold_id")) {
        for (String v : values) {
          p.setString(1, kind);
          p.setString(2, v);
          p.setString(3, partNumber);
          p.setString(4, reason);
          p.setString(5, by);
          p.setString(6, byName);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
      c.commit();
      return ids;
    } catch (SQLException e) {
      throw new StoreUnavailableException("holds cannot be written: " + e.getMessage(), e);
    }
  }

  /**
   * releases a hold.
   *
   * @param id its number.
   * @param reason why.
   * @param by the token.
   * @param byName the caller's name, or null.
   * @return whether an active hold of that number was released (false: none, or already released).
   */
  public boolean release(long id, String reason, String by, @Nullable String byName) {
    try (Connection c = writer().getConnection();
        PreparedStatement p = c.prepareStatement("update hold set released_at = now(), released_by = ?, released_by_name = ?, release_reason = ?"
            + " where hold_id = ? and released_at is null")) {
      p.setString(1, by);
      p.setString(2, byName);
      p.setString(3, reason);
      p.setLong(4, id);
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreUnavailableException("holds cannot be written: " + e.getMessage(), e);
    }
  }

  private HikariDataSource writer() {
    HikariDataSource w = writer;
    if (w == null) {
      synchronized (this) {
        w = writer;
        if (w == null) {
          HikariConfig c = new HikariConfig();
          c.setPoolName("cfx-holds");
          c.setJdbcUrl(setting("url"));
          String user = optionalSetting("username");
          if (user != null) {
            c.setUsername(user);
          }
          String password = optionalSetting("password");
          if (password != null) {
            c.setPassword(password);
          }
          c.setMaximumPoolSize(2);
          c.setMinimumIdle(0);
          c.setConnectionTimeout(3000);
          w = new HikariDataSource(c);
          writer = w;
        }
      }
    }
    return w;
  }

  private String setting(String name) {
    String v = optionalSetting(name);
    if (v == null) {
      throw new IllegalStateException("cfx.query.holds." + name + " and datasources.default." + name + " are both unset");
    }
    return v;
  }

  private @Nullable String optionalSetting(String name) {
    return environment.getProperty("cfx.query.holds." + name, String.class)
        .or(() -> environment.getProperty("datasources.default." + name, String.class)).orElse(null);
  }

  /** closes the writer's pool. */
  @PreDestroy
  public void close() {
    HikariDataSource w = writer;
    if (w != null) {
      w.close();
    }
  }

  private static Hold read(Row r) throws SQLException {
    return new Hold(Objects.requireNonNull(r.whole("hold_id")), Objects.requireNonNull(r.text("kind")), Objects.requireNonNull(r.text("value")),
        r.text("part_number"), Objects.requireNonNull(r.text("reason")), Objects.requireNonNull(r.text("held_by")), r.text("held_by_name"),
        Objects.requireNonNull(r.time("held_at")), r.text("released_by"), r.text("released_by_name"), r.time("released_at"), r.text("release_reason"));
  }

  static String kindOf(String text) {
    return text.toLowerCase(Locale.ROOT).replace('-', '_');
  }
}
