package hyoka.transform.layout.strategyreport;

import hyoka.transform.layout.strategyreport.BlockReading.ElType;
import hyoka.transform.layout.strategyreport.BlockReading.Item;
import hyoka.transform.layout.strategyreport.BlockReading.LoneName;
import hyoka.transform.layout.strategyreport.BlockReading.Run;
import java.util.List;

/**
 * The first reading of a block: each run of paragraphs is placed by where it stands, between which
 * labels and names (see docs/report-format.md for the report's text order). One pass over the runs
 * in block order; each run is placed by the first rule that fits it. What position alone cannot
 * tell is left to the {@link Repair} rules.
 */
enum Placement implements ReadingRule {
  /** A name right before a 《…実施内容》 label, with no text between, is that label's item's name. */
  NAME_RIGHT_BEFORE_LABEL {
    @Override
    boolean fits(Run run) {
      return run.paras().isEmpty() && run.after(ElType.NAME) && run.before(ElType.IMPL);
    }

    @Override
    void place(BlockReading r, Run run) {
      r.name(r.itemOf(run.next()), run.prev(), this);
    }
  },

  /**
   * Name, 概要, 目的, 概要, 目的, label: the name's pair is an item whose label (and 実施内容) is printed
   * elsewhere ({@link Repair#LABEL_FOR_TWO_PAIRS} finds it); the second pair is the label's item's.
   */
  TWO_PAIRS_UNDER_ONE_NAME {
    @Override
    boolean fits(Run run) {
      return run.after(ElType.NAME)
          && run.before(ElType.IMPL)
          && Paragraphs.isTwoPairs(run.paras());
    }

    @Override
    void place(BlockReading r, Run run) {
      List<List<Line>> paras = run.paras();
      Item named = new Item();
      r.name(named, run.prev(), this);
      r.put(named.overview, paras.get(0), this);
      r.put(named.purpose, paras.get(1), this);
      named.label = run.next().line();
      r.unlabelled.add(named);
      r.splitOwn(r.itemOf(run.next()), paras.subList(2, paras.size()), this);
    }
  },

  /**
   * Paragraphs right before a label, at the block start or under a name: the label's item's own 概要
   * and 目的 (the last is the 目的), and the name is its name.
   */
  OWN_TEXTS_BEFORE_LABEL {
    @Override
    boolean fits(Run run) {
      return !run.paras().isEmpty()
          && (run.prev() == null || run.after(ElType.NAME))
          && run.before(ElType.IMPL);
    }

    @Override
    void place(BlockReading r, Run run) {
      Item it = r.itemOf(run.next());
      List<List<Line>> paras = run.paras();
      if (run.prev() != null) {
        r.name(it, run.prev(), this);
      }
      r.splitOwn(it, paras, this);
      if (run.prev() == null
          && paras.size() == 1
          && paras.get(0).size() == 1
          && it.purpose.isEmpty()) {
        r.loneStart.put(it, paras.get(0));
      }
    }
  },

  /**
   * Paragraphs between a label (実施内容, summary) or the KPI lines and the next label: the first are
   * the text of the label before; the item's own 概要 and 目的 are the last two (the last one when
   * there are only two). A paragraph under a ＜item＞ sub-heading is the label's text, never an
   * item's own.
   */
  LABEL_TEXT_THEN_OWN_TEXTS {
    @Override
    boolean fits(Run run) {
      return !run.paras().isEmpty() && run.before(ElType.IMPL);
    }

    @Override
    void place(BlockReading r, Run run) {
      Item it = r.itemOf(run.next());
      List<List<Line>> paras = run.paras();
      int j = paras.size();
      int own = j >= 3 ? 2 : j - 1;
      int plain = 0;
      while (plain < own && !Paragraphs.isSubHeading(paras.get(j - 1 - plain).get(0))) {
        plain++;
      }
      own = plain;
      r.giveTo(run.prev(), paras.subList(0, j - own), this);
      if (own == 2) {
        // only a one-line paragraph after the summary's wrapped one can be its last line
        if (run.after(ElType.SUMMARY)
            && j >= 3
            && paras.get(j - 2).size() == 1
            && paras.get(j - 3).size() > 1) {
          r.afterSummary.put(it, paras.get(j - 2));
        }
        r.put(it.overview, paras.get(j - 2), this);
        r.put(it.purpose, paras.get(j - 1), this);
      } else if (own == 1) {
        r.splitOwn(it, paras.subList(j - 1, j), this);
      }
    }
  },

  /**
   * Paragraphs under a name that no label follows: an item's texts, or the 現状分析 under the name of
   * an item whose texts came first; {@link Repair#NAMES_ABOVE_TEXTS} decides.
   */
  TEXT_UNDER_NAME {
    @Override
    boolean fits(Run run) {
      return !run.paras().isEmpty() && run.after(ElType.NAME);
    }

    @Override
    void place(BlockReading r, Run run) {
      r.loneNames.add(new LoneName(run.prev(), run.paras()));
    }
  },

  /**
   * Paragraphs after a label and before no label: the label's text (an item's 実施内容, the summary);
   * after the KPI lines, another boundary or at the block start, the 現状分析.
   */
  TEXT_AFTER_LABEL {
    @Override
    boolean fits(Run run) {
      return !run.paras().isEmpty();
    }

    @Override
    void place(BlockReading r, Run run) {
      if (run.prev() == null) {
        r.startRun = run.paras();
        r.startBeforeSummary = run.before(ElType.SUMMARY);
      }
      r.giveTo(run.prev(), run.paras(), this);
    }
  };

  abstract boolean fits(Run run);

  abstract void place(BlockReading r, Run run);

  /** Places every run of the block by the first rule that fits it. */
  static void placeAll(BlockReading r) {
    for (Run run : r.runs()) {
      for (Placement p : values()) {
        if (p.fits(run)) {
          p.place(r, run);
          break;
        }
      }
    }
  }
}
