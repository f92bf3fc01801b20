package io.cfxtrace.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.ingest.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * rows encoded as they are added (issue #13): what COPY writes is what was added, after a
 * truncation back into a chunk already closed, with a streamed value between chunks, and quotes,
 * commas, newlines and non-ASCII text intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyBufferTest {

  private TestDatabase db;

  @BeforeAll
  void open() {
    db = TestDatabase.create();
  }

  private List<String> copied(CopyBuffer b) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create temp table t (n int, v text)");
      b.copyTo(c, "t");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select n, v from t order by n")) {
        while (rs.next()) {
          out.add(rs.getInt(1) + ":" + rs.getString(2));
        }
      }
      return out;
    }
  }

  @Test
  void aTruncationBackIntoAWrittenChunkLeavesExactlyTheRowsBeforeIt() throws Exception {
    CopyBuffer b = new CopyBuffer("t", List.of("n", "v"));
    b.add(1, "first, \"quoted\"\nline é");
    b.add(2, "second");
    int mark = b.size();
    String big = "x".repeat(200_000);
    b.add(3, big);
    b.add(4, big); // the first chunk is closed after this row (over 256 K characters)
    b.add(5, "after");
    b.truncate(mark);
    b.add(6, "kept");

    assertThat(copied(b)).containsExactly("1:first, \"quoted\"\nline é", "2:second", "6:kept");
  }

  @Test
  void aStreamedValueIsCopiedQuotedBetweenTheRowsAroundIt() throws Exception {
    CopyBuffer b = new CopyBuffer("t", List.of("n", "v"));
    b.add(1, "before");
    String json = "{\"a\":\"b,\\\"c\\\"\",\"d\":[1,2]}";
    b.add(2, (CopyBuffer.Streamed) () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    b.add(3, "after");
    b.encode();

    assertThat(copied(b)).containsExactly("1:before", "2:" + json, "3:after");
  }

  @Test
  void aStreamedValueLargerThanItsReadBufferKeepsEveryQuoteAtEveryBoundary() throws Exception {
    // quotes at every offset around the 16 KiB read buffer and the driver's reads, runs of them
    // included, so that a doubled quote split across two reads is exercised
    StringBuilder text = new StringBuilder();
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    while (text.length() < 200_000) {
      int r = random.nextInt(10);
      text.append(r < 3 ? "\"" : r < 4 ? "\"\"\"" : r < 5 ? "é" : "abcdefgh".substring(0, 1 + random.nextInt(8)));
    }
    String value = text.toString();
    // in a bigger buffer as in a smaller one than the stream's, and read a byte at a time
    for (int chunk : new int[] {1, 7, 16_384, 16_385, 65_536}) {
      CopyBuffer b = new CopyBuffer("t", List.of("n", "v"));
      b.add(1, (CopyBuffer.Streamed) () -> new java.io.BufferedInputStream(new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)), chunk) {
        @Override
        public synchronized int read(byte[] out, int off, int len) throws java.io.IOException {
          return super.read(out, off, Math.min(len, chunk));
        }
      });
      b.encode();
      assertThat(copied(b)).as("reads of %d bytes", chunk).containsExactly("1:" + value);
    }
  }

  @Test
  void doublesAreCopiedAsTheSameDoubles() throws Exception {
    double[] values = {0.1, 7.8e-5, 1e300, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789012345, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.0 / 3};
    CopyBuffer b = new CopyBuffer("d", List.of("n", "v"));
    for (int i = 0; i < values.length; i++) {
      b.add(i, values[i]);
    }
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create temp table d (n int, v double precision)");
      b.copyTo(c, "d");
      try (ResultSet rs = s.executeQuery("select n, v from d order by n")) {
        for (double expected : values) {
          assertThat(rs.next()).isTrue();
          assertThat(Double.doubleToLongBits(rs.getDouble(2))).as("row %d", rs.getInt(1)).isEqualTo(Double.doubleToLongBits(expected));
        }
      }
    }
  }

  @Test
  void rowsAreReadBackOnlyFromABufferThatKeepsThem() {
    CopyBuffer encoded = new CopyBuffer("t", List.of("n", "v"));
    encoded.add(1, "a");
    assertThatThrownBy(() -> encoded.forEach(r -> { })).isInstanceOf(IllegalStateException.class).hasMessageContaining("keepRowsAfterEncoding");
    assertThatThrownBy(encoded::keepRowsAfterEncoding).isInstanceOf(IllegalStateException.class);

    CopyBuffer kept = new CopyBuffer("t", List.of("n", "v")).keepRowsAfterEncoding();
    kept.add(1, "a");
    kept.encode();
    List<Object> seen = new ArrayList<>();
    kept.forEach(r -> seen.add(r[1]));
    assertThat(seen).containsExactly("a");
  }
}
