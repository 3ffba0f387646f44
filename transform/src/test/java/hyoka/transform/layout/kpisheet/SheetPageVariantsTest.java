package hyoka.transform.layout.kpisheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.Kpi;
import hyoka.transform.MatchEvidence;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample's pages as another file would hold them: sheets repeated, reordered, missing, two on
 * one page or one over two, pages that are no sheets (made from the fixture's page texts).
 */
class SheetPageVariantsTest {
  private final KpiSheetLayout layout = new KpiSheetLayout();

  private static List<String> pages() {
    return new ArrayList<>(Fixtures.sheetText("r01").pages());
  }

  @Test
  void aSheetPrintedTwiceIsRejectedWhetherACopyOrWithOtherValues() {
    List<String> copy = pages();
    copy.add(5, copy.get(2)); // 3-1 again after 5-1
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", copy)))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "r01.pdf: sheet numbers repeat (シート番号 3-1 on pages 3, 6): a sheet is in the file"
                + " more than once, and which page to read no rule can tell")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));

    List<String> other = pages();
    assertThat(other.get(2)).contains("実績値 0件 ― 5件 9件 7件 14件 30件");
    other.add(3, other.get(2).replace("7件 14件 30件", "7件 16件 30件"));
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", other)))
        .hasMessageContaining("(シート番号 3-1 on pages 3, 4)");
  }

  @Test
  void aSheetNumberPrintedOnAnotherProjectsSheetIsRejected() {
    List<String> p = pages();
    assertThat(p.get(2)).contains("シート番号 3-1", "個別施策 住宅エコリフォーム助成事業");
    p.set(2, p.get(2).replace("シート番号 3-1", "シート番号 2-1"));
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", p)))
        .hasMessageContaining("(シート番号 2-1 on pages 2, 3)");
  }

  @Test
  void aCopyOfASheetWithoutItsNumberIsNotTakenForTheKpiItsNeighboursWouldMakeIt() {
    for (String ordinal : List.of("ＫＰＩ その2", "ＫＰＩ その1")) {
      List<String> p = pages();
      assertThat(p.get(5)).contains("シート番号 5-2", "ＫＰＩ その2");
      // a copy of 5-2 after it without its シート番号: its neighbours would make it 5-2 (or 5-1)
      p.add(6, p.get(5).replace("シート番号 5-2", "").replace("ＫＰＩ その2", ordinal));
      ParsedReport r = layout.parse(new ReportText("r01.pdf", p));

      assertThat(r.kpiCount()).as(ordinal).isEqualTo(73);
      assertThat(SheetSamples.project(r, 5).kpis())
          .as(ordinal)
          .extracting(Kpi::kpiNo, Kpi::page, Kpi::matchEvidence)
          .containsExactly(tuple(1, 5, MatchEvidence.SINGLE), tuple(2, 6, MatchEvidence.SINGLE));
      assertThat(r.residue())
          .as(ordinal)
          .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
          .extracting(ResidueLine::page)
          .isNotEmpty()
          .containsOnly(7);
    }
  }

  // ---- two sheets on one page, one sheet over two pages ----

  /** A page's text: its lines from {@code from} to {@code to} (exclusive). */
  private static String lines(String page, int from, int to) {
    List<String> ls = ReportText.lines(page);
    return String.join("\n", ls.subList(from, Math.min(to, ls.size()))) + "\n";
  }

  /**
   * The parse's meaning (SheetSemantics) with every page number rewritten by {@code page}, and the
   * report line without its page count: what a parse of the same sheets on other pages must mean.
   */
  private static List<String> semantics(ParsedReport r, IntUnaryOperator page) {
    List<String> out = new ArrayList<>();
    Pattern p = Pattern.compile(" p(\\d+)(?= |$)");
    for (String l : SheetSemantics.of(r)) {
      Matcher m = p.matcher(l.replaceAll(" pages=\\d+ ", " "));
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, " p" + page.applyAsInt(Integer.parseInt(m.group(1))));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }

  private static List<String> unknown(ParsedReport r) {
    return r.residue().stream()
        .filter(l -> l.cls() == ResidueClass.UNKNOWN)
        .map(l -> l.page() + ": " + l.text())
        .toList();
  }

  /** The sample's texts: as the fixture (Calc's order), a word processor's, two cities', 令和. */
  private static Map<String, ReportText> producers() {
    Map<String, ReportText> texts = new LinkedHashMap<>();
    ReportText calc = Fixtures.sheetText("r01");
    texts.put("calc", calc);
    ReportText natural = SheetVariants.natural(SheetSamples.sheets("r01"));
    texts.put("natural", natural);
    texts.put(
        "natural-spaced",
        new ReportText(
            "r01.pdf", natural.pages().stream().map(SheetVariants::wordProcessorSpacing).toList()));
    texts.put("spelling-a", SheetVariants.relabelledA(calc));
    texts.put("spelling-b", SheetVariants.relabelledB(calc));
    texts.put("reiwa", SheetVariants.reiwa(calc));
    return texts;
  }

  @Test
  void twoSheetsPrintedOnEveryPageAreReadAsTheSheetsOnTheirOwnPages() {
    // every two pages printed on one (a "2 pages per sheet" print of the file): the second
    // sheet's text follows the first's on its page, as Tika reads a page drawn from two
    for (Map.Entry<String, ReportText> e : producers().entrySet()) {
      ReportText text = e.getValue();
      ParsedReport want = layout.parse(text);
      List<String> twoUp = new ArrayList<>();
      List<String> pages = text.pages();
      for (int i = 0; i < pages.size(); i += 2) {
        twoUp.add(pages.get(i) + (i + 1 < pages.size() ? "\n" + pages.get(i + 1) : ""));
      }
      ParsedReport got = layout.parse(new ReportText("r01.pdf", twoUp));

      assertThat(got.kpiCount()).as(e.getKey()).isEqualTo(want.kpiCount()).isEqualTo(73);
      // sheet n of the file is on page (n + 1) / 2, every value with it
      assertThat(semantics(got, IntUnaryOperator.identity()))
          .as(e.getKey())
          .isEqualTo(semantics(want, n -> (n + 1) / 2));
      assertThat(unknown(got)).as(e.getKey()).isEqualTo(unknown(want)).isEmpty();
    }
  }

  @Test
  void twoSheetsOnOnePageAmongOnePerPage() {
    // 2-1 and 3-1 on page 2, the other sheets one per page; the footer of 3-1 between them
    List<String> p = pages();
    p.set(1, p.get(1) + p.remove(2));
    ParsedReport got = layout.parse(new ReportText("r01.pdf", p));
    ParsedReport want = SheetSamples.sheets("r01");

    assertThat(got.kpiCount()).isEqualTo(73);
    assertThat(semantics(got, IntUnaryOperator.identity()))
        .isEqualTo(semantics(want, n -> n <= 2 ? n : n - 1));
    Kpi k = SheetSamples.kpi(got, 3, 1);
    assertThat(k.page()).isEqualTo(2);
    assertThat(k.actual().printed()).isEqualTo("14件");
    assertThat(k.grading().page()).isEqualTo(2);
    assertThat(SheetSamples.kpi(got, 2, 1).actual().printed()).isEqualTo("4戸");
    assertThat(unknown(got)).isEmpty();
    assertThat(got.residue())
        .filteredOn(l -> l.cls() == ResidueClass.PAGE_MARKER && l.page() == 2)
        .extracting(ResidueLine::text)
        .containsExactly("- 2 -", "- 3 -");
  }

  @Test
  void twoSheetsWhoseCellsComeOutInterleavedAreNotMixed() {
    // a spreadsheet drawing both sheets of one page in its two passes: 2-1's first pass, 3-1's,
    // then 2-1's second pass, 3-1's. No cut gives each sheet its own cells, so the page is read
    // as one, as before: 3-1 is lost as unknown lines, and nothing of it goes into 2-1
    List<String> p = pages();
    String a = p.get(1);
    String b = p.remove(2);
    int ac = ReportText.lines(a).indexOf("シート番号 2-1");
    int bc = ReportText.lines(b).indexOf("シート番号 3-1");
    p.set(
        1,
        lines(a, 0, ac)
            + lines(b, 0, bc)
            + lines(a, ac, Integer.MAX_VALUE)
            + lines(b, bc, Integer.MAX_VALUE));
    ParsedReport got = layout.parse(new ReportText("r01.pdf", p));

    assertThat(got.kpiCount()).isEqualTo(72);
    assertThat(got.projects()).extracting(Project::projectNo).doesNotContain(3);
    Kpi k = SheetSamples.kpi(got, 2, 1);
    // 2-1 keeps what its own labelled lines print; its grid is two grids' cells: not read
    assertThat(k.actual().nullReason()).isEqualTo("unparseable");
    assertThat(k.unit()).isEqualTo("戸");
    assertThat(k.grading().achievement().printed()).isEqualTo("13.3％");
    assertThat(k.grading().gradePrinted()).isEqualTo("Ｄ");
    assertThat(SheetSamples.project(got, 2).narratives())
        .isEqualTo(SheetSamples.project(SheetSamples.sheets("r01"), 2).narratives());
    assertThat(unknown(got))
        .contains("2: 個別施策 住宅エコリフォーム助成事業", "2: 住宅エコリフォーム助成件数", "2: 実績値 0件 ― 5件 9件 7件 14件 30件");
  }

  @Test
  void aSheetOverTwoPagesIsReadAsOneWithEachValuesPage() {
    // 3-1 cut where the fixture's second pass begins (シート番号), its second half on a page of
    // its own: the first half has no number, the second no project; together they are 3-1
    List<String> p = pages();
    String sheet = p.get(2);
    int cut = ReportText.lines(sheet).indexOf("シート番号 3-1");
    p.set(2, lines(sheet, 0, cut));
    p.add(3, lines(sheet, cut, Integer.MAX_VALUE));
    ParsedReport got = layout.parse(new ReportText("r01.pdf", p));
    ParsedReport want = SheetSamples.sheets("r01");

    assertThat(got.kpiCount()).isEqualTo(73);
    Kpi k = SheetSamples.kpi(got, 3, 1);
    assertThat(k.matchEvidence()).isEqualTo(MatchEvidence.SINGLE);
    assertThat(k.page()).isEqualTo(3); // the 実績値 row's page
    assertThat(k.grading().page()).isEqualTo(3);
    assertThat(k.targetBasis()).isEqualTo(SheetSamples.kpi(want, 3, 1).targetBasis()).isNotNull();
    assertThat(SheetSamples.project(got, 3).narratives())
        .extracting(n -> n.page())
        .containsOnly(4); // the texts are on the second page
    assertThat(SheetSamples.project(got, 3).page()).isEqualTo(3);
    assertThat(semantics(got, n -> n == 4 ? 3 : n))
        .isEqualTo(semantics(want, n -> n <= 3 ? n : n + 1).stream().map(l -> l).toList());
    assertThat(unknown(got)).isEmpty();
  }

  @Test
  void aSheetCutOverTwoPagesAtAnyLineIsReadWholeAndACellCutInTwoIsLeftUnknown() {
    // 3-1 cut at every line, its rest on the next page, in every producer's order: a cut between
    // two cells (at a blank line: Tika writes one paragraph per cell) reads the sheet whole; a
    // cut through a cell (a text wrapped over two lines, a label) leaves that cell's text unknown
    // (it is 3's 効果発現要因 or 今後の取組), and never lends a line to another cell
    for (Map.Entry<String, ReportText> e : producers().entrySet()) {
      ReportText text = e.getValue();
      List<String> want = semantics(layout.parse(text), n -> n);
      want = want.subList(1, want.size()); // the report line counts pages
      List<String> sheet = ReportText.lines(text.pages().get(2));
      int whole = 0;
      for (int cut = 1; cut < sheet.size(); cut++) {
        List<String> p = new ArrayList<>(text.pages());
        p.set(2, lines(text.pages().get(2), 0, cut));
        p.add(3, lines(text.pages().get(2), cut, Integer.MAX_VALUE));
        ParsedReport got = layout.parse(new ReportText("r01.pdf", p));
        List<String> meaning = semantics(got, n -> n <= 3 ? n : n - 1);
        meaning = meaning.subList(1, meaning.size());
        String at = e.getKey() + " cut before line " + (cut + 1) + " " + sheet.get(cut);
        boolean betweenCells = sheet.get(cut - 1).isBlank() || sheet.get(cut).isBlank();
        if (betweenCells) {
          assertThat(meaning).as(at).isEqualTo(want);
          assertThat(unknown(got)).as(at).isEmpty();
          whole++;
        } else if (!meaning.equals(want)) {
          // only project 3's texts may be missing, and their lines are unknown
          assertThat(meaning).as(at).isSubsetOf(want);
          List<String> lost = new ArrayList<>(want);
          lost.removeAll(meaning);
          assertThat(lost)
              .as(at)
              .isNotEmpty()
              .allMatch(l -> l.startsWith("  N ") && l.contains(" p3 "));
          assertThat(unknown(got)).as(at).isNotEmpty().allMatch(l -> l.matches("[34]: .*"));
          assertThat(SheetSamples.kpi(got, 3, 1).page()).as(at).isIn(3, 4);
        }
      }
      assertThat(whole).as(e.getKey()).isGreaterThan(20);
    }
  }

  @Test
  void aSheetOverTwoPagesWithItsTitlePrintedAgainOnTheSecondIsReadAsOne() {
    // a spreadsheet's print titles: the title row at the top of every page. 5-1 (whose project
    // has a second sheet after it) cut before its 効果発現要因 row, in a word processor's order
    ReportText text = SheetVariants.natural(SheetSamples.sheets("r01"));
    List<String> p = new ArrayList<>(text.pages());
    String sheet = p.get(4);
    List<String> ls = ReportText.lines(sheet);
    int cut = 0;
    while (!ls.get(cut).startsWith("効果発現要因")) {
      cut++;
    }
    String title = ls.get(0).substring(0, ls.get(0).indexOf(" シート番号"));
    p.set(4, lines(sheet, 0, cut));
    p.add(5, title + "\n\n" + lines(sheet, cut, Integer.MAX_VALUE));
    ParsedReport got = layout.parse(new ReportText("r01.pdf", p));
    ParsedReport want = layout.parse(text);

    assertThat(got.kpiCount()).isEqualTo(73);
    assertThat(semantics(got, IntUnaryOperator.identity()).stream().skip(1).toList())
        .isEqualTo(
            semantics(want, n -> n <= 5 ? n : n + 1).stream()
                .skip(1)
                .map(
                    l -> l.startsWith("  N ") && l.contains(" p5 ") ? l.replace(" p5 ", " p6 ") : l)
                .toList());
    assertThat(SheetSamples.project(got, 5).kpis())
        .extracting(Kpi::kpiNo, Kpi::page)
        .containsExactly(tuple(1, 5), tuple(2, 7));
    assertThat(unknown(got)).isEmpty();
    // the second title is a label of the page, not data
    assertThat(got.residue())
        .filteredOn(l -> l.page() == 6 && l.text().equals(title))
        .extracting(ResidueLine::cls)
        .containsExactly(ResidueClass.SECTION_LABEL);
  }

  @Test
  void sheetsPrintedAsOneFlowOverThePagesAreReadEachWithItsPages() {
    // a word processor's document of the sheets one after another, each starting where the one
    // before ends: pages of L lines, each with its footer, so that most pages hold the rest of one
    // sheet, whole sheets and the top of the next
    ReportText natural = SheetVariants.natural(SheetSamples.sheets("r01"));
    List<String> flow = new ArrayList<>();
    for (String page : natural.pages()) {
      for (String l : ReportText.lines(page)) {
        if (!l.matches("- \\d+ -")) {
          flow.add(l);
        }
      }
    }
    List<String> want = unpaged(layout.parse(natural));
    for (int perPage : List.of(23, 40, 57)) {
      List<String> pages = new ArrayList<>();
      for (int i = 0; i < flow.size(); i += perPage) {
        List<String> ls = new ArrayList<>(flow.subList(i, Math.min(flow.size(), i + perPage)));
        ls.add("- " + (pages.size() + 1) + " -");
        pages.add(String.join("\n", ls) + "\n");
      }
      ParsedReport got = layout.parse(new ReportText("r01.pdf", pages));
      List<String> meaning = unpaged(got);

      assertThat(got.kpiCount()).as("" + perPage).isEqualTo(73);
      // every KPI as on its own page; a narrative is lost only where the page break cuts its text
      assertThat(meaning.stream().filter(l -> !l.startsWith("  N ")).toList())
          .as("" + perPage)
          .isEqualTo(want.stream().filter(l -> !l.startsWith("  N ")).toList());
      assertThat(meaning).as("" + perPage).isSubsetOf(want);
      // each KPI carries the page its 実績値 row is printed on
      for (Project p : got.projects()) {
        for (Kpi k : p.kpis()) {
          String row = "実績値 " + k.values().get(0).value().printed();
          assertThat(ReportText.lines(pages.get(k.page() - 1)))
              .as(perPage + " " + p.projectNo() + "-" + k.kpiNo())
              .anyMatch(l -> l.startsWith(row));
        }
      }
      // and the lines of a lost text are unknown, every one of them a line of such a text
      List<String> lost = new ArrayList<>(want);
      lost.removeAll(meaning);
      assertThat(lost).as("" + perPage).allMatch(l -> l.startsWith("  N "));
      assertThat(got.residue())
          .as("" + perPage)
          .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
          .hasSizeGreaterThanOrEqualTo(lost.size())
          .allMatch(l -> lost.stream().anyMatch(n -> n.contains(SheetSemantics.key(l.text()))));
    }
  }

  /** The parse's meaning without its page numbers. */
  private static List<String> unpaged(ParsedReport r) {
    return SheetSemantics.of(r).stream()
        .skip(1)
        .map(l -> l.replaceAll(" p\\d+(?= |$)", " p"))
        .toList();
  }

  @Test
  void theTopOfOneSheetAndTheBottomOfAnotherWithPagesMissingBetweenAreNotJoined() {
    // a file with pages lost: 2-1's top half on page 2 ("- 2 -"), then the bottom half of 3-1
    // on a page whose footer says 5. Their labels would make one sheet; the footers say pages
    // are missing between them, so neither lends the other its values
    List<String> p = pages();
    String a = p.get(1);
    String b = p.get(2);
    int ac = ReportText.lines(a).indexOf("シート番号 2-1");
    int bc = ReportText.lines(b).indexOf("シート番号 3-1");
    p.set(1, lines(a, 0, ac));
    p.set(2, "\n- 5 -\n\n\n" + lines(b, bc, Integer.MAX_VALUE));
    ParsedReport got = layout.parse(new ReportText("r01.pdf", p));

    // each half is a cut sheet on its own: 2-1's lacks its number and KPI ordinal, 3-1's its
    // project's name, so both are unknown lines, as before the join existed
    assertThat(got.kpiCount()).isEqualTo(71);
    assertThat(got.projects()).extracting(Project::projectNo).doesNotContain(2, 3);
    assertThat(unknown(got))
        .contains(
            "2: 個別施策 既存借上公営住宅事業",
            "2: 実績値 0戸 ― ― 4戸 4戸 4戸 30戸",
            "3: シート番号 3-1",
            "3: 30件/年 ※H28新規事業");
  }
}
