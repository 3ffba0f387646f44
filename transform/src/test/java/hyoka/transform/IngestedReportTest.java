package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestedReportTest {
  @TempDir Path tmp;

  @Test
  void sha256OfAFileIsTheHexDigestOfItsBytesAndTheReportIdItsFirst16Digits() throws Exception {
    Path abc = Files.write(tmp.resolve("abc.pdf"), "abc".getBytes(StandardCharsets.US_ASCII));
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(IngestedReport.sha256Of(abc)).isEqualTo(expected);
    assertThat(IngestedReport.reportIdOf(IngestedReport.sha256Of(abc)))
        .isEqualTo("ba7816bf8f01cfea");
    // larger than any read buffer: the stream is read to its end
    byte[] big = new byte[1 << 20];
    big[big.length - 1] = 1;
    Path large = Files.write(tmp.resolve("large.pdf"), big);
    assertThat(IngestedReport.sha256Of(large))
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(big)));
  }
}
