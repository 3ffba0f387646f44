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
}
