package hyoka.cli;

import hyoka.search.DictionaryPreload;
import java.util.regex.Pattern;

/** Entry point of the {@code hyoka} command; see {@link HyokaCommand} for the commands. */
public final class Main {
  private static final Pattern SEARCH_CALL = Pattern.compile("(?i)\\bsearch\\s*\\(");

  private Main() {}

  public static void main(String[] args) {
    if (analysesText(args)) {
      DictionaryPreload.start();
    }
    System.exit(HyokaCommand.commandLineFor(args).execute(args));
  }

  /**
   * Whether the command will analyse a query with Kuromoji: {@code search}, and {@code sql} with a
   * {@code search(…)} call. Their dictionaries then load while the command line is parsed.
   */
  static boolean analysesText(String[] args) {
    if (args.length == 0) {
      return false;
    }
    if (args[0].equals("search")) {
      return true;
    }
    if (!args[0].equals("sql")) {
      return false;
    }
    for (String a : args) {
      if (SEARCH_CALL.matcher(a).find()) {
        return true;
      }
    }
    return false;
  }
}
