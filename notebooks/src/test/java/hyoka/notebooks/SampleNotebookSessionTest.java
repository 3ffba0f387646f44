package hyoka.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cells on the ingested sample reports: search in SQL and as a magic, with the real index. */
class SampleNotebookSessionTest {
  private NotebookSession session;

  @BeforeEach
  void setUp() {
    Path data = SampleData.shared();
    session = new NotebookSession(data, data.getParent());
  }

  @AfterEach
  void tearDown() {
    session.close();
  }

  @Test
  void searchMagicShowsHitsWithScoresAndFacets() {
    CellOutput out = session.eval("%search --year 2019 --limit 3 除雪");
    assertThat(out.text())
        .startsWith("rank | fiscal_year | project_no | project_name | department | kind")
        .contains("|        2019 |          8 | 除雪事業     | 建設部")
        .contains("市民の声「除雪依頼」件数 100")
        .contains("3 rows\n")
        .containsPattern("\\d+ texts match\nby department: 建設部 \\d+");
    assertThat(out.html()).contains("<mark>除雪</mark>").contains("texts match<br>by department:");
    // The hits are the cell's result: %chart can draw them.
    assertThat(session.eval("%chart bar x=kind y=page").text())
        .startsWith("bar chart: x=kind, 1 series");
  }

  @Test
  void searchInSqlJoinsTheWarehouseAndLeavesNoTablesBehind() {
    CellOutput out =
        session.eval(
            "SELECT DISTINCT s.project_no, k.name, k.baseline, k.actual, k.target"
                + " FROM search('交通事故') s JOIN current_kpis k USING (report_id, project_no)"
                + " WHERE s.fiscal_year = 2019 AND k.name = '交通事故件数'");
    assertThat(out.text()).contains("6 | 交通事故件数 |      213 |    173 |    180").contains("1 row");
    assertThat(session.eval("SELECT count(*) AS n FROM duckdb_tables() WHERE temporary").text())
        .isEqualTo("n\n-\n0\n1 row\n");
  }

  @Test
  void badSearchOptionsAreUsageErrors() {
    assertThatThrownBy(() -> session.eval("%search --year twenty 除雪"))
        .isInstanceOf(UsageError.class)
        .hasMessage("%search: --year needs a whole number, got twenty");
    assertThatThrownBy(() -> session.eval("%search --kind"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("%search: --kind needs a value. Usage: %search [--limit N]");
    assertThatThrownBy(() -> session.eval("%search --limit 3"))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("%search: no query words.");
  }
}
