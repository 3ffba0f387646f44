package hyoka.cli;

import hyoka.transform.SqlText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive side of {@code hyoka sql}: JLine reads what is typed at a terminal, with line
 * editing, a history file, completion of table and column names and of the dot commands, and a
 * statement that goes on over lines until its {@code ;}. Ctrl-C cancels the line being typed or the
 * statement running; Ctrl-D or {@code .quit} leaves. {@link SqlShell} runs what is entered.
 */
final class SqlPrompt {
  static final String PROMPT = "hyoka> ";
  static final String CONTINUATION = "  ...> ";
  static final List<String> DOT_COMMANDS =
      List.of(".exit", ".help", ".mode", ".quit", ".schema", ".tables");

  private SqlPrompt() {}

  /** Runs the prompt on {@code terminal} until the user leaves. */
  static void run(Terminal terminal, SqlShell shell, Path history, PrintWriter err) {
    LineReader reader = reader(terminal, shell, history);
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C drops the line being typed
        } catch (EndOfFileException e) {
          return;
        }
        if (!shell.run(input)) {
          return;
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        err.println("hyoka: cannot save the history to " + history + ": " + e.getMessage());
        err.flush();
      }
    }
  }

  static LineReader reader(Terminal terminal, SqlShell shell, Path history) {
    LineReaderBuilder b =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("hyoka")
            .parser(new StatementParser())
            .completer(new NameCompleter(shell))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
            // '!' is SQL (!=, !~~), not a history event
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.CASE_INSENSITIVE, true);
    if (history != null) {
      b.variable(LineReader.HISTORY_FILE, history);
    } else {
      b.variable(LineReader.DISABLE_HISTORY, true);
    }
    return b.build();
  }

  /**
   * Accepts a line only when it completes a statement ({@link SqlText#isComplete}) or is a dot
   * command; otherwise JLine asks for the next line under {@link #CONTINUATION}.
   */
  static final class StatementParser extends DefaultParser {
    StatementParser() {
      // SQL quotes are not shell quotes, and a backslash is a character
      escapeChars(new char[0]);
      quoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE
          && !SqlShell.isDotCommand(line)
          && !SqlText.isComplete(line)) {
        throw new EOFError(-1, -1, "the statement goes on until ;");
      }
      return super.parse(line, cursor, context);
    }
  }

  /**
   * Completes the identifier before the cursor: a table, view or column name (case-insensitive),
   * also after an alias and a dot ({@code k.proj} → {@code k.project_no}); a dot command at the
   * start of a line.
   */
  static final class NameCompleter implements Completer {
    private final SqlShell shell;

    NameCompleter(SqlShell shell) {
      this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
      if (line.wordIndex() == 0 && line.line().strip().startsWith(".")) {
        DOT_COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
        return;
      }
      int start = word.length();
      while (start > 0 && SqlText.isWordChar(word.charAt(start - 1))) {
        start--;
      }
      String before = word.substring(0, start);
      for (String name : shell.names()) {
        candidates.add(new Candidate(before + name, name, null, null, null, null, true));
      }
    }
  }

  /**
   * Where the history is kept: {@code $HYOKA_HISTORY} (empty: no history), else {@code
   * $XDG_STATE_HOME/hyoka/sql_history}, else {@code ~/.local/state/hyoka/sql_history}; never inside
   * the data directory (the history holds what was typed, and a data directory may be shared or
   * published), so null there.
   */
  static Path historyFile(Map<String, String> env, Path home, Path dataDir) {
    String own = env.get("HYOKA_HISTORY");
    Path file;
    if (own != null) {
      if (own.isBlank()) {
        return null;
      }
      file = Path.of(own);
    } else {
      String state = env.get("XDG_STATE_HOME");
      Path base =
          state != null && !state.isBlank() && Path.of(state).isAbsolute()
              ? Path.of(state)
              : home.resolve(".local").resolve("state");
      file = base.resolve("hyoka").resolve("sql_history");
    }
    file = file.toAbsolutePath().normalize();
    Path resolved = real(file.getParent()).resolve(file.getFileName());
    if (resolved.startsWith(real(dataDir))) {
      return null;
    }
    return file;
  }

  /**
   * Makes the history file's directory; where it cannot be made (a read-only home or state
   * directory), one line on {@code err} and null: the prompt then runs without a history rather
   * than not at all.
   */
  static Path prepareHistory(Path history, PrintWriter err) {
    if (history == null) {
      return null;
    }
    try {
      Files.createDirectories(history.getParent());
      return history;
    } catch (IOException e) {
      // a FileSystemException's message repeats the path; its reason alone says why
      String why =
          e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? f.getReason()
              : e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage());
      err.println(
          "hyoka: no history this time: cannot create "
              + history.getParent()
              + " ("
              + why
              + "); HYOKA_HISTORY=FILE keeps it elsewhere, HYOKA_HISTORY= keeps none");
      err.flush();
      return null;
    }
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return Files.exists(abs) ? abs.toRealPath() : abs;
    } catch (IOException e) {
      return abs;
    }
  }
}
