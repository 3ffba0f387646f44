package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.BudgetItem;
import hyoka.transform.layout.strategyreport.NarrativeReader.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each reading rule of a narrative block on a short block made here (about ten lines, in the text
 * order the extractor gives), so that a failure names its rule: the test asserts what the rule
 * decided and that it was that rule. The blocks follow the patterns of the sample reports
 * (docs/report-format.md), with texts shortened.
 */
class NarrativeRulesTest {
  private static final String LABEL = "《平成31年度実施内容》";
  private static final String SUMMARY = "➭ ５年間の総括 ： （Ｈ27～Ｈ31）";

  /** A KPI name line: lines equal to it are given to the reader as the KPI reader's. */
  private static final String KPI = "交通事故件数 173件";

  private static final String KPI_NAME = "交通事故件数";

  /** A line as wide as the report's column, with no 。: it wraps on to the next line. */
  private static final String WRAPPED = "平成27年度から市内の事業者とともに国内最大級の商談会に毎年出展し、多くの来場者に市内の特産品を";

  private static NarrativeReader.Result read(String... lines) {
    return read(-1, Set.of(), lines);
  }

  /**
   * @param pairs the head's 概要/目的 pairs; -1 for one per label
   * @param glued indexes of lines that are text glued to a head's 目的： label
   */
  private static NarrativeReader.Result read(int pairs, Set<Integer> glued, String... lines) {
    LineClassifier classifier = new LineClassifier();
    List<Line> body = new ArrayList<>();
    Set<Line> kpi = new HashSet<>();
    Set<Line> gluedLines = new HashSet<>();
    int labels = 0;
    for (int i = 0; i < lines.length; i++) {
      Line l = classifier.classify(1, i + 1, lines[i]);
      body.add(l);
      if (lines[i].equals(KPI)) {
        kpi.add(l);
      }
      if (glued.contains(i)) {
        gluedLines.add(l);
      }
      labels += l.is(LineKind.IMPL_LABEL) ? 1 : 0;
    }
    return new NarrativeReader()
        .read(
            body,
            new NarrativeReader.Context(
                kpi, List.of(KPI_NAME), pairs < 0 ? labels : pairs, 1, gluedLines));
  }

  private static void assertDecided(
      NarrativeReader.Result r, String slot, String text, ReadingRule rule) {
    assertThat(r.decisions()).contains(new Decision(slot, text, rule));
  }

  private static BudgetItem item(NarrativeReader.Result r, int no) {
    return r.items().get(no - 1);
  }

