package hyoka.transform.layout.kpisheet;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.FoldedText;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which line is which cell, each rule on a short page of its own. */
class SheetReaderTest {
  /** A page as Tika writes it: each argument a paragraph, a blank line between paragraphs. */
  private static List<SheetLine> page(String... paragraphs) {
    List<String> raw = ReportText.lines(String.join("\n\n", paragraphs));
    List<SheetLine> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(new SheetLine(1, i + 1, FoldedText.of(raw.get(i))));
    }
    return out;
  }

  private static Sheet read(String... paragraphs) {
    return new SheetReader().read(1, page(paragraphs));
  }

  private static List<String> unknown(Sheet s) {
    return s.residue().stream()
        .filter(r -> r.cls() == ResidueClass.UNKNOWN)
        .map(ResidueLine::text)
        .toList();
  }

  @Test
  void aWordProcessorsOrderReadsEachLabelWithItsValue() {
    Sheet s =
        read(
            "まち・ひと・しごと創生総合戦略　平成 30 年度実績評価シート シート番号 5-2",
            "基本目標 １　あずましい暮らしプロジェクト",
            "個別施策 移住促進事業",
            "ＫＰＩ その 2 移住ワンストップ窓口を利用した移住世帯数",
            "指標担当部課等 総務部　企画政策室",
            "区分 従前値（H 26） H 27 H 28 H 29 H 30 H 31 目標値（H 31）",
            "実績値 6 世帯 6 世帯 12 世帯 4 世帯 5 世帯 ― 10 世帯",
            "単位 世帯",
            "達成率 75.0 ％ 評価 Ｃ 進捗状況 やや遅れ",
            "設定根拠 + 1 世帯/年",
            "効果発現要因（総合所見） （その 1 に記載）",
            "今後の取組 （その 1 に記載）",
            "評価基準：Ａ＝達成率 100 ％以上",
            "- 6 -");

    assertThat(s.isSheet()).isTrue();
    assertThat(s.sheetProject()).isEqualTo(5);
    assertThat(s.sheetKpi()).isEqualTo(2);
    assertThat(s.kpiOrdinal()).isEqualTo(2);
    assertThat(s.title()).isEqualTo("まち・ひと・しごと創生総合戦略　平成 30 年度実績評価シート");
    assertThat(s.group()).isEqualTo("１　あずましい暮らしプロジェクト");
    assertThat(s.project()).isEqualTo("移住促進事業");
    assertThat(s.kpiName()).isEqualTo("移住ワンストップ窓口を利用した移住世帯数");
    assertThat(s.dept()).isEqualTo("総務部　企画政策室");
    assertThat(s.grid())
        .extracting(c -> c.role() + " " + c.year() + " " + c.value().printed())
        .containsExactly(
            "BASELINE 2014 6 世帯",
            "YEAR 2015 6 世帯",
            "YEAR 2016 12 世帯",
            "YEAR 2017 4 世帯",
            "YEAR 2018 5 世帯",
            "YEAR 2019 ―",
            "TARGET 2019 10 世帯");
    assertThat(s.unitPrinted()).isEqualTo("世帯");
    assertThat(s.achievement()).isEqualTo("75.0 ％");
    assertThat(s.grade()).isEqualTo("Ｃ");
    assertThat(s.progress()).isEqualTo("やや遅れ");
    assertThat(s.basis()).isEqualTo("+ 1 世帯/年");
    assertThat(s.legend()).isEqualTo("評価基準：Ａ＝達成率 100 ％以上");
    assertThat(s.effect()).isEqualTo(new Sheet.Narrative(null, true));
    assertThat(s.future()).isEqualTo(new Sheet.Narrative(null, true));
    assertThat(s.residue())
        .filteredOn(r -> r.text().contains("その 1 に記載"))
        .extracting(ResidueLine::cls)
        .containsExactly(ResidueClass.SECTION_LABEL, ResidueClass.SECTION_LABEL);
    assertThat(unknown(s)).isEmpty();
  }

  @Test
  void aSpreadsheetsTwoPassesPutEachValueUnderTheBareLabelBetweenItsNeighbours() {
    // LibreOffice: 個別施策's value has ASCII (second pass), the KPI name none (first pass, where
    // its label ＫＰＩ その1 is not: that one is mixed-script)
    Sheet s =
        read(
            "- 17 -",
            "基本目標 ２　樽っ子プライド育成プロジェクト",
            "個別施策",
            "授業がよくわかると答えた児童の割合（小学校）",
            "指標担当部課等 教育部　学校教育支援室・施設管理課",
            "区分 H27 H28 H29 H30 H31",
            "実績値 75.85% 79.90% 80.60% 78.60% 87.20% 81.40% 90%",
            "単位",
            "達成率 39.2％ 評価 Ｄ 進捗状況 遅れ",
            "設定根拠",
            "今後の取組",
            "シート番号 12-1",
            "ICT教育推進事業",
            "ＫＰＩ その1",
            "従前値（H26） 目標値（H31）",
            "%",
            "+2.5%/年（実現可能な範囲で設定）",
            "効果発現要因（総合\n所見）",
            "小学校の全教室に大型液晶テレビ及び実物投影機が配備され、\n授業改善が定着してきた。",
            "教員向け「ICT活用研修講座」を開催した。",
            "評価基準：Ａ＝達成率100％以上");

    assertThat(s.project()).isEqualTo("ICT教育推進事業");
    assertThat(s.kpiName()).isEqualTo("授業がよくわかると答えた児童の割合（小学校）");
    assertThat(s.unitPrinted()).isEqualTo("%");
    assertThat(s.basis()).isEqualTo("+2.5%/年（実現可能な範囲で設定）");
    assertThat(s.effect().text()).isEqualTo("小学校の全教室に大型液晶テレビ及び実物投影機が配備され、授業改善が定着してきた。");
    assertThat(s.future().text()).isEqualTo("教員向け「ICT活用研修講座」を開催した。");
    assertThat(s.grid())
        .extracting(Sheet.Column::year)
        .containsExactly(2014, 2015, 2016, 2017, 2018, 2019, 2019);
    assertThat(unknown(s)).isEmpty();
    assertThat(s.residue())
        .extracting(ResidueLine::text, ResidueLine::cls)
        .contains(
            org.assertj.core.groups.Tuple.tuple("- 17 -", ResidueClass.PAGE_MARKER),
            org.assertj.core.groups.Tuple.tuple("個別施策", ResidueClass.SECTION_LABEL),
            org.assertj.core.groups.Tuple.tuple("効果発現要因（総合", ResidueClass.SECTION_LABEL),
            org.assertj.core.groups.Tuple.tuple("所見）", ResidueClass.SECTION_LABEL));
  }

  @Test
  void aBlockTwoBareLabelsCouldOwnIsNeitherTheirsButUnknown() {
    // 個別施策 and the KPI label both bare, one text between them and nothing else to decide
    Sheet s =
        read(
            "個別施策",
            "市営住宅の改善・建替の実施棟数",
            "指標担当部課等 建設部　建築住宅課",
            "実績値 18棟 21棟 27棟 31棟 34棟 36棟 48棟",
            "シート番号 1-1",
            "ＫＰＩ その1");

    assertThat(s.project()).isNull();
    assertThat(s.kpiName()).isNull();
    assertThat(unknown(s)).containsExactly("市営住宅の改善・建替の実施棟数");
  }

  @Test
  void twoTextsAfterTheEffectLabelAreItsAndTheFutureOnesButOneTextIsUnknown() {
    Sheet both =
        read("今後の取組", "シート番号 3-1", "効果発現要因（総合\n所見）", "申請は14件。", "周知を進める。", "評価基準：Ａ＝達成率100％以上");
    assertThat(both.effect().text()).isEqualTo("申請は14件。");
    assertThat(both.future().text()).isEqualTo("周知を進める。");

    Sheet one = read("今後の取組", "シート番号 3-1", "効果発現要因（総合\n所見）", "申請は14件。", "評価基準：Ａ＝達成率100％以上");
    assertThat(one.effect()).isNull();
    assertThat(one.future()).isNull();
    assertThat(unknown(one)).containsExactly("申請は14件。");
  }

  @Test
  void withoutBlankLinesACellsEndIsUnknownAndTheTextsAreNotSplitByGuess() {
    Sheet s =
        new SheetReader()
            .read(1, page("今後の取組\nシート番号 3-1\n効果発現要因（総合\n所見）\n申請は14件。\n周知を進める。\n評価基準：Ａ＝達成率100％以上"));
    assertThat(s.effect()).isNull();
    assertThat(s.future()).isNull();
    assertThat(unknown(s)).containsExactly("申請は14件。", "周知を進める。");
  }

  @Test
  void referencesToTheFirstSheetAreNoTexts() {
    Sheet s =
        read("今後の取組", "シート番号 5-2", "効果発現要因（総合\n所見）", "（その1に記載）", "（その1に記載）", "評価基準：Ａ＝達成率100％以上");
    assertThat(s.effect()).isEqualTo(new Sheet.Narrative(null, true));
    assertThat(s.future()).isEqualTo(new Sheet.Narrative(null, true));
    assertThat(s.residue())
        .filteredOn(r -> r.text().equals("（その1に記載）"))
        .extracting(ResidueLine::cls)
        .containsExactly(ResidueClass.SECTION_LABEL, ResidueClass.SECTION_LABEL);
  }

  @Test
  void aValueOnTheLineAfterItsBareLabelAndAWrappedValueAreRead() {
    Sheet s =
        read(
            "個別施策\n街路防犯灯LED化推進事業",
            "設定根拠 対象となる灯数　～　H27～29:水銀灯・白熱灯・蛍光灯,\nH30～32:ナトリウム灯・無電極灯",
            "今後の取組",
            "シート番号 9-1");
    assertThat(s.project()).isEqualTo("街路防犯灯LED化推進事業");
    assertThat(s.basis()).isEqualTo("対象となる灯数　～　H27～29:水銀灯・白熱灯・蛍光灯,H30～32:ナトリウム灯・無電極灯");
    assertThat(unknown(s)).isEmpty();
  }

  @Test
  void relabelledCellsReadTheSame() {
    Sheet s =
        read(
            "政策目標：1 あずましい暮らしプロジェクト",
            "施策名：移住促進事業",
            "KPI1 移住・定住に関する問合せ件数",
            "担当課 総務部 企画政策室",
            "年度 基準値(H26) H27 H28 H29 H30 H31 目標(H31)",
            "実績 52件 104件 78件 70件 88件 114件 100件",
            "単位：件",
            "達成度 100.0% 評定 A 進捗 順調",
            "目標値の設定根拠 +10件/年",
            "シートNo.5-1");
    assertThat(s.sheetProject()).isEqualTo(5);
    assertThat(s.kpiOrdinal()).isEqualTo(1);
    assertThat(s.group()).isEqualTo("1 あずましい暮らしプロジェクト");
    assertThat(s.project()).isEqualTo("移住促進事業");
    assertThat(s.kpiName()).isEqualTo("移住・定住に関する問合せ件数");
    assertThat(s.dept()).isEqualTo("総務部 企画政策室");
    assertThat(s.grid()).hasSize(7);
    assertThat(s.unitPrinted()).isEqualTo("件");
    assertThat(s.achievement()).isEqualTo("100.0%");
    assertThat(s.grade()).isEqualTo("A");
    assertThat(s.progress()).isEqualTo("順調");
    assertThat(s.basis()).isEqualTo("+10件/年");
    assertThat(unknown(s)).isEmpty();
  }

  @Test
  void aGridWhoseValuesDoNotFitItsHeaderIsUnreadAndUnknown() {
    Sheet s = read("区分 H27 H28 H29 H30 H31", "実績値 18棟 21棟 27棟 31棟 34棟 36棟", "従前値（H26） 目標値（H31）");
    assertThat(s.grid()).isNull();
    assertThat(s.gridProblem())
        .isEqualTo("the 実績値 row has 6 values for 7 columns (従前値, 5 years, 目標値)");
    assertThat(unknown(s))
        .containsExactly(
            "区分 H27 H28 H29 H30 H31", "実績値 18棟 21棟 27棟 31棟 34棟 36棟", "従前値（H26） 目標値（H31）");
  }

  @Test
  void aHeaderCutBeforeItsBaselineAndTargetCellsKeepsTheirValuesWithoutYears() {
    Sheet s = read("区分 H27 H28 H29 H30 H31", "実績値 18棟 21棟 27棟 31棟 34棟 36棟 48棟");
    assertThat(s.grid())
        .extracting(c -> c.role() + " " + c.year())
        .containsExactly(
            "BASELINE null",
            "YEAR 2015",
            "YEAR 2016",
            "YEAR 2017",
            "YEAR 2018",
            "YEAR 2019",
            "TARGET null");
  }

  @Test
  void linesThatOnlyStartWithALabelWordAreText() {
    assertThat(SheetLabels.classify(line("実績値については、気象状況に左右される面がある")).kind())
        .isEqualTo(SheetLabels.Kind.TEXT);
    assertThat(SheetLabels.classify(line("評価の高い事業である。")).kind()).isEqualTo(SheetLabels.Kind.TEXT);
    assertThat(SheetLabels.classify(line("目標値には至らなかったが、好評であった。")).kind())
        .isEqualTo(SheetLabels.Kind.TEXT);
    assertThat(SheetLabels.classify(line("単位 件数が増えたため、目標を見直した。")).kind())
        .isEqualTo(SheetLabels.Kind.TEXT);
    assertThat(SheetLabels.classify(line("H29 H30")).kind()).isEqualTo(SheetLabels.Kind.GRID);
    assertThat(SheetLabels.classify(line("H29")).kind()).isEqualTo(SheetLabels.Kind.TEXT);
  }

  @Test
  void numbersTooLongForASheetAreNoSheetNumbersOrOrdinals() {
    // not a sheet's number: read as text, not as an int that overflows
    assertThat(SheetLabels.classify(line("シート番号 99999999999-1")).kind())
        .isEqualTo(SheetLabels.Kind.TEXT);
    assertThat(SheetLabels.classify(line("KPI123456789012 名前")).kind())
        .isEqualTo(SheetLabels.Kind.TEXT);
    Sheet s = read("基本目標 12345678901234　プロジェクト", "シート番号 1-1", "ＫＰＩ その1");
    assertThat(s.group()).isEqualTo("12345678901234　プロジェクト");
    assertThat(SheetAssembler.department("建設部　建築住宅課")).containsExactly("建設部", "建築住宅課");
  }

  private static SheetLine line(String s) {
    return new SheetLine(1, 1, FoldedText.of(s));
  }
}
