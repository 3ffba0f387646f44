package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void textWithoutFormFeedsIsCutIntoPagesAtThePageHeads() {
    ParsedReport plain = PARSER.parse(ReportText.of("h31.pdf", Fixtures.plainText("h31")));
    ParsedReport paged = PARSER.parse(Fixtures.text("h31"));
    assertThat(withoutPages(Semantics.of(plain)))
        .containsExactlyElementsOf(withoutPages(Semantics.of(paged)));
    // page 30 opens with no head (a block running over the break): it cannot be seen, so
    // pages before it are exact and later ones one lower
    assertThat(plain.pageCount()).isEqualTo(35);
    for (Project p : plain.projects()) {
      int printed = EvaluationReportParserTest.project(paged, p.projectNo()).page();
      assertThat(p.page()).isEqualTo(printed < 30 ? printed : printed - 1);
    }
  }

  private static List<String> withoutPages(List<String> semantics) {
    return semantics.stream()
        .filter(l -> !l.startsWith("R "))
        .map(l -> l.replaceAll(" p\\d+", " p?").replaceAll("pages=\\d+", "pages=?"))
        .toList();
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
