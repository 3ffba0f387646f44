package hyoka.ingest;

import static hyoka.ingest.ReparseTest.ingest;
import static hyoka.ingest.ReparseTest.reportId;
import static hyoka.ingest.ReparseTest.sql;
import static hyoka.ingest.ReparseTest.tamper;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.ReparseTest.Run;
import hyoka.search.SearchHit;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.SearchSnapshot;
import hyoka.transform.Fixtures;
import hyoka.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-parse after an upgrade that reads a held report as another fiscal year, in a run that also
 * adds a new file of the year the report leaves or enters: the new file's line names the report it
 * superseded in the warehouse the run published, the chains of both years are rebuilt, and the
 * index sees as current what the warehouse does. The old parser's misread year is stood in for by
 * the held row changed behind hyoka's back, its supersession set as that parser's publish would
 * have set it; the upgrade by the version the run reads as.
 */
class ReparseYearTest {
  @TempDir Path dir;

  /**
   * v1 read the FY2018 report as FY2019, so it superseded the FY2019 report. v2 reads it as FY2018
   * again, in a run with a revised FY2019 report: that one supersedes the FY2019 report, not the
   * re-parsed one, which has left the year.
   */
  @Test
  void aReparseLeavingTheYearOfANewFileLeavesThatFileTheReportItReallySupersedes()
      throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("otaru-h31.pdf"));
    Path fixed = revised(h31, otaru.resolve("otaru-h31-revised.pdf"));
    Path data = dir.resolve("data");
    String h30Id = reportId(h30);
    String h31Id = reportId(h31);
    String fixedId = reportId(fixed);

    String c31 = counts(ingest(data, "v1", "otaru", h31), h31);
    String c30 = counts(ingest(data, "v1", "otaru", h30), h30);
    assertThat(c31).startsWith("FY2019, ");
    assertThat(c30).startsWith("FY2018, ");
    tamper(
        data,
        "UPDATE reports SET fiscal_year = 2019 WHERE report_id = '" + h30Id + "'",
        "UPDATE reports SET superseded_by = '" + h30Id + "' WHERE report_id = '" + h31Id + "'");
    StagingDir.deleteTree(data.resolve("index"));
    assertThat(ingest(data, "v1", null, h30).lines().get(0)).startsWith("repairing search index");
    assertThat(searchedCurrent(data)).containsExactly(Map.entry(h30Id, 2019));

    Run upgraded = ingest(data, "v2", "otaru", h30, fixed);

    assertStreamedAsDecided(upgraded);
    assertThat(upgraded.lines())
        .containsExactly(
            "reparsed " + h30 + " (made by another hyoka version; " + c30 + ")",
            "superseded " + h31 + " by " + fixed + " (" + c31 + ")",
            upgraded.summary().line());
    assertThat(upgraded.summary().line())
        .startsWith("2 files: 1 added (1 superseding), 1 reparsed, 0 unchanged, 0 duplicates,");
    assertThat(chains(data))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                h30Id, "FY2018 current",
                h31Id, "FY2019 superseded by " + fixedId,
                fixedId, "FY2019 current"));
    assertThat(sql(data, "SELECT files_superseded FROM runs WHERE run_id = 3")).isEqualTo(1);
    assertThat(sql(data, "SELECT count(*) FROM supersession_losses")).isZero();
    assertThat(Agreement.assertAgree(data)).hasSize(3);
    assertThat(searchedCurrent(data))
        .containsExactlyInAnyOrderEntriesOf(Map.of(h30Id, 2018, fixedId, 2019));
  }

  /**
   * v1 read the FY2018 report as FY2017. v2 reads it as FY2018 again, in a run with a revised
   * FY2018 report that sorts before it: the revised one supersedes the re-parsed one, which came in
   * earlier, though no FY2018 report was current when the run began.
   */
  @Test
  void aReparseEnteringTheYearOfANewFileIsTheReportThatFileSupersedes() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-h30.pdf"));
    Path fixed = revised(h30, otaru.resolve("otaru-h30-revised.pdf"));
    Path data = dir.resolve("data");
    String h30Id = reportId(h30);
    String fixedId = reportId(fixed);

    String c30 = heldAsYear(data, h30, 2017);
    assertThat(c30).startsWith("FY2018, ");
    assertThat(searchedCurrent(data)).containsExactly(Map.entry(h30Id, 2017));

    // the revised file comes first, and the publish places it first too (by file name)
    Run upgraded = ingest(data, "v2", "otaru", fixed, h30);

    assertStreamedAsDecided(upgraded);
    assertThat(upgraded.lines())
        .containsExactly(
            "superseded " + h30 + " by " + fixed + " (" + c30 + ")",
            "reparsed " + h30 + " (made by another hyoka version; " + c30 + ")",
            upgraded.summary().line());
    assertThat(upgraded.summary().line())
        .startsWith("2 files: 1 added (1 superseding), 1 reparsed, 0 unchanged, 0 duplicates,");
    assertThat(chains(data))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(h30Id, "FY2018 superseded by " + fixedId, fixedId, "FY2018 current"));
    assertThat(sql(data, "SELECT files_superseded FROM runs WHERE run_id = 2")).isEqualTo(1);
    assertThat(Agreement.assertAgree(data)).hasSize(2);
    assertThat(searchedCurrent(data)).containsExactly(Map.entry(fixedId, 2018));
  }

  /**
   * v1 read the FY2018 report as FY2017; a revised FY2018 report came in later and is current for
   * FY2018. v2 re-parses the first alone: it enters FY2018 behind the revised one, which came in
   * later, so it is the superseded one, and the current report stays the revised one.
   */
  @Test
  void aReparseEnteringAYearWhoseReportCameInLaterIsSupersededByIt() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-h30.pdf"));
    Path fixed = revised(h30, otaru.resolve("otaru-h30-revised.pdf"));
    Path data = dir.resolve("data");
    String h30Id = reportId(h30);
    String fixedId = reportId(fixed);

    String c30 = heldAsYear(data, h30, 2017);
    Run added = ingest(data, "v2", "otaru", fixed);
    assertThat(added.lines().get(0)).isEqualTo("added " + fixed + " (" + c30 + ")");
    assertThat(chains(data))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(h30Id, "FY2017 current", fixedId, "FY2018 current"));

    Run upgraded = ingest(data, "v2", "otaru", h30);

    assertStreamedAsDecided(upgraded);
    assertThat(upgraded.lines())
        .containsExactly(
            "reparsed " + h30 + " (made by another hyoka version; " + c30 + ")",
            upgraded.summary().line());
    assertThat(upgraded.summary().line())
        .startsWith("1 file: 0 added (0 superseding), 1 reparsed, 0 unchanged, 0 duplicates,");
    assertThat(chains(data))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(h30Id, "FY2018 superseded by " + fixedId, fixedId, "FY2018 current"));
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE fiscal_year = 2017")).isZero();
    assertThat(Agreement.assertAgree(data)).hasSize(2);
    assertThat(searchedCurrent(data)).containsExactly(Map.entry(fixedId, 2018));
  }

  /** The plain case: the re-parse reads the year it had, and the new file supersedes it. */
  @Test
  void aReparseKeepingItsYearIsSupersededByTheNewFileOfThatYear() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("otaru-h31.pdf"));
    Path fixed = revised(h31, otaru.resolve("otaru-h31-revised.pdf"));
    Path data = dir.resolve("data");
    String h31Id = reportId(h31);
    String fixedId = reportId(fixed);
    String c31 = counts(ingest(data, "v1", "otaru", h31), h31);

    Run upgraded = ingest(data, "v2", "otaru", h31, fixed);

    assertStreamedAsDecided(upgraded);
    assertThat(upgraded.lines())
        .containsExactly(
            "reparsed " + h31 + " (made by another hyoka version; " + c31 + ")",
            "superseded " + h31 + " by " + fixed + " (" + c31 + ")",
            upgraded.summary().line());
    assertThat(chains(data))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(h31Id, "FY2019 superseded by " + fixedId, fixedId, "FY2019 current"));
    assertThat(sql(data, "SELECT files_superseded FROM runs WHERE run_id = 2")).isEqualTo(1);
    assertThat(Agreement.assertAgree(data)).hasSize(2);
    assertThat(searchedCurrent(data)).containsExactly(Map.entry(fixedId, 2019));
  }

  /**
   * The lines printed while the run went (each as soon as it was final) are the lines of the
   * outcomes the end of the run decided.
   */
  private static void assertStreamedAsDecided(Run run) {
    List<String> decided = run.summary().files().stream().map(FileOutcome::line).toList();
    assertThat(run.lines().subList(0, run.lines().size() - 1)).isEqualTo(decided);
  }

  /**
   * Ingests {@code pdf} as v1 and has the warehouse hold its report as of {@code year}, as a v1
   * that misread the year would have, with the index rebuilt to match.
   *
   * @return the counts of the file's line in that first run
   */
  private static String heldAsYear(Path data, Path pdf, int year) throws Exception {
    String counts = counts(ingest(data, "v1", "otaru", pdf), pdf);
    tamper(
        data,
        "UPDATE reports SET fiscal_year = " + year + " WHERE report_id = '" + reportId(pdf) + "'");
    StagingDir.deleteTree(data.resolve("index"));
    assertThat(ingest(data, "v1", null, pdf).lines().get(0)).startsWith("repairing search index");
    return counts;
  }

  /** A copy of {@code pdf} with a comment appended: other content, the same report. */
  private static Path revised(Path pdf, Path to) throws Exception {
    byte[] bytes = Files.readAllBytes(pdf);
    byte[] comment = "% revised.\n".getBytes(StandardCharsets.US_ASCII);
    byte[] revised = Arrays.copyOf(bytes, bytes.length + comment.length);
    System.arraycopy(comment, 0, revised, bytes.length, comment.length);
    return Files.write(to, revised);
  }

  /** The counts the run's line of {@code file} gave ({@code FY2019, 62 projects, …}). */
  private static String counts(Run run, Path file) {
    return run.summary().files().stream()
        .filter(o -> o.file().equals(file.toString()))
        .findFirst()
        .orElseThrow()
        .report()
        .counts();
  }

  /** report_id → its fiscal year and what supersedes it, from the warehouse. */
  private static Map<String, String> chains(Path data) {
    Map<String, String> out = new TreeMap<>();
    for (List<Object> r :
        new Warehouse(data)
            .query("SELECT report_id, fiscal_year, superseded_by FROM reports")
            .rows()) {
      out.put(
          (String) r.get(0),
          "FY" + r.get(1) + (r.get(2) == null ? " current" : " superseded by " + r.get(2)));
    }
    return out;
  }

  /** report_id → fiscal year of every report whose texts hyoka search finds as current. */
  private static Map<String, Integer> searchedCurrent(Path data) throws Exception {
    try (SearchSnapshot s =
        SearchSnapshot.open(new Warehouse(data)::openReadOnly, data.resolve("index"))) {
      SearchResponse r = s.search(SearchRequest.of("除雪").withLimit(10_000).withSnippets(false));
      assertThat(r.hits()).hasSize((int) r.total()).isNotEmpty();
      Map<String, Integer> out = new TreeMap<>();
      for (SearchHit h : r.hits()) {
        assertThat(h.supersededBy()).isNull();
        out.put(h.reportId(), h.fiscalYear());
      }
      return out;
    }
  }
}
