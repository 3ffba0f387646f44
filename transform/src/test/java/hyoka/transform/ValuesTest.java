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
}
