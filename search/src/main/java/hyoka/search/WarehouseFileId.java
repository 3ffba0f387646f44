package hyoka.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Which warehouse database file lies on disk: its file key (device and inode), size, modification
 * time in ns, and a checksum of its first {@value #HEADER_BYTES} bytes (DuckDB's main header and
 * its two database headers, which every checkpoint rewrites). An ingest records the id of the
 * staging warehouse in the index commit of its run just before it renames that file into place (a
 * rename keeps all four), so a reader that only searches finds the commit of the live warehouse's
 * run by looking at the file, without starting DuckDB ({@link SearchSnapshot#openSearcher}).
 *
 * <p>Only equality matters, and only one way: a match must mean the very file the run published. A
 * file copied elsewhere, restored from a backup or touched by anyone has another key or time and
 * matches nothing: the reader then asks DuckDB, as before. A file system without file keys gives no
 * id at all.
 */
public record WarehouseFileId(String fileKey, long size, long modifiedNanos, long headerCrc) {
  /** DuckDB's main header (4 KiB) and its two alternating database headers (4 KiB each). */
  static final int HEADER_BYTES = 3 * 4096;

  /**
   * The id of {@code file} as it is now; empty when it has none (no such file, no file key on this
   * file system, unreadable) or when it changed while it was looked at.
   */
  public static Optional<WarehouseFileId> of(Path file) {
    try {
      BasicFileAttributes before = attributes(file);
      if (before == null || before.fileKey() == null || !before.isRegularFile()) {
        return Optional.empty();
      }
      long crc;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          // read on: a file shorter than the headers is checksummed as it is
        }
        buf.flip();
        CRC32C c = new CRC32C();
        c.update(buf);
        crc = c.getValue();
      }
      // The same key, size and time after the read: the bytes read are of the file stat'ed.
      BasicFileAttributes after = attributes(file);
      WarehouseFileId id = of(before, crc);
      return after != null && id.equals(of(after, crc)) ? Optional.of(id) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private static WarehouseFileId of(BasicFileAttributes a, long crc) {
    return new WarehouseFileId(
        String.valueOf(a.fileKey()),
        a.size(),
        a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
        crc);
  }

  /** The form kept in an index commit's user data. */
  String encode() {
    return size + " " + modifiedNanos + " " + Long.toHexString(headerCrc) + " " + fileKey;
  }

  /*
   * equals and hashCode written out: a record's own are bootstrapped at their first call
   * (ObjectMethods builds a method handle per component), which cost 17-22 ms of `hyoka search`'s
   * start, where this is the only record compared (docs/performance.md, "Fifth pass").
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof WarehouseFileId w
        && size == w.size
        && modifiedNanos == w.modifiedNanos
        && headerCrc == w.headerCrc
        && java.util.Objects.equals(fileKey, w.fileKey);
  }

  @Override
  public int hashCode() {
    return ((java.util.Objects.hashCode(fileKey) * 31 + Long.hashCode(size)) * 31
                + Long.hashCode(modifiedNanos))
            * 31
        + Long.hashCode(headerCrc);
  }

  /** {@link #encode()}'s form back; empty when {@code s} is null or not of that form. */
  static Optional<WarehouseFileId> decode(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String[] p = s.split(" ", 4);
    if (p.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WarehouseFileId(
              p[3], Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseUnsignedLong(p[2], 16)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
