package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading printed values: the value-row check agrees with the values read. */
class ValuesTest {
  /** What isValueRow means, from the values themselves. */
  private static boolean byTokens(FoldedText text) {
    List<Values.Token> t = Values.tokens(text);
    return t.size() >= 6
        && t.get(t.size() - 3).value().unit() == null
        && t.get(t.size() - 2).value().unit() == null;
  }

  @Test
  void valueRowCheckAgreesWithTheValuesOnEverySampleLine() {
    String h31 = Fixtures.text("h31").joined();
    List<String> lines = new ArrayList<>();
    for (String text :
        List.of(
            h31,
            Fixtures.text("h30").joined(),
            ProducerVariants.spaced(h31),
            ProducerVariants.fullWidth(h31))) {
      lines.addAll(List.of(text.split("[\n\f]", -1)));
    }
    lines.addAll(
        List.of(
            "1 2 3 4 5 6",
            "1件 2件 3件 4件 5 6",
            "1件 2件 3件 4件 5件 6 7件",
            "18棟 21棟 27棟 31棟 34棟 60.00 60.00 48棟",
            "― ― ― （後日報告）人 未確定 1.0 2.0 3",
            "1 2 3 4 5x6 7"));
    int rows = 0;
    for (String line : lines) {
      FoldedText t = FoldedText.of(line);
      assertThat(Values.isValueRow(t)).as(line).isEqualTo(byTokens(t));
      if (byTokens(t)) {
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(4 * 73);
  }
}
