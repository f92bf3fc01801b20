package io.cfxtrace.ingest.pipeline;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * what a database failure means for the batch that met it (after Debezium's ErrorHandler and
 * PostgresErrorHandler): retry the same batch, isolate the message that caused it, or retry while
 * an operator fixes the configuration.
 */
public enum FailureClass {
  /** the connection or server is gone or busy (SQLState 08, 53, 57P0x, 40001/40P01): retry. */
  TRANSIENT,
  /**
   * the data was refused (SQLState 22 data exception, 23 integrity constraint, 54 program limit
   * such as an index row too large): write messages one by one, dead-letter the culprit.
   */
  BAD_DATA,
  /**
   * a failure no retry of this batch can fix by itself (authentication 28, missing table 42...):
   * retry with back-off, reported as unhealthy, until an operator fixes it.
   */
  PERMANENT;

  /**
   * classifies an exception from the JDBC driver.
   *
   * @param e the exception (its cause chain is searched for an SQLState).
   * @return the class.
   */
  public static FailureClass of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")) {
          return TRANSIENT;
        }
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
          return BAD_DATA;
        }
        return PERMANENT;
      }
      if (t instanceof SQLRecoverableException || t instanceof SQLTransientException || t instanceof java.io.IOException) {
        return TRANSIENT;
      }
    }
    return TRANSIENT; // pool time-outs and the like carry no SQLState
  }

  /**
   * whether a failure says the database or its configuration is unavailable (connection,
   * authentication, a missing database, table or column, resources, an operator's shutdown):
   * retrying a batch again and again is right, and no message is to blame. Any other failure that
   * repeats on the same batch is taken as caused by the batch's content.
   *
   * @param e the exception.
   * @return true when no envelope is to blame.
   */
  public static boolean isUnavailability(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        return state.startsWith("08") || state.startsWith("28") || state.startsWith("3D") || state.equals("42P01") || state.equals("42703")
            || state.startsWith("53") || state.startsWith("57") || state.equals("40001") || state.equals("40P01");
      }
      if (t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
        return true;
      }
    }
    // no SQLState: a pool time-out (no connection) is unavailability; a bug while writing is not
    return e instanceof SQLException || e.getCause() instanceof SQLException;
  }
}
