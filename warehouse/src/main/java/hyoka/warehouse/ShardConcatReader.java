package hyoka.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * The record batches of one table's file in many shards, one after another, as a single Arrow
 * stream. Publish hands DuckDB one such stream per table, so a run is one {@code INSERT} per table
 * instead of one per shard and table (each statement and stream registration has a fixed cost in
 * DuckDB that dominated the load of small shards).
 *
 * <p>DuckDB pays per batch and per chunk it appends, and a shard's batch holds only one report's
 * rows (1 to ~1,000), so consecutive batches are joined until a batch holds {@code batchRows} rows
 * or more (buffers copied, offsets shifted; no Java object per value). Only one shard file is open
 * at a time; a file whose columns differ from the table's fails the stream.
 */
final class ShardConcatReader extends ArrowReader {
  /** Rows per batch handed to DuckDB: measured to halve the insert CPU of the kpis table. */
  static final int BATCH_ROWS = 16384;

  private final TableSpec table;
  private final List<Path> files;
  private final Schema schema;
  private final int batchRows;
  private int next;
  private FileChannel channel;
  private ArrowFileReader current;
  private Path currentFile;

  ShardConcatReader(BufferAllocator allocator, TableSpec table, List<Path> files) {
    this(allocator, table, files, BATCH_ROWS);
  }

  ShardConcatReader(BufferAllocator allocator, TableSpec table, List<Path> files, int batchRows) {
    super(allocator);
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
    }
    this.batchRows = batchRows;
    this.table = table;
    this.files = List.copyOf(files);
    this.schema = table.arrowSchema();
  }

  /** The shard file being read, for error messages; null before the first and after the last. */
  Path currentFile() {
    return currentFile;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    VectorSchemaRoot root = getVectorSchemaRoot();
    int rows = 0;
    while (rows < batchRows) {
      if (current == null) {
        if (next == files.size()) {
          currentFile = null;
          break;
        }
        open(files.get(next++));
      }
      if (!current.loadNextBatch()) {
        closeCurrent();
        continue;
      }
      VectorSchemaRoot source = current.getVectorSchemaRoot();
      if (source.getRowCount() == 0) {
        continue;
      }
      if (rows == 0) {
        // Fresh buffers: the consumer may still hold the ones of the batch exported before.
        for (FieldVector v : root.getFieldVectors()) {
          v.clear();
          v.allocateNew();
        }
      }
      for (int i = 0; i < source.getFieldVectors().size(); i++) {
        source.getVector(i).accept(new VectorAppender(root.getVector(i)), null);
      }
      rows += source.getRowCount();
    }
    root.setRowCount(rows);
    return rows > 0;
  }

  private void open(Path file) throws IOException {
    currentFile = file;
    channel = FileChannel.open(file, StandardOpenOption.READ);
    current = new ArrowFileReader(channel, allocator);
    Schema found = current.getVectorSchemaRoot().getSchema();
    if (!found.getFields().equals(schema.getFields())) {
      throw new IOException(file + " does not hold the columns of " + table.name() + ": " + found);
    }
  }

  private void closeCurrent() throws IOException {
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      current = null;
      if (channel != null) {
        channel.close();
        channel = null;
      }
    }
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() throws IOException {
    closeCurrent();
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
