package hyoka.ingest;

/**
 * What an ingest tells while it runs, for a progress display (the CLI's is on stderr). Called from
 * the ingest's threads: the driver's and the one that watches the staging directory.
 */
public interface IngestProgress {
  /** Nothing is shown. */
  IngestProgress NONE = new IngestProgress() {};

  /**
   * A step begins: {@code scan} (hash the inputs), {@code pipeline} (extract, parse, write shards),
   * {@code publish} (load them into the warehouse), {@code index} (bring the search index to the
   * run).
   *
   * @param files the files the pipeline reads (known from the pipeline step on; 0 before)
   */
  default void step(String step, int files) {}

  /**
   * One of the pipeline's files is done (read or rejected); {@code pages} it had (0 if rejected).
   */
  default void fileDone(int pages) {}
}
