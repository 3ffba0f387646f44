package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive right to ingest into a data directory: an OS lock on {@code dataDir/ingest.lock},
 * released on close or when the process dies (a kill -9 leaves no stale lock behind). Readers never
 * take it.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE = "ingest.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or fails at once.
   *
   * @param shownAs how the message names the directory (as the user gave it)
   * @throws HyokaException DATA_DIR_LOCKED when another ingest, in this process or another, has it
   */
  static DataDirLock acquire(Path dataDir, String shownAs) {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "cannot lock data directory " + shownAs + ": " + e.getMessage(),
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // OS locks belong to the process: a second ingest in this JVM gets this instead of null.
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "cannot lock data directory " + shownAs + ": " + e.getMessage(),
          e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new HyokaException(
          ErrorCode.DATA_DIR_LOCKED,
          "data directory " + shownAs + " is in use by another hyoka ingest");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was written through the channel; the OS drops the lock with the descriptor.
    }
  }
}
