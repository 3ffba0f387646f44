package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.BudgetItem;
import hyoka.transform.Fixtures;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budget items and commentary, checked by hand against the report text, including the reading order
 * traps of docs/report-format.md.
 */
class NarrativesTest {
  private static ParsedReport h31;
  private static ParsedReport h30;

  @BeforeAll
  static void parse() {
    EvaluationReportParser parser = new EvaluationReportParser();
    h31 = parser.parse(Fixtures.text("h31"));
    h30 = parser.parse(Fixtures.text("h30"));
  }

  private static Project p(ParsedReport r, int no) {
    return EvaluationReportParserTest.project(r, no);
  }

  private static String text(Project p, NarrativeKind kind) {
    return p.narratives().stream()
        .filter(n -> n.kind() == kind && n.itemNo() == null)
        .map(Narrative::text)
        .findFirst()
        .orElse(null);
  }

  @Test
  void countsOverTheWholeReport() {
    assertThat(h31.projects().stream().mapToInt(x -> x.budgetItems().size()).sum()).isEqualTo(96);
    assertThat(h30.projects().stream().mapToInt(x -> x.budgetItems().size()).sum()).isEqualTo(96);
    // one item prints no name: project 49's block starts on a new page with its overview
    assertThat(
            h31.projects().stream()
                .flatMap(
                    x ->
                        x.budgetItems().stream()
                            .filter(i -> i.name() == null)
                            .map(i -> x.projectNo() + "/" + i.itemNo())))
        .containsExactly("49/1");
    assertThat(h31.projects())
        .allSatisfy(
            x -> {
              assertThat(text(x, NarrativeKind.FIVE_YEAR_SUMMARY)).isNotBlank();
              assertThat(text(x, NarrativeKind.STATUS_ANALYSIS)).isNotBlank();
            });
    assertThat(h30.projects())
        .allSatisfy(x -> assertThat(text(x, NarrativeKind.STATUS_ANALYSIS)).isNotBlank());
    // the FY2018 report has no five-year summary
    assertThat(h30.projects())
        .allSatisfy(x -> assertThat(text(x, NarrativeKind.FIVE_YEAR_SUMMARY)).isNull());
  }

