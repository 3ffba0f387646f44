package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Printed values read from a line's folded form, each with its exact printed text. */
class ValuesTest {
  @Test
  void aLineOfValuesGivesEachValueWithItsPrintedTextAndUnit() {
    List<Values.Token> t = Values.tokens(FoldedText.of("１，１９９件 ― 87.30% （後日報告）人 未確定"));

    assertThat(t)
        .extracting(x -> x.value().printed(), x -> x.value().unit(), x -> x.value().nullReason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("１，１９９件", "件", null),
            org.assertj.core.groups.Tuple.tuple("―", null, "dash"),
            org.assertj.core.groups.Tuple.tuple("87.30%", "%", null),
            org.assertj.core.groups.Tuple.tuple("（後日報告）人", "人", "pending"),
            org.assertj.core.groups.Tuple.tuple("未確定", null, "undetermined"));
    assertThat(t.get(0).value().value()).isEqualByComparingTo("1199");
    assertThat(Values.tokens(FoldedText.of("交通事故件数 173件"))).isEmpty();
  }

  @Test
  void aProducersSpaceBetweenNumberAndUnitIsAllowed() {
    assertThat(Values.single(FoldedText.of("18 棟")).unit()).isEqualTo("棟");
    assertThat(Values.single(FoldedText.of("2 千 t")).unit()).isEqualTo("千t");
    assertThat(Values.single(FoldedText.of("81.40")).value()).isEqualByComparingTo("81.40");
    assertThat(Values.single(FoldedText.of("1件 2件"))).isNull();
  }

  @Test
  void aNameFollowedByAValue() {
    Values.NameValue nv = Values.nameAndValue(FoldedText.of("交通事故件数 １７３件 "));

    assertThat(nv.name()).isEqualTo("交通事故件数");
    assertThat(nv.value().printed()).isEqualTo("１７３件");
    assertThat(nv.value().value()).isEqualByComparingTo("173");
    assertThat(Values.nameAndValue(FoldedText.of("交通事故件数"))).isNull();
    assertThat(Values.nameAndValue(FoldedText.of("平成31年度は増加した。"))).isNull();
  }