  @Test
  void ownTextsBeforeLabelAndTextsAfterLabels() {
    NarrativeReader.Result r =
        read(
            "住宅エコリフォーム助成事業費",
            "住宅の省エネ改修の工事費用を一部助成する制度。",
            "市内の環境負荷の低減を図ることを目的とする。",
            LABEL,
            "14件の申請があり、助成を行った。",
            KPI,
            "平成31年度は駆け込み需要もあり増加した。");

    assertDecided(r, "1 NAME", "住宅エコリフォーム助成事業費", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 OVERVIEW", "住宅の省エネ改修の工事費用を一部助成する制度。", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 PURPOSE", "市内の環境負荷の低減を図ることを目的とする。", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 IMPLEMENTATION", "14件の申請があり、助成を行った。", Placement.TEXT_AFTER_LABEL);
    assertDecided(r, "STATUS_ANALYSIS", "平成31年度は駆け込み需要もあり増加した。", Placement.TEXT_AFTER_LABEL);
    assertThat(r.decisions()).hasSize(5);
  }

  @Test
  void nameRightBeforeLabel() {
    NarrativeReader.Result r = read("除雪事業費", LABEL, "市内の除雪を行った。");

    assertDecided(r, "1 NAME", "除雪事業費", Placement.NAME_RIGHT_BEFORE_LABEL);
    assertThat(item(r, 1).implementation()).isEqualTo("市内の除雪を行った。");
  }

  @Test
  void aNameWrappedBeforeItsParenthesisedPartIsOneName() {
    NarrativeReader.Result r =
        read(
            "小樽産品商品力・販売力向上事業費",
            "（Ｈ31年度：稼ぐ力向上実践事業）",
            "食品分野において商品の開発・改良を支援する。",
            "地元企業の経済活動を支援することを目的とする。",
            LABEL,
            "相談会を2回実施した。");

    assertDecided(
        r, "1 NAME", "小樽産品商品力・販売力向上事業費（Ｈ31年度：稼ぐ力向上実践事業）", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertThat(item(r, 1).overview()).isEqualTo("食品分野において商品の開発・改良を支援する。");
    assertThat(r.used()).extracting(Line::lineNo).contains(1, 2);
    // a line that only starts with a parenthesis is text
    NarrativeReader.Result text =
        read("小樽産品商品力・販売力向上事業費", "（一社）小樽物産協会に委託する。", "地元企業の経済活動を支援することを目的とする。", LABEL, "実施した。");
    assertThat(item(text, 1).name()).isEqualTo("小樽産品商品力・販売力向上事業費");
    assertThat(item(text, 1).overview()).isEqualTo("（一社）小樽物産協会に委託する。");
  }

  @Test
  void labelTextThenOwnTexts() {
    NarrativeReader.Result r =
        read(LABEL, "防犯灯の維持管理を行った。", "街路防犯灯を維持管理する団体に補助する。", "夜間の治安の維持を図る。", LABEL, "199団体に補助した。");

    assertDecided(r, "1 IMPLEMENTATION", "防犯灯の維持管理を行った。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
    assertDecided(r, "2 OVERVIEW", "街路防犯灯を維持管理する団体に補助する。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
    assertDecided(r, "2 PURPOSE", "夜間の治安の維持を図る。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
  }

  @Test
  void labelTextThenOwnTextsKeepsAParagraphUnderASubHeadingWithTheLabel() {
    NarrativeReader.Result r =
        read(
            SUMMARY,
            "市内企業の製品を広く周知した。",
            "＜ものづくり市場開拓支援事業＞",
            "展示会に3社が出展した。",
            LABEL,
            "出展した。",
            KPI,
            "現状の分析。");

    assertThat(r.narratives())
        .filteredOn(n -> n.itemNo() == null)
        .extracting(n -> n.text())
        .containsExactly("市内企業の製品を広く周知した。\n＜ものづくり市場開拓支援事業＞\n展示会に3社が出展した。", "現状の分析。");
    assertThat(item(r, 1).overview()).isNull();
    assertThat(item(r, 1).purpose()).isNull();
  }

  @Test
  void twoPairsUnderOneNameTakeTheLabelAtTheBlockStartWhoseItemHasOnlyATextOfItsOwn() {
    NarrativeReader.Result r =
        read(
            LABEL,
            "クルーズ寄港時の設置、潮祭り3日間",
            "移動式Wi-fi環境整備事業費",
            "クルーズ船入港時などに、移動式のWi-Fiを設置する。",
            "国内外の観光客の利便性向上を図るため。",
            "商店街振興組合等に対し、公衆無線LAN通信環境整備の経費を補助する。",
            "外国人客の受け入れ態勢の強化のため",
            LABEL,
            "Ｈ３１から予算計上なし。");

    assertDecided(r, "1 NAME", "移動式Wi-fi環境整備事業費", Repair.LABEL_FOR_TWO_PAIRS);
    assertDecided(r, "1 OVERVIEW", "クルーズ船入港時などに、移動式のWi-Fiを設置する。", Repair.LABEL_FOR_TWO_PAIRS);
    assertDecided(r, "1 PURPOSE", "国内外の観光客の利便性向上を図るため。", Repair.LABEL_FOR_TWO_PAIRS);
    assertDecided(r, "1 IMPLEMENTATION", "クルーズ寄港時の設置、潮祭り3日間", Placement.TEXT_AFTER_LABEL);
    assertDecided(
        r, "2 OVERVIEW", "商店街振興組合等に対し、公衆無線LAN通信環境整備の経費を補助する。", Placement.TWO_PAIRS_UNDER_ONE_NAME);
    assertDecided(r, "2 PURPOSE", "外国人客の受け入れ態勢の強化のため", Placement.TWO_PAIRS_UNDER_ONE_NAME);
    assertThat(item(r, 2).implementation()).isEqualTo("Ｈ３１から予算計上なし。");
  }

  @Test
  void twoPairsUnderOneNameWithNoLabelForTheFirstStayOneItem() {
    NarrativeReader.Result r =
        read(
            KPI,
            "移動式Wi-fi環境整備事業費",
            "クルーズ船入港時などに、移動式のWi-Fiを設置する。",
            "国内外の観光客の利便性向上を図るため。",
            "商店街振興組合等に対し、公衆無線LAN通信環境整備の経費を補助する。",
            "外国人客の受け入れ態勢の強化のため",
            LABEL,
            "Ｈ３１から予算計上なし。");

    assertThat(item(r, 1).name()).isEqualTo("移動式Wi-fi環境整備事業費");
    assertThat(item(r, 1).overview())
        .isEqualTo(
            "クルーズ船入港時などに、移動式のWi-Fiを設置する。\n国内外の観光客の利便性向上を図るため。\n"
                + "商店街振興組合等に対し、公衆無線LAN通信環境整備の経費を補助する。");
    assertDecided(r, "1 OVERVIEW", "国内外の観光客の利便性向上を図るため。", Repair.LABEL_FOR_TWO_PAIRS);
    assertDecided(r, "1 PURPOSE", "外国人客の受け入れ態勢の強化のため", Placement.TWO_PAIRS_UNDER_ONE_NAME);
  }

  @Test
  void gluedPurpose() {
    NarrativeReader.Result r =
        read(-1, Set.of(0), "快適な環境づくりのゴミ拾い活動を周知していく。", LABEL, "・クリーンアップウォーキング");

    assertDecided(r, "1 PURPOSE", "快適な環境づくりのゴミ拾い活動を周知していく。", Repair.GLUED_PURPOSE);
    assertThat(item(r, 1).overview()).isNull();
    // the same line not glued to a 目的： label is the item's 概要
    assertThat(item(read("快適な環境づくりのゴミ拾い活動を周知していく。", LABEL, "・クリーンアップウォーキング"), 1).overview())
        .isEqualTo("快適な環境づくりのゴミ拾い活動を周知していく。");
  }

  @Test
  void aNameAboveTheTextAfterTheKpiLinesIsTheNameOfAnItemWhoseTextsCameFirst() {
    NarrativeReader.Result r =
        read(
            "市内全域を調査対象とし、空き家の管理状況などを調査する。",
            "空き家の実態を把握することを目的とする。",
            LABEL,
            "調査を実施した。",
            KPI,
            "空家実態調査事業費",
            "特定空家等に対する助言を行い、改善が見られた。");

    assertDecided(
        r, "STATUS_ANALYSIS", "特定空家等に対する助言を行い、改善が見られた。", Repair.NameAbove.STATUS_UNDER_A_NAME);
    assertDecided(r, "1 NAME", "空家実態調査事業費", Repair.FREE_NAMES_IN_ORDER);
    assertThat(item(r, 1).overview()).startsWith("市内全域を調査対象とし");
  }

  @Test
  void aNameAboveATextIsTheNameOfAnItemWhoseLabelHadNoTextOfItsOwn() {
    NarrativeReader.Result r =
        read(
            LABEL,
            "観光ポストカードを制作した。",
            KPI,
            "H25以降宿泊客は順調に伸びている。",
            "宣伝物製作等経費（観光宣伝費）",
            "観光客誘致促進のため印刷物の作成等を行う。");

    assertDecided(r, "1 NAME", "宣伝物製作等経費（観光宣伝費）", Repair.NameAbove.TEXTS_OF_AN_EMPTY_ITEM);
    assertDecided(
        r, "1 OVERVIEW", "観光客誘致促進のため印刷物の作成等を行う。", Repair.NameAbove.TEXTS_OF_AN_EMPTY_ITEM);
    assertDecided(r, "STATUS_ANALYSIS", "H25以降宿泊客は順調に伸びている。", Placement.TEXT_AFTER_LABEL);
    // with no 現状分析 elsewhere, the text under the block's last name is the 現状分析
    NarrativeReader.Result last =
        read(LABEL, "観光ポストカードを制作した。", KPI, "宣伝物製作等経費（観光宣伝費）", "観光客誘致促進のため印刷物の作成等を行う。");
    assertDecided(
        last, "STATUS_ANALYSIS", "観光客誘致促進のため印刷物の作成等を行う。", Repair.NameAbove.STATUS_UNDER_A_NAME);
  }

  @Test
  void theSameTextTwiceIsAnItemsOverviewAndPurpose() {
    NarrativeReader.Result r =
        read(
            "町会等により清掃活動や美化活動を実施している。",
            LABEL,
            "旧手宮線クリーンアップを行った。",
            KPI,
            "連絡会議は49の団体で構成されている。",
            "快適な環境づくり運動経費",
            "町会等により清掃活動や美化活動を実施している。");

    assertDecided(r, "1 NAME", "快適な環境づくり運動経費", Repair.NameAbove.SAME_TEXT_TWICE);
    assertDecided(r, "1 OVERVIEW", "町会等により清掃活動や美化活動を実施している。", Repair.NameAbove.SAME_TEXT_TWICE);
    assertDecided(r, "1 PURPOSE", "町会等により清掃活動や美化活動を実施している。", Repair.NameAbove.SAME_TEXT_TWICE);
  }

  @Test
  void theSummarysLastLineTakenForAnOverviewGoesBackWhenTheItemsOverviewStandsUnderItsName() {
    NarrativeReader.Result r =
        read(
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "観光案内所の利用者は年々増加した。",
            "観光客の利便性の向上を図る。",
            LABEL,
            "観光案内を行った。",
            KPI,
            "案内件数は前年を下回った。",
            "観光案内所運営費交付金",
            "観光案内所を運営する団体に交付する。");

    assertDecided(
        r, "FIVE_YEAR_SUMMARY", "観光案内所の利用者は年々増加した。", Repair.NameAbove.SUMMARY_TAIL_WAS_NO_OVERVIEW);
    assertDecided(
        r, "1 OVERVIEW", "観光案内所を運営する団体に交付する。", Repair.NameAbove.SUMMARY_TAIL_WAS_NO_OVERVIEW);
    assertDecided(r, "1 NAME", "観光案内所運営費交付金", Repair.NameAbove.SUMMARY_TAIL_WAS_NO_OVERVIEW);
    assertDecided(r, "1 PURPOSE", "観光客の利便性の向上を図る。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
  }

  @Test
  void aPurposeAfterAnotherItemsLabel() {
    NarrativeReader.Result r =
        read(
            "あんかけ焼きそば普及事業費",
            "あんかけ焼きそばの普及活動を行う団体に補助する。",
            "ご当地グルメの魅力を発信することを目的とする。",
            LABEL,
            "小樽の優れたロケーションを発信することを目的として開催。",
            "ショートフィルムセッション開催補助金",
            "ショートフィルムのコンテストを開催。",
            LABEL,
            "新型コロナ感染症防止対策のため中止した。");

    assertDecided(
        r, "2 PURPOSE", "小樽の優れたロケーションを発信することを目的として開催。", Repair.PURPOSE_AFTER_ANOTHER_LABEL);
    assertThat(item(r, 1).implementation()).isNull();
    assertThat(item(r, 1).note()).contains("another item's 目的");
    assertThat(item(r, 2).overview()).isEqualTo("ショートフィルムのコンテストを開催。");
  }

  @Test
  void anAimAndPlanAfterALabelIsTheOnlyItemLackingAPurposesPurpose() {
    NarrativeReader.Result r =
        read(
            "観光ポスター等制作事業費",
            "新規観光ポスターを制作する。",
            LABEL,
            "平成31年度はポスターを制作した。",
            LABEL,
            "観光客誘致促進のため、観光ポスターを制作する。");

    assertDecided(
        r, "1 PURPOSE", "観光客誘致促進のため、観光ポスターを制作する。", Repair.AIM_AND_PLAN_AFTER_ANOTHER_LABEL);
    assertThat(item(r, 2).implementation()).isNull();
    assertThat(item(r, 2).note()).contains("another item's 目的");
  }

  @Test
  void aPurposeRunOnFromALabelTextsLastLine() {
    NarrativeReader.Result r =
        read(
            "販路拡大支援事業費",
            "国内の商談会に参加する。",
            "販路を拡大することを目的とする。",
            LABEL,
            WRAPPED,
            "市内企業の製品を広く周知し、取引の拡大を図る。",
            "ものづくり市場開拓支援事業費",
            "道内最大規模の展示会に出展する。",
            LABEL,
            "展示会に出展した。");

    assertDecided(r, "2 PURPOSE", "市内企業の製品を広く周知し、取引の拡大を図る。", Repair.PURPOSE_RUN_ON_FROM_LABEL_TEXT);
    assertDecided(r, "1 IMPLEMENTATION", WRAPPED, Placement.TEXT_AFTER_LABEL);
  }

  @Test
  void aNameLikeOverviewGivesWayToTheNameStandingElsewhere() {
    NarrativeReader.Result r =
        read(
            "交通安全運動推進委員会の活動のための交付金",
            "交通事故の防止を図る。",
            LABEL,
            "運動を実施した。",
            KPI,
            "交通安全運動推進委員会交付金",
            "近年、人身事故は減少している。");

    assertDecided(r, "1 OVERVIEW", "交通安全運動推進委員会の活動のための交付金", Repair.NAME_LIKE_OVERVIEW);
    assertDecided(r, "1 NAME", "交通安全運動推進委員会交付金", Repair.NAME_LIKE_OVERVIEW);
    assertDecided(r, "STATUS_ANALYSIS", "近年、人身事故は減少している。", Repair.NameAbove.STATUS_UNDER_A_NAME);
  }

  @Test
  void aSubsidyRecordIsTheDisplacedTextOfTheOnlyDisplacedItemThatPaysASubsidy() {
    NarrativeReader.Result r =
        read(
            "販路拡大支援補助金の交付：4件",
            SUMMARY,
            "５年間で商談件数は増加した。",
            LABEL,
            "海外販路拡大支援事業費",
            "商談会への参加に要する経費の一部を補助する。",
            "海外への販路拡大を図る。",
            LABEL,
            "「小樽産品」販路拡大支援事業費",
            "国内の商談会に出展する。",
            "国内の販路開拓を図る。",
            LABEL,
            KPI,
            "商談件数は増えた。");

    assertDecided(
        r, "2 IMPLEMENTATION", "販路拡大支援補助金の交付：4件", Repair.SUBSIDY_RECORD_OF_THE_SUBSIDY_ITEM);
    assertThat(item(r, 3).implementation()).isNull();
    assertThat(item(r, 3).note()).contains("has no text next to it");
  }

  @Test
  void theOneTextWithoutAPlaceIsTheTextOfTheOneEmptyLabel() {
    NarrativeReader.Result r =
        read(
            LABEL,
            "観光誘致活動を行った。",
            LABEL,
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "新聞広告、観光雑誌に小樽の観光情報を掲載。",
            KPI,
            "宿泊客は順調に伸びている。");

    assertDecided(
        r,
        "2 IMPLEMENTATION",
        "新聞広告、観光雑誌に小樽の観光情報を掲載。",
        Repair.THE_ONE_TEXT_FOR_THE_ONE_EMPTY_LABEL);
    // two texts without a place for the one empty label: either could be it, or the summary's
    NarrativeReader.Result two =
        read(
            "拠点としての機能を確保した。",
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "H30に終了",
            "旧寿原邸改修事業",
            "屋根部分の改修を行う。",
            "拠点として活用できるよう改修を行う。",
            LABEL,
            KPI,
            "現状の分析。");
    assertThat(item(two, 1).implementation()).isNull();
    assertThat(two.decisions())
        .filteredOn(d -> d.slot().equals("RESIDUE"))
        .extracting(Decision::text, Decision::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "拠点としての機能を確保した。", Repair.NO_STATUS_FROM_THE_BLOCK_START),
            org.assertj.core.groups.Tuple.tuple("H30に終了", Repair.SUMMARY_TAIL_WHILE_DISPLACED));
  }

  @Test
  void expectedEffectsArePartOfThePurpose() {
    NarrativeReader.Result r =
        read(
            "歴史文化基本構想策定事業",
            "文化遺産の把握調査をベースとし、「小樽市歴史文化基本構想」を策定。",
            "（データベースは「資料編」として同時に公表）",
            "文化財の保存と活用に対する意識の高揚が期待できる。",
            "小樽の地域的な特色を鮮明にすることを目的とする。",
            LABEL,
            "文化遺産の精査を行った。");

    assertThat(item(r, 1).overview())
        .isEqualTo("文化遺産の把握調査をベースとし、「小樽市歴史文化基本構想」を策定。\n（データベースは「資料編」として同時に公表）");
    assertThat(item(r, 1).purpose())
        .isEqualTo("文化財の保存と活用に対する意識の高揚が期待できる。\n小樽の地域的な特色を鮮明にすることを目的とする。");
    assertDecided(
        r,
        "1 PURPOSE",
        "文化財の保存と活用に対する意識の高揚が期待できる。",
        Repair.EXPECTED_EFFECTS_ARE_PART_OF_THE_PURPOSE);
    assertDecided(r, "1 PURPOSE", "小樽の地域的な特色を鮮明にすることを目的とする。", Placement.OWN_TEXTS_BEFORE_LABEL);
  }

  @Test
  void oneItemPerPairOfTheHead() {
    NarrativeReader.Result r = read(3, Set.of(), "除雪事業費", LABEL, "市内の除雪を行った。");

    assertThat(r.items())
        .extracting(BudgetItem::itemNo, BudgetItem::name, BudgetItem::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "除雪事業費", null),
            org.assertj.core.groups.Tuple.tuple(2, null, null),
            org.assertj.core.groups.Tuple.tuple(3, null, null));
  }

  @Test
  void aParagraphNamingAKpiIsThe現状分析s() {
    NarrativeReader.Result r =
        read(
            LABEL,
            "リノベーションまちづくり事業費",
            "交流事業を開催する。",
            "まちづくりの推進を図る。",
            LABEL,
            "リノベーション交流事業を開催した。",
            "当該事業の完了により、令和2年度から実施する利活用事業の展開が可能となった。（交通事故",
            "件数）",
            KPI);

    assertDecided(
        r,
        "STATUS_ANALYSIS",
        "当該事業の完了により、令和2年度から実施する利活用事業の展開が可能となった。（交通事故件数）",
        Repair.STATUS_NAMING_A_KPI);
    assertThat(item(r, 2).implementation()).isEqualTo("リノベーション交流事業を開催した。");
    // two such comments run together by the extractor are two paragraphs
    NarrativeReader.Result two =
        read(
            LABEL,
            "交通安全教室を開催した。",
            "交通安全教室の参加者は前年並みであり、啓発の効果が続いていると考えられる。（交通事故件数）",
            "街頭啓発の回数は増えたが、冬季の事故は減っていない。（交通事故件数）",
            KPI);
    assertThat(two.narratives())
        .filteredOn(n -> n.itemNo() == null)
        .extracting(n -> n.text())
        .containsExactly(
            "交通安全教室の参加者は前年並みであり、啓発の効果が続いていると考えられる。（交通事故件数）\n"
                + "街頭啓発の回数は増えたが、冬季の事故は減っていない。（交通事故件数）");
    // brackets that name no KPI of the project are the text's own
    NarrativeReader.Result other = read(LABEL, "市内の除雪を行った。", "（除雪延長）", KPI, "除雪の苦情は減った。");
    assertThat(item(other, 1).implementation()).isEqualTo("市内の除雪を行った。\n（除雪延長）");
  }

  @Test
  void noStatusFromTheBlockStartRightBeforeTheSummaryLabel() {
    NarrativeReader.Result r =
        read("販路拡大支援補助金の交付：4件", SUMMARY, "５年間で商談件数は増加した。", KPI, "新たな販路の開拓につながった。");

    assertDecided(r, "RESIDUE", "販路拡大支援補助金の交付：4件", Repair.NO_STATUS_FROM_THE_BLOCK_START);
    assertDecided(r, "STATUS_ANALYSIS", "新たな販路の開拓につながった。", Placement.TEXT_AFTER_LABEL);
    assertThat(r.used()).extracting(Line::printed).doesNotContain("販路拡大支援補助金の交付：4件");
  }

  @Test
  void noStatusFromTheBlockStartWhileAnItemsTextIsDisplaced() {
    // the labels are followed by the KPI lines: their texts are printed elsewhere (two of them, so
    // that THE_ONE_TEXT_FOR_THE_ONE_EMPTY_LABEL cannot tell whose the set-aside text is)
    NarrativeReader.Result r =
        read("リノベーションの拠点としての機能を確保した。", "旧寿原邸改修事業費", "旧寿原邸を改修する。", "拠点の整備を図る。", LABEL, LABEL, KPI);

    assertDecided(r, "RESIDUE", "リノベーションの拠点としての機能を確保した。", Repair.NO_STATUS_FROM_THE_BLOCK_START);
    // with the label's text next to it, the text at the block start is the 現状分析
    NarrativeReader.Result next =
        read(
            "リノベーションの拠点としての機能を確保した。",
            "旧寿原邸改修事業費",
            "旧寿原邸を改修する。",
            "拠点の整備を図る。",
            LABEL,
            "改修を行った。",
            KPI);
    assertDecided(next, "STATUS_ANALYSIS", "リノベーションの拠点としての機能を確保した。", Placement.TEXT_AFTER_LABEL);
  }

  @Test
  void statusInsideTheSummaryRun() {
    NarrativeReader.Result r =
        read(
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "実績値については、気象状況に左右される。",
            "除雪事業費",
            "市内の除雪を行う。",
            "冬の安全な生活を図る。",
            LABEL,
            "除雪を実施した。",
            KPI);

    assertDecided(
        r, "STATUS_ANALYSIS", "実績値については、気象状況に左右される。", Repair.STATUS_INSIDE_THE_SUMMARY_RUN);
    assertDecided(r, "FIVE_YEAR_SUMMARY", WRAPPED + "広く周知することができた。", Placement.TEXT_AFTER_LABEL);
  }

  @Test
  void statusInsideTheSummaryRunAsARepeatOfTheSummary() {
    NarrativeReader.Result r =
        read(
            SUMMARY,
            "＜卒業記念硝子製作体験＞",
            "市内の中学校で実施した。",
            "＜卒業記念硝子製作体験＞",
            "市内の中学校で実施した。",
            "硝子製作体験事業費",
            "硝子製作を体験する。",
            "ふるさと意識の醸成を図る。",
            LABEL,
            "実施した。");

    assertThat(r.narratives())
        .filteredOn(n -> n.itemNo() == null)
        .extracting(n -> n.kind().name() + " " + n.text())
        .containsExactly(
            "FIVE_YEAR_SUMMARY ＜卒業記念硝子製作体験＞\n市内の中学校で実施した。",
            "STATUS_ANALYSIS ＜卒業記念硝子製作体験＞\n市内の中学校で実施した。");
    assertDecided(
        r, "STATUS_ANALYSIS", "＜卒業記念硝子製作体験＞\n市内の中学校で実施した。", Repair.STATUS_INSIDE_THE_SUMMARY_RUN);
  }

  @Test
  void summaryTailWhileAnItemsTextIsDisplaced() {
    // two empty labels, so that no later rule can tell whose the set-aside text is
    NarrativeReader.Result r =
        read(
            LABEL,
            LABEL,
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "しかし、目標の宿泊客数は達成できなかった。",
            "H30に終了",
            KPI,
            "宿泊客は順調に伸びている。");

    assertDecided(r, "RESIDUE", "H30に終了", Repair.SUMMARY_TAIL_WHILE_DISPLACED);
    assertDecided(r, "FIVE_YEAR_SUMMARY", "しかし、目標の宿泊客数は達成できなかった。", Placement.TEXT_AFTER_LABEL);
    assertThat(item(r, 1).note()).contains("has no text next to it");
  }

  @Test
  void aPlanInTheSummaryTailIsTheSummarysWhileAnItemsTextIsDisplaced() {
    NarrativeReader.Result r =
        read(
            LABEL,
            LABEL,
            SUMMARY,
            WRAPPED,
            "広く周知することができた。",
            "歴史的建造物の助成金制度を継続する。",
            "H31は大会に参加。",
            KPI,
            "来場者は増えた。");

    assertDecided(r, "FIVE_YEAR_SUMMARY", "歴史的建造物の助成金制度を継続する。", Placement.TEXT_AFTER_LABEL);
    assertDecided(r, "RESIDUE", "H31は大会に参加。", Repair.SUMMARY_TAIL_WHILE_DISPLACED);
  }

  @Test
  void statusAfterAnImplementationWhenNoneIsFoundElsewhere() {
    NarrativeReader.Result r =
        read(
            "市民活動支援事業費",
            "市民活動団体に補助する。",
            "市民活動の活性化を図る。",
            LABEL,
            "・講演会を開催",
            "・交流会を開催",
            "今後も事業を継続していく。",
            KPI);

    assertDecided(r, "STATUS_ANALYSIS", "今後も事業を継続していく。", Repair.STATUS_AFTER_AN_IMPLEMENTATION);
    assertThat(item(r, 1).implementation()).isEqualTo("・講演会を開催\n・交流会を開催");
  }

  @Test
  void implementationRunOnWhileAnItemsTextIsDisplaced() {
    // two empty labels, so that no later rule can tell whose the set-aside text is
    NarrativeReader.Result r =
        read(
            LABEL,
            LABEL,
            "リノベーションまちづくり事業費",
            "交流事業を開催する。",
            "まちづくりの推進を図る。",
            LABEL,
            "リノベーション交流事業を開催した。",
            "（見学ツアー、講演会）",
            "当該事業の完了により、利活用事業の展開が可能となった。",
            KPI);

    assertDecided(
        r, "RESIDUE", "当該事業の完了により、利活用事業の展開が可能となった。", Repair.IMPLEMENTATION_RUN_ON_WHILE_DISPLACED);
    assertThat(item(r, 3).implementation()).isEqualTo("リノベーション交流事業を開催した。\n（見学ツアー、講演会）");
    assertThat(item(r, 1).implementation()).isNull();
  }
}
