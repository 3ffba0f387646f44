package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a narrative stream into project blocks, on streams of a few lines made here. */
class BlockSplitterTest {
  private static List<Line> stream(String... lines) {
    LineClassifier classifier = new LineClassifier();
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.add(classifier.classify(1, i + 1, lines[i]));
    }
    return out;
  }

  @Test
  void aBlockEndsWithItsDepartmentSectionDescriptionAndHeader() {
    BlockSplitter.Result r =
        new BlockSplitter()
            .split(
                stream(
                    "交通安全運動推進委員会交付金",
                    "交通安全運動を行う。",
                    "6 ＜生活環境部",
                    "（生活安全課）＞",
                    "交通事故の撲滅を目指す事業",
                    "施策ＫＰＩ 基準値(H26) H27実績値 H28実績値",
                    "H31年度",
                    "市営住宅改善事業費",
                    "37 ＜産業港湾部",
                    "（観光振興室）",
                    "建設部",
                    "（新幹線・まちづくり推進室）＞",
                    "観光資源の掘り起こしを図る事業",
                    "施策ＫＰＩ 基準値(H26) H27実績値",
                    "H31年度",
                    "後に残る行"));

    assertThat(r.blocks()).extracting(Block::projectNo).containsExactly(6, 37);
    Block six = r.blocks().get(0);
    assertThat(six.departments()).containsExactly("生活環境部");
    assertThat(six.sections()).containsExactly("生活安全課");
    assertThat(six.description()).extracting(Line::printed).containsExactly("交通事故の撲滅を目指す事業");
    assertThat(six.header()).extracting(Line::printed).hasSize(2);
    assertThat(six.body())
        .extracting(Line::printed)
        .containsExactly("交通安全運動推進委員会交付金", "交通安全運動を行う。");
    Block two = r.blocks().get(1);
    assertThat(two.departments()).containsExactly("産業港湾部", "建設部");
    assertThat(two.sections()).containsExactly("観光振興室", "新幹線・まちづくり推進室");
    assertThat(two.body()).extracting(Line::printed).containsExactly("市営住宅改善事業費");
    assertThat(r.leftover()).extracting(Line::printed).containsExactly("後に残る行");
  }

  @Test
  void aHeaderAndDescriptionPrintedBeforeTheDepartmentLineAreTheBlocksToo() {
    BlockSplitter.Result r =
        new BlockSplitter()
            .split(
                stream(
                    "物流拠点整備事業費",
                    "近年、太平洋側への物流シフトなどにより経済の活性化を図る事業",
                    "施策ＫＰＩ 基準値(H26) H27実績値",
                    "H31年度",
                    "33 ＜産業港湾部",
                    "（港湾室）＞",
                    "《平成31年度実施内容》"));

    Block b = r.blocks().get(0);
    assertThat(b.projectNo()).isEqualTo(33);
    assertThat(b.description())
        .extracting(Line::printed)
        .containsExactly("近年、太平洋側への物流シフトなどにより経済の活性化を図る事業");
    assertThat(b.body()).extracting(Line::printed).containsExactly("物流拠点整備事業費");
    assertThat(r.leftover()).extracting(Line::printed).containsExactly("《平成31年度実施内容》");
  }
}
