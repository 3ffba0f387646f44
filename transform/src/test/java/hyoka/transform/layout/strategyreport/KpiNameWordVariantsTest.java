package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Kpi;
import hyoka.transform.MatchEvidence;
import hyoka.transform.ParsedReport;
import hyoka.transform.ProducerVariants;
import hyoka.transform.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 report with P6's KPI name line ({@code 交通事故件数 173件}) printing a word hyoka does not
 * know touching the report year's actual: before the number ({@code たぶん173件}) or after the unit
 * ({@code 173件たぶん}). The name is the name as printed up to the word, the actual NULL {@code
 * unparseable} with its printed text and unit; before, the whole line was read as the name with the
 * actual {@code not_printed} (word before), or the line was not found at all (word after: the KPI's
 * name NULL, its actual {@code not_found}, two more unknown lines). A qualifier of the vocabulary
 * is read as in the value rows; a name with digits in it stays as printed. No other project
 * changes, and no new unknown line.
 */
class KpiNameWordVariantsTest {
  private static final String P6_NAME_LINE = "交通事故件数 173件";

  /** P6's KPI with its name line printed as {@code line}; every other project as in the text. */
  private static Kpi p6(String text, List<String> original, String line) {
    ParsedReport r = H31Variants.parse(H31Variants.replaceOnce(text, P6_NAME_LINE, line));
    H31Variants.onlyThisProjectChanged(r, original, 6, line);
    assertThat(r.projects().get(5).kpis()).as(line).hasSize(1);
    Kpi k = Semantics.kpi(r, 6, 1);
    // the row's values are the row's whatever the name line prints
    Kpi sample = Semantics.kpi(H31Variants.parse(text), 6, 1);
    assertThat(H31Variants.shown(k.baseline()))
        .as(line)
        .isEqualTo(H31Variants.shown(sample.baseline()));
    assertThat(H31Variants.shown(k.target()))
        .as(line)
        .isEqualTo(H31Variants.shown(sample.target()));
    assertThat(H31Variants.shown(k.rawScore())).as(line).isEqualTo("121.21 «121.21»");
    return k;
  }

  private static Kpi p6(String line) {
    return p6(H31Variants.TEXT, H31Variants.SEMANTICS, line);
  }

