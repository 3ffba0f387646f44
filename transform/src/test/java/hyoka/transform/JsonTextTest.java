package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    JsonText.append(b, s);
    return b.toString();
  }

  @Test
  void japaneseStaysTextAndOnlyWhatJsonNeedsIsEscaped() {
    assertThat(json("市民の声「除雪依頼」件数")).isEqualTo("\"市民の声「除雪依頼」件数\"");
    assertThat(json("a\"b\\c\nd\te\u0001\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\"");
    assertThat(json(null)).isEqualTo("null");
  }
}
