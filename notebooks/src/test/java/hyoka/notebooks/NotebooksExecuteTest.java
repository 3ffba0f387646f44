package hyoka.notebooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every notebook in {@code notebooks/} headless, as CI and a researcher would ({@code jupyter
 * nbconvert --execute} with Debian's Jupyter), on the hyoka kernel started from the test classpath
 * against a data directory holding both sample reports, and checks that no cell failed and that the
 * outputs hold known facts of the reports.
 */
class NotebooksExecuteTest {
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @TempDir static Path tmp;
  private static Path data;
  private static Path jupyterPath;

  /** One executed code cell: its source and the texts of its outputs. */
  record Cell(String source, List<JsonObject> outputs) {
    String text() {
      StringBuilder b = new StringBuilder();
      for (JsonObject o : outputs) {
        if (o.has("data") && o.getAsJsonObject("data").has("text/plain")) {
          b.append(join(o.getAsJsonObject("data").get("text/plain")));
        } else if (o.has("text")) {
          b.append(join(o.get("text")));
        }
      }
      return b.toString();
    }

    String html() {
      StringBuilder b = new StringBuilder();
      for (JsonObject o : outputs) {
        if (o.has("data") && o.getAsJsonObject("data").has("text/html")) {
          b.append(join(o.getAsJsonObject("data").get("text/html")));
        }
      }
      return b.toString();
    }

    byte[] png() {
      for (JsonObject o : outputs) {
        if (o.has("data") && o.getAsJsonObject("data").has("image/png")) {
          return Base64.getDecoder()
              .decode(join(o.getAsJsonObject("data").get("image/png")).strip());
        }
      }
      return null;
    }
  }

  @BeforeAll
  static void setUp() throws Exception {
    if (!Files.isExecutable(JUPYTER)) {
      System.err.println(
          "\n*** NotebooksExecuteTest SKIPPED: "
              + JUPYTER
              + " is missing. Install Debian's Jupyter (apt-get install jupyter-nbconvert"
              + " jupyter-client python3-nbclient; ./run-tests does) to execute the notebooks."
              + " ***\n");
    }
    assumeThat(Files.isExecutable(JUPYTER)).as(JUPYTER + " (Debian's jupyter-nbconvert)").isTrue();
    data = SampleData.shared();
    jupyterPath = tmp.resolve("jupyter");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    KernelSpec.install(
        jupyterPath,
        List.of(
            java,
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            KernelMain.class.getName()));
  }

  @Test
  void overview() throws Exception {
    List<Cell> cells = execute("01-overview");
    assertThat(cell(cells, "count(DISTINCT group_no) AS groups").text())
        .contains("fiscal_year | layout          | projects | groups | departments")
        .contains("2018 | strategy-report |       62 |      4 |")
        .contains("2019 | kpi-sheet       |       62 |      4 |")
        .contains("2019 | strategy-report |       62 |      4 |");
    assertThat(cell(cells, "group_no, group_name").text())
        .contains("2019 |        1 | あずましい暮らしプロジェクト   |       11 |             1 |           11")
        .contains("2019 |        4 | あんしん絆再生プロジェクト     |       14 |            49 |           62");
    assertThat(cell(cells, "FROM reports").text())
        .contains("otaru-sogo-senryaku-h30.pdf")
        .contains("otaru-sogo-senryaku-h31.pdf")
        .contains("otaru-sheets-r01.pdf")
        .contains("3 rows");
    assertThat(cell(cells, "%chart bar x=department").png()).isNotNull();
    // The two published scores that follow no rule (docs/report-format.md) are listed as
    // mismatches.
    assertThat(cell(cells, "score_status = 'mismatch'").text())
        .contains("空き家対策事業")
        .contains("町会加入数")
        .contains("2 rows");
  }

  @Test
  void trends() throws Exception {
    List<Cell> cells = execute("02-trends");
    String series = cell(cells, "WHERE kpi_name = '交通事故件数'\nORDER BY").text();
    assertThat(series)
        .contains("2014 |      213 |   NULL |   NULL | 213件")
        .contains("2019 |     NULL |    173 |    180 | 173件")
        .contains("6 rows");
    Cell chart = cell(cells, "%chart line x=fiscal_year y=value,target");
    assertThat(chart.text()).contains("2 series, 12 points");
    assertThat(chart.png()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(cell(cells, "y=progress").text()).contains("5 series").contains("交通事故件数");
    assertThat(cell(cells, "score_change\n").text()).contains("交通事故件数").contains("121.21");
  }

  @Test
  void grades() throws Exception {
    List<Cell> cells = execute("04-grades");
    assertThat(cell(cells, "FROM current_reports").text())
        .contains("otaru-sheets-r01.pdf")
        .contains("評価基準：Ａ＝達成率100％以上")
        .contains("1 row");
    // the 73 KPIs of the FY2019 sheets by printed grade; D is the most frequent
    String perGrade = cell(cells, "sum(count(*)) OVER").text();
    assertThat(perGrade).contains("fiscal_year | grade | kpis | pct").contains("5 rows");
    assertThat(perGrade).containsPattern("2019 \\| D +\\| +32 \\|");
    assertThat(cell(cells, "%chart bar x=grade").png()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(cell(cells, "AS no_actual").text())
        .contains("産業港湾部")
        .contains("建設部")
        .contains("11 rows");
    assertThat(cell(cells, "%chart bar x=department").png()).isNotNull();
    // the three printed grades the legend does not give, beside the report's score
    assertThat(cell(cells, "grade_status = 'mismatch'").text())
        .contains("参加企業数")
        .contains("地域版介護予防教室延べ参加者数")
        .contains("普通救命講習会")
        .contains("3 rows");
    assertThat(cell(cells, "achievement_is_score").text()).contains("achievement_is_score");
    assertThat(cell(cells, "%search --grade D").text())
        .contains("effect_factors")
        .contains("D (")
        .contains("by grade: D");
  }

  @Test
  void commentary() throws Exception {
    List<Cell> cells = execute("03-commentary");
    Cell snow = cell(cells, "%search --limit 5 除雪");
    assertThat(snow.text()).contains("|          8 | 除雪事業     | 建設部").contains("texts match");
    assertThat(snow.html()).contains("<mark>除雪</mark>");
    assertThat(cell(cells, "%search コロナ").text()).contains("新型").contains("コロナ");
    assertThat(cell(cells, "FROM search('高齢者') s").text()).contains("交通事故件数");
    assertThat(cell(cells, "%chart bar x=department y=projects series=term").png()).isNotNull();
  }

  private static List<Cell> execute(String name) throws Exception {
    Path src = Path.of(name + ".ipynb");
    assertThat(src).as("run from the notebooks module folder").exists();
    Path dir = Files.createDirectories(tmp.resolve("run-" + name));
    Files.copy(src, dir.resolve(name + ".ipynb"));
    ProcessBuilder pb =
        new ProcessBuilder(
            JUPYTER.toString(),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--allow-errors",
            "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
            "--ExecutePreprocessor.timeout=120",
            "--output",
            "executed.ipynb",
            name + ".ipynb");
    pb.directory(dir.toFile());
    pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
    pb.environment().put(DataDirs.ENV, data.toString());
    File log = dir.resolve("nbconvert.log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("nbconvert finished").isTrue();
    assertThat(p.exitValue())
        .as("nbconvert exit code; log:\n%s", Files.readString(log.toPath(), UTF_8))
        .isZero();
    JsonObject nb =
        JsonParser.parseString(Files.readString(dir.resolve("executed.ipynb"), UTF_8))
            .getAsJsonObject();
    List<Cell> cells = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonElement e : nb.getAsJsonArray("cells")) {
      JsonObject c = e.getAsJsonObject();
      if (!c.get("cell_type").getAsString().equals("code")) {
        continue;
      }
      List<JsonObject> outputs = new ArrayList<>();
      for (JsonElement o : c.getAsJsonArray("outputs")) {
        JsonObject out = o.getAsJsonObject();
        outputs.add(out);
        if (out.get("output_type").getAsString().equals("error")) {
          errors.add(
              join(c.get("source"))
                  + "\n  → "
                  + out.get("ename").getAsString()
                  + ": "
                  + out.get("evalue").getAsString());
        }
      }
      cells.add(new Cell(join(c.get("source")), outputs));
    }
    assertThat(errors).as("cells of %s that failed", name).isEmpty();
    assertThat(cells)
        .allSatisfy(c -> assertThat(c.outputs()).as("outputs of %s", c.source()).isNotEmpty());
    assertThat(cell(cells, "%data").text())
        .contains("warehouse: warehouse.duckdb")
        .contains("search index: index/");
    return cells;
  }

  private static Cell cell(List<Cell> cells, String sourcePart) {
    List<Cell> found = cells.stream().filter(c -> c.source().contains(sourcePart)).toList();
    assertThat(found).as("cells containing %s", sourcePart).isNotEmpty();
    return found.get(0);
  }

  private static String join(JsonElement e) {
    if (e.isJsonArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonElement x : (JsonArray) e) {
        b.append(x.getAsString());
      }
      return b.toString();
    }
    return e.getAsString();
  }
}
