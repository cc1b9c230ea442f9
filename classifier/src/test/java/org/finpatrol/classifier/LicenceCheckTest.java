package org.finpatrol.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.classifier.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The licence look-up of RULES.md (control 5), with the shipped rule packs and a test registry. */
class LicenceCheckTest {

  private static Classifier withRegistry;
  private static Classifier withoutRegistry;

  @BeforeAll
  static void load() throws IOException {
    var rules =
        new RulePackLoader(Labels.CATEGORIES, Labels.SIGNALS).load(Path.of("../config/rules"));
    LicenceRegistry registry =
        LicenceRegistry.parse(
            "test.csv",
            """
            name,aliases,licence_type,licence_number,custody_banks
            中国建设银行股份有限公司,建设银行,bank,,
            鹤壁鑫盛理财有限公司,鑫盛理财,fund,,浙商银行
            浙商银行,,custody,,
            """);
    withRegistry = new Classifier(rules, registry, null);
    withoutRegistry = new Classifier(rules, LicenceRegistry.EMPTY, null);
    assertThat(Files.exists(Path.of("../config/rules/unlicensed-solicitation.yml"))).isTrue();
  }

  private static java.util.List<Finding> unlicensed(Classification c) {
    return c.findings().stream()
        .filter(f -> Labels.UNLICENSED_SOLICITATION.equals(f.category()))
        .toList();
  }

  @Test
  void anUnregisteredOperatorsSolicitationIsUnlicensedAndPointsAtItsName() {
    String text = "鑫汇通理财：年化收益8%，100元起投，立即投资！";
    Classification c = withRegistry.classify("a", text);
    assertThat(unlicensed(c)).hasSize(1);
    Finding f = unlicensed(c).get(0);
    assertThat(f.rule()).isEqualTo("US-OPERATOR-NOT-IN-REGISTRY");
    assertThat(f.text()).isEqualTo("鑫汇通理财");
    assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
    assertThat(f.basis()).contains("银发〔2019〕316号");
    assertThat(c.signals()).contains("RESTRICTED_NAME");
  }

  @Test
  void aRegisteredOperatorIsNeitherUnlicensedNorARestrictedName() {
    String text = "鑫盛理财：年化收益8%，100元起投，立即投资！";
    Classification licensed = withRegistry.classify("a", text);
    assertThat(licensed.financialSolicitation()).isTrue();
    assertThat(unlicensed(licensed)).isEmpty();
    assertThat(licensed.signals()).doesNotContain("RESTRICTED_NAME");
    Classification unknown = withoutRegistry.classify("a", text);
    assertThat(unlicensed(unknown)).hasSize(1);
    assertThat(unknown.signals()).contains("RESTRICTED_NAME");
  }

  @Test
  void aRegisteredBankNamedAsCustodianDoesNotLicenseTheSeller() {
    String text = "汇盈宝出借计划，资金由建设银行存管，年化收益8%，立即出借！";
    assertThat(unlicensed(withRegistry.classify("a", text))).hasSize(1);
  }

  @Test
  void aLicensedBanksStateBackingIsNotAFalseEndorsement() {
    String text = "建设银行大额存单，国资背景，安全可靠，年利率3.1%，立即购买。";
    Classification bank = withRegistry.classify("a", text);
    assertThat(bank.financialSolicitation()).isTrue();
    assertThat(unlicensed(bank)).isEmpty();
    assertThat(bank.signals()).doesNotContain("FALSE_ENDORSEMENT");
    assertThat(withoutRegistry.classify("a", text).signals()).contains("FALSE_ENDORSEMENT");
  }

  @Test
  void withoutAnyNameTheFindingPointsAtTheFinancialOffer() {
    String text = "年化收益8%，100元起投，立即投资！";
    Finding f = unlicensed(withRegistry.classify("a", text)).get(0);
    assertThat(f.end()).isGreaterThan(f.start());
    assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
  }

  @Test
  void newsIsNeverUnlicensedSolicitation() {
    String news = "记者从市公安局获悉，鑫汇通理财以年化收益20%为诱饵非法吸收公众存款，警方提醒投资者提高警惕。";
    Classification c = withRegistry.classify("n", news);
    assertThat(c.financialSolicitation()).isFalse();
    assertThat(c.findings()).isEmpty();
  }
}
