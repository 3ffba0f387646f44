package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id's equality, written out instead of the record's (see the comment in the class). */
class WarehouseFileIdTest {
  @TempDir Path tmp;

  @Test
  void equalExactlyWhenEveryComponentIs() {
    WarehouseFileId id = new WarehouseFileId("(dev=801,ino=42)", 12288, 1_700_000_000_123L, 0xabcL);
    assertThat(id)
        .isEqualTo(new WarehouseFileId("(dev=801,ino=42)", 12288, 1_700_000_000_123L, 0xabcL));
    assertThat(id.hashCode())
        .isEqualTo(
            new WarehouseFileId("(dev=801,ino=42)", 12288, 1_700_000_000_123L, 0xabcL).hashCode());
    List<WarehouseFileId> others =
        List.of(
            new WarehouseFileId("(dev=801,ino=43)", 12288, 1_700_000_000_123L, 0xabcL),
            new WarehouseFileId("(dev=801,ino=42)", 12289, 1_700_000_000_123L, 0xabcL),
            new WarehouseFileId("(dev=801,ino=42)", 12288, 1_700_000_000_124L, 0xabcL),
            new WarehouseFileId("(dev=801,ino=42)", 12288, 1_700_000_000_123L, 0xabdL),
            new WarehouseFileId(null, 12288, 1_700_000_000_123L, 0xabcL));
    for (WarehouseFileId other : others) {
      assertThat(id).isNotEqualTo(other);
      assertThat(other).isNotEqualTo(id);
    }
    assertThat(id).isNotEqualTo(id.encode());
  }

  @Test
  void aFileReadTwiceHasOneIdAndItsEncodedFormComesBack() throws Exception {
    Path file = tmp.resolve("warehouse.duckdb");
    Files.write(file, new byte[20_000]);
    WarehouseFileId id = WarehouseFileId.of(file).orElseThrow();
    assertThat(WarehouseFileId.of(file)).contains(id);
    assertThat(WarehouseFileId.decode(id.encode())).contains(id);
    Files.write(file, new byte[20_001]);
    assertThat(WarehouseFileId.of(file).orElseThrow()).isNotEqualTo(id);
  }
}
