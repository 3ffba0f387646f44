package hyoka.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The record batches of one table's file in many shards, one after another, as a single Arrow
 * stream. Publish hands DuckDB one such stream per table, so a run is one {@code INSERT} per table
 * instead of one per shard and table (each statement and stream registration has a fixed cost in
 * DuckDB that dominated the load of small shards).
 *
 * <p>Batches are not copied: each batch of a shard file is unloaded and its buffers loaded into
 * this reader's root. Only one shard file is open at a time; a file whose schema differs from the
 * table's fails the stream.
 */
final class ShardConcatReader extends ArrowReader {
  private final TableSpec table;
  private final List<Path> files;
  private final Schema schema;
  private int next;
  private FileChannel channel;
  private ArrowFileReader current;
  private Path currentFile;

  ShardConcatReader(BufferAllocator allocator, TableSpec table, List<Path> files) {
    super(allocator);
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
    while (true) {
      if (current == null) {
        if (next == files.size()) {
          currentFile = null;
          return false;
        }
        open(files.get(next++));
      }
      if (current.loadNextBatch()) {
        prepareLoadNextBatch();
        // loadRecordBatch releases the batch; the root keeps its own references to the buffers.
        ArrowRecordBatch batch = new VectorUnloader(current.getVectorSchemaRoot()).getRecordBatch();
        loadRecordBatch(batch);
        return true;
      }
      closeCurrent();
    }
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
