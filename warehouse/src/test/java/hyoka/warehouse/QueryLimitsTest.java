package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Warehouse#query(Statement, String, QueryLimits)}, the one capped query the CLI and the web
 * app share, and the {@link MemoryLimit} of a read-only connection.
 */
class QueryLimitsTest {
  @TempDir Path tmp;
  private Warehouse warehouse;

  /** Runs for hours in little memory, and stops as soon as it is cancelled. */
  private static final String SLOW =
      "SELECT count(*) FROM range(1000000000000) WHERE hash(range) = 7";

  @BeforeEach
  void publish() {
    warehouse = ReadOnlyConnectionTest.publishOne(tmp);
  }

  private QueryResult query(String sql, QueryLimits limits) throws Exception {
    try (Connection c = warehouse.openReadOnly();
        Statement s = c.createStatement()) {
      return Warehouse.query(s, sql, limits);
    }
  }

  @Test
  void theCapReadsThatManyRowsAndSaysWhenThereWereMore() throws Exception {
    QueryResult exact = query("SELECT range AS n FROM range(5) ORDER BY n", new QueryLimits(5, 0));
    assertThat(exact.rows()).hasSize(5);
    assertThat(exact.truncated()).isFalse();
    QueryResult more = query("SELECT range AS n FROM range(6) ORDER BY n", new QueryLimits(5, 0));
    assertThat(more.rows()).extracting(r -> r.get(0)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(more.truncated()).isTrue();
    QueryResult all = query("SELECT range AS n FROM range(5000)", QueryLimits.NONE);
    assertThat(all.rows()).hasSize(5000);
    assertThat(all.truncated()).isFalse();
    // A statement without rows is complete, whatever the cap.
    QueryResult none = query("CREATE TEMP TABLE t AS SELECT 1 AS x", new QueryLimits(1, 0));
    assertThat(none.columns()).isEmpty();
    assertThat(none.truncated()).isFalse();
  }

  /**
   * The size cap counts a text's characters, a number 8, a list or struct by what it holds: the
   * rows up to the cap are read, one character more is refused naming the row it reached.
   */
  @Test
  void theSizeCapRefusesAResultHoldingMoreText() throws Exception {
    QueryResult fits =
        query("SELECT repeat('x', 60) AS t FROM range(5)", new QueryLimits(10, 0, 300));
    assertThat(fits.rows()).hasSize(5);
    // 5 rows of 60 characters and a number (8) each: 340
    assertThat(query("SELECT repeat('x', 60), 1 FROM range(5)", new QueryLimits(10, 0, 340)).rows())
        .hasSize(5);
    for (String sql :
        List.of(
            "SELECT repeat('x', 60), 1 FROM range(5)",
            "SELECT [repeat('x', 100), repeat('x', 250)]",
            "SELECT {'a': repeat('x', 339)}",
            "SELECT repeat('x', 100000) AS t FROM range(3)")) {
      assertThatThrownBy(() -> query(sql, new QueryLimits(10, 0, 339)))
          .as(sql)
          .isInstanceOf(HyokaException.class)
          .hasMessageStartingWith("the result holds more than 339 characters of text (at row ")
          .extracting(e -> ((HyokaException) e).code())
          .isEqualTo(ErrorCode.BAD_QUERY);
    }
    // Without a size cap the rows are read whatever their size, as hyoka sql reads them.
    assertThat(query("SELECT repeat('x', 100000) AS t FROM range(3)", QueryLimits.NONE).rows())
        .hasSize(3);
    assertThatThrownBy(() -> new QueryLimits(1, 0, 0))
        .hasMessage("a size cap must be 1 character or more, not 0");
  }

  @Test
  void theTimeLimitStopsAStatementAndSaysSo() throws Exception {
    long started = System.nanoTime();
    assertThatThrownBy(() -> query(SLOW, new QueryLimits(10, 1)))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "the query was stopped after 1 s, its time limit: narrow it (hyoka sql has no time"
                + " limit)")
        .extracting(e -> ((HyokaException) e).code())
        .isEqualTo(ErrorCode.BAD_QUERY);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
  }

  @Test
  void aCancelFromAnotherThreadIsNotTakenForTheTimeLimit() throws Exception {
    try (Connection c = warehouse.openReadOnly();
        Statement s = c.createStatement()) {
      CompletableFuture<QueryResult> running =
          CompletableFuture.supplyAsync(() -> Warehouse.query(s, SLOW, new QueryLimits(10, 600)));
      Thread.sleep(300);
      s.cancel();
      assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS))
          .hasCauseInstanceOf(HyokaException.class)
          .cause()
          .hasMessageContaining("Interrupted")
          .hasMessageNotContaining("time limit");
    }
  }

  @Test
  void theMemoryLimitIsSetWhenOpenedAndCannotBeUndone() throws Exception {
    try (Connection c = warehouse.openReadOnly(FileAccess.NONE, new MemoryLimit("100MB"));
        Statement s = c.createStatement()) {
      assertThat(
              Warehouse.query(s, "SELECT current_setting('memory_limit') AS m", QueryLimits.NONE)
                  .get(0, "m"))
          .isEqualTo("95.3 MiB");
    }
    try (Connection c = warehouse.openReadOnly(FileAccess.NONE, new MemoryLimit("100MB"))) {
      assertThatThrownBy(() -> Warehouse.query(c, "SELECT list(range) FROM range(100000000)"))
          .hasMessageStartingWith("Out of Memory Error");
      assertThatThrownBy(() -> Warehouse.query(c, "SET memory_limit = '10GB'"))
          .hasMessageContaining("the configuration has been locked");
    }
  }

  @Test
  void aBadMemoryLimitIsRefusedWhenMade() {
    assertThatThrownBy(() -> new MemoryLimit("a lot"))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("'a lot' is not a DuckDB memory limit such as 1GB, 512MiB or 25%:")
        .extracting(e -> ((HyokaException) e).code())
        .isEqualTo(ErrorCode.BAD_ARGUMENT);
    assertThatThrownBy(() -> new MemoryLimit("100")).hasMessageContaining("Unknown unit");
    assertThat(new MemoryLimit(" 512MiB ").setting()).isEqualTo("512MiB");
  }
}
