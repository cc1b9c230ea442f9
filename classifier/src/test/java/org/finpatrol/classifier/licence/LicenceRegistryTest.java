package org.finpatrol.classifier.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceRegistryTest {

  private static final String HEADER = "name,aliases,licence_type,licence_number,custody_banks\n";

  @Test
  void namesMatchInAnyScriptWidthCompanyFormOrBranch() {
    LicenceRegistry registry =
        LicenceRegistry.parse(
            "test.csv",
            "# 注释行\n"
                + HEADER
                + "中国建设银行股份有限公司,建设银行|建行,bank,B0004H111000001,\n"
                + "\"鹤壁鑫盛基金管理有限公司\",鑫盛基金,fund,,浙商银行\n"
                + "浙商银行,,custody,,\n");
    assertThat(registry.size()).isEqualTo(3);
    assertThat(registry.lookup("中國建設銀行股份有限公司鶴壁分行"))
        .extracting(Licence::number)
        .containsExactly("B0004H111000001");
    assertThat(registry.lookup("建 设 银 行")).hasSize(1);
    assertThat(registry.lookup("鑫盛基金")).extracting(Licence::type).containsExactly("fund");
    assertThat(registry.lookup("鹤壁鑫盛基金管理公司")).hasSize(1);
    assertThat(registry.lookup("鹤壁鑫盛财富管理有限公司")).isEmpty();
    assertThat(registry.isCustodyBank("浙商银行股份有限公司")).isTrue();
    assertThat(registry.isCustodyBank("建设银行")).isFalse();
    assertThat(LicenceRegistry.key("中國建設銀行股份有限公司鶴壁分行")).isEqualTo("中国建设银行");
  }

  @Test
  void everyBadRowIsNamedWithItsLine() {
    String csv =
        HEADER
            + "鑫盛支付有限公司,,payment,Z12345,\n"
            + "鑫盛理财,,wealth,,\n"
            + "鑫盛网贷,,microcredit,,鑫盛银行\n"
            + "建设银行,,bank,,\n"
            + "建设银行股份有限公司,,bank,,\n"
            + "只有三列,,bank\n"
            + "\"未闭合,,bank,,\n";
    assertThatThrownBy(() -> LicenceRegistry.parse("licences.csv", csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "licences.csv:2: licence number 'Z12345' does not have the form of a payment licence"
                + " (Z and 13 digits)")
        .hasMessageContaining("licences.csv:3: unknown licence type 'wealth'")
        .hasMessageContaining("licences.csv:6: '建设银行' is already registered as bank on line 5")
        .hasMessageContaining("licences.csv:7: expected 5 fields")
        .hasMessageContaining("licences.csv:8: a quoted field is not closed")
        .hasMessageContaining("licences.csv:4: custody bank '鑫盛银行' is not on the custody list");
  }

  @Test
  void aWrongHeaderIsRefused() {
    assertThatThrownBy(() -> LicenceRegistry.parse("l.csv", "名称,类型\n鑫盛,fund\n"))
        .hasMessage("l.csv:1: the header must be '" + HEADER.strip() + "'");
  }

  @Test
  void aMissingFileIsAnEmptyRegistry(@TempDir Path dir) throws IOException {
    assertThat(LicenceRegistry.load(dir.resolve("licences.csv")).size()).isZero();
  }

  @Test
  void theShippedRegistryLoads() throws IOException {
    LicenceRegistry shipped = LicenceRegistry.load(Path.of("../config/licences.csv"));
    assertThat(shipped.isCustodyBank("浙商银行")).isTrue();
    assertThat(shipped.lookup("工商银行")).extracting(Licence::type).containsExactly("bank");
  }
}
