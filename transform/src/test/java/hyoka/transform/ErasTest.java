package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Era years: Eras.first finds what the ERA_YEAR pattern finds first. */
class ErasTest {
  private static Integer byPattern(String folded) {
    Matcher m = Eras.ERA_YEAR.matcher(folded);
    return m.find() ? Eras.western(m.group(1), m.group(2)) : null;
  }

  @Test
  void firstIsThePatternsFirstMatchOnEveryLineAndTrickyText() {
    List<String> texts = new ArrayList<>();
    for (String page : Fixtures.text("h31").pages()) {
      for (String line : ReportText.lines(page)) {
        texts.add(FoldedText.tight(FoldedText.of(line).folded()));
      }
    }
    texts.addAll(
        List.of(
            "",
            "H",
            "R元",
            "令和",
            "平成元年度",
            "令和2年",
            "HR31",
            "H平成30",
            "H123",
            "目標値(H31)",
            "R 2",
            "平H3",
            "基準値(H-1988)H27実績値",
            "H0"));
    int found = 0;
    for (String t : texts) {
      assertThat(Eras.first(t)).as(t).isEqualTo(byPattern(t));
      if (byPattern(t) != null) {
        found++;
      }
    }
    assertThat(found).isGreaterThan(100);
    assertThat(Eras.first("《令和元年度実施内容》")).isEqualTo(2019);
    assertThat(Eras.first("H31年度")).isEqualTo(2019);
  }

  @Test
  void printedYearsReadEveryEraSpellingProducersUse() {
    assertThat(Eras.firstPrinted("まち・ひと・しごと創生総合戦略　令和元年度実績評価シート")).isEqualTo(2019);
    assertThat(Eras.firstPrinted("平成30年度実績評価シート")).isEqualTo(2018);
    assertThat(Eras.firstPrinted("平成 31 年度")).isEqualTo(2019);
    assertThat(Eras.firstPrinted("令和２年度")).isEqualTo(2020);
    assertThat(Eras.firstPrinted("Ｈ３１")).isEqualTo(2019);
    assertThat(Eras.firstPrinted("R元")).isEqualTo(2019);
    assertThat(Eras.firstPrinted("H123")).isNull();
    assertThat(Eras.firstPrinted("LED化で電気料金6割減")).isNull();
    assertThat(Eras.all("区分 従前値(H 26) H 27 H28 R1 R 2 令和3 目標値(R5)"))
        .extracting(Eras.EraYear::year)
        .containsExactly(2014, 2015, 2016, 2019, 2020, 2021, 2023);
    assertThat(Eras.all("目標値(H31)")).containsExactly(new Eras.EraYear(4, 7, 2019));
  }

  @Test
  void aTypedFiscalYearIsReadInEveryFormAResearcherWrites() {
    for (String typed :
        List.of(
            "2019", "２０１９", " 2019 ", "2019年度", "2019年", "FY2019", "fy2019", "令和元", "令和元年度",
            "令和 元 年度", "令和1", "令和１年度", "R1", "r1", "Ｒ１", "R01", "平成31", "平成31年度", "H31", "h31")) {
      assertThat(Eras.fiscalYear(typed)).as(typed).isEqualTo(2019);
    }
    assertThat(Eras.fiscalYear("平成30年度")).isEqualTo(2018);
    assertThat(Eras.fiscalYear("R2")).isEqualTo(2020);
    assertThat(Eras.fiscalYear("令和6年度")).isEqualTo(2024);
    // printed in plans made before the era changed (目標値(H32)): the Western year all the same
    assertThat(Eras.fiscalYear("H32")).isEqualTo(2020);
  }

  @Test
  void anythingElseIsRefusedNamingWhatWasTyped() {
    for (String typed :
        List.of(
            "", " ", "19", "20190", "2019.5", "令和", "令和0", "R0", "R100", "S64", "昭和64", "二〇一九",
            "2019年度末", "FY")) {
      assertThatThrownBy(() -> Eras.fiscalYear(typed))
          .as(typed)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "'"
                  + typed
                  + "' is not a fiscal year: write it as 2019, 2019年度, 令和元 (R1) or 平成31 (H31)");
    }
  }
}