  @Test
  void aWordBeforeTheNumber() {
    String[][] cases = {
      {"交通事故件数 たぶん173件", "null(unparseable) 件 «たぶん173件»"},
      {"交通事故件数 たぶん173件 ", "null(unparseable) 件 «たぶん173件»"},
      {"交通事故件数 年間173件", "null(unparseable) 件 «年間173件»"},
      // what a producer's space makes of the first: a word of hiragana is no name's end
      {"交通事故件数 たぶん 173件", "null(unparseable) 件 «たぶん 173件»"},
      {"交通事故件数 たぶん 173 件", "null(unparseable) 件 «たぶん 173 件»"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo("交通事故件数");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
    }
    // the producer's spaces change nothing
    String variant = H31Variants.replaceOnce(H31Variants.TEXT, P6_NAME_LINE, "交通事故件数 たぶん173件");
    assertThat(Semantics.of(H31Variants.parse(ProducerVariants.spaced(variant))))
        .isEqualTo(Semantics.of(H31Variants.parse(variant)));
  }

  @Test
  void aWordAfterTheUnit() {
    String[][] cases = {
      {"交通事故件数 173件たぶん", "null(unparseable) 件 «173件たぶん»"},
      {"交通事故件数 173件 たぶん", "null(unparseable) 件 «173件 たぶん»"},
      {"交通事故件数 173 件たぶん", "null(unparseable) 件 «173 件たぶん»"},
      {"交通事故件数 173件以上たぶん", "null(unparseable) 件 «173件以上たぶん»"},
      {"交通事故件数 たぶん173件ぐらい", "null(unparseable) 件 «たぶん173件ぐらい»"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo("交通事故件数");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
    }
    String variant = H31Variants.replaceOnce(H31Variants.TEXT, P6_NAME_LINE, "交通事故件数 173件たぶん");
    assertThat(Semantics.of(H31Variants.parse(ProducerVariants.spaced(variant))))
        .isEqualTo(Semantics.of(H31Variants.parse(variant)));
  }

  @Test
  void aQualifierOfTheVocabularyIsRead() {
    String[][] cases = {
      {"交通事故件数 約173件", "173 件 «約173件» [approximate]"},
      {"交通事故件数 173件（見込）", "173 件 «173件（見込）» [estimate]"},
      {"交通事故件数 173件以上", "173 件 «173件以上» [at_least]"},
      {"交通事故件数 173件ほど", "173 件 «173件ほど» [approximate]"},
      {"交通事故件数 おおむね 173件", "173 件 «おおむね 173件» [approximate]"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo("交通事故件数");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void fullWidthDigits() {
    String[][] cases = {
      {"交通事故件数 たぶん１７３件", "null(unparseable) 件 «たぶん１７３件»"},
      {"交通事故件数 １７３件たぶん", "null(unparseable) 件 «１７３件たぶん»"},
      {"交通事故件数　たぶん１７３件", "null(unparseable) 件 «たぶん１７３件»"},
      {"交通事故件数 約１７３件", "173 件 «約１７３件» [approximate]"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo("交通事故件数");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
    }
  }

  /** A table whose header prints 平成 and 令和 years written out: the same reading. */
  @Test
  void inAReiwaYearTable() {
    String text = H31Variants.reiwaHeaders(H31Variants.TEXT);
    assertThat(text).contains("令和元年度", "平成30年度実績値");
    List<String> original = Semantics.of(H31Variants.parse(text));
    Kpi k = p6(text, original, "交通事故件数 たぶん173件");
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(k.values())
        .extracting(
            v -> v.fiscalYear() + ":" + v.kind().label() + "=" + H31Variants.shown(v.value()))
        .containsExactly(
            "2014:baseline=213 件 «213件»",
            "2015:actual=162 件 «162件»",
            "2016:actual=220 件 «220件»",
            "2017:actual=244 件 «244件»",
            "2018:actual=220 件 «220件»",
            "2019:actual=null(unparseable) 件 «たぶん173件»",
            "2019:target=180 件 «180件»");
    k = p6(text, original, "交通事故件数 173件たぶん");
    assertThat(H31Variants.shown(k.actual())).isEqualTo("null(unparseable) 件 «173件たぶん»");
  }

  /**
   * P7 has two KPIs, matched to their rows by the score rule: with a word touching the first's
   * actual, that KPI keeps its name with the actual NULL and the other KPI its name and actual
   * (3件); nothing moves to the other KPI.
   */
  @Test
  void aNameLineInAProjectOfTwoKpis() {
    ParsedReport sample = H31Variants.parse(H31Variants.TEXT);
    Kpi first = Semantics.kpi(sample, 7, 1);
    Kpi second = Semantics.kpi(sample, 7, 2);
    assertThat(first.name()).isEqualTo("特定空家等で除却・解体された件数");
    assertThat(H31Variants.shown(first.actual())).isEqualTo("22 件 «22件»");
    assertThat(H31Variants.shown(second.actual())).isEqualTo("3 件 «3件»");
    String line = "特定空家等で除却・解体された件数 22件";
    for (String odd : List.of("たぶん22件", "22件たぶん", "たぶん ２２ 件")) {
      ParsedReport r =
          H31Variants.parse(
              H31Variants.replaceOnce(H31Variants.TEXT, line, "特定空家等で除却・解体された件数 " + odd));
      assertThat(r.kpiCount()).as(odd).isEqualTo(73);
      assertThat(r.unknownResidue()).as(odd).isEqualTo(3);
      assertThat(Semantics.allBut(Semantics.of(r), 7))
          .as(odd)
          .containsExactlyElementsOf(Semantics.allBut(H31Variants.SEMANTICS, 7));
      Kpi k = Semantics.kpi(r, 7, 1);
      assertThat(k.name()).as(odd).isEqualTo(first.name());
      assertThat(H31Variants.shown(k.actual()))
          .as(odd)
          .isEqualTo("null(unparseable) 件 «" + odd + "»");
      assertThat(H31Variants.shown(k.target()))
          .as(odd)
          .isEqualTo(H31Variants.shown(first.target()));
      Kpi k2 = Semantics.kpi(r, 7, 2);
      assertThat(k2.name()).as(odd).isEqualTo(second.name());
      assertThat(k2.values()).as(odd).isEqualTo(second.values());
      // the score rule paired the first KPI's 22 with its row (the second's printed score is
      // not its own: mismatch); without a number the pairing is the printed order's, and says so
      assertThat(first.matchEvidence()).isEqualTo(MatchEvidence.SCORE_RULE);
      assertThat(k.matchEvidence()).as(odd).isEqualTo(MatchEvidence.ORDER_INFERRED);
      assertThat(k2.matchEvidence()).as(odd).isEqualTo(MatchEvidence.ORDER_INFERRED);
    }
  }

  /**
   * The actual glued to the name, no space between ({@code 交通事故件数173件}): the name before it, the
   * actual NULL {@code unparseable} with its printed text, since what touches the number cannot be
   * told from the name; before, the whole line was the name and the actual {@code not_printed}.
   */
  @Test
  void anActualGluedToTheName() {
    String[][] cases = {
      {"交通事故件数173件", "交通事故件数", "null(unparseable) 件 «173件»"},
      {"交通事故件数１７３件", "交通事故件数", "null(unparseable) 件 «１７３件»"},
      {"交通事故件数たぶん173件", "交通事故件数", "null(unparseable) 件 «たぶん173件»"},
      {"交通事故件数約173件", "交通事故件数", "null(unparseable) 件 «約173件»"},
      {"交通事故件数173件たぶん", "交通事故件数", "null(unparseable) 件 «173件たぶん»"},
      {"交通事故件数（H31）173件", "交通事故件数（H31）", "null(unparseable) 件 «173件»"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo(c[1]);
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[2]);
    }
  }

  /**
   * P12 prints its first KPI's name on two lines and the actual bare on a line of its own ({@code
   * 81.40}): with a word hyoka does not know touching it, the name is the two lines and the actual
   * NULL {@code unparseable}; before, that line was not read and the project's other name line and
   * actual (the 中学校 KPI's, 71.17) went to this KPI, the other KPI had none.
   */
  @Test
  void aBareActualUnderItsNameWithAWord() {
    String at = "合（小学校）\n\n\n81.40";
    String[][] cases = {
      {"81.40たぶん", "null(unparseable) «81.40たぶん»"},
      {"81.40 たぶん", "null(unparseable) «81.40 たぶん»"},
      {"たぶん81.40", "null(unparseable) «たぶん81.40»"},
      {"たぶん ８１．４０", "null(unparseable) «たぶん ８１．４０»"},
      {"約81.40", "81.40 «約81.40» [approximate]"},
    };
    Kpi other = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 12, 2);
    for (String[] c : cases) {
      ParsedReport r =
          H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, at, "合（小学校）\n\n\n" + c[0]));
      assertThat(r.kpiCount()).as(c[0]).isEqualTo(73);
      assertThat(r.unknownResidue()).as(c[0]).isEqualTo(3);
      assertThat(Semantics.allBut(Semantics.of(r), 12))
          .as(c[0])
          .containsExactlyElementsOf(Semantics.allBut(H31Variants.SEMANTICS, 12));
      Kpi k = Semantics.kpi(r, 12, 1);
      assertThat(k.name()).as(c[0]).isEqualTo("授業がよくわかると答えた児童の割合（小学校）");
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo(c[1]);
      assertThat(H31Variants.shown(k.target())).as(c[0]).isEqualTo("90 % «90%»");
      assertThat(Semantics.kpi(r, 12, 2)).as(c[0]).isEqualTo(other);
    }
  }

  /**
   * P9 prints its first KPI's name on two lines right under 実績値 and the actual on a line of its own
   * ({@code 11,703灯}): with a word touching it, the name is still the two lines (the first is not
   * taken for a name printed without its actual) and the actual NULL {@code unparseable}.
   */
  @Test
  void aBareActualUnderAWrappedNameUnderTheHead() {
    Kpi sample = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 9, 1);
    assertThat(sample.name()).isEqualTo("町会等が保有する既存灯具のLED改良数及び撤去数");
    Kpi other = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 9, 2);
    for (String odd : List.of("たぶん11,703灯", "11,703灯たぶん", "たぶん １１，７０３ 灯")) {
      ParsedReport r =
          H31Variants.parse(
              H31Variants.replaceOnce(H31Variants.TEXT, "\n11,703灯 \n", "\n" + odd + " \n"));
      assertThat(r.kpiCount()).as(odd).isEqualTo(73);
      assertThat(r.unknownResidue()).as(odd).isEqualTo(3);
      assertThat(Semantics.allBut(Semantics.of(r), 9))
          .as(odd)
          .containsExactlyElementsOf(Semantics.allBut(H31Variants.SEMANTICS, 9));
      Kpi k = Semantics.kpi(r, 9, 1);
      assertThat(k.name()).as(odd).isEqualTo(sample.name());
      assertThat(H31Variants.shown(k.actual()))
          .as(odd)
          .isEqualTo("null(unparseable) 灯 «" + odd + "»");
      assertThat(Semantics.kpi(r, 9, 2).name()).as(odd).isEqualTo(other.name());
      assertThat(Semantics.kpi(r, 9, 2).values()).as(odd).isEqualTo(other.values());
    }
  }

  /**
   * A word of kanji glued after the unit ({@code 173件超過}) is left a unit the rows do not print, as
   * {@code 9日間} in the block's texts must be: the line is not taken for the name line, the KPI's
   * name NULL and its actual {@code not_found}, the line {@code unknown} residue; never 173.
   */
  @Test
  void aWordOfKanjiAfterTheUnitIsLeftNotFound() {
    ParsedReport r =
        H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, P6_NAME_LINE, "交通事故件数 173件超過"));
    assertThat(r.kpiCount()).isEqualTo(73);
    List<String> more = new java.util.ArrayList<>(Semantics.allBut(H31Variants.SEMANTICS, 6));
    // the name line and the basis after it are the two unknown lines more
    more.add("R p3 UNKNOWN 交通事故件数173件超過");
    more.add("R p3 UNKNOWN -7件/年");
    assertThat(Semantics.allBut(Semantics.of(r), 6)).containsExactlyInAnyOrderElementsOf(more);
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isNull();
    assertThat(H31Variants.shown(k.actual())).isEqualTo("null(not_found) «null»");
    assertThat(r.unknownResidue()).isEqualTo(5);
  }

  /**
   * Names with digits and hiragana in them, and a word of kanji past a space before the number (the
   * name's, as far as the line tells): the name as printed and the actual read.
   */
  @Test
  void aNameWithDigitsStaysAsPrinted() {
    String[][] cases = {
      {"平日1日あたりの交通事故件数 173件", "平日1日あたりの交通事故件数"},
      {"１日あたり交通事故件数 173件", "１日あたり交通事故件数"},
      {"交通事故件数（第2期） 173件", "交通事故件数（第2期）"},
      {"交通事故件数 第2期 173件", "交通事故件数 第2期"},
      {"交通事故件数 年間 173件", "交通事故件数 年間"},
    };
    for (String[] c : cases) {
      Kpi k = p6(c[0]);
      assertThat(k.name()).as(c[0]).isEqualTo(c[1]);
      assertThat(H31Variants.shown(k.actual())).as(c[0]).isEqualTo("173 件 «173件»");
    }
  }
}
