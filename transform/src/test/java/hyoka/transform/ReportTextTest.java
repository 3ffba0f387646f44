package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages and lines of an extracted text: the numbering every record's provenance refers to. */
class ReportTextTest {
  @Test
  void splitsPagesIntoLinesAsTheLineBreakPatternDoes() {
    List<String> pages = new ArrayList<>(Fixtures.text("h31").pages());
    pages.addAll(List.of("", "\n", "\r\n", "a\r", "\ra", "a\r\r\nb\n", "\n\r\n\r", "x\n\ny\r\nz"));
    for (String page : pages) {
      assertThat(ReportText.lines(page)).containsExactly(page.split("\r?\n", -1));
    }
  }

  @Test
  void joinedIsTheInverseOfOf() {
    String text = Fixtures.text("h31").joined();
    assertThat(ReportText.of("h31.pdf", text).pages()).hasSize(36);
    assertThat(ReportText.of("h31.pdf", text).joined()).isEqualTo(text);
  }
}
