package org.finpatrol.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {

  private static Classifier classifier;

  @BeforeAll
  static void load() throws IOException {
    classifier = Classifier.load(Path.of("../config/rules"));
  }

  @Test
  void claimIsFoundWithOffsetsTextAndBasis() {
    String text = "鑫盛理财：本平台承诺保本保息，年化收益15%，100元起投，立即投资！";
    Classification c = classifier.classify("p1", text);
    assertThat(c.guaranteedReturn()).isTrue();
    assertThat(c.financialSolicitation()).isTrue();
    // 鑫盛理财 names the operator with the restricted word 理财.
    assertThat(c.signals()).containsExactlyInAnyOrder("HIGH_YIELD", "RESTRICTED_NAME");
    Finding claim =
        c.findings().stream()
            .filter(f -> "GUARANTEED_RETURN".equals(f.category()))
            .findFirst()
            .get();
    assertThat(claim.text()).isEqualTo("保本保息");
    assertThat(text.substring(claim.start(), claim.end())).isEqualTo("保本保息");
    assertThat(claim.basis()).contains("广告法");
    assertThat(claim.signal()).isNull();
  }

  @Test
  void soundAlikeCharactersOfCorePhrasesAreClaimsToo() {
    String text = "鑫汇通：宝本宝息，稳赚不陪，年化8%，立即投资";
    Classification c = classifier.classify("h", text);
    assertThat(c.guaranteedReturn()).isTrue();
    assertThat(c.findings())
        .filteredOn(f -> "GUARANTEED_RETURN".equals(f.category()))
        .extracting(Finding::text)
        .containsExactly("宝本宝息", "稳赚不陪");
    // Two characters are too short to trust by sound: 报喜 is not 保息.
    assertThat(classifier.classify("n", "新春报喜，理财产品年化3%，欢迎咨询").guaranteedReturn()).isFalse();
    // A denial of a sound-alike is still a denial.
    assertThat(classifier.classify("d", "本产品不宝本宝息，年化3%，欢迎咨询").guaranteedReturn()).isFalse();
  }

  @Test
  void adsMustShowARiskWarningAndTheirLabel() {
    String bare = "鑫汇通优选，年化收益8%，立即投资";
    Classification ad = classifier.classifyAd("ad-1", bare, false);
    assertThat(ad.signals()).contains("MISSING_RISK_WARNING", "UNLABELED_AD");
    assertThat(ad.findings())
        .filteredOn(f -> "UNLABELED_AD".equals(f.signal()))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).isEqualTo(bare));
    // The same words on a page are not an ad: neither signal.
    assertThat(classifier.classify("p", bare).signals())
        .doesNotContain("MISSING_RISK_WARNING", "UNLABELED_AD");

    Classification proper = classifier.classifyAd("ad-2", "鑫汇通优选，年化收益8%，理财非存款，投资须谨慎。立即投资", true);
    assertThat(proper.financialSolicitation()).isTrue();
    assertThat(proper.signals()).doesNotContain("MISSING_RISK_WARNING", "UNLABELED_AD");
    assertThat(classifier.classifyAd("ad-3", "周末亲子活动，立即报名", false).signals()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "警方提醒：以“保本保息”为名的理财产品多为非法集资，请勿轻信。",
        "【风险提示】近期有不法分子打着“保本保息”“高收益零风险”的旗号推销理财产品，谨防上当受骗。",
        "鹤壁市公安局经侦支队提醒您：凡是以“高额回报”“保本付息”为诱饵，要求您将钱转入个人账户的，都可能是非法集资。",
        "本报记者走访发现，部分门店宣称年化15%、保本保息，吸引老年人投资。",
        "法院审理查明：被告人以保本保息、年化15%为诱饵向社会公众吸收资金。",
        "理财非存款，产品有风险，投资须谨慎。本产品为非保本浮动收益型，不保证本金和收益。",
        "平台不承诺保本保息，出借人应自行承担借款人违约风险，立即注册了解。",
      })
  void warningsNewsCourtTextsAndDenialsAreNotClaims(String text) {
    Classification c = classifier.classify("w", text);
    assertThat(c.guaranteedReturn()).as(text).isFalse();
    assertThat(c.findings()).as(text).noneMatch(f -> "GUARANTEED_RETURN".equals(f.category()));
  }

  @Test
  void warningPagesAreNotSolicitationsAtAll() {
    Classification c = classifier.classify("w", "警方提醒：以“保本保息”为名的理财多为骗局，凡是承诺高收益的都要提高警惕，谨防上当。");
    assertThat(c.financialSolicitation()).isFalse();
    assertThat(c.signals()).isEmpty();
    assertThat(c.pageType()).isEqualTo("warning");
  }

  @Test
  void obfuscatedClaimsAreFoundAndPointAtTheOriginalCharacters() {
    String spaced = "保 本 保 息｜月月付息｜到期还本，详询0392-3316628";
    Classification c = classifier.classify("s", spaced);
    assertThat(c.guaranteedReturn()).isTrue();
    assertThat(c.findings().get(0).text()).isEqualTo("保 本 保 息");

    String emoji = "💰保💰本💰保💰息💰 年化１２％ 满一年再奖1%";
    Classification e = classifier.classify("e", emoji);
    assertThat(e.guaranteedReturn()).isTrue();
    assertThat(e.findings().get(0).text()).isEqualTo("保💰本💰保💰息");
    assertThat(e.signals()).contains("HIGH_YIELD");

    assertThat(classifier.classify("t", "【穩賺不賠】年化15%，本息保障，立即搶購").guaranteedReturn()).isTrue();
    assertThat(classifier.classify("p", "bao ben bao xi！年化收益13.8%，限时抢购").guaranteedReturn())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "本地土鸡蛋，保本价出售，30枚一箱只要39元，先到先得。",
        "开业酬宾，全场保本微利，会员再享九五折。",
        "空调以旧换新，零风险试用30天，不满意全额退款！",
        "这个副本有个稳赚不赔的打法，基本零风险，新手也能稳过。",
      })
  void unrelatedUsesOfTriggerWordsAreIgnored(String text) {
    assertThat(classifier.classify("u", text).guaranteedReturn()).as(text).isFalse();
  }

  @Test
  void lowYieldsAndBorrowingCostsAreNotHighYield() {
    assertThat(classifier.classify("b", "银行理财，业绩比较基准3.2%-3.6%，欢迎咨询").signals()).isEmpty();
    assertThat(classifier.classify("l", "车辆抵押贷款，当天放款，月息低至0.8%，详询400-830-1276").signals()).isEmpty();
  }

  @Test
  void nullOrEmptyTextIsClassifiedAsNothing() {
    assertThat(classifier.classify("n", null).findings()).isEmpty();
    assertThat(classifier.classify("e", "").financialSolicitation()).isFalse();
  }
}
