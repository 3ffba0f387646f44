package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.ParsedReport;
import hyoka.transform.ProducerVariants;
import hyoka.transform.ScoreStatus;
import hyoka.transform.Semantics;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 report with one cell of P6's KPI printed with its qualifier where other reports put
 * it: in parentheses between the number and the unit ({@code 220（見込）件}), or past a space after the
 * unit ({@code 180件 以上}, {@code 180件　以上}). The row is read (it was lost, the KPI missing and its
 * block's lines unknown): the number, the unit and the scores as before, the qualifier set, the
 * cell's printed text as printed, no other project changed and no new unknown line.
 */
class QualifierFormVariantsTest {
  private static final String P6_ROW = "213件 162件 220件 244件 220件 121.21 100.00 180件";

  /** P6 of the text with its KPI row printed as {@code row}, checked against {@code original}. */
  private static Kpi p6(String text, List<String> original, String from, String to) {
    String variant = H31Variants.replaceOnce(text, from, to);
    ParsedReport r = H31Variants.parse(variant);
    H31Variants.onlyThisProjectChanged(r, original, 6, to);
    // what only the producer changes (spaces between digits and Japanese, the width of digits and
    // parentheses) changes nothing
    for (UnaryOperator<String> producer :
        List.<UnaryOperator<String>>of(
            ProducerVariants::spaced, ProducerVariants::fullWidth, ProducerVariants::halfWidth)) {
      ParsedReport p = H31Variants.parse(producer.apply(variant));
      assertThat(Semantics.of(p)).as(to).isEqualTo(Semantics.of(r));
      Kpi k = Semantics.kpi(p, 6, 1);
      Kpi want = Semantics.kpi(r, 6, 1);
      assertThat(k.values())
          .extracting(v -> v.value().qualifier())
          .as(to)
          .containsExactlyElementsOf(
              want.values().stream().map(v -> v.value().qualifier()).toList());
    }
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(k.unit()).as(to).isEqualTo("件");
    assertThat(H31Variants.shown(k.rawScore())).as(to).isEqualTo("121.21 «121.21»");
    assertThat(H31Variants.shown(k.score())).as(to).isEqualTo("100.00 «100.00»");
    assertThat(k.scoreStatus()).as(to).isEqualTo(ScoreStatus.MATCH);
    return k;
  }

  private static Kpi p6Row(String row) {
    return p6(H31Variants.TEXT, H31Variants.SEMANTICS, P6_ROW, row);
  }

  @Test
  void aQualifierInParenthesesBetweenTheNumberAndTheUnit() {
    String[][] cases = {
      {"220（見込）件", "220 件 «220（見込）件» [estimate]"},
      {"220(見込)件", "220 件 «220(見込)件» [estimate]"},
      {"220(見込み)件", "220 件 «220(見込み)件» [estimate]"},
      {"２２０（見込)件", "220 件 «２２０（見込)件» [estimate]"},
      {"220（推計値）件", "220 件 «220（推計値）件» [estimate]"},
      {"220（暫定）件", "220 件 «220（暫定）件» [provisional]"},
      {"220 （速報値）件", "220 件 «220 （速報値）件» [provisional]"},
      {"約220（見込）件", "220 件 «約220（見込）件» [approximate,estimate]"},
    };
    for (String[] c : cases) {
      Kpi k = p6Row("213件 162件 220件 244件 " + c[0] + " 121.21 100.00 180件");
      KpiValue h30 = k.values().get(4);
      assertThat(h30.fiscalYear()).isEqualTo(2018);
      assertThat(H31Variants.shown(h30.value())).as(c[0]).isEqualTo(c[1]);
      assertThat(H31Variants.shown(k.target())).as(c[0]).isEqualTo("180 件 «180件»");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo("173 件 «173件»");
    }
  }

  @Test
  void aBoundPastASpaceAfterTheUnit() {
    String[][] cases = {
      {"180件 以上", "180 件 «180件 以上» [at_least]"},
      {"180件　以上", "180 件 «180件　以上» [at_least]"},
      {"180 件以上", "180 件 «180 件以上» [at_least]"},
      {"180 件 以上", "180 件 «180 件 以上» [at_least]"},
      {"１８０件　以上", "180 件 «１８０件　以上» [at_least]"},
      {"180件 以下", "180 件 «180件 以下» [at_most]"},
      {"180件 未満", "180 件 «180件 未満» [below]"},
      {"180件 以上（見込）", "180 件 «180件 以上（見込）» [estimate,at_least]"},
      {"180（見込）件以上", "180 件 «180（見込）件以上» [estimate,at_least]"},
    };
    for (String[] c : cases) {
      Kpi k = p6Row("213件 162件 220件 244件 220件 121.21 100.00 " + c[0]);
      assertThat(H31Variants.shown(k.target())).as(c[0]).isEqualTo(c[1]);
      assertThat(H31Variants.shown(k.values().get(4).value())).as(c[0]).isEqualTo("220 件 «220件»");
    }
    // an estimate past a space after the unit, in a yearly actual
    Kpi k = p6Row("213件 162件 220件 244件 220件 見込み 121.21 100.00 180件");
    assertThat(H31Variants.shown(k.values().get(4).value()))
        .isEqualTo("220 件 «220件 見込み» [estimate]");
  }

  /** ほど, 前後 (approximate), 見通し (estimate), 以内 (at most): words of the vocabulary too. */
  @Test
  void commonReportWordsOfTheVocabulary() {
    String[][] cases = {
      {"220件前後", "180件", "220 件 «220件前後» [approximate]", "180 件 «180件»"},
      {"220件ほど", "180件", "220 件 «220件ほど» [approximate]", "180 件 «180件»"},
      {"220件（見通し）", "180件", "220 件 «220件（見通し）» [estimate]", "180 件 «180件»"},
      {"220件", "180件以内", "220 件 «220件»", "180 件 «180件以内» [at_most]"},
      {"220件", "１８０件 以内", "220 件 «220件»", "180 件 «１８０件 以内» [at_most]"},
    };
    for (String[] c : cases) {
      Kpi k = p6Row("213件 162件 220件 244件 " + c[0] + " 121.21 100.00 " + c[1]);
      assertThat(H31Variants.shown(k.values().get(4).value())).as(c[0]).isEqualTo(c[2]);
      assertThat(H31Variants.shown(k.target())).as(c[1]).isEqualTo(c[3]);
    }
  }

  /**
   * A word hyoka does not know glued to the number of one cell (before it, or after the row's
   * unit): the KPI row is read, that cell NULL {@code unparseable} with its printed text and no
   * qualifier, every other cell as before; it was lost, the KPI missing and its block's lines
   * unknown (before it) or read as the number with the word for a unit (after it).
   */
  @Test
  void aWordHyokaDoesNotKnowInOneCell() {
    String[][] cases = {
      // the cell, its column (0 baseline, 4 H30 actual, 7 target)
      {"たぶん220件", "4"}, {"220件たぶん", "4"}, {"２２０件ぐらい", "4"}, {"目標180件", "7"}, {"たぶん213件", "0"},
    };
    for (String[] c : cases) {
      String[] cells = P6_ROW.split(" ");
      int col = Integer.parseInt(c[1]);
      cells[col] = c[0];
      String row = String.join(" ", cells);
      String variant = H31Variants.replaceOnce(H31Variants.TEXT, P6_ROW, row);
      ParsedReport r = H31Variants.parse(variant);
      if (col == 4) {
        // after a cell with its unit a producer's space before the number changes nothing (after
        // a bare score or at the start of the row the word could be a unit or a label: not read)
        assertThat(Semantics.of(H31Variants.parse(ProducerVariants.spaced(variant))))
            .as(row)
            .isEqualTo(Semantics.of(r));
      }
      assertThat(r.kpiCount()).as(row).isEqualTo(73);
      assertThat(r.unknownResidue()).as(row).isEqualTo(3);
      assertThat(Semantics.allBut(Semantics.of(r), 6))
          .as(row)
          .containsExactlyElementsOf(Semantics.allBut(H31Variants.SEMANTICS, 6));
      Kpi k = Semantics.kpi(r, 6, 1);
      Kpi sample = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 6, 1);
      assertThat(k.name()).isEqualTo("交通事故件数");
      List<KpiValue> values = k.values();
      for (int i = 0; i < values.size(); i++) {
        KpiValue v = values.get(i);
        boolean odd = col == 7 ? v.kind().label().equals("target") : i == col;
        assertThat(H31Variants.shown(v.value()))
            .as(row + " " + v.fiscalYear() + v.kind().label())
            .isEqualTo(
                odd
                    ? "null(unparseable) 件 «" + c[0] + "»"
                    : H31Variants.shown(sample.values().get(i).value()));
      }
      assertThat(H31Variants.shown(k.rawScore())).as(row).isEqualTo("121.21 «121.21»");
      assertThat(H31Variants.shown(k.score())).as(row).isEqualTo("100.00 «100.00»");
      // without the baseline or the target the score cannot be computed; a yearly actual is not
      // used
      assertThat(k.scoreStatus())
          .as(row)
          .isEqualTo(col == 4 ? ScoreStatus.MATCH : ScoreStatus.NOT_COMPUTABLE);
    }
  }

  /**
   * P12's row prints no unit but on its target: a word of hiragana glued to a number there is no
   * unit, the cell NULL; past a space it may be either neighbour's, both NULL; the KPI and the
   * other cells are read as before (the word was read as the baseline's unit, and the project's KPI
   * names and actuals lost).
   */
  @Test
  void aWordOfHiraganaInARowWithoutUnits() {
    String row = "75.85 79.90 80.60 78.60 87.20 39.22 39.22 90%";
    String[][] cases = {
      {"75.85 79.90 80.60 78.60 87.20たぶん 39.22 39.22 90%", "75.85 79.90 80.60 78.60 ?"},
      {"75.85 たぶん 79.90 80.60 78.60 87.20 39.22 39.22 90%", "? ? 80.60 78.60 87.20"},
    };
    Kpi sample = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 12, 1);
    for (String[] c : cases) {
      ParsedReport r = H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, row, c[0]));
      assertThat(r.kpiCount()).as(c[0]).isEqualTo(73);
      assertThat(r.unknownResidue()).as(c[0]).isEqualTo(3);
      assertThat(Semantics.allBut(Semantics.of(r), 12))
          .as(c[0])
          .containsExactlyElementsOf(Semantics.allBut(H31Variants.SEMANTICS, 12));
      Kpi k = Semantics.kpi(r, 12, 1);
      assertThat(k.name()).isEqualTo(sample.name());
      assertThat(H31Variants.shown(k.actual())).isEqualTo("81.40 «81.40»");
      assertThat(k.values().subList(0, 5))
          .extracting(v -> v.value().isKnown() ? v.value().value().toPlainString() : "?")
          .as(c[0])
          .containsExactly(c[1].split(" "));
      assertThat(k.values().subList(0, 5))
          .filteredOn(v -> !v.value().isKnown())
          .allSatisfy(v -> assertThat(v.value().nullReason()).isEqualTo("unparseable"));
      assertThat(H31Variants.shown(k.target())).isEqualTo("90 % «90%»");
      assertThat(Semantics.kpi(r, 12, 2))
          .isEqualTo(Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 12, 2));
    }
  }

  @Test
  void theReportYearsActualOnItsNameLine() {
    String[][] cases = {
      {"173（見込）件", "173 件 «173（見込）件» [estimate]"},
      {"１７３（見込み）件", "173 件 «１７３（見込み）件» [estimate]"},
      {"173件 以上", "173 件 «173件 以上» [at_least]"},
    };
    for (String[] c : cases) {
      Kpi k = p6(H31Variants.TEXT, H31Variants.SEMANTICS, "交通事故件数 173件", "交通事故件数 " + c[0]);
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
    }
  }

  /** A table whose header prints 平成 and 令和 years written out: the same values and qualifiers. */
  @Test
  void inAReiwaYearTable() {
    String text = H31Variants.reiwaHeaders(H31Variants.TEXT);
    assertThat(text).contains("令和元年度", "平成30年度実績値");
    List<String> original = Semantics.of(H31Variants.parse(text));
    Kpi k = p6(text, original, P6_ROW, "213件 162件 220件 244件 ２２０(見込）件 121.21 100.00 180件　以上");
    assertThat(k.values())
        .extracting(
            v -> v.fiscalYear() + ":" + v.kind().label() + "=" + H31Variants.shown(v.value()))
        .containsExactly(
            "2014:baseline=213 件 «213件»",
            "2015:actual=162 件 «162件»",
            "2016:actual=220 件 «220件»",
            "2017:actual=244 件 «244件»",
            "2018:actual=220 件 «２２０(見込）件» [estimate]",
            "2019:actual=173 件 «173件»",
            "2019:target=180 件 «180件　以上» [at_least]");
  }

  /**
   * A qualifier in parentheses before a number with no unit between stays the next cell's: the
   * score is provisional, the raw score before it plain.
   */
  @Test
  void aQualifierInParenthesesBeforeTheNextNumberIsThatNumbers() {
    ParsedReport r =
        H31Variants.parse(
            H31Variants.replaceOnce(
                H31Variants.TEXT, P6_ROW, "213件 162件 220件 244件 220件 121.21 （暫定）100.00 180件"));
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(r.unknownResidue()).isEqualTo(3);
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(H31Variants.shown(k.rawScore())).isEqualTo("121.21 «121.21»");
    assertThat(H31Variants.shown(k.score())).isEqualTo("100.00 «（暫定）100.00» [provisional]");
    assertThat(H31Variants.shown(k.target())).isEqualTo("180 件 «180件»");
  }
}
