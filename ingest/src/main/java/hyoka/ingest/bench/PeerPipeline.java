package hyoka.ingest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The yardstick of issue 16: what a user would run instead of hyoka to make these PDFs searchable
 * in Japanese, as Fess or an Elasticsearch ingest with Tika does. Each file's whole text is
 * extracted with Tika ({@link AutoDetectParser}, no write limit) and indexed with Lucene's stock
 * {@link JapaneseAnalyzer} (Kuromoji in search mode with its default filters), stored, one document
 * per file, by one thread per core into one {@link IndexWriter} with Lucene's default settings, and
 * committed once. No parsing, no scores, no warehouse, no per-text documents, no bigram field.
 */
final class PeerPipeline {
  static final String PATH = "path";
  static final String TEXT = "text";

  private PeerPipeline() {}

  /**
   * Extracts and indexes {@code files} into a new index in {@code indexDir} on {@code threads}
   * threads; returns the pages Tika counted.
   *
   * @throws IllegalStateException naming the file when one cannot be read or extracted
   */
  static long run(List<Path> files, Path indexDir, int threads) {
    AutoDetectParser parser = new AutoDetectParser();
    try (Directory dir = FSDirectory.open(indexDir);
        JapaneseAnalyzer analyzer = new JapaneseAnalyzer();
        IndexWriter writer =
            new IndexWriter(
                dir,
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      List<Callable<Long>> tasks = new ArrayList<>();
      for (Path f : files) {
        tasks.add(() -> index(parser, writer, f));
      }
      long pages = 0;
      for (long p : Benchmark.runAll(threads, tasks, "peer pipeline")) {
        pages += p;
      }
      writer.commit();
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("peer pipeline index " + indexDir + ": " + e.getMessage(), e);
    }
  }

  private static long index(AutoDetectParser parser, IndexWriter writer, Path file)
      throws IOException {
    BodyContentHandler text = new BodyContentHandler(-1);
    Metadata metadata = new Metadata();
    try (InputStream in = Files.newInputStream(file)) {
      parser.parse(in, text, metadata, new ParseContext());
    } catch (SAXException | TikaException e) {
      throw new IllegalStateException("Tika cannot extract " + file + ": " + e.getMessage(), e);
    }
    Document doc = new Document();
    doc.add(new StringField(PATH, file.toString(), Field.Store.YES));
    doc.add(new TextField(TEXT, text.toString(), Field.Store.YES));
    writer.addDocument(doc);
    Integer pages = metadata.getInt(PagedText.N_PAGES);
    return pages == null ? 0 : pages;
  }

  /** Documents in the index's last commit. */
  static int documents(Path indexDir) {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + indexDir + ": " + e.getMessage(), e);
    }
  }
}