  private static String read(String cell) {
    List<Values.Token> t = Values.rowTokens(FoldedText.of(cell));
    assertThat(t).as(cell).hasSize(1);
    PrintedValue v = t.get(0).value();
    assertThat(v.printed()).as(cell).isEqualTo(cell);
    return (v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
        + (v.unit() == null ? "" : " " + v.unit())
        + (v.qualifier() == null ? "" : " [" + v.qualifier() + "]");
  }

  /**
   * What other reports print in a value cell: the number, or NULL with why, the cell as printed.
   */
  @Test
  void otherReportsFormsOfAValueCell() {
    // the accounting minus, with or without a producer's space
    assertThat(read("▲12")).isEqualTo("-12");
    assertThat(read("△122.58")).isEqualTo("-122.58");
    assertThat(read("▲ 1,234件")).isEqualTo("-1234 件");
    assertThat(read("－12")).isEqualTo("-12");
    assertThat(read("1，234件")).isEqualTo("1234 件");
    assertThat(read("６０．００％")).isEqualTo("60.00 %");
    // an estimate or a provisional figure: the number, and its qualifier
    assertThat(read("約220件")).isEqualTo("220 件 [approximate]");
    assertThat(read("220件（見込）")).isEqualTo("220 件 [estimate]");
    assertThat(read("220件(見込み)")).isEqualTo("220 件 [estimate]");
    assertThat(read("（暫定）220件")).isEqualTo("220 件 [provisional]");
    assertThat(read("暫定値220件")).isEqualTo("220 件 [provisional]");
    assertThat(read("3,450千円")).isEqualTo("3450 千円");
    assertThat(read("12ポイント")).isEqualTo("12 ポイント");
    // a bound is no unit
    assertThat(read("180件以上")).isEqualTo("180 件 [at_least]");
    assertThat(read("96%以下")).isEqualTo("96 % [at_most]");
    // a figure being compiled is to come; a range or a word is no number
    assertThat(read("未集計")).isEqualTo("null(pending)");
    assertThat(read("集計中")).isEqualTo("null(pending)");
    assertThat(read("170～190件")).isEqualTo("null(unparseable) 件");
    assertThat(read("170件～190件")).isEqualTo("null(unparseable) 件");
    // a word for a target, as the last cell of a row (a row starts with a number or a dash)
    assertThat(Values.rowTokens(FoldedText.of("152町会 86.67 現状維持")).get(2).value())
        .isEqualTo(PrintedValue.missing("現状維持", null, "unparseable"));
    assertThat(Values.rowTokens(FoldedText.of("― 増加")).get(1).value())
        .isEqualTo(PrintedValue.missing("増加", null, "unparseable"));
  }

  /**
   * Every form of a qualifier gives the same value and unit as the plain cell and says what the
   * printed text says of the number, whatever the width of its characters, its spaces, and whether
   * it stands before or after the unit.
   */
  @Test
  void aQualifierIsKeptAsDataInEveryForm() {
    String[][] cases = {
      // approximate
      {"約220件", "220 件 [approximate]"},
      {"約 220件", "220 件 [approximate]"},
      {"約　２２０件", "220 件 [approximate]"},
      {"約１，２００件", "1200 件 [approximate]"},
      {"概ね220件", "220 件 [approximate]"},
      {"およそ220件", "220 件 [approximate]"},
      {"おおむね220件", "220 件 [approximate]"},
      {"220件程度", "220 件 [approximate]"},
      // estimate: half- and full-width parentheses, before and after the unit, without them
      {"220件(見込)", "220 件 [estimate]"},
      {"220件（見込）", "220 件 [estimate]"},
      {"220件 （見込み）", "220 件 [estimate]"},
      {"220件（見込値）", "220 件 [estimate]"},
      {"220件（推計）", "220 件 [estimate]"},
      {"推定220件", "220 件 [estimate]"},
      {"推定値 220件", "220 件 [estimate]"},
      {"220件（推定）", "220 件 [estimate]"},
      {"220件推定値", "220 件 [estimate]"},
      {"（見込）220件", "220 件 [estimate]"},
      {"220件見込", "220 件 [estimate]"},
      {"220件見込み", "220 件 [estimate]"},
      {"220件見込値", "220 件 [estimate]"},
      {"87.5%（見込）", "87.5 % [estimate]"},
      {"220(見込)", "220 [estimate]"},
      // provisional
      {"（暫定）220件", "220 件 [provisional]"},
      {"220件（暫定値）", "220 件 [provisional]"},
      {"速報値 220件", "220 件 [provisional]"},
      {"220件速報値", "220 件 [provisional]"},
      // bounds: 以上 and 以下 are the number or more / less, 未満 and 超 strictly
      {"180件以上", "180 件 [at_least]"},
      {"180 件以上", "180 件 [at_least]"},
      {"180以上", "180 [at_least]"},
      {"96%以下", "96 % [at_most]"},
      {"5件未満", "5 件 [below]"},
      {"100人超", "100 人 [above]"},
      // two qualifiers, in the order of the vocabulary whatever the printed order
      {"約180件以上", "180 件 [approximate,at_least]"},
      {"180件以上（見込）", "180 件 [estimate,at_least]"},
      {"（暫定）約220件", "220 件 [approximate,provisional]"},
      {"▲12（見込）", "-12 [estimate]"},
      // plain: no qualifier
      {"220件", "220 件"},
      {"▲12", "-12"},
      // no number, no qualifier: what is not read stays unparseable or its reason
      {"―", "null(dash)"},
      {"未集計", "null(pending)"},
      {"170～190件", "null(unparseable) 件"},
    };
    for (String[] c : cases) {
      assertThat(read(c[0])).as(c[0]).isEqualTo(c[1]);
    }
    // a qualifier no value follows is no value: a word that is no qualifier leaves the row unread
    assertThat(Values.rowTokens(FoldedText.of("約"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("たぶん220件"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("概ね順調"))).isEmpty();
    // a qualifier in parentheses before a number is that cell's, not the previous one's
    assertThat(Values.rowTokens(FoldedText.of("244件 （暫定）220件 180件（見込）")))
        .extracting(x -> x.value().printed(), x -> x.value().qualifier())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("244件", null),
            org.assertj.core.groups.Tuple.tuple("（暫定）220件", "provisional"),
            org.assertj.core.groups.Tuple.tuple("180件（見込）", "estimate"));
    // on a name line, the qualifier of the report year's actual
    Values.NameValue nv = Values.nameAndValue(FoldedText.of("交通事故件数 約１７３件（見込）"));
    assertThat(nv.name()).isEqualTo("交通事故件数");
    assertThat(nv.value().printed()).isEqualTo("約１７３件（見込）");
    assertThat(nv.value().value()).isEqualByComparingTo("173");
    assertThat(nv.value().qualifier()).isEqualTo("approximate,estimate");
  }

  /**
   * 推定, 暫定, 速報 (and their 値 forms) stand before or after a number: after a number and a space they
   * are the next value's when a number follows them (as a qualifier in parentheses is), else the
   * previous one's; 約 and the other words only printed before a number are never a unit.
   */
  @Test
  void aWordPrintedBeforeOrAfterANumberIsTheNextValuesWhenANumberFollows() {
    assertThat(read("220推定値")).isEqualTo("220 [estimate]");
    assertThat(read("220 推定値")).isEqualTo("220 [estimate]");
    assertThat(read("220 暫定値")).isEqualTo("220 [provisional]");
    assertThat(Values.rowTokens(FoldedText.of("81.40 暫定値220件 220 推定値 230件 240 推定 約250件")))
        .extracting(x -> x.value().printed(), x -> x.value().qualifier())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("81.40", null),
            org.assertj.core.groups.Tuple.tuple("暫定値220件", "provisional"),
            org.assertj.core.groups.Tuple.tuple("220", null),
            org.assertj.core.groups.Tuple.tuple("推定値 230件", "estimate"),
            org.assertj.core.groups.Tuple.tuple("240", null),
            org.assertj.core.groups.Tuple.tuple("推定 約250件", "approximate,estimate"));
    assertThat(Values.rowTokens(FoldedText.of("220 約"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("220 概ね"))).isEmpty();
  }

  /**
   * A qualifier in parentheses between the number and its unit, and a qualifier past a space after
   * the unit (one space, ASCII or ideographic, as between a number and its unit).
   */
  @Test
  void aQualifierBetweenNumberAndUnitOrPastASpaceAfterTheUnit() {
    String[][] cases = {
      {"220（見込）件", "220 件 [estimate]"},
      {"220(見込み)件", "220 件 [estimate]"},
      {"220（見込)件", "220 件 [estimate]"},
      {"220（推計値）人", "220 人 [estimate]"},
      {"２２０（暫定）件", "220 件 [provisional]"},
      {"220 （見込） 件", "220 件 [estimate]"},
      {"87.5（見込）%", "87.5 % [estimate]"},
      {"約220（見込）件", "220 件 [approximate,estimate]"},
      {"220（見込）件以上", "220 件 [estimate,at_least]"},
      {"220（見込）", "220 [estimate]"},
      {"180件 以上", "180 件 [at_least]"},
      {"180件　以上", "180 件 [at_least]"},
      {"180 件以上", "180 件 [at_least]"},
      {"180 件 以上", "180 件 [at_least]"},
      {"180件 以上（見込）", "180 件 [estimate,at_least]"},
      {"2 千 t 以下", "2 千t [at_most]"},
      {"220件 見込み", "220 件 [estimate]"},
      {"220件 速報", "220 件 [provisional]"},
      {"220件 程度", "220 件 [approximate]"},
    };
    for (String[] c : cases) {
      assertThat(read(c[0])).as(c[0]).isEqualTo(c[1]);
    }
    // the word past the space must end the cell, and a word that starts the next value is that
    // one's
    assertThat(Values.rowTokens(FoldedText.of("180件 以上に"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("220件 暫定値 230件")))
        .extracting(x -> x.value().printed(), x -> x.value().qualifier())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("220件", null),
            org.assertj.core.groups.Tuple.tuple("暫定値 230件", "provisional"));
    // a qualifier in parentheses with no unit after it: the next cell's, as before
    assertThat(Values.rowTokens(FoldedText.of("121.21 （暫定）100.00 180（見込） 増加")))
        .extracting(x -> x.value().printed(), x -> x.value().qualifier())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("121.21", null),
            org.assertj.core.groups.Tuple.tuple("（暫定）100.00", "provisional"),
            org.assertj.core.groups.Tuple.tuple("180（見込）", "estimate"),
            org.assertj.core.groups.Tuple.tuple("増加", null));
  }

  /**
   * ほど and 前後 (approximate), 見通し (estimate) and 以内 (at most) are qualifiers too; a word after the
   * unit that is none stays part of the unit as before (the unit is open: ポイント, 千円).
   */
  @Test
  void commonReportWordsAreQualifiers() {
    String[][] cases = {
      {"220件ほど", "220 件 [approximate]"},
      {"220件前後", "220 件 [approximate]"},
      {"220件 前後", "220 件 [approximate]"},
      {"２２０件前後", "220 件 [approximate]"},
      {"220件（見通し）", "220 件 [estimate]"},
      {"220件見通し値", "220 件 [estimate]"},
      {"220（見通し）件", "220 件 [estimate]"},
      {"30分以内", "30 分 [at_most]"},
      {"30分 以内", "30 分 [at_most]"},
      {"約220件前後", "220 件 [approximate]"},
    };
    for (String[] c : cases) {
      assertThat(read(c[0])).as(c[0]).isEqualTo(c[1]);
    }
    // 超過 is no qualifier: 100人超過 may print the excess; it stays in the unit, never "above"
    assertThat(read("100人超過")).isEqualTo("100 人超過");
  }

  private static String cells(String row) {
    List<Values.Token> t = Values.rowTokens(FoldedText.of(row));
    StringBuilder b = new StringBuilder();
    for (Values.Token x : t) {
      PrintedValue v = x.value();
      b.append(b.length() == 0 ? "" : " | ")
          .append(v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
          .append(v.unit() == null ? "" : " " + v.unit())
          .append(v.qualifier() == null ? "" : " [" + v.qualifier() + "]")
          .append(" «")
          .append(v.printed())
          .append("»");
    }
    return b.toString();
  }

  /**
   * A word hyoka does not know glued to a number in one cell of a row: the cell is NULL {@code
   * unparseable} with its printed text (never the number, never a qualifier), the other cells are
   * read, and no cell moves. Before the number the word must be glued to it and the row must read
   * two other numbers; after it, the unit must be the row's (two other cells) and the word
   * Japanese.
   */
  @Test
  void aWordHyokaDoesNotKnowInOneCellOfARow() {
    assertThat(cells("213件 たぶん220件 121.21 100.00 180件"))
        .isEqualTo(
            "213 件 «213件» | null(unparseable) 件 «たぶん220件» | 121.21 «121.21» | 100.00 «100.00»"
                + " | 180 件 «180件»");
    assertThat(cells("121.21 100.00 目標180件"))
        .isEqualTo("121.21 «121.21» | 100.00 «100.00» | null(unparseable) 件 «目標180件»");
    assertThat(cells("たぶん２１３件 162件 220件"))
        .isEqualTo("null(unparseable) 件 «たぶん２１３件» | 162 件 «162件» | 220 件 «220件»");
    assertThat(cells("213件 162件 220件たぶん 244件"))
        .isEqualTo("213 件 «213件» | 162 件 «162件» | null(unparseable) 件 «220件たぶん» | 244 件 «244件»");
    assertThat(cells("100人超過 100人 200人"))
        .isEqualTo("null(unparseable) 人 «100人超過» | 100 人 «100人» | 200 人 «200人»");
    // in a row without units a word of hiragana is no unit: glued, its cell is NULL; past a space
    // it may be the number's before or after it: both cells are NULL, the columns kept
    assertThat(cells("75.85 87.20たぶん 39.22"))
        .isEqualTo("75.85 «75.85» | null(unparseable) «87.20たぶん» | 39.22 «39.22»");
    assertThat(cells("75.85 たぶん 79.90 39.22"))
        .isEqualTo("null(unparseable) «75.85 たぶん» | null(unparseable) «79.90» | 39.22 «39.22»");
    assertThat(cells("3つ 5つ 6つ")).isEqualTo("3 つ «3つ» | 5 つ «5つ» | 6 つ «6つ»");
    // a unit of its own is no word after the row's unit
    assertThat(cells("3,450千円 100円 200円"))
        .isEqualTo("3450 千円 «3,450千円» | 100 円 «100円» | 200 円 «200円»");
    // not a row: the word alone, apart from its number, two such cells, too few numbers beside
    assertThat(Values.rowTokens(FoldedText.of("たぶん220件"))).isEmpty();
    assertThat(cells("213件 たぶん 220件 121.21 100.00"))
        .isEqualTo(
            "213 件 «213件» | null(unparseable) 件 «たぶん 220件» | 121.21 «121.21» | 100.00 «100.00»");
    // past a space after a bare number a word of hiragana may be either number's: both NULL
    assertThat(cells("121.21 たぶん 180件 200件"))
        .isEqualTo("null(unparseable) «121.21 たぶん» | null(unparseable) «180件» | 200 件 «200件»");
    // a word of kanji there is that number's unit (units are kanji: 121.21 目標 is no row, a unit on
    // a score column: LineClassifier), and at the start of a line it may be a label
    assertThat(cells("121.21 目標 180件 200件")).startsWith("121.21 目標 «121.21 目標» | 180 件");
    assertThat(Values.rowTokens(FoldedText.of("実績値 100 200 300"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("たぶん213件 162件 たぶん220件 244件"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("第2期 100人"))).isEmpty();
    assertThat(Values.rowTokens(FoldedText.of("H27実績値 H28実績値 H29実績値"))).isEmpty();
    // nor a line of values, nor a name and its value
    assertThat(Values.tokens(FoldedText.of("213件 たぶん220件 244件"))).isEmpty();
    assertThat(Values.nameAndValue(FoldedText.of("交通事故件数 たぶん173件"))).isNull();
  }

  /** On a name line such a word leaves the name before it and the value NULL, never the number. */
  @Test
  void aNameLinesValueWithAWordHyokaDoesNotKnow() {
    String[][] cases = {
      {"交通事故件数 たぶん173件", "交通事故件数", "たぶん173件", "件"},
      {"交通事故件数 たぶん 173件", "交通事故件数", "たぶん 173件", "件"},
      {"交通事故件数 173件 たぶん", "交通事故件数", "173件 たぶん", "件"},
      {"授業がわかる割合 たぶん81.40", "授業がわかる割合", "たぶん81.40", null},
    };
    for (String[] c : cases) {
      Values.NameValue nv = Values.nameAndValueBesideAWord(FoldedText.of(c[0]));
      assertThat(nv.name()).as(c[0]).isEqualTo(c[1]);
      assertThat(nv.value().printed()).as(c[0]).isEqualTo(c[2]);
      assertThat(nv.value().unit()).as(c[0]).isEqualTo(c[3]);
      assertThat(nv.value().value()).as(c[0]).isNull();
      assertThat(nv.value().nullReason()).as(c[0]).isEqualTo("unparseable");
    }
    // a qualifier, a name of its own words, a word of kanji past a space: no such word
    assertThat(Values.nameAndValueBesideAWord(FoldedText.of("交通事故件数 約173件"))).isNull();
    assertThat(Values.nameAndValueBesideAWord(FoldedText.of("交通事故件数 173件以上"))).isNull();
    assertThat(Values.nameAndValueBesideAWord(FoldedText.of("交通事故件数 173件"))).isNull();
    assertThat(Values.nameAndValueBesideAWord(FoldedText.of("交通事故件数 年間 173件"))).isNull();
    assertThat(Values.nameAndValueBesideAWord(FoldedText.of("交通事故件数"))).isNull();
    // after the unit the rows' unit tells the word from the unit
    PrintedValue read = Values.nameAndValue(FoldedText.of("交通事故件数 173件たぶん")).value();
    assertThat(read.unit()).isEqualTo("件たぶん");
    PrintedValue v = Values.withoutWordAfterUnit(read, java.util.Set.of("件"));
    assertThat(v.unit()).isEqualTo("件");
    assertThat(v.nullReason()).isEqualTo("unparseable");
    assertThat(v.printed()).isEqualTo("173件たぶん");
    assertThat(Values.withoutWordAfterUnit(read, java.util.Set.of("人"))).isNull();
    PrintedValue kanji = Values.nameAndValue(FoldedText.of("実施日数 9日間")).value();
    assertThat(Values.withoutWordAfterUnit(kanji, java.util.Set.of("日"))).isNull();
  }

  @Test
  void aProducersSpaceBeforeAUnitDoesNotTakeTheNextValue() {
    assertThat(Values.rowTokens(FoldedText.of("278 ▲122.58 ▲100.00 300回")))
        .extracting(x -> x.value().value().toPlainString(), x -> x.value().unit())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("278", null),
            org.assertj.core.groups.Tuple.tuple("-122.58", null),
            org.assertj.core.groups.Tuple.tuple("-100.00", null),
            org.assertj.core.groups.Tuple.tuple("300", "回"));
    assertThat(Values.tokens(FoldedText.of("81.40 未確定")))
        .extracting(x -> x.value().printed(), x -> x.value().unit())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("81.40", null),
            org.assertj.core.groups.Tuple.tuple("未確定", null));
    assertThat(Values.rowTokens(FoldedText.of("121.21 100.00 減少")))
        .extracting(x -> x.value().printed(), x -> x.value().unit())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("121.21", null),
            org.assertj.core.groups.Tuple.tuple("100.00", null),
            org.assertj.core.groups.Tuple.tuple("減少", null));
  }

  /** A target word is a value only as a cell of a row: alone on a line it is text. */
  @Test
  void aTargetWordAloneIsNoValue() {
    assertThat(Values.single(FoldedText.of("維持"))).isNull();
    assertThat(Values.tokens(FoldedText.of("10件 増加"))).isEmpty();
    assertThat(Values.nameAndValue(FoldedText.of("町会加入数 維持"))).isNull();
    assertThat(Values.rowTokens(FoldedText.of("増加した"))).isEmpty();
  }

  @Test
  void aNameFollowedByAnEstimateOrAFigureToCome() {
    Values.NameValue nv = Values.nameAndValue(FoldedText.of("交通事故件数 173件（見込み） "));
    assertThat(nv.name()).isEqualTo("交通事故件数");
    assertThat(nv.value().printed()).isEqualTo("173件（見込み）");
    assertThat(nv.value().value()).isEqualByComparingTo("173");
    assertThat(nv.value().unit()).isEqualTo("件");
    nv = Values.nameAndValue(FoldedText.of("交通事故件数 集計中"));
    assertThat(nv.name()).isEqualTo("交通事故件数");
    assertThat(nv.value().nullReason()).isEqualTo("pending");
    assertThat(Values.nameAndValue(FoldedText.of("交通事故件数 約173件")).value().printed())
        .isEqualTo("約173件");
  }
}
