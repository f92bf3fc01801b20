package io.cfxtrace.ingest.testing;

import io.cfxtrace.ingest.rebuild.Rebuild;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * the content of a store's derived tables as one digest per table (row count and the MD5 of its
 * rows' text, sorted), to compare stores filled in different ways. Every column of the derived
 * tables comes from the envelopes ({@code transaction_scope}, not among them, is the normaliser's
 * bookkeeping: its version counts batches, its message list follows arrival).
 */
public final class StoreFingerprint {

  private StoreFingerprint() {}

  /**
   * the digests.
   *
   * @param db the store.
   * @return table name to "N rows DIGEST", plus the dead-letter count.
   * @throws SQLException when a query fails.
   */
  public static Map<String, String> of(TestDatabase db) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String table : Rebuild.DERIVED_TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-') from " + table + " t")) {
          rs.next();
          out.put(table, rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("select count(*) from dead_letter")) {
        rs.next();
        out.put("dead_letter", rs.getString(1) + " rows");
      }
    }
    return out;
  }
}