  @Test
  void aPlainBlock() {
    Project p3 = p(h31, 3);
    BudgetItem i = p3.budgetItems().get(0);
    assertThat(i.name()).isEqualTo("住宅エコリフォーム助成事業費");
    assertThat(i.overview())
        .isEqualTo("住宅の断熱改修や省エネ型設備機器などの省エネ改修を行った場合の工事費用を一部助成する" + "制度。助成額は対象工事費の10分の1で助成限度額は30万円。");
    assertThat(i.purpose()).isEqualTo("市内における環境負荷の低減及び空き家の有効活用を図ることを目的とする。");
    assertThat(i.implementation()).isEqualTo("14件の申請があり、計2,074,000円の助成金を行った。");
    assertThat(i.page()).isEqualTo(1);
    assertThat(text(p3, NarrativeKind.FIVE_YEAR_SUMMARY)).startsWith("年々制度周知を進めてきた");
    assertThat(text(p3, NarrativeKind.STATUS_ANALYSIS))
        .startsWith("平成31年度は、消費税増税前の駆け込み需要もあり")
        .endsWith("今後は平成31年度以上の助成件数を出せるよう努める。");
    assertThat(p3.narratives())
        .extracting(Narrative::itemNo, Narrative::kind, Narrative::page)
        .contains(
            org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.OVERVIEW, 1),
            org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.PURPOSE, 1),
            org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.IMPLEMENTATION, 1));
    assertThat(text(p(h30, 3), NarrativeKind.STATUS_ANALYSIS)).startsWith("平成30年度は、");
    assertThat(p(h30, 3).budgetItems().get(0).implementation()).isEqualTo("7件の申請があり、助成金の交付を行った。");
  }

  @Test
  void aNameStandingAloneAboveThe現状分析() {
    // P6: the first item's texts come first, its name stands alone above the 現状分析 further
    // down; its overview looks like a name (…のための交付金)
    Project p6 = p(h31, 6);
    assertThat(p6.budgetItems())
        .extracting(BudgetItem::name)
        .containsExactly("交通安全運動推進委員会交付金", "交通安全指導員協議会補助金", "交通安全協会補助金");
    assertThat(p6.budgetItems().get(0).overview()).isEqualTo("交通安全運動推進委員会の活動のための交付金");
    assertThat(p6.budgetItems().get(0).purpose()).startsWith("交通道徳の向上を図り");
    assertThat(text(p6, NarrativeKind.STATUS_ANALYSIS)).startsWith("近年、北海道の人身事故").endsWith("と考える。");
    // P7: the same with the first item's texts at the block start
    Project p7 = p(h31, 7);
    assertThat(p7.budgetItems())
        .extracting(BudgetItem::name)
        .containsExactly("空家実態調査事業費", "小樽市特定空家等住宅除却費助成事業費", "空き家対策事業費");
    assertThat(p7.budgetItems().get(0).overview()).isEqualTo("市内全域を調査対象とし、空き家の位置や空き家の管理状況などを調査する。");
    assertThat(p7.budgetItems().get(1).overview()).endsWith("助成金：補助率1/3　限度額30万円");
    assertThat(text(p7, NarrativeKind.STATUS_ANALYSIS)).startsWith("特定空家等に対する法に基づく助言");
    assertThat(text(p7, NarrativeKind.FIVE_YEAR_SUMMARY))
        .startsWith("平成27年に空家特措法")
        .doesNotContain("特定空家等に対する法に基づく助言");
  }

  @Test
  void itemTextsAfterItsLabelElsewhere() {
    // P9: the first item's purpose comes before its label, its name and overview much later
    BudgetItem i = p(h31, 9).budgetItems().get(0);
    assertThat(i.name()).isEqualTo("街路防犯灯維持費補助金");
    assertThat(i.overview()).startsWith("夜間における治安の維持及び交通の安全を図るため、街路防犯灯を維持管理する");
    assertThat(i.purpose()).startsWith("街路防犯灯を維持管理している団体に対して");
    assertThat(i.implementation()).startsWith("小樽市街路防犯灯組合連合会に加入している199団体");
    // P35: two labels in a row; the second item's name and texts follow later
    BudgetItem second = p(h31, 35).budgetItems().get(1);
    assertThat(second.name()).isEqualTo("宣伝物製作等経費（観光宣伝費）");
    assertThat(second.overview()).isEqualTo("観光客誘致促進のため印刷物の作成等を行う。");
    assertThat(second.implementation()).startsWith("観光ポストカード");
    // P10: a name standing alone at the end of the block
    BudgetItem first = p(h31, 10).budgetItems().get(0);
    assertThat(first.name()).isEqualTo("地域公共交通活性化事業費");
    assertThat(first.overview()).startsWith("地域公共交通の活性化及び再生に関する法律");
  }

  @Test
  void aPurposeAfterAnotherItemsLabel() {
    // P37: 《…実施内容》 followed by the 目的 of the short-film item, whose label comes after
    Project p37 = p(h31, 37);
    BudgetItem film = p37.budgetItems().get(4);
    assertThat(film.name()).isEqualTo("小樽ショートフィルムセッション開催補助金");
    assertThat(film.overview()).isEqualTo("小樽の街を舞台としたショートフィルムのコンテストを開催。");
    assertThat(film.purpose()).startsWith("小樽の優れたロケーションを広く発信する").endsWith("を目的として開催。");
    assertThat(film.implementation()).startsWith("Ｈ31は新型コロナ感染症防止対策のため");
    // the label's own item (あんかけ) has its text elsewhere (see
    // aDisplaced実施内容IsFoundWhereTheEvidenceTells)
    assertThat(p37.budgetItems().get(3).implementation()).startsWith("平成28年度以降補助金支出はなし。");
    // P32: the same for 小樽産品商品力・販売力向上事業費
    BudgetItem goods =
        p(h31, 32).budgetItems().stream()
            .filter(i -> "小樽産品商品力・販売力向上事業費".equals(i.name()))
            .findFirst()
            .orElseThrow();
    assertThat(goods.overview()).startsWith("主に食品分野において");
    assertThat(goods.purpose()).startsWith("主に食品分野において").endsWith("支援することを目的とする。");
  }

  /**
   * P46 (page 27): the item's name wraps before its parenthesised part, as the project's name does
   * in the page head; the part is the name's, not the first paragraph of the 概要.
   */
  @Test
  void anItemNameWrappedBeforeItsParenthesisedPart() {
    for (ParsedReport r : List.of(h31, h30)) {
      BudgetItem i = p(r, 46).budgetItems().get(0);
      assertThat(i.name()).isEqualTo("小樽産品商品力・販売力向上事業費（Ｈ31年度：稼ぐ力向上実践事業）");
      assertThat(i.overview()).startsWith("主に食品分野において").endsWith("展示会等へ職員を派遣する。");
      assertThat(i.purpose()).startsWith("主に食品分野において").endsWith("支援することを目的とする。");
      assertThat(r.residue()).extracting(ResidueLine::text).doesNotContain("（Ｈ31年度：稼ぐ力向上実践事業）");
    }
    assertThat(p(h31, 46).budgetItems().get(0).implementation())
        .startsWith("平成31年度より「稼ぐ力向上実践事業」に移行。\n・商品の磨上げ相談に係る取組の件数：6社\n※事業者が");
  }

  /**
   * P43 (page 25): 概要 (…を策定。 and its remark in brackets), then two paragraphs before the label:
   * what the plan brings about (…意識の高揚が期待できる。) and the 目的 proper (…を目的とする。). Both are the 目的; only
   * the last was.
   */
  @Test
  void anExpectedEffectBeforeThe目的IsPartOfIt() {
    for (ParsedReport r : List.of(h31, h30)) {
      BudgetItem i = p(r, 43).budgetItems().get(0);
      assertThat(i.overview())
          .startsWith("平成28,29年度で取り組んだ小樽文化遺産のデータベースの把握調査")
          .endsWith("を策定。\n（データベースは「資料編」として同時に公表）");
      assertThat(i.purpose())
          .startsWith("歴史文化基本構想は小樽市が策定する総合計画やその他の計画に")
          .contains("意識の高揚が期待できる。\n総合的な文化財の把握が行われることにより")
          .endsWith("一翼を担うことを目的とする。");
    }
  }

  @Test
  void theItemWithoutPrintedName() {
    BudgetItem i = p(h31, 49).budgetItems().get(0);
    assertThat(i.name()).isNull();
    assertThat(i.overview()).startsWith("国民健康保険の被保険者(40歳以上)を対象に").endsWith("保健指導を実施する事業");
    assertThat(i.purpose()).isEqualTo("被保険者の健康増進・疾病予防・医療費の適正化を目的とする");
    assertThat(i.page()).isEqualTo(30);
  }

  @Test
  void the現状分析InsideTheSummaryRun() {
    // P8: 現状分析 between the summary and the item name
    Project p8 = p(h31, 8);
    assertThat(text(p8, NarrativeKind.FIVE_YEAR_SUMMARY)).endsWith("H31年度目標を達成している。");
    assertThat(text(p8, NarrativeKind.STATUS_ANALYSIS))
        .startsWith("実績値については、気象状況に左右される面があるが、除雪、排雪依頼件数ともに");
    // P5: three one-line paragraphs after the summary's wrapped one, before the item name;
    // the FY2018 report (no summary) prints the same 現状分析 alone
    Project p5 = p(h31, 5);
    assertThat(text(p5, NarrativeKind.FIVE_YEAR_SUMMARY))
        .startsWith("移住体験ツアーなど")
        .endsWith("改めて移住を意識するように促す。");
    assertThat(text(p5, NarrativeKind.STATUS_ANALYSIS))
        .isEqualTo(text(p(h30, 5), NarrativeKind.STATUS_ANALYSIS))
        .startsWith("全国的に移住がブームになっていた平成27年度より相談件数が増加した。")
        .endsWith("相談から移住に結びつけるよう丁寧な対応を行なっていく。");
    // P31: the 現状分析 repeats the summary, with ＜item＞ sub-headings
    Project p31 = p(h31, 31);
    assertThat(text(p31, NarrativeKind.STATUS_ANALYSIS))
        .isEqualTo(text(p31, NarrativeKind.FIVE_YEAR_SUMMARY))
        .startsWith("＜卒業記念硝子製作体験＞");
  }

  @Test
  void aNameAboveThe現状分析WhenAnItemHasAnEmptySlot() {
    // FY2018 P36: 公衆無線ＬＡＮ通信環境整備事業費補助金 stands alone above the only 現状分析 text
    // of the block (next comes 観光案内所運営費交付金); it must not become an item's 概要/目的
    String status =
        "各案内所の案内件数は、対前年比マイナスとなった。\n" + "移動式wi-fiは、他業務との関係上設置が困難な場合を除き基本的に設置、ほぼ目標値どおり推移している。";
    Project p36 = p(h30, 36);
    assertThat(text(p36, NarrativeKind.STATUS_ANALYSIS)).isEqualTo(status);
    assertThat(p36.budgetItems())
        .noneSatisfy(i -> assertThat(i.overview() + "|" + i.purpose()).contains("各案内所の案内件数"));
    assertThat(text(p(h31, 36), NarrativeKind.STATUS_ANALYSIS))
        .startsWith("冬までは各案内所の案内件数は順調に増加していたが")
        .endsWith("ほぼ目標値どおり推移している。");
  }

  @Test
  void twoPairsUnderOneNameAndALabelTextAtTheBlockStart() {
    // P36 (page 21), read from the text: 移動式Wi-fi…, its 概要 and 目的, then 公衆無線LAN's 概要
    // and 目的 and label; the Wi-Fi item's 実施内容 is the label text before the summary; the
    // one-line paragraph after the summary ends it; 外国語通訳…'s 概要 stands under its name.
    // FY2018 (no summary): the Wi-Fi 実施内容 line and 外国語通訳…'s 目的 run on as one paragraph
    for (ParsedReport r : List.of(h31, h30)) {
      List<BudgetItem> items = p(r, 36).budgetItems();
      BudgetItem wifi = items.get(0);
      assertThat(wifi.name()).startsWith("移動式Wi-fi環境整備事業費");
      assertThat(wifi.overview()).isEqualTo("クルーズ船入港時やイベント時などおいて、移動式のWi-Fiを設置する。");
      assertThat(wifi.purpose()).isEqualTo("Wi-Fi環境を整備することにより、国内外の観光客の利便性向上を図るため。");
      assertThat(wifi.implementation()).startsWith("クルーズ寄港時の設置");
      BudgetItem guide = items.get(1);
      assertThat(guide.name()).isEqualTo("外国語通訳配置支援事業費補助金");
      assertThat(guide.overview()).isEqualTo("堺町観光案内所において、外国語通訳を配置するための経費を補助する。");
      assertThat(guide.purpose()).isEqualTo("外国語通訳を配置することにより、外国人観光客に対するサービス向上を図るため。");
      BudgetItem lan = items.get(2);
      assertThat(lan.name()).isEqualTo("公衆無線ＬＡＮ通信環境整備事業費補助金");
      assertThat(lan.overview()).isEqualTo("商店街振興組合等に対し、公衆無線LAN通信環境整備の経費を補助する。");
      assertThat(lan.purpose()).isEqualTo("外国人客の受け入れ態勢の強化及び国内外観光客の利便性の向上のため");
    }
    List<BudgetItem> fy2019 = p(h31, 36).budgetItems();
    assertThat(fy2019.get(0).implementation())
        .isEqualTo("クルーズ寄港時の設置（28回寄航中、21日（19回寄港）設置）、潮祭り3日間、雪あかり9日間");
    assertThat(fy2019.get(2).implementation()).isEqualTo("Ｈ３１から予算計上なし。");
    assertThat(text(p(h31, 36), NarrativeKind.FIVE_YEAR_SUMMARY))
        .endsWith("移動式Wi－Fi事業はクルーズ船をはじめ主に海外観光客を対象に継続していく。");
    List<BudgetItem> fy2018 = p(h30, 36).budgetItems();
    assertThat(fy2018.get(0).implementation())
        .isEqualTo("クルーズ寄港時の設置（21回寄航中、18日（16回寄港）設置）、潮祭り3日間、雪あかり7日間");
    assertThat(fy2018.get(1).implementation()).isEqualTo("堺町観光案内所において、国内外観光客に対し観光案内を行った。");
    assertThat(fy2018.get(2).implementation()).isEqualTo("商店街振興組合等による公衆無線LAN通信環境整備に対し補助を行った。");
    // P34 (page 19): 設備投資動向調査事業費's pair, then 企業誘致促進事業費's pair and label; the
    // name 企業誘致促進事業費 stands alone above the KPI lines
    for (ParsedReport r : List.of(h31, h30)) {
      List<BudgetItem> items = p(r, 34).budgetItems();
      assertThat(items)
          .extracting(BudgetItem::name)
          .containsExactly(
              "設備投資動向調査事業費", "札幌臨海小樽・石狩地域産業活性化協議会負担金", "企業誘致促進事業費", "企業立地トップセミナーフォローアップ事業費");
      assertThat(items.get(0).purpose()).startsWith("本市への企業立地に興味を示す誘致対象企業を絞り込み");
      assertThat(items.get(1).purpose()).startsWith("本協議会として首都圏で開催される産業展に出展する");
      assertThat(items.get(2).overview()).startsWith("首都圏での産業展出展のほか");
      assertThat(items.get(2).purpose()).startsWith("市長や幹部職員による企業訪問活動");
      assertThat(items.get(2).implementation()).startsWith("H29年度から東京事務所に企業誘致推進役を配置");
    }
  }

  @Test
  void aTextGluedToTheHeadsPurposeLabelIsA目的() {
    // P58 (page 34): `目的： 快適な環境づくり実践促進連絡会議のゴミ拾いや…` ends the page head; the
    // item's name stands alone further down above its one-line 概要, then the next name
    for (ParsedReport r : List.of(h31, h30)) {
      Project p58 = p(r, 58);
      BudgetItem first = p58.budgetItems().get(0);
      assertThat(first.name()).isEqualTo("快適な環境づくり運動経費");
      assertThat(first.overview()).isEqualTo("快適な環境づくり実践促進連絡会議の構成団体である町会等により、清掃活動や、美化活動を実施している。");
      assertThat(first.purpose())
          .startsWith("快適な環境づくり実践促進連絡会議のゴミ拾いや花いっぱい運動")
          .endsWith("住んでよし訪れてよしの環境を周知していく。");
      assertThat(first.implementation()).startsWith("・旧手宮線クリーンアップウォーキング");
      assertThat(text(p58, NarrativeKind.STATUS_ANALYSIS))
          .startsWith("「小樽市快適な環境づくり実践促進連絡会議」は現在49の幹事団体で構成されており")
          .doesNotContain("構成団体である町会等により");
    }
    // the same glue in P9: its 目的 (街路防犯灯を維持管理している…) stays the 目的
    assertThat(p(h31, 9).budgetItems().get(0).purpose()).startsWith("街路防犯灯を維持管理している団体に対して");
  }

  @Test
  void anAimAndPlanAfterALabelIsAnother目的() {
    // P35 (page 20): 《…実施内容》 観光客誘致促進のため、…観光ポスターを制作する。 《…実施内容》: the
    // text says what is to be done, and only 観光ポスター等制作事業費 lacks a 目的
    for (ParsedReport r : List.of(h31, h30)) {
      List<BudgetItem> items = p(r, 35).budgetItems();
      BudgetItem poster = items.get(3);
      assertThat(poster.name()).isEqualTo("観光ポスター等制作事業費（H28は予算なし）");
      assertThat(poster.overview()).isEqualTo("新規観光ポスター、ポストカード等を制作する。");
      assertThat(poster.purpose()).isEqualTo("観光客誘致促進のため、本市の魅力を効果的にアピールする視覚効果の高い観光ポスターを制作する。");
      // its own 実施内容 has the fiscal year's record; the advertising item's label holds the
      // poster's 目的, and its own text is the block's one paragraph without a place (FY2019: after
      // the summary; FY2018: at the block start), which says what was published where
      assertThat(poster.implementation()).matches("平成3[01]年度は.*ポスターを.*した。");
      assertThat(items.get(2).name()).isEqualTo("観光広告プロモーション事業費補助金");
      assertThat(items.get(2).implementation())
          .isEqualTo("新聞広告、観光雑誌（国内外）、旅行関係のウェブサイトに、イベントなど小樽の観光情報を掲載。");
    }
  }

  @Test
  void theScrambledBlockOfPage18() {
    // P32, read from the text: 「小樽産品」販路拡大支援事業費 with its pair, then ものづくり's pair
    // and label (its name stands alone before 目標値(H31)); 小樽産品商品力…'s 目的 follows the
    // 海外 item's label and its 実施内容 the next label (FY2018: 「小樽産品商品力・販売力向上事業」
    // として…); the first label of the block has no text that can be told to be its own. The 海外
    // item's own text stands at the block start: 販路拡大支援補助金の交付：4件, a subsidy paid, and it is
    // the only one of the two items without a 実施内容 that pays a subsidy (…経費の一部を補助する。)
    for (ParsedReport r : List.of(h31, h30)) {
      List<BudgetItem> items = p(r, 32).budgetItems();
      assertThat(items)
          .extracting(BudgetItem::name)
          .containsExactly(
              "「小樽産品」販路拡大支援事業費", "海外販路拡大支援事業費", "小樽産品商品力・販売力向上事業費", "ものづくり市場開拓支援事業費", "技術開発促進事業費");
      BudgetItem sales = items.get(0);
      assertThat(sales.overview()).startsWith("国内最大級のBtoB商談会である").endsWith("に参加する。");
      assertThat(sales.purpose()).startsWith("専門家のアドバイスを活用しながら");
      assertThat(sales.implementation()).isNull();
      assertThat(items.get(1).overview()).startsWith("市内の中小企業等が、海外への販路拡大");
      assertThat(items.get(1).purpose()).startsWith("国内市場への販路拡大だけではなく");
      assertThat(items.get(1).implementation()).isEqualTo("販路拡大支援補助金の交付：4件");
      assertThat(text(p(r, 32), NarrativeKind.STATUS_ANALYSIS)).startsWith("＜ものづくり市場開拓支援事業＞");
      assertThat(items.get(2).overview()).endsWith("展示会等へ職員を派遣する。");
      assertThat(items.get(2).purpose()).endsWith("支援することを目的とする。");
      BudgetItem market = items.get(3);
      assertThat(market.overview()).startsWith("道内最大規模の展示会「北海道　技術・ビジネス交流会」");
      assertThat(market.purpose()).startsWith("市内ものづくり企業の製品や技術力を広く周知し");
      assertThat(market.implementation()).startsWith("・「北海道　技術・ビジネス交流会」出展");
      assertThat(items.get(4).implementation()).matches("・H3[01]指定事業：1件");
    }
    assertThat(p(h31, 32).budgetItems().get(2).implementation())
        .startsWith("平成31年度より「稼ぐ力向上実践事業」に移行。");
    assertThat(p(h30, 32).budgetItems().get(2).implementation())
        .startsWith("「小樽産品商品力・販売力向上事業」として、商品の開発及び改良の支援を行った。");
  }

  /**
   * The FY2018 report was derived from the FY2019 one with the same blocks in the same order: an
   * item's name, 概要 and 目的 must read the same in both. 概要/目的 are printed for every item; the listed
   * ones are still read wrong (see the class comment of NarrativeReader's callers).
   */
  @Test
  void bothYearsAgreeAndEveryItemHasItsPair() {
    // every item of both samples prints its 概要 and 目的 somewhere
    java.util.Set<String> knownDiffering = java.util.Set.of();
    java.util.Set<String> knownMissing = java.util.Set.of();
    List<String> differing = new java.util.ArrayList<>();
    List<String> missing = new java.util.ArrayList<>();
    for (Project a : h31.projects()) {
      Project b = p(h30, a.projectNo());
      assertThat(b.budgetItems()).hasSameSizeAs(a.budgetItems());
      for (int k = 0; k < a.budgetItems().size(); k++) {
        BudgetItem x = a.budgetItems().get(k);
        BudgetItem y = b.budgetItems().get(k);
        String id = a.projectNo() + "/" + x.itemNo();
        if (!java.util.Objects.equals(x.name(), y.name())
            || !java.util.Objects.equals(x.overview(), y.overview())
            || !java.util.Objects.equals(x.purpose(), y.purpose())) {
          differing.add(id);
        }
        if (x.overview() == null) {
          missing.add(id + " overview");
        }
        if (x.purpose() == null) {
          missing.add(id + " purpose");
        }
      }
    }
    assertThat(differing).containsExactlyInAnyOrderElementsOf(knownDiffering);
    assertThat(missing).containsExactlyInAnyOrderElementsOf(knownMissing);
  }

  @Test
  void everyUnattributed実施内容IsNoted() {
    // read from the text: P4's label is followed by the summary label (the item moved to
    // another project in H31); P11's 旧寿原邸 label by the KPI lines; P32's first label by the
    // name of the 海外 item. Where their texts are (if printed at all) the block does not tell, so
    // they stay NULL with a note. The labels of P32 海外, P35 広告 and P37 あんかけ hold another item's
    // 目的; their own texts are found (see aDisplaced実施内容IsFoundWhereTheEvidenceTells)
    for (ParsedReport r : List.of(h31, h30)) {
      List<String> noted = new java.util.ArrayList<>();
      for (Project x : r.projects()) {
        for (BudgetItem i : x.budgetItems()) {
          assertThat(i.note() == null)
              .as("P" + x.projectNo() + "/" + i.itemNo())
              .isEqualTo(i.implementation() != null);
          if (i.note() != null) {
            noted.add(
                x.projectNo()
                    + "/"
                    + i.itemNo()
                    + (i.note().contains("another item's 目的") ? " given" : " empty"));
          }
        }
      }
      assertThat(noted).containsExactly("4/1 empty", "11/2 empty", "32/1 empty");
    }
  }

  /**
   * A paragraph run on after an item's 実施内容 (no label between) in a block where another item's 実施内容
   * is printed away from its label may be that text as well as the first item's. Read from the
   * text: P37 prints `平成28年度以降補助金支出はなし。…` (the あんかけ item's subsidy, whose label holds the
   * short-film item's 目的) right after the historic-building item's text in FY2018, after the
   * summary in FY2019. It is no run-on of the first item's text; it records a subsidy (not) paid,
   * and the あんかけ item, the only one without its 実施内容, is a subsidy: it is that item's.
   */
  @Test
  void aDisplaced実施内容IsFoundWhereTheEvidenceTells() {
    for (ParsedReport r : List.of(h31, h30)) {
      List<BudgetItem> p37 = p(r, 37).budgetItems();
      assertThat(p37.get(0).implementation()).isEqualTo("指定歴史的建造物の旧魁陽亭、旧百十三銀行小樽支店及び旧小堀商店に助成を行った。");
      assertThat(p37.get(3).name()).isEqualTo("小樽あんかけ焼そば親衛隊観光ＰＲ補助金");
      assertThat(p37.get(3).implementation())
          .startsWith("平成28年度以降補助金支出はなし。")
          .endsWith("17イベントで活動。");
      assertThat(p37.get(3).note()).isNull();
      assertThat(p(r, 11).budgetItems().get(0).implementation())
          .isEqualTo("リノベーションまちづくり交流事業（見学ツアー、,ワークショップ、講演会）を開催した。");
      assertThat(p(r, 11).budgetItems().get(1).implementation()).isNull();
      assertThat(r.residue())
          .extracting(ResidueLine::text)
          .noneMatch(t -> t.startsWith("平成28年度以降"));
    }
    assertThat(p(h31, 37).budgetItems().get(3).implementation()).contains("Ｈ31はＢ１明石大会（5,300食）あり。");
    assertThat(text(p(h31, 37), NarrativeKind.FIVE_YEAR_SUMMARY))
        .doesNotContain("平成28年度以降補助金支出はなし");
    // what visibly goes on stays: list items after a first line, in a block with displaced texts
    assertThat(p(h31, 32).budgetItems().get(2).implementation())
        .startsWith("平成31年度より「稼ぐ力向上実践事業」に移行。\n・新たな販路の開拓")
        .endsWith("商談件数：636件");
    // and in a block where every label's text is next to it, a second plain paragraph stays too
    assertThat(p(h31, 42).budgetItems().get(0).implementation())
        .endsWith("\n歴史的資源を観光資源としてＰＲする「おたる案内人」活動継続。");
  }

  /**
   * P11 (page 7): after the リノベーション item's 実施内容, two paragraphs each end by naming one of the
   * project's two KPIs, `…が可能となった。（空き家のマッチング件数）` and `…関心は高いことが伺われた。（空き家バンク 登録件数）`, run together by
   * the extractor: they comment on those KPIs and are the 現状分析, in both samples, while the 旧寿原邸
   * item's label still has no text next to it.
   */
  @Test
  void paragraphsNamingTheProjectsKpisAreIts現状分析() {
    for (ParsedReport r : List.of(h31, h30)) {
      assertThat(text(p(r, 11), NarrativeKind.STATUS_ANALYSIS))
          .isEqualTo(
              "当該事業の完了により、令和2年度から実施する利活用事業の展開が可能となった。（空き家のマッチング件数）\n"
                  + "専門家による相談会を開催し、21名の参加があったがマッチングには至らなかった。空き家所有者意向調査を実施した"
                  + "結果、空き家バンクへの登録の希望はあったが登録までには至らなかった。一方で改修方法の講座には延べ104人の参"
                  + "加があったほか改修物件の見学ツアーも好評でリノベーションに対する関心は高いことが伺われた。（空き家バンク登録"
                  + "件数）");
      assertThat(p(r, 11).narratives())
          .filteredOn(n -> n.kind() == NarrativeKind.STATUS_ANALYSIS)
          .extracting(Narrative::page)
          .containsExactly(7);
      assertThat(p(r, 11).budgetItems().get(0).implementation())
          .isEqualTo("リノベーションまちづくり交流事業（見学ツアー、,ワークショップ、講演会）を開催した。");
    }
  }

  @Test
  void itemNarrativesMirrorTheItems() {
    for (Project x : h31.projects()) {
      for (BudgetItem i : x.budgetItems()) {
        List<String> texts =
            x.narratives().stream()
                .filter(n -> Integer.valueOf(i.itemNo()).equals(n.itemNo()))
                .map(Narrative::text)
                .collect(Collectors.toList());
        List<String> expected = new java.util.ArrayList<>();
        for (String s : new String[] {i.overview(), i.purpose(), i.implementation()}) {
          if (s != null) {
            expected.add(s);
          }
        }
        assertThat(texts).as("P" + x.projectNo() + " item " + i.itemNo()).isEqualTo(expected);
      }
    }
  }

  /**
   * The 現状分析 stands after the KPI lines or between the ５年間の総括 and an item's name, never before the
   * summary label. Read from the text: P11 starts its block with `➭ 老朽化した旧寿原邸…確保することができた。` (the ➭
   * is the next label's: that label line is the only one printed without it) and P32 with
   * `販路拡大支援補助金の交付：4件`, both right before the summary label; both were taken for the 現状分析. In blocks
   * where an item's 実施内容 is printed away from its label (P11, P35, P37), a one-line paragraph after
   * the summary's wrapped ones (`H30に終了`, `新聞広告…を掲載。`, `平成28年度以降補助金支出はなし。…`) and, in FY2018 with no
   * summary, a text at the block start before a name can be that 実施内容 as well as the summary's or
   * the 現状分析. Where one such text is the only one for one displaced 実施内容 (P35), or records a
   * subsidy paid by the only displaced item that pays one (P32, P37), it is found; P11 has two such
   * texts (`老朽化した旧寿原邸…`, `H30に終了`) for its one displaced 実施内容 (旧寿原邸改修事業), and either could be it,
   * or the summary's: both stay residue.
   */
  @Test
  void aTextBeforeThe総括LabelIsNoOnesAndNoSlotTextWhileAnItemsTextIsDisplaced() {
    for (ParsedReport r : List.of(h31, h30)) {
      Project p11 = p(r, 11);
      assertThat(p11.narratives())
          .extracting(Narrative::text)
          .noneMatch(t -> t.contains("老朽化した旧寿原邸") || t.contains("H30に終了"));
      assertThat(r.residue())
          .filteredOn(l -> l.text().contains("老朽化した旧寿原邸") || l.text().equals("H30に終了"))
          .extracting(ResidueLine::page, ResidueLine::cls)
          .containsOnly(org.assertj.core.groups.Tuple.tuple(7, ResidueClass.UNKNOWN))
          .hasSize(2);
      assertThat(p(r, 35).narratives())
          .filteredOn(n -> n.itemNo() == null)
          .extracting(Narrative::text)
          .noneMatch(t -> t.contains("新聞広告、観光雑誌"));
      // the 現状分析 printed after the KPI lines stays, now alone
      assertThat(text(p(r, 35), NarrativeKind.STATUS_ANALYSIS)).startsWith("H25以降宿泊客は順調に伸びており");
    }
    assertThat(text(p(h31, 11), NarrativeKind.FIVE_YEAR_SUMMARY))
        .isEqualTo(
            "空き家のマッチングと空き家バンク登録は、目標値には至らなかったが、旧寿原邸を活用した事業は、何れも好評でリノベーションに対する関心は"
                + "高いことが確認できた。このことが、令和2年度の事業展開の推進力になった。");
    assertThat(text(p(h31, 32), NarrativeKind.STATUS_ANALYSIS))
        .startsWith("＜ものづくり市場開拓支援事業＞\n市内企業の技術や製品をＰＲする")
        .doesNotContain("販路拡大支援補助金の交付");
    // a paragraph that visibly goes on from the summary (しかし、…) stays the summary's
    assertThat(text(p(h31, 35), NarrativeKind.FIVE_YEAR_SUMMARY))
        .startsWith("ＤＭＯ形成に向け")
        .endsWith("\nしかし、H30の胆振東部地震や、Ｈ31の新型コロナウイルス感染症の影響もあり、目標としていた宿泊客数の伸びは達成できなかった。");
    // P37: the summary's last paragraph says what will be done (…制度を継続する。): no 実施内容 does
    assertThat(text(p(h31, 37), NarrativeKind.FIVE_YEAR_SUMMARY))
        .startsWith("ショートフィルムセッションは隔年実施。")
        .endsWith("道内中心とした小樽ソウルフードPR活動を続けていく。\n歴史的建造物の助成金制度を継続する。");
  }
}
