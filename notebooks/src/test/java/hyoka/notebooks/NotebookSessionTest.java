package hyoka.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells evaluated without Jupyter, on a small warehouse holding one real KPI of the H31 report. */
class NotebookSessionTest {
  @TempDir Path tmp;
  private Path data;
  private NotebookSession session;

  @BeforeEach
  void setUp() throws Exception {
    data = TestWarehouse.create(Files.createDirectories(tmp.resolve("hyoka-data")));
    Files.createDirectories(tmp.resolve("notebooks"));
    session = new NotebookSession(data, tmp.resolve("notebooks"));
  }

  @Test
  void sqlCellGivesAlignedTextAndAnHtmlTable() {
    CellOutput out =
        session.eval(
            "SELECT kpi_name, fiscal_year, value FROM kpi_series WHERE fiscal_year >= 2018 ORDER BY"
                + " 2, 3");
    // 交通事故件数 is six wide characters: twelve terminal columns.
    assertThat(out.text())
        .isEqualTo(
            "kpi_name     | fiscal_year | value\n"
                + "-------------+-------------+------\n"
                + "交通事故件数 |        2018 |   220\n"
                + "交通事故件数 |        2019 |   173\n"
                + "交通事故件数 |        2019 |   180\n"
                + "3 rows\n");
    assertThat(out.html())
        .contains("<th>kpi_name</th><th>fiscal_year</th><th>value</th>")
        .contains(
            "<td style=\"text-align:left\">交通事故件数</td><td style=\"text-align:right\">2018</td>")
        .endsWith("<p>3 rows</p>");
    assertThat(out.png()).isNull();
  }

  @Test
  void nullsShowAsNullAndHtmlIsEscaped() {
    CellOutput out = session.eval("SELECT NULL AS note, '<b>&' AS text");
    assertThat(out.text()).contains("NULL | <b>&");
    assertThat(out.html()).contains(">NULL</td>").contains("&lt;b&gt;&amp;").doesNotContain("<b>&");
  }

  @Test
  void aBlobShowsAsDuckDbPrintsIt() {
    CellOutput out = session.eval("SELECT 'a\\x00'::BLOB AS b");
    assertThat(out.text()).contains("a\\x00").doesNotContain("DuckDBBlobResult");
  }

  @Test
  void longResultsShowTheFirstHundredRowsAndSaySo() {
    CellOutput out = session.eval("SELECT range AS i FROM range(250)");
    assertThat(out.text())
        .endsWith("250 rows, first 100 shown\n")
        .contains("\n99\n")
        .doesNotContain("\n100\n");
    assertThat(out.html()).endsWith("<p>250 rows, first 100 shown</p>");
  }

  @Test
  void resultsBeyondTenThousandRowsAreCutAndSaySo() {
    CellOutput out = session.eval("SELECT range AS i FROM range(10005)");
    assertThat(out.text())
        .endsWith("more than 10000 rows (only the first 10000 were read), first 100 shown\n");
  }

  @Test
  void longTextIsCutInTheTextTableButNotInHtml() {
    String longText = "交通事故".repeat(20);
    CellOutput out = session.eval("SELECT '" + longText + "' AS t");
    assertThat(out.text()).contains("交通事故交通事故").contains("…").doesNotContain(longText);
    assertThat(out.html()).contains(longText);
  }

  @Test
  void blankCellShowsNothing() {
    assertThat(session.eval("  \n\n ")).isNull();
  }

