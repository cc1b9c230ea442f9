package org.finpatrol.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void traditionalFullWidthAndUpperCaseBecomeSimplifiedHalfWidthLowerCase() {
    assertThat(Normalizer.normalize("穩賺不賠，年化１５％，立即搶購 WWW.HXLC.TEST"))
        .isEqualTo("稳赚不赔,年化15%,立即抢购 www.hxlc.test");
  }

  @Test
  void keepsLengthSoOffsetsStayValid() {
    String original = "【零風險】保本保息😀𠀀 ＡＢＣ\u0000\uD800";
    String normalised = Normalizer.normalize(original);
    assertThat(normalised).hasSameSizeAs(original);
    assertThat(normalised).contains("零风险", "😀", "𠀀", "abc");
  }

  @Test
  void lineBreaksStayLineBreaks() {
    assertThat(Normalizer.normalize("鑫盛理財\r\n年化１５％\t立即"))
        .isEqualTo("鑫盛理财\r\n年化15%\t立即".replace('\t', ' '));
  }

  @Test
  void simplifiedTextIsUnchanged() {
    String text = "鹤壁市互联网金融风险专项整治工作方案";
    assertThat(Normalizer.normalize(text)).isEqualTo(text);
  }
}
