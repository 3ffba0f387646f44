package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
  @Test
  void japaneseAndFullWidthTakeTwoColumnsAsciiAndHalfWidthKanaOne() {
    assertThat(DisplayWidth.of("除雪事業")).isEqualTo(8);
    assertThat(DisplayWidth.of("ＬＥＤ")).isEqualTo(6);
    assertThat(DisplayWidth.of("LED 10件")).isEqualTo(8);
    assertThat(DisplayWidth.of("ﾌﾟﾛﾓｰｼｮﾝ")).isEqualTo(8);
    assertThat(DisplayWidth.of((String) null)).isZero();
  }

  @Test
  void clipCutsAtAColumnBoundaryAndMarksTheCut() {
    assertThat(DisplayWidth.clip("交通事故防止啓発事業", 9)).isEqualTo("交通事故…");
    assertThat(DisplayWidth.of(DisplayWidth.clip("交通事故防止啓発事業", 9))).isEqualTo(9);
    assertThat(DisplayWidth.clip("除雪事業", 8)).isEqualTo("除雪事業");
    assertThat(DisplayWidth.clip(null, 5)).isEmpty();
  }
}
