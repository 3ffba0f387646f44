package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the driver and the workers exchange through the staging directory. */
class ManifestTest {
  private static final String SHA = "ab".repeat(32);

  @TempDir Path dir;

  @Test
  void anyFileNameSurvivesTheManifest() throws Exception {
    List<ChangedFile> files =
        List.of(
            new ChangedFile("/d/評価 報告.pdf", "評価 報告.pdf", SHA, "小樽市"),
            new ChangedFile("/d/tab\there.pdf", "tab\there.pdf", SHA, "a\\b"),
            new ChangedFile("/d/line\nbreak.pdf", "line\nbreak.pdf", SHA, "x"),
            // A carriage return once made every run over its folder fail: readAllLines split it.
            new ChangedFile("/d/cr\rname.pdf", "cr\rname.pdf", SHA, "y"),
            new ChangedFile("/d/esc\u001b[0m\u0085\u2028.pdf", "back\\slash\\n.pdf", SHA, "z"),
            new ChangedFile("file:///d/bad%FF.pdf", "bad\ufffd.pdf", SHA, "u"));
    Path manifest = dir.resolve("run/manifest.tsv");
    Manifest.write(manifest, files);

    assertThat(Manifest.read(manifest, null)).isEqualTo(files);
    String written = Files.readString(manifest);
    assertThat(written.split("\n", -1)).hasSize(files.size() + 1);
    assertThat(written).doesNotContain("\r", "\u001b", "\u0085", "\u2028");
  }

  @Test
  void printedNamesHoldNoControlCharacterAndUnescapeExactly() {
    assertThat(Printable.of("評価 報告.pdf")).isEqualTo("評価 報告.pdf");
    assertThat(Printable.of("a\rb\nc\td\\e\u001bf\u007fg\u0085h\u2028i\u202ej.pdf"))
        .isEqualTo("a\\rb\\nc\\td\\\\e\\x1bf\\x7fg\\x85h\\u2028i\\u202ej.pdf");
    for (String s :
        List.of("plain", "a\\nb", "\\", "x\\", "\u0000\u0001\u009f", "\ud800 lone", "-dash")) {
      assertThat(Printable.unescape(Printable.of(s))).isEqualTo(s);
    }
    // A file whose name is not UTF-8 survives as its URI, which keeps its bytes.
    assertThat(ChangedFile.pathOf("file:///d/bad%FF.pdf").toUri().toString())
        .isEqualTo("file:///d/bad%FF.pdf");
  }

  @Test
  void aLineWithoutSeriesTakesTheOptionOrElseTheFolderName() throws Exception {
    Path manifest = dir.resolve("manifest.tsv");
    Files.writeString(manifest, "/data/otaru/h31.pdf\th31.pdf\t" + SHA + "\t\n");

    assertThat(Manifest.read(manifest, null).get(0).series()).isEqualTo("otaru");
    assertThat(Manifest.read(manifest, "sapporo").get(0).series()).isEqualTo("sapporo");
  }

  @Test
  void deadLettersAndSummariesReadBackAsWritten() {
    ChangedFile file = new ChangedFile("/d/scan.pdf", "in/scan.pdf", SHA, "s");
    DeadLetter letter =
        DeadLetter.of(
            file,
            ErrorCode.NO_TEXT_LAYER,
            "in/scan.pdf: no text layer (3 pages, 0 characters): scanned or image-only PDF");
    assertThat(letter.reason())
        .isEqualTo("no text layer (3 pages, 0 characters): scanned or image-only PDF");
    assertThat(letter.line())
        .isEqualTo(
            "rejected in/scan.pdf: no text layer (3 pages, 0 characters): scanned or image-only"
                + " PDF");
    letter.writeTo(dir.resolve("dead-letter"));
    assertThat(DeadLetter.readAll(dir.resolve("dead-letter"))).containsExactly(letter);

    ReportSummary summary =
        new ReportSummary("abababababababab", "評価.pdf", SHA, 2019, 62, 73, 2L, null, 0, 36);
    summary.writeTo(dir.resolve("reports"));
    assertThat(ReportSummary.readAll(dir.resolve("reports"))).containsExactly(summary);
    assertThat(summary.counts())
        .isEqualTo("FY2019, 62 projects, 73 KPI rows, 2 score mismatches, 0 unknown lines");
  }

  @Test
  void aSummaryCountsTheMismatchesOfWhatTheReportPrints(@TempDir Path dir) {
    String other = "cd".repeat(32);
    ReportSummary sheets =
        new ReportSummary("cdcdcdcdcdcdcdcd", "シート.pdf", other, 2018, 62, 73, null, 3L, 5, 73);
    ReportSummary both =
        new ReportSummary("abababababababab", "評価.pdf", SHA, 2019, 1, 2, 1L, 0L, 0, 3);
    sheets.writeTo(dir);
    both.writeTo(dir);
    assertThat(ReportSummary.readAll(dir)).containsExactlyInAnyOrder(sheets, both);
    assertThat(sheets.counts())
        .isEqualTo("FY2018, 62 projects, 73 KPI rows, 3 grade mismatches, 5 unknown lines");
    assertThat(both.counts())
        .isEqualTo(
            "FY2019, 1 projects, 2 KPI rows, 1 score mismatches, 0 grade mismatches,"
                + " 0 unknown lines");
  }
}
