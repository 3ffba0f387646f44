package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.IngestedReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining the shards' batches of a table gives every row of every shard, in shard order. */
class ShardConcatReaderTest {
  @TempDir Path tmp;

  @Test
  void joinedBatchesHoldEveryRowOfEveryShardInOrder() throws IOException {
    List<Path> shards = new ArrayList<>();
    int n = 0;
    for (IngestedReport r :
        List.of(Samples.ingested("h30"), Samples.ingested("h31"), Samples.ingested("h30"))) {
      shards.add(tmp.resolve("s" + n++));
      ReportShard.write(r, shards.get(shards.size() - 1));
    }
    for (TableSpec table : Tables.SHARD_TABLES) {
      List<Object[]> expected = new ArrayList<>();
      shards.forEach(s -> expected.addAll(ReportShard.read(s, table)));
      // 100 rows or more per batch: projects (62 a shard), kpis (73) and budget items (96) are
      // joined from two shards, appended at bit offsets that are not multiples of 8
      List<Integer> batchSizes = new ArrayList<>();
      List<Object[]> rows = readAll(table, shards, 100, batchSizes);
      assertThat(rows).as(table.name()).containsExactlyElementsOf(expected);
      assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected.size());
      if (!batchSizes.isEmpty()) {
        // the samples need no text repair: that table is empty, and no batch is read
        assertThat(batchSizes.subList(0, batchSizes.size() - 1)).allMatch(size -> size >= 100);
      }
    }
    List<Integer> kpiBatches = new ArrayList<>();
    readAll(Tables.KPIS, shards, 100, kpiBatches);
    assertThat(kpiBatches).containsExactly(146, 73);
    List<Integer> oneBatch = new ArrayList<>();
    assertThat(readAll(Tables.KPIS, shards, 1 << 20, oneBatch)).hasSize(3 * 73);
    assertThat(oneBatch).containsExactly(3 * 73);
  }

  @Test
  void aShardFileOfAnotherTableIsRefusedNamingTheFile() throws IOException {
    Path shard = tmp.resolve("s");
    ReportShard.write(Samples.ingested("h31"), shard);
    Files.copy(
        ReportShard.file(shard, Tables.RESIDUE),
        ReportShard.file(shard, Tables.NARRATIVES),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (BufferAllocator allocator = new RootAllocator();
        ShardConcatReader reader =
            new ShardConcatReader(
                allocator,
                Tables.NARRATIVES,
                List.of(ReportShard.file(shard, Tables.NARRATIVES)))) {
      assertThatThrownBy(reader::loadNextBatch)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(ReportShard.file(shard, Tables.NARRATIVES).toString());
      assertThat(reader.currentFile()).isEqualTo(ReportShard.file(shard, Tables.NARRATIVES));
    }
  }

  private static List<Object[]> readAll(
      TableSpec table, List<Path> shards, int batchRows, List<Integer> batchSizes)
      throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ShardConcatReader reader =
            new ShardConcatReader(
                allocator,
                table,
                shards.stream().map(s -> ReportShard.file(s, table)).toList(),
                batchRows)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        batchSizes.add(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
          Object[] row = new Object[table.columns().size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = ArrowRows.get(root.getVector(c), table.columns().get(c).type(), r);
          }
          rows.add(row);
        }
      }
      assertThat(reader.currentFile()).isNull();
    }
    return rows;
  }
}
