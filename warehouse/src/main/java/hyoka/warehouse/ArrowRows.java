package hyoka.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * Moves rows (Object[] in the column order of a {@link TableSpec}) into and out of Arrow: fills a
 * {@link VectorSchemaRoot}, writes Arrow IPC files, reads them back.
 */
public final class ArrowRows {
  private ArrowRows() {}

  /** A root holding {@code rows}; the caller closes it. */
  public static VectorSchemaRoot toRoot(
      TableSpec table, List<Object[]> rows, BufferAllocator allocator) {
    List<Column> columns = table.columns();
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException(
            table.name()
                + ": row has "
                + row.length
                + " values for "
                + columns.size()
                + " columns");
      }
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(table.arrowSchema(), allocator);
    try {
      // Each vector is allocated once at its final size and filled without capacity checks: the
      // growing setSafe path was most of the cost of writing a shard.
      for (int c = 0; c < columns.size(); c++) {
        fill(root.getVector(c), columns.get(c).type(), rows, c);
      }
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  private static void fill(FieldVector vector, ColumnType type, List<Object[]> rows, int column) {
    int n = rows.size();
    switch (type) {
      case VARCHAR -> {
        byte[][] bytes = new byte[n][];
        long total = 0;
        String previous = null;
        byte[] previousBytes = null;
        for (int r = 0; r < n; r++) {
          String value = (String) rows.get(r)[column];
          if (value == null) {
            continue;
          }
          // Many rows repeat the very same String (report_id, keys, labels): encode it once.
          if (value != previous) {
            previous = value;
            previousBytes = value.getBytes(StandardCharsets.UTF_8);
          }
          bytes[r] = previousBytes;
          total += previousBytes.length;
        }
        VarCharVector v = (VarCharVector) vector;
        v.allocateNew(Math.max(total, 1), Math.max(n, 1));
        for (int r = 0; r < n; r++) {
          if (bytes[r] != null) {
            v.set(r, bytes[r]);
          }
        }
      }
      case INTEGER -> {
        IntVector v = (IntVector) vector;
        fillFixedWidth(v, rows, column, (value, r) -> v.set(r, (Integer) value));
      }
      case BIGINT -> {
        BigIntVector v = (BigIntVector) vector;
        fillFixedWidth(v, rows, column, (value, r) -> v.set(r, ((Number) value).longValue()));
      }
      case DOUBLE -> {
        Float8Vector v = (Float8Vector) vector;
        fillFixedWidth(v, rows, column, (value, r) -> v.set(r, (Double) value));
      }
      case TIMESTAMP -> {
        TimeStampMicroVector v = (TimeStampMicroVector) vector;
        fillFixedWidth(v, rows, column, (value, r) -> v.set(r, micros((Instant) value)));
      }
    }
    vector.setValueCount(n);
  }

  /** Allocates {@code v} at its final size and sets every non-null value of the column. */
  private static void fillFixedWidth(
      BaseFixedWidthVector v, List<Object[]> rows, int column, ObjIntConsumer<Object> set) {
    int n = rows.size();
    v.allocateNew(Math.max(n, 1));
    for (int r = 0; r < n; r++) {
      Object value = rows.get(r)[column];
      if (value != null) {
        set.accept(value, r);
      }
    }
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  /** The value at {@code index} as the Java type {@link ReportRows} uses. */
  public static Object get(FieldVector vector, ColumnType type, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    return switch (type) {
      case VARCHAR -> new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
      case INTEGER -> ((IntVector) vector).get(index);
      case BIGINT -> ((BigIntVector) vector).get(index);
      case DOUBLE -> ((Float8Vector) vector).get(index);
      case TIMESTAMP ->
          Instant.EPOCH.plus(((TimeStampMicroVector) vector).get(index), ChronoUnit.MICROS);
    };
  }

  /** Writes {@code rows} as one record batch of an Arrow IPC file. */
  public static void writeFile(
      TableSpec table, List<Object[]> rows, Path file, BufferAllocator allocator)
      throws IOException {
    try (VectorSchemaRoot root = toRoot(table, rows, allocator);
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
      writer.start();
      writer.writeBatch();
      writer.end();
      // Not forced to disk: a shard lives only until the publish of its own ingest reads it. A
      // crash of any kind before that publish leaves a run that never publishes, whose staging
      // the next ingest deletes, so a synced shard would never be read. Forcing 7 files per
      // report cost the pipeline's workers about 2 s of wall time per 100 reports.
    }
  }

  /** Reads every row of an Arrow IPC file written for {@code table}. */
  public static List<Object[]> readFile(TableSpec table, Path file, BufferAllocator allocator)
      throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<Column> columns = table.columns();
      while (reader.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < columns.size(); c++) {
            row[c] = get(root.getVector(columns.get(c).name()), columns.get(c).type(), r);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
