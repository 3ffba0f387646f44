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
        + (v.unit() == null ? "" : " " + v.unit());
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
    // an estimate or a provisional figure: the number, the qualifier only in the printed text
    assertThat(read("約220件")).isEqualTo("220 件");
    assertThat(read("220件（見込）")).isEqualTo("220 件");
    assertThat(read("220件(見込み)")).isEqualTo("220 件");
    assertThat(read("（暫定）220件")).isEqualTo("220 件");
    assertThat(read("暫定値220件")).isEqualTo("220 件");
    assertThat(read("3,450千円")).isEqualTo("3450 千円");
    assertThat(read("12ポイント")).isEqualTo("12 ポイント");
    // a bound is no unit
    assertThat(read("180件以上")).isEqualTo("180 件");
    assertThat(read("96%以下")).isEqualTo("96 %");
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
