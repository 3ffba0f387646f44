package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed radical table is what {@link RadicalTable} generates from Unicode's file, and every
 * mapping that lands outside JIS X 0208 (the everyday Japanese character set) was decided by hand.
 */
class RadicalsTest {
  private static final CharsetEncoder JIS_X_0208 = Charset.forName("Shift_JIS").newEncoder();

  private static boolean jisX0208(int cp) {
    return JIS_X_0208.canEncode(new String(Character.toChars(cp)));
  }

  /**
   * Radicals whose Unicode equivalent is outside JIS X 0208 and kept as Unicode gives it: a
   * component (亻, 氵, 辶 …) or a form with no other Japanese ideograph (彐 for ⼹, 辵 for ⾡). Checked
   * one by one; the C-SIMPLIFIED radicals (Chinese simplified forms such as ⻓ → 长) are kept too,
   * because that is the shape the glyph shows.
   */
  private static final Set<Integer> KEPT_COMPONENTS =
      Set.of(
          0x2E82, 0x2E83, 0x2E85, 0x2E87, 0x2E89, 0x2E8B, 0x2E8F, 0x2E91, 0x2E95, 0x2E96, 0x2E98,
          0x2E9E, 0x2EA1, 0x2EA2, 0x2EA3, 0x2EA4, 0x2EA5, 0x2EA6, 0x2EA8, 0x2EAA, 0x2EAD, 0x2EAE,
          0x2EAF, 0x2EB1, 0x2EB2, 0x2EB3, 0x2EB5, 0x2EB7, 0x2EB8, 0x2EB9, 0x2EBA, 0x2EBD, 0x2EBE,
          0x2EBF, 0x2EC0, 0x2EC2, 0x2EC3, 0x2EC7, 0x2ECA, 0x2ECC, 0x2ECD, 0x2ECE, 0x2ED2, 0x2ED5,
          0x2ED6, 0x2EDE, 0x2EDF, 0x2EE1, 0x2F01, 0x2F39, 0x2F67, 0x2F71, 0x2FA1);

  @Test
  void theCommittedTableIsGeneratedFromUnicodesFile() throws IOException {
    String committed;
    try (InputStream in = Radicals.class.getResourceAsStream(Radicals.RESOURCE)) {
      committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String ucd = RadicalTable.ucdText();
    assertThat(ucd).startsWith("# EquivalentUnifiedIdeograph-" + RadicalTable.UCD_VERSION + ".txt");
    assertThat(committed).isEqualTo(RadicalTable.generate(ucd));
    // what Radicals loaded is that table
    Map<Integer, Integer> eui = RadicalTable.equivalents(ucd);
    assertThat(eui).hasSizeGreaterThan(300);
    for (int c = Radicals.FIRST; c <= Radicals.LAST; c++) {
      RadicalTable.Japanese j = RadicalTable.JAPANESE.get(c);
      int want = j != null ? j.ideograph() : eui.getOrDefault(c, c);
      assertThat(Radicals.ideographOf(c)).as("U+%04X", c).isEqualTo(want);
    }
  }

  @Test
  void everyMappingOutsideJisX0208WasDecided() {
    Set<String> undecided = new TreeSet<>();
    for (Map.Entry<Integer, Integer> e :
        RadicalTable.equivalents(RadicalTable.ucdText()).entrySet()) {
      int radical = e.getKey();
      int ideograph = Radicals.ideographOf(radical);
      RadicalTable.Japanese j = RadicalTable.JAPANESE.get(radical);
      if (j != null) {
        // the Japanese rule applies only where Unicode's form is not everyday Japanese
        assertThat(jisX0208(e.getValue())).as("U+%04X", radical).isFalse();
        assertThat(jisX0208(ideograph)).as("U+%04X", radical).isTrue();
        continue;
      }
      assertThat(ideograph).isEqualTo(e.getValue());
      if (jisX0208(ideograph)
          || Character.getName(radical).contains("C-SIMPLIFIED")
          || KEPT_COMPONENTS.contains(radical)) {
        continue;
      }
      undecided.add(String.format("U+%04X %s", radical, Character.getName(radical)));
    }
    assertThat(undecided).isEmpty();
    for (int radical : KEPT_COMPONENTS) {
      assertThat(jisX0208(Radicals.ideographOf(radical))).as("U+%04X", radical).isFalse();
    }
  }

  @Test
  void foldsTheRadicalsRealProducersPrint() {
    // the supplement radicals NFKC leaves alone, and ⼾, which NFKC makes 戶
    assertThat(Radicals.fold("市⺠")).isEqualTo("市民");
    assertThat(Radicals.fold("市⻑")).isEqualTo("市長");
    assertThat(Radicals.fold("⻄部⻘年")).isEqualTo("西部青年");
    assertThat(Radicals.fold("借上住⼾数")).isEqualTo("借上住戸数");
    assertThat(Radicals.fold("⾭⿈⿊")).isEqualTo("青黄黒");
    // Kangxi radicals that NFKC folds already give the same ideograph
    assertThat(Radicals.fold("⽬標")).isEqualTo("目標");
    // ⺀ has no equivalent ideograph; text without radicals is returned as it is
    assertThat(Radicals.fold("⺀")).isEqualTo("⺀");
    String plain = "借上住戸数（累計） 4戸";
    assertThat(Radicals.fold(plain)).isSameAs(plain);
    assertThat(Radicals.mappings()).containsEntry("⼾", "戸").containsEntry("⻑", "長");
  }

  @Test
  void textsFoldFoldsRadicalsBeforeNfkc() {
    assertThat(Texts.fold("借上住⼾数")).isEqualTo("借上住戸数");
    assertThat(Texts.fold("市⺠ＬＥＤ")).isEqualTo("市民LED");
    assertThat(FoldedText.of("⼾数 4⼾").folded()).isEqualTo("戸数 4戸");
    assertThat(FoldedText.of("⼾数 4⼾").printedOf(3, 5)).isEqualTo("4⼾");
  }
}
