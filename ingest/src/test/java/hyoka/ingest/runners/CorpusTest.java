package hyoka.ingest.runners;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.PdfExtractor;
import hyoka.ingest.bench.Corpus;
import hyoka.transform.Fixtures;
import hyoka.transform.ReportText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark corpus and the runner tests rely on copies of a sample that are different files
 * (their own sha256, so their own report id) but the same report (Tika reads the same text).
 */
class CorpusTest {
  @Test
  void copiesHaveDistinctHashesAndReadAsTheSampleReport(@TempDir Path tmp)
      throws IOException, NoSuchAlgorithmException {
    Path sample = Fixtures.samplePdf("h31");
    List<Path> copies = Corpus.build(sample, tmp.resolve("corpus"), 3);

    assertThat(copies)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("copy-0001.pdf", "copy-0002.pdf", "copy-0003.pdf");
    byte[] original = Files.readAllBytes(sample);
    List<String> hashes = new ArrayList<>();
    hashes.add(sha256(original));
    for (int i = 0; i < copies.size(); i++) {
      byte[] copy = Files.readAllBytes(copies.get(i));
      String tail =
          new String(
              copy, original.length, copy.length - original.length, StandardCharsets.US_ASCII);
      assertThat(tail).isEqualTo("\n%hyoka-copy " + (i + 1) + "\n");
      assertThat(Arrays.copyOf(copy, original.length)).isEqualTo(original);
      hashes.add(sha256(copy));
    }
    assertThat(hashes).doesNotHaveDuplicates();

    PdfExtractor extractor = new PdfExtractor();
    ReportText expected = extractor.extract(sample, "sample.pdf");
    assertThat(expected.pages()).hasSize(36);
    ReportText copy = extractor.extract(copies.get(2), "sample.pdf");
    assertThat(copy).isEqualTo(expected);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
