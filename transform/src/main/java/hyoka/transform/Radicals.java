package hyoka.transform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CJK radicals folded to the ideograph a Japanese reader sees. Some PDF producers map a glyph to
 * the CJK Radicals Supplement (U+2E80–U+2EFF) or to a Kangxi radical (U+2F00–U+2FDF) instead of the
 * unified ideograph with the same shape: {@code 市⺠} for 市民, {@code ⻑} for 長, {@code ⼾} for 戸. NFKC
 * folds no supplement radical and folds {@code ⼾} to the Chinese form 戶, so this folding comes
 * before it.
 *
 * <p>The table is the resource {@code radicals.tsv}: Unicode's EquivalentUnifiedIdeograph.txt for
 * these two blocks, with four Kangxi radicals mapped to their Japanese form where Unicode's
 * equivalent is a traditional form that Japanese text does not use (⼾ → 戸, not 戶; ⾭ → 青; ⿈ → 黄; ⿊ →
 * 黒). The resource says where it comes from; {@code RadicalsTest} regenerates it from the Unicode
 * file and checks every mapping that lands outside JIS X 0208. Radicals with no equivalent
 * ideograph (⺀ U+2E80) and unassigned code points stay as they are.
 */
public final class Radicals {
  private Radicals() {}

  static final String RESOURCE = "radicals.tsv";
  static final int FIRST = 0x2E80;
  static final int LAST = 0x2FDF;

  /** TABLE[cp - FIRST] = the ideograph for radical cp, or 0 when it has none. */
  private static final int[] TABLE = load();

  /** Whether {@code c} lies in one of the two radical blocks (mapped or not). */
  public static boolean inRadicalBlocks(int c) {
    return c >= FIRST && c <= LAST;
  }

  /** The ideograph for a radical; {@code cp} itself for any other code point. */
  public static int ideographOf(int cp) {
    if (!inRadicalBlocks(cp)) {
      return cp;
    }
    int to = TABLE[cp - FIRST];
    return to == 0 ? cp : to;
  }

  /** Whether {@code s} holds a radical that {@link #fold} changes. */
  public static boolean hasFoldable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= FIRST && c <= LAST && TABLE[c - FIRST] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code s} with every radical replaced by its ideograph; {@code s} itself when it has none (the
   * radicals are BMP chars, so a char scan finds them).
   */
  public static String fold(String s) {
    if (s == null || !hasFoldable(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int to = c >= FIRST && c <= LAST ? TABLE[c - FIRST] : 0;
      if (to == 0) {
        b.append(c);
      } else {
        b.appendCodePoint(to);
      }
    }
    return b.toString();
  }

  /** Radical → ideograph, both as strings, in code point order: for char filters of analyzers. */
  public static Map<String, String> mappings() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < TABLE.length; i++) {
      if (TABLE[i] != 0) {
        out.put(new String(Character.toChars(FIRST + i)), new String(Character.toChars(TABLE[i])));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static int[] load() {
    int[] table = new int[LAST - FIRST + 1];
    try (InputStream in = Radicals.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        int from = Integer.parseInt(f[0], 16);
        int to = Integer.parseInt(f[1], 16);
        // the targets are unified ideographs, from U+3400 on (some of Unicode 15, newer than
        // Java's)
        if (!inRadicalBlocks(from) || to < 0x3400 || to > Character.MAX_CODE_POINT) {
          throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        table[from - FIRST] = to;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return table;
  }
}
