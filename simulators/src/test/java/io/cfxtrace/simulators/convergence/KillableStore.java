package io.cfxtrace.simulators.convergence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * the store as one ingest process sees it, so that the process can be killed (SIGKILL) at any
 * point without a second JVM: {@link #kill} drops every connection the process holds, mid-COPY or
 * mid-commit as it happens, and from then on the process reaches the database no more. PostgreSQL
 * rolls back whatever was not committed; whatever was committed stays, whether or not the
 * pipeline learnt so (a commit whose answer was lost leaves its deliveries unsettled, as a real
 * kill between commit and settlement does).
 */
final class KillableStore implements DataSource {

  private final DataSource store;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean killed;

  KillableStore(DataSource store) {
    this.store = store;
  }

  /** the process dies: its connections are dropped, and it makes no new ones. */
  void kill() {
    killed = true;
    for (Connection c : open) {
      try {
        // abort, not close: no orderly goodbye to the server, as when the process vanishes
        c.abort(Runnable::run);
      } catch (SQLException e) {
        // already gone
      }
    }
  }

  private static SQLException gone() {
    // SQLState 08006 (connection failure): what the pipeline meets when the database vanishes
    return new SQLException("the ingest process was killed", "08006");
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (killed) {
      throw gone();
    }
    Connection real = store.getConnection();
    open.add(real);
    if (killed) {
      real.abort(Runnable::run);
      throw gone();
    }
    InvocationHandler handler = (proxy, method, args) -> {
      String m = method.getName();
      if (m.equals("close")) {
        open.remove(real);
      } else if (killed && !m.equals("isClosed")) {
        throw gone();
      } else if (m.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the store's own credentials only");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return store.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    store.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    store.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return store.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return store.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return store.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return store.isWrapperFor(iface);
  }
}
