package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.PdfMutations.Kind;
import hyoka.ingest.PdfMutations.Recipe;
import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the sample reports ({@link PdfMutations}: bit flips in streams, in the
 * cross-reference data and anywhere, cuts at random offsets, duplicated objects), all run through
 * one {@code hyoka ingest} beside both good reports. Each must end with exactly the data of its
 * original, or with a one-line rejection for what the input is; never a hang (the test's timeout,
 * and the ingest's per-file time bound), a crash, a stack trace, a rejection that blames hyoka or
 * its reader process, or a report that was taken with other data (a silent loss).
 *
 * <p>Two sets: every recipe of {@code fuzz/regressions.tsv}, failures found earlier and kept as
 * their seed and mutation (not as PDFs), and {@code hyoka.fuzz.count} fresh seeds per sample from
 * {@code hyoka.fuzz.seed} (fixed defaults, so CI runs the same mutants every time; {@code
 * -Dhyoka.fuzz.seed=random} draws new ones, and a failure prints the line to add to the file).
 */
class IngestFuzzTest {
  /** Rejections that say what is wrong with the input; anything else is a finding. */
  private static final Set<ErrorCode> INPUT_REJECTIONS =
      EnumSet.of(
          ErrorCode.DAMAGED_PDF,
          ErrorCode.TRUNCATED_PDF,
          ErrorCode.NOT_A_PDF,
          ErrorCode.NO_TEXT_LAYER,
          ErrorCode.NOT_A_REPORT,
          ErrorCode.ENCRYPTED_PDF,
          ErrorCode.LIMIT_EXCEEDED);

  /** Columns that name the file rather than say what it holds. */
  private static final Set<String> IDENTITY_COLUMNS =
      Set.of("report_id", "source_file", "sha256", "series", "ingested_at", "run_id");

  @TempDir Path dir;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void everyKeptFailureStaysFixed() throws IOException {
    List<Recipe> recipes = regressions();
    assertThat(recipes).hasSizeGreaterThanOrEqualTo(10);
    // And a control, to show the comparison sees a loss: a well-formed copy of h31 whose page 12
    // has no text is taken (nothing about it is damaged) and must be reported.
    List<String> problems = fuzz(recipes, true);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("control: h31 with page 12 blank: taken with other data than its original");
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void freshMutantsEndAsTheirOriginalOrAsAOneLineRejection() {
    String seedProperty = System.getProperty("hyoka.fuzz.seed", "20261128");
    long base =
        seedProperty.equals("random")
            ? System.nanoTime() & 0xffff_ffffL
            : Long.parseLong(seedProperty);
    int count = Integer.getInteger("hyoka.fuzz.count", 15);
    System.out.printf(Locale.ROOT, "fuzz: %d mutants per sample from seed %d%n", count, base);
    List<Recipe> recipes = new ArrayList<>();
    List<Kind> kinds = EnumSet.complementOf(EnumSet.of(Kind.FLIP_AT)).stream().toList();
    for (String sample : List.of("h30", "h31")) {
      for (int i = 0; i < count; i++) {
        recipes.add(new Recipe(sample, kinds.get(i % kinds.size()), base + i));
      }
    }
    assertThat(fuzz(recipes, false)).isEmpty();
  }

  /**
   * Ingests the mutants of {@code recipes} (and the control, when asked) beside both samples;
   * returns what went wrong.
   */
  private List<String> fuzz(List<Recipe> recipes, boolean control) {
    Path in = dir.resolve("in");
    Map<String, Path> originals = new LinkedHashMap<>();
    Map<String, PdfMutations> mutations = new TreeMap<>();
    Map<Path, Recipe> byFile = new LinkedHashMap<>();
    Path controlFile = null;
    try {
      for (String sample : List.of("h30", "h31")) {
        // Each file in a folder of its own, so each is its own series and none supersedes another.
        Path good = Files.createDirectories(in.resolve("good-" + sample));
        originals.put(
            sample, Files.copy(Fixtures.samplePdf(sample), good.resolve(sample + ".pdf")));
        mutations.put(sample, new PdfMutations(Files.readAllBytes(Fixtures.samplePdf(sample))));
      }
      int i = 0;
      for (Recipe r : recipes) {
        PdfMutations.Mutant m = mutations.get(r.sample()).apply(r.kind(), r.seed());
        Path folder = Files.createDirectories(in.resolve(String.format(Locale.ROOT, "m%03d", i++)));
        Path file =
            folder.resolve(
                String.format(
                    Locale.ROOT,
                    "%s-%s-%d.pdf",
                    r.sample(),
                    r.kind().name().toLowerCase(Locale.ROOT),
                    r.seed()));
        Files.write(file, m.bytes());
        byFile.put(file, r);
      }
      if (control) {
        Path folder = Files.createDirectories(in.resolve("control"));
        controlFile =
            TestPdfs.withBlankPage(originals.get("h31"), 12, folder.resolve("h31-blank-12.pdf"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path data = dir.resolve("data-" + System.nanoTime());
    StringWriter printed = new StringWriter();
    long t0 = System.nanoTime();
    IngestSummary summary =
        new IngestRun()
            .run(
                new IngestRequest(
                    data,
                    List.of(in),
                    null,
                    "direct",
                    new PrintWriter(printed),
                    new ExtractLimits(ExtractLimits.DEFAULT_MAX_FILE_BYTES, 60_000, 512)));
    List<String> lines = printed.toString().lines().toList();
    List<String> problems = new ArrayList<>();
    // One line per file and the summary line, nothing else: no stack trace, no split line.
    int files = byFile.size() + originals.size() + (control ? 1 : 0);
    if (lines.size() != files + 1) {
      problems.add(
          "printed " + lines.size() + " lines for " + byFile.size() + " mutants: " + lines);
    }
    Map<String, Long> tally = new TreeMap<>();
    Map<String, Map<String, List<List<Object>>>> reference = new TreeMap<>();
    try {
      for (Map.Entry<String, Path> o : originals.entrySet()) {
        reference.put(o.getKey(), contents(data, reportId(o.getValue())));
      }
      for (FileOutcome outcome : summary.files()) {
        Recipe r = byFile.get(Path.of(outcome.file()));
        if (Path.of(outcome.file()).equals(controlFile)) {
          Map<String, List<List<Object>>> got = contents(data, reportId(controlFile));
          if (!got.equals(reference.get("h31"))) {
            problems.add(
                "control: h31 with page 12 blank: taken with other data than its original: "
                    + diff(reference.get("h31"), got));
          }
          continue;
        }
        if (r == null) {
          if (outcome.status() != FileOutcome.Status.ADDED) {
            problems.add("a good sample was not added: " + outcome.line());
          }
          continue;
        }
        String where = r + " (" + mutations.get(r.sample()).apply(r.kind(), r.seed()).what() + ")";
        tally.merge(
            r.kind()
                + " "
                + outcome.status()
                + (outcome.code() == null ? "" : " " + outcome.code()),
            1L,
            Long::sum);
        switch (outcome.status()) {
          case REJECTED -> {
            if (!INPUT_REJECTIONS.contains(outcome.code())) {
              problems.add(where + ": " + outcome.line());
            }
          }
          case ADDED -> {
            Map<String, List<List<Object>>> got = contents(data, reportId(Path.of(outcome.file())));
            if (!got.equals(reference.get(r.sample()))) {
              problems.add(
                  where
                      + ": taken with other data than its original (a silent loss): "
                      + diff(reference.get(r.sample()), got));
            }
          }
          case REPARSED, UNCHANGED, DUPLICATE -> problems.add(where + ": " + outcome.line());
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    System.out.printf(
        Locale.ROOT,
        "fuzz: %d mutants in %d s: %s%n",
        byFile.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0),
        tally);
    for (String p : problems) {
      System.out.println(
          p.startsWith("control:")
              ? "fuzz control, reported as it must be: " + p
              : "fuzz finding (add its recipe to fuzz/regressions.tsv once fixed): " + p);
    }
    return problems;
  }

  private static String reportId(Path file) throws IOException {
    return IngestedReport.reportIdOf(IngestedReport.sha256Of(file));
  }

  /** Every row of every table for one report, without the columns that only name the file. */
  private static Map<String, List<List<Object>>> contents(Path data, String reportId)
      throws SQLException {
    return ReportContents.of(data, reportId, IDENTITY_COLUMNS);
  }

  private static String diff(
      Map<String, List<List<Object>>> want, Map<String, List<List<Object>>> got) {
    List<String> tables = new ArrayList<>();
    for (String t : want.keySet()) {
      if (!want.get(t).equals(got.get(t))) {
        tables.add(t + " (" + want.get(t).size() + " rows, now " + got.get(t).size() + ")");
      }
    }
    return String.join(", ", tables);
  }

  /** The kept failures: {@code sample TAB kind TAB seed TAB what it did}, {@code #} comments. */
  static List<Recipe> regressions() throws IOException {
    List<Recipe> out = new ArrayList<>();
    try (InputStream in =
        IngestFuzzTest.class.getClassLoader().getResourceAsStream("fuzz/regressions.tsv")) {
      if (in == null) {
        throw new IllegalStateException("test resource fuzz/regressions.tsv missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Recipe(f[0], Kind.valueOf(f[1]), Long.parseLong(f[2])));
      }
    }
    return out;
  }
}
