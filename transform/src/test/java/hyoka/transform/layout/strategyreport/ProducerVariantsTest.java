package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.BudgetItem;
import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.Narrative;
import hyoka.transform.ParsedReport;
import hyoka.transform.ProducerVariants;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same report printed by other producers parses to the same content. */
class ProducerVariantsTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();
  private static List<String> h31;
  private static String h31Text;

  @BeforeAll
  static void parseOriginal() {
    h31Text = Fixtures.text("h31").joined();
    h31 = Semantics.of(PARSER.parse(ReportText.of("h31.pdf", h31Text)));
  }

  private static void assertSameParse(UnaryOperator<String> variant) {
    String changed = variant.apply(h31Text);
    assertThat(changed).isNotEqualTo(h31Text);
    List<String> parsed = Semantics.of(PARSER.parse(ReportText.of("h31.pdf", changed)));
    assertThat(parsed).containsExactlyElementsOf(h31);
  }

  @Test
  void spacesBetweenLatinAndJapanese() {
    assertSameParse(ProducerVariants::spaced);
  }

  @Test
  void kangxiRadicalsAndCompatibilityIdeographs() {
    assertSameParse(ProducerVariants::radicals);
  }

  /**
   * Radicals NFKC leaves alone (⺠ ⻑ ⻄ ⻘ ⻝) or folds to a Chinese form (⼾ → 戶): the text is repaired
   * before parsing, so the parse is equal to the original's in every printed value too, and each
   * repaired line is recorded with its page, line and extracted form.
   */
  @Test
  void radicalsNfkcMissesAreRepairedBeforeParsing() {
    String variant = ProducerVariants.radicalsNfkcMisses(h31Text);
    assertThat(variant).contains("借上住\u2F3E数", "市\u2EA0", "市\u2ED1").doesNotContain("市民");
    ReportText text = ReportText.of("h31.pdf", variant);
    assertThat(text.joined()).isEqualTo(h31Text);
    ParsedReport original = PARSER.parse(ReportText.of("h31.pdf", h31Text));
    assertThat(PARSER.parse(text)).isEqualTo(original);
    assertThat(original.projects())
        .flatExtracting(Project::kpis)
        .extracting(Kpi::name)
        .contains("借上住戸数（累計）");
    // one repair per changed line, numbered as the parser numbers lines
    List<String> originalLines = new ArrayList<>();
    for (String page : Fixtures.text("h31").pages()) {
      originalLines.add(page);
    }
    long changedLines = 0;
    for (int p = 0; p < originalLines.size(); p++) {
      List<String> lines = ReportText.lines(originalLines.get(p));
      for (int i = 0; i < lines.size(); i++) {
        if (!ProducerVariants.radicalsNfkcMisses(lines.get(i)).equals(lines.get(i))) {
          changedLines++;
        }
      }
    }
    assertThat(text.repairs()).hasSize((int) changedLines);
    assertThat(text.repairs())
        .anySatisfy(
            r -> {
              assertThat(r.extracted()).contains("借上住\u2F3E数");
              assertThat(r.folded()).contains("借上住戸数");
              assertThat(r.changes()).contains("⼾→戸");
              List<String> page = ReportText.lines(text.pages().get(r.page() - 1));
              assertThat(page.get(r.lineNo() - 1)).isEqualTo(r.folded());
            });
    assertThat(text.repairs())
        .allSatisfy(
            r ->
                assertThat(
                        ReportText.lines(variant.split("\f", -1)[r.page() - 1]).get(r.lineNo() - 1))
                    .isEqualTo(r.extracted()));
    // a text without radicals needs no repair
    assertThat(ReportText.of("h31.pdf", h31Text).repairs()).isEmpty();
  }

  @Test
  void fullWidthDigitsLettersAndSigns() {
    assertSameParse(ProducerVariants::fullWidth);
  }

  @Test
  void halfWidthDigitsLettersAndSigns() {
    assertSameParse(ProducerVariants::halfWidth);
  }

  @Test
  void noBlankLines() {
    assertSameParse(ProducerVariants::noBlankLines);
  }

  @Test
  void manyBlankLines() {
    assertSameParse(ProducerVariants::manyBlankLines);
  }

  @Test
  void allAtOnce() {
    assertSameParse(
        t ->
            ProducerVariants.noBlankLines(
                ProducerVariants.fullWidth(ProducerVariants.radicals(ProducerVariants.spaced(t)))));
  }

  /**
   * The parse of a variant that reprints header lines: equal to the original's but for the printed
   * text of the residue lines the header lines are (each with its page and class kept).
   */
  private static void assertSameParseOfTheHeaders(UnaryOperator<String> variant) {
    String changed = variant.apply(h31Text);
    assertThat(changed).isNotEqualTo(h31Text);
    List<String> parsed = Semantics.of(PARSER.parse(ReportText.of("h31.pdf", changed)));
    assertThat(withoutResidueText(parsed)).containsExactlyElementsOf(withoutResidueText(h31));
  }

  private static List<String> withoutResidueText(List<String> semantics) {
    List<String> out = new ArrayList<>();
    for (String l : semantics) {
      out.add(l.startsWith("R ") ? l.substring(0, l.indexOf(' ', l.indexOf(' ', 2) + 1)) : l);
    }
    return out;
  }

  /** The 施策ＫＰＩ header lines rewritten by {@code edit}. */
  private static String headers(String text, UnaryOperator<String> edit) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^施策ＫＰＩ .*$").matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(edit.apply(m.group())));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * The header years as other reports print them: eras written out (平成26年度, 令和元年度), Western years
   * (2019年度), a space inside (令和 元 年度), a header wrapped after any column: the same years.
   */
  @Test
  void headerYearsWrittenOutOrWesternReadAsTheSameYears() {
    assertSameParseOfTheHeaders(
        t ->
            headers(t, h -> h.replaceAll("H(\\d\\d)", "平成$1年度"))
                .replace("\nH31年度\n", "\n令和元年度\n")
                .replace("目標値(H31)", "目標値(令和元年度)"));
    assertSameParseOfTheHeaders(t -> t.replace("\nH31年度\n", "\n令和 元 年度\n"));
    assertSameParseOfTheHeaders(
        t ->
            headers(
                    t,
                    h ->
                        java.util.regex.Pattern.compile("H(\\d\\d)")
                            .matcher(h)
                            .replaceAll(y -> String.valueOf(1988 + Integer.parseInt(y.group(1)))))
                .replace("\nH31年度\n", "\n2019年度\n")
                .replace("目標値(H31)", "目標値(2019)"));
    assertSameParseOfTheHeaders(t -> headers(t, h -> h.replace("H29実績値 H30実績値", "H29実績値\nH30実績値")));
    assertSameParseOfTheHeaders(
        t ->
            headers(
                t,
                h ->
                    h.replaceAll("H(\\d\\d)", "平成$1年度")
                        .replace("平成29年度実績値 平成30年度実績値", "平成29年度実績値\n平成30年度実績値")));
  }

  @Test
  void textWithoutFormFeedsIsCutIntoPagesAtThePageHeads() {
    ParsedReport plain = PARSER.parse(ReportText.of("h31.pdf", Fixtures.plainText("h31")));
    ParsedReport paged = PARSER.parse(Fixtures.text("h31"));
    assertThat(Semantics.of(plain).stream().filter(l -> !l.startsWith("R ")).toList())
        .containsExactlyElementsOf(
            Semantics.of(paged).stream().filter(l -> !l.startsWith("R ")).toList());
  }

  /**
   * Every project, KPI, budget item and text is on the same page whether the pages come split by
   * form feeds or are found from the printed page markers, in both samples: page 30, which opens
   * with no head (a block running over the break), included.
   */
  @Test
  void textWithoutFormFeedsGivesEveryItemThePageOfTheSplitText() {
    for (String sample : List.of("h31", "h30")) {
      ParsedReport paged = PARSER.parse(Fixtures.text(sample));
      ParsedReport plain = PARSER.parse(ReportText.of(sample + ".pdf", Fixtures.plainText(sample)));
      assertThat(plain.pageCount()).as(sample).isEqualTo(paged.pageCount()).isEqualTo(36);
      List<String> pagedPages = pages(paged);
      assertThat(pages(plain)).as(sample).containsExactlyElementsOf(pagedPages);
      // the comparison covers the pages after the break that opens with no head
      assertThat(pagedPages).anyMatch(l -> l.endsWith(" p30")).anyMatch(l -> l.endsWith(" p36"));
    }
  }

  /** One line per project, KPI, budget item and narrative: what it is and its page. */
  private static List<String> pages(ParsedReport r) {
    List<String> out = new ArrayList<>();
    for (Project p : r.projects()) {
      String id = "P" + p.projectNo();
      out.add(id + " p" + p.page());
      for (Kpi k : p.kpis()) {
        out.add(id + " K" + k.kpiNo() + " p" + k.page());
      }
      for (BudgetItem i : p.budgetItems()) {
        out.add(id + " B" + i.itemNo() + " p" + i.page());
      }
      for (Narrative n : p.narratives()) {
        out.add(id + " N" + n.itemNo() + " " + n.kind() + " p" + n.page());
      }
    }
    return out;
  }

  @Test
  void theVariantsReallyChangeWhatTheyClaim() {
    assertThat(ProducerVariants.spaced("18棟 H31年度 基準値(H26)\n《現状分析》"))
        .isEqualTo("18 棟 H31 年度 基準値( H26 )\n  《現状分析》");
    assertThat(ProducerVariants.radicals("目標値　人～")).isEqualTo("\u2F6C標値\u2003\u2F08〜");
    assertThat(ProducerVariants.fullWidth("H31 1,199件")).isEqualTo("Ｈ３１ １，１９９件");
    assertThat(ProducerVariants.halfWidth("Ｈ２７～Ｈ３１ ＬＥＤ －")).isEqualTo("H27～H31 LED －");
  }
}
