package hyoka.notebooks;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument line into words the way a shell would: spaces, "double quotes". */
final class MagicArgs {
  private MagicArgs() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (!quoted && Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(ch);
        inWord = true;
      }
    }
    if (quoted) {
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, "unclosed \" in: " + line);
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
