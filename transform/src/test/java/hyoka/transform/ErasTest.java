package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

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
}
