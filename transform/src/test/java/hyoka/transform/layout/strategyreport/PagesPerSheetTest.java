package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The samples as a file that prints two (or three) of the report's pages on each of its pages, as
 * Tika reads such a page: the first printed page's text, then the next one's (PdfExtractorTest
 * makes real 2-up PDFs of the samples and checks the same). Every page of the file is cut into the
 * report's pages by their heads and markers (VirtualPages), and the parse is the one-up parse, each
 * value on the page of the file that prints it: page n of the report on page (n + k - 1) / k.
 * Before, h31 read as 18 pages gave 33 of its 62 projects and 40 of its 73 KPIs.
 */
class PagesPerSheetTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();
  private static final Pattern PAGE = Pattern.compile("(?<= p)(\\d+)(?= |$)");

  @Test
  void pagesPrintedTwoOrThreeToAPageAreReadAsTheReportsPagesOnTheFilesPages() {
    for (String sample : List.of("h31", "h30")) {
      List<String> pages = Fixtures.text(sample).pages();
      ParsedReport oneUp = PARSER.parse(new ReportText(sample + ".pdf", pages));
      assertThat(oneUp.projects()).as(sample).hasSize(62);
      for (int perPage = 2; perPage <= 3; perPage++) {
        List<String> joined = new ArrayList<>();
        for (int p = 0; p < pages.size(); p += perPage) {
          joined.add(String.join("\n", pages.subList(p, Math.min(p + perPage, pages.size()))));
        }
        ParsedReport r = PARSER.parse(new ReportText(sample + ".pdf", joined));
        String as = sample + " " + perPage + "-up";
        assertThat(r.pageCount()).as(as).isEqualTo(joined.size());
        assertThat(Semantics.of(r)).as(as).isEqualTo(onFilePages(Semantics.of(oneUp), perPage));
      }
    }
  }

  @Test
  void aPageOfTheSamplesIsOnePageOfTheReport() {
    // the cut finds no second page on any page of the one-up samples: their parse is unchanged
    LineClassifier classifier = new LineClassifier();
    for (String sample : List.of("h31", "h30")) {
      List<List<Line>> pages = new ArrayList<>();
      List<String> text = Fixtures.text(sample).pages();
      for (int p = 0; p < text.size(); p++) {
        List<String> raw = ReportText.lines(text.get(p));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
          lines.add(classifier.classify(p + 1, i + 1, raw.get(i)));
        }
        pages.add(lines);
      }
      PhysicalPages cut = PhysicalPages.of(pages);
      assertThat(cut.physical()).as(sample).isNull();
      assertThat(cut.pages()).as(sample).isSameAs(pages);
    }
  }

  @Test
  void theFilesPagesInReverseEachPrintingTwoAreReadInTheProjectsOrder() {
    List<String> pages = Fixtures.text("h31").pages();
    ParsedReport oneUp = PARSER.parse(new ReportText("h31.pdf", pages));
    List<String> joined = new ArrayList<>();
    for (int p = pages.size() - 2; p >= 0; p -= 2) {
      joined.add(pages.get(p) + "\n" + pages.get(p + 1));
    }
    ParsedReport r = PARSER.parse(new ReportText("h31.pdf", joined));
    assertThat(r.pageCount()).isEqualTo(18);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(r.unknownResidue()).isEqualTo(oneUp.unknownResidue()).isEqualTo(3);
    // the sample's page n is the file's page 18 - (n - 1) / 2
    assertThat(r.projects())
        .extracting(p -> p.projectNo() + " p" + p.page())
        .isEqualTo(
            oneUp.projects().stream()
                .map(p -> p.projectNo() + " p" + (18 - (p.page() - 1) / 2))
                .toList());
  }

  @Test
  void aRejectionNamesThePageOfTheFile() {
    // the file's pages in reverse, each printing two of the sample's; the sample's page 3 (on the
    // file's page 17 with page 4) without its only N ＜部 line: nothing tells where it goes
    List<String> pages = Fixtures.text("h31").pages();
    List<String> joined = new ArrayList<>();
    for (int p = pages.size() - 2; p >= 0; p -= 2) {
      joined.add(pages.get(p) + "\n" + pages.get(p + 1));
    }
    String sheet = joined.get(16);
    assertThat(sheet).contains("\n6 ＜生活環境部\n");
    joined.set(16, sheet.replace("\n6 ＜生活環境部\n", "\n"));
    assertThatThrownBy(() -> PARSER.parse(new ReportText("h31.pdf", joined)))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "h31.pdf: the pages are out of order (their project numbers go back), and page 17"
                + " prints no project number (N ＜部) to tell where it goes");
  }

  /** The one-up semantics with each page n written as the file's page (n + k - 1) / k. */
  private static List<String> onFilePages(List<String> semantics, int k) {
    List<String> out = new ArrayList<>();
    for (String l : semantics) {
      if (l.startsWith("report ")) {
        l = l.replaceFirst(" pages=(\\d+)", " pages=" + (36 + k - 1) / k);
      }
      Matcher m = PAGE.matcher(l);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, String.valueOf((Integer.parseInt(m.group(1)) + k - 1) / k));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }
}