  @Test
  void badSqlIsAnSqlErrorWithDuckDbsText() {
    assertThatThrownBy(() -> session.eval("SELEC 1"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("Parser Error: syntax error at or near \"SELEC\"");
  }

  @Test
  void warehouseIsReadOnly() {
    assertThatThrownBy(() -> session.eval("DELETE FROM kpi_series"))
        .isInstanceOf(SqlError.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void dataMagicShowsAndChangesTheDirectory() throws Exception {
    assertThat(session.eval("%data").text())
        .isEqualTo(
            "data directory: ../hyoka-data\nwarehouse: warehouse.duckdb\nsearch index: missing\n");

    Path other = TestWarehouse.create(Files.createDirectories(tmp.resolve("other")));
    assertThat(session.eval("%data ../other").text()).startsWith("data directory: ../other\n");
    assertThat(session.dataDir()).isEqualTo(other);
  }

  @Test
  void dataMagicRefusesADirectoryWithoutWarehouseAndKeepsTheOldOne() {
    assertThatThrownBy(() -> session.eval("%data ../nowhere"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith(
            "no warehouse in ../nowhere: run ./hyoka ingest --data DIR samples/ first");
    assertThat(session.dataDir()).isEqualTo(data);
  }

  @Test
  void initialDataDirIsTheEnvironmentsElseTheDefaultFoundUpward() {
    Path notebooks = tmp.resolve("notebooks");
    assertThat(DataDirs.initial(Map.of(), Path.of("hyoka-data"), notebooks)).isEqualTo(data);
    assertThat(DataDirs.initial(Map.of("HYOKA_DATA", "/x/y"), Path.of("hyoka-data"), notebooks))
        .isEqualTo(Path.of("/x/y"));
    // Nothing found upward: the default under the notebook's folder, so %data names it.
    assertThat(DataDirs.initial(Map.of(), Path.of("absent"), notebooks))
        .isEqualTo(notebooks.resolve("absent"));
  }

  @Test
  void chartMagicDrawsAQueryBelowItAsPng() throws Exception {
    CellOutput out =
        session.eval(
            "%chart line x=fiscal_year y=value series=kind width=640 height=360\n"
                + "SELECT fiscal_year, kind, value FROM kpi_series ORDER BY fiscal_year");
    assertThat(out.text())
        .isEqualTo("line chart: x=fiscal_year, 3 series, 7 points: baseline; actual; target");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.png()));
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(360);
    // The lines are drawn: the first series' colour (0072B2) is in the picture.
    boolean drawn = false;
    for (int x = 0; x < img.getWidth() && !drawn; x++) {
      for (int y = 0; y < img.getHeight() && !drawn; y++) {
        drawn = (img.getRGB(x, y) & 0xFFFFFF) == 0x0072B2;
      }
    }
    assertThat(drawn).isTrue();
    assertThat(out.html()).isNull();
  }

  /**
   * A chart is encoded in memory: through ImageIO's cache file in java.io.tmpdir (strace of a
   * notebook run: /tmp/imageio*.tmp for every chart) it failed where that directory cannot be
   * written, here one that is gone.
   */
  @Test
  void aChartIsDrawnWithoutATemporaryFile() throws Exception {
    Path gone = Files.createDirectory(tmp.resolve("imageio-cache"));
    ImageIO.setCacheDirectory(gone.toFile());
    CellOutput out;
    try {
      Files.delete(gone);
      out =
          session.eval(
              "%chart line x=fiscal_year y=value series=kind width=320 height=200\n"
                  + "SELECT fiscal_year, kind, value FROM kpi_series ORDER BY fiscal_year");
      assertThat(Files.exists(gone)).isFalse();
    } finally {
      ImageIO.setCacheDirectory(null);
    }
    // (read back once the cache is ImageIO's own again: reading through it would fail too)
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.png()));
    assertThat(img.getWidth()).isEqualTo(320);
    assertThat(img.getHeight()).isEqualTo(200);
  }

  @Test
  void chartMagicWithoutQueryDrawsThePreviousResult() {
    session.eval("SELECT kind, count(*) AS n FROM kpi_series GROUP BY kind ORDER BY kind");
    assertThat(session.eval("%chart bar").text())
        .isEqualTo("bar chart: x=kind, 1 series, 3 points: n");
  }

  @Test
  void chartErrorsNameTheProblem() {
    assertThatThrownBy(() -> session.eval("%chart line"))
        .isInstanceOf(UsageError.class)
        .hasMessage(
            "%chart: no previous result to draw; run a query first or put one under %chart");
    session.eval("SELECT fiscal_year, value FROM kpi_series");
    assertThatThrownBy(() -> session.eval("%chart line y=score"))
        .isInstanceOf(UsageError.class)
        .hasMessage("%chart: no column score in the result; columns: fiscal_year, value");
    assertThatThrownBy(() -> session.eval("%chart pie"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("%chart: unknown chart kind pie. Usage: %chart line|bar");
    assertThatThrownBy(() -> session.eval("%chart line title=\"unclosed"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("unclosed \" in:");
  }

  @Test
  void unknownMagicListsTheMagics() {
    assertThatThrownBy(() -> session.eval("%sql SELECT 1"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("unknown magic %sql\n")
        .hasMessageContaining("%data [DIR]")
        .hasMessageContaining("%chart line|bar");
  }

  @Test
  void completesMagicsAndWarehouseNames() {
    NotebookSession.Completion magic = session.complete("%se", 3);
    assertThat(magic.matches()).containsExactly("%search");
    assertThat(magic.start()).isZero();
    assertThat(magic.end()).isEqualTo(3);

    NotebookSession.Completion table = session.complete("SELECT * FROM KPI_s", 19);
    assertThat(table.matches()).containsExactly("kpi_series");
    assertThat(table.start()).isEqualTo(14);

    assertThat(session.complete("SELECT fiscal_y", 15).matches()).containsExactly("fiscal_year");
    // Temporary tables of the notebook complete too.
    session.eval("CREATE TEMP VIEW kpi_shortlist AS SELECT 1 AS x");
    assertThat(session.complete("FROM kpi_s", 10).matches())
        .containsExactly("kpi_series", "kpi_shortlist");
    assertThat(session.complete("SELECT 1 %da", 12).matches()).isEmpty();
  }

  @Test
  void temporaryTablesLastAcrossCellsUntilTheWarehouseIsReplaced() throws Exception {
    session.eval("CREATE TEMP TABLE picked AS SELECT * FROM kpi_series WHERE kind = 'actual'");
    assertThat(session.eval("SELECT count(*) AS n FROM picked").text())
        .isEqualTo("n\n-\n5\n1 row\n");

    // A publish renames a new file over the warehouse: the next cell reads the new one.
    Path fresh = TestWarehouse.create(Files.createDirectories(tmp.resolve("fresh")));
    Files.move(
        fresh.resolve("warehouse.duckdb"),
        data.resolve("warehouse.duckdb"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThatThrownBy(() -> session.eval("SELECT count(*) FROM picked"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("Catalog Error: Table with name picked does not exist");
    assertThat(session.eval("SELECT count(*) AS n FROM kpi_series").text()).contains("7");
  }
}
