package hyoka.cli;

/** Entry point of the {@code hyoka} command; see {@link HyokaCommand} for the commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(HyokaCommand.commandLineFor(args).execute(args));
  }
}
