package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 sample with its pages out of order or repeated, as a PDF tool can make it (found by
 * hand with PDFBox copies, docs/reliability.md). Pages swapped or reversed are read in the order of
 * their project numbers and give exactly the sample's parse, each value on the page the file prints
 * it on; before, heads and narrative blocks were paired by position, so projects took their
 * neighbours' names, and KPI rows lost name and actual, stored as `not_printed` (4 rows swapped, 63
 * reversed). A file that holds the report twice is rejected (before: 124 projects, 73 rows without
 * names and actuals).
 */
class PageOrderVariantsTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();
  private static final Pattern PAGE = Pattern.compile("(?<= p)(\\d+)(?= |$)");
  private static List<String> h31Pages;
  private static List<String> h31;

  @BeforeAll
  static void parseOriginal() {
    h31Pages = Fixtures.text("h31").pages();
    h31 = Semantics.of(PARSER.parse(new ReportText("h31.pdf", h31Pages)));
  }

  /** The sample's pages in the order {@code order} (0-based indexes of the sample's pages). */
  private static ReportText inOrder(List<Integer> order) {
    return new ReportText("h31.pdf", order.stream().map(h31Pages::get).toList());
  }

  /**
   * The semantics of a parse of the pages in {@code order}, each page number put back to the
   * sample's page the file's page is, residue lines sorted (the ledger lists them by file page).
   */
  private static List<String> asSample(ParsedReport r, List<Integer> order) {
    List<String> data = new ArrayList<>();
    List<String> residue = new ArrayList<>();
    for (String l : Semantics.of(r)) {
      Matcher m = PAGE.matcher(l);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        int filePage = Integer.parseInt(m.group(1));
        m.appendReplacement(b, String.valueOf(order.get(filePage - 1) + 1));
      }
      m.appendTail(b);
      (l.startsWith("R ") ? residue : data).add(b.toString());
    }
    Collections.sort(residue);
    data.addAll(residue);
    return data;
  }

  private static List<String> sampleSorted() {
    List<String> data = new ArrayList<>(h31.stream().filter(l -> !l.startsWith("R ")).toList());
    List<String> residue = new ArrayList<>(h31.stream().filter(l -> l.startsWith("R ")).toList());
    Collections.sort(residue);
    data.addAll(residue);
    return data;
  }

  private static List<Integer> identity() {
    return new ArrayList<>(IntStream.range(0, h31Pages.size()).boxed().toList());
  }

  @Test
  void pagesFiveAndSixSwappedReadAsTheSample() {
    List<Integer> order = identity();
    Collections.swap(order, 4, 5);
    ParsedReport r = PARSER.parse(inOrder(order));

    assertThat(asSample(r, order)).containsExactlyElementsOf(sampleSorted());
    assertThat(r.projects()).hasSize(62);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(r.unknownResidue()).isEqualTo(3);
    // P8 and P9 are each on the page the file prints them on, with their own names and actuals
    assertThat(r.projects().get(7).name()).isEqualTo("除雪事業");
    assertThat(r.projects().get(7).page()).isEqualTo(6);
    assertThat(r.projects().get(8).name()).isEqualTo("街路防犯灯LED化推進事業");
    assertThat(r.projects().get(8).page()).isEqualTo(5);
    assertThat(r.projects().get(7).kpis())
        .extracting(k -> k.name(), k -> k.actual().printed())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("市民の声「除雪依頼」件数", "185件"),
            org.assertj.core.groups.Tuple.tuple("市民の声「排雪依頼」件数", "148件"));
  }

  @Test
  void everyTwoNeighbouringPagesSwappedReadAsTheSample() {
    for (int k = 0; k + 1 < h31Pages.size(); k++) {
      List<Integer> order = identity();
      Collections.swap(order, k, k + 1);
      assertThat(asSample(PARSER.parse(inOrder(order)), order))
          .as("pages %d and %d swapped", k + 1, k + 2)
          .containsExactlyElementsOf(sampleSorted());
    }
  }

  @Test
  void pagesInReverseOrderReadAsTheSample() {
    List<Integer> order = identity();
    Collections.reverse(order);
    ParsedReport r = PARSER.parse(inOrder(order));

    assertThat(asSample(r, order)).containsExactlyElementsOf(sampleSorted());
    assertThat(r.projects()).extracting(p -> p.projectNo()).isSorted().hasSize(62);
    assertThat(r.projects().stream().flatMap(p -> p.kpis().stream()))
        .hasSize(73)
        .allSatisfy(
            k -> {
              assertThat(k.name()).isNotNull();
              assertThat(k.actual().nullReason()).isNotEqualTo("not_printed");
            });
  }

  @Test
  void pagesInReverseOrderWithoutFormFeedsReadAsTheSample() {
    List<Integer> order = identity();
    Collections.reverse(order);
    ParsedReport r =
        PARSER.parse(ReportText.of("h31.pdf", String.join("", inOrder(order).pages())));

    // the virtual pages are numbered in the text's order: compare without page numbers
    assertThat(withoutPages(Semantics.of(r))).isEqualTo(withoutPages(h31));
    assertThat(r.pageCount()).isEqualTo(36);
  }

  private static List<String> withoutPages(List<String> semantics) {
    return semantics.stream()
        .filter(l -> !l.startsWith("R "))
        .map(l -> PAGE.matcher(l).replaceAll("?"))
        .toList();
  }

  @Test
  void theReportTwiceInOneFileIsRejected() {
    List<Integer> order = identity();
    order.addAll(identity());
    assertThatThrownBy(() -> PARSER.parse(inOrder(order)))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_REPORT))
        .hasMessage(
            "h31.pdf: project numbers repeat (P1–P62 appear twice): the file holds the report, or"
                + " some of its pages, more than once, and which copy to read no rule can tell");
  }

  @Test
  void aPageRepeatedIsRejected() {
    List<Integer> order = identity();
    order.add(5, 4);
    assertThatThrownBy(() -> PARSER.parse(inOrder(order)))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("h31.pdf: project numbers repeat (P8 appears twice): ");
  }

  @Test
  void pagesOutOfOrderWithAPageNoNumberPlacesAreRejected() {
    List<Integer> order = identity();
    Collections.reverse(order);
    List<String> pages = new ArrayList<>(order.stream().map(h31Pages::get).toList());
    // the sample's page 3 (now 34) without its only N ＜部 line (P6's)
    String p3 = pages.get(33);
    assertThat(p3).contains("\n6 ＜生活環境部\n");
    pages.set(33, p3.replace("\n6 ＜生活環境部\n", "\n"));
    assertThatThrownBy(() -> PARSER.parse(new ReportText("h31.pdf", pages)))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "h31.pdf: the pages are out of order (their project numbers go back), and page 34"
                + " prints no project number (N ＜部) to tell where it goes");
  }
}
