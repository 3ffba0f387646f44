package hyoka.warehouse;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the two sample reports and 20 copies (distinct sha256, a few series, so that reports
 * supersede others within a run and across runs, plus one unchanged file and one rejection) in two
 * runs, then writes every table and view, TIMESTAMP columns left out, rows ordered by all columns,
 * to a text file, with the re-run cache beside the database. Two dumps of different warehouse code
 * must be identical: that is how a change to the load path is shown not to change the warehouse's
 * contents.
 *
 * <p>Run: {@code java -cp <warehouse test classpath> hyoka.warehouse.ContentDump OUT_FILE}.
 */
public final class ContentDump {
  private ContentDump() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path work = Files.createTempDirectory("hyoka-dump");
    try {
      Files.writeString(out, dump(work), StandardCharsets.UTF_8);
    } finally {
      ReportShard.deleteTree(work);
    }
  }

  static String dump(Path work) throws IOException, SQLException {
    ParsedReport h30 = Samples.parsed("h30");
    ParsedReport h31 = Samples.parsed("h31");
    Instant first = Samples.AT;
    Instant second = first.plusSeconds(3600);
    List<IngestedReport> run1 = new ArrayList<>();
    List<IngestedReport> run2 = new ArrayList<>();
    run1.add(Samples.ingested("h30"));
    run1.add(Samples.ingested("h31"));
    for (int i = 0; i < 20; i++) {
      String sha = Samples.sha256(("copy " + i).getBytes(StandardCharsets.UTF_8));
      IngestedReport r =
          new IngestedReport(
              IngestedReport.reportIdOf(sha),
              "copy" + (i * 7 % 20) + ".pdf",
              sha,
              "s" + (i % 3),
              i < 10 ? first : second,
              i % 2 == 0 ? h31 : h30);
      (i < 10 ? run1 : run2).add(r);
    }
    run2.add(run1.get(5));
    Warehouse w = new Warehouse(work.resolve("data"));
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (List<IngestedReport> run : List.of(run1, run2)) {
      List<Path> shards = new ArrayList<>();
      for (IngestedReport r : run) {
        Path dir = work.resolve("shards" + n).resolve(r.reportId());
        ReportShard.write(r, dir);
        shards.add(dir);
      }
      n++;
      List<RunStats.Rejection> rejections =
          n == 2 ? List.of(new RunStats.Rejection("bad.pdf", "E_TEST: not a report")) : List.of();
      PublishResult result = w.publish(shards, new RunStats(first, 1, rejections));
      b.append("run ").append(result.runId()).append('\n');
      result.reports().forEach(o -> b.append(o).append('\n'));
    }
    // The re-run cache, without its stamp of the file's size and modification time.
    List<String> held = Files.readAllLines(w.dataDir().resolve(HeldReports.FILE));
    b.append("== ").append(HeldReports.FILE).append('\n').append(held.get(0)).append('\n');
    b.append(held.get(1).substring(held.get(1).indexOf(' ') + 1)).append('\n');
    held.subList(2, held.size()).forEach(line -> b.append(line).append('\n'));
    List<String> names = new ArrayList<>();
    Tables.ALL.forEach(t -> names.add(t.name()));
    names.addAll(Schema.viewNames());
    try (Connection c = w.openReadOnly();
        Statement s = c.createStatement()) {
      for (String name : names) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE " + name)) {
          while (rs.next()) {
            if (!rs.getString("column_type").startsWith("TIMESTAMP")) {
              columns.add(TableSpec.quote(rs.getString("column_name")));
            }
          }
        }
        b.append("== ").append(name).append(' ').append(columns).append('\n');
        String list = String.join(", ", columns);
        try (ResultSet rs =
            s.executeQuery("SELECT " + list + " FROM " + name + " ORDER BY " + list)) {
          while (rs.next()) {
            for (int i = 1; i <= columns.size(); i++) {
              b.append(i == 1 ? "" : "\t").append(rs.getString(i));
            }
            b.append('\n');
          }
        }
      }
    }
    return b.toString();
  }
}
