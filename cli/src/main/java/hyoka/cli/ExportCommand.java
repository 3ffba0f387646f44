package hyoka.cli;

import hyoka.warehouse.ExportFormat;
import hyoka.warehouse.Exporter;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka export}: every table and view of the warehouse as files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write every table and view of the warehouse to OUT_DIR as Parquet, Arrow IPC or CSV.",
      "Files are written under temporary names and renamed into place when all are complete, so a"
          + " failure leaves OUT_DIR as it was. Existing files are kept unless --force."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      required = true,
      description = "parquet, arrow or csv.")
  ExportFormat format;

  @Option(
      names = "--force",
      description = "Replace files of the same names in OUT_DIR (by default an export refuses to).")
  boolean force;

  @Parameters(paramLabel = "OUT_DIR", description = "Folder to write (created if missing).")
  Path outDir;

  @Override
  public Integer call() {
    Warehouse warehouse = data.requireWarehouse();
    List<Path> written = new Exporter(warehouse).export(outDir, format, force);
    for (Path p : written) {
      spec.commandLine().getOut().println("wrote " + p);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
