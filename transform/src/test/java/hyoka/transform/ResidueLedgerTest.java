package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** Every non-blank line is data or residue: what no step placed is reported as unknown. */
class ResidueLedgerTest {
  @Test
  void linesNeitherDataNorResidueBecomeUnknownInTextOrder() {
    ResidueLedger ledger = new ResidueLedger();
    ledger.residue(new ResidueLine(2, 1, " 6", ResidueClass.PAGE_MARKER));
    ledger.data(1, 2);
    ledger.residue(new ResidueLine(1, 3, "《現状分析》", ResidueClass.SECTION_LABEL));
    String[] page1 = {"市営住宅改善・建替事業", "18棟 21棟", "《現状分析》", "　\u00a0 ", "", "H30に終了"};
    for (int i = 0; i < page1.length; i++) {
      ledger.unknownUnlessAccounted(1, i + 1, page1[i]);
    }
    ledger.unknownUnlessAccounted(2, 1, " 6");

    assertThat(ledger.isAccounted(1, 2)).isTrue();
    assertThat(ledger.isAccounted(3, 1)).isFalse();
    assertThat(ledger.lines())
        .extracting(ResidueLine::page, ResidueLine::lineNo, ResidueLine::text, ResidueLine::cls)
        .containsExactly(
            tuple(1, 1, "市営住宅改善・建替事業", ResidueClass.UNKNOWN),
            tuple(1, 3, "《現状分析》", ResidueClass.SECTION_LABEL),
            tuple(1, 6, "H30に終了", ResidueClass.UNKNOWN),
            tuple(2, 1, " 6", ResidueClass.PAGE_MARKER));
  }

  @Test
  void twoResidueLinesOfOnePlaceKeepTheirOrder() {
    ResidueLedger ledger = new ResidueLedger();
    ledger.residue(new ResidueLine(5, 9, "b", ResidueClass.UNKNOWN));
    ledger.residue(new ResidueLine(5, 3, "目的： 交通", ResidueClass.SECTION_LABEL));
    ledger.residue(new ResidueLine(5, 3, "交通", ResidueClass.UNKNOWN));

    assertThat(ledger.lines())
        .extracting(ResidueLine::lineNo, ResidueLine::text)
        .containsExactly(tuple(3, "目的： 交通"), tuple(3, "交通"), tuple(9, "b"));
  }
}
