package org.finpatrol.text;

import com.hankcs.hanlp.HanLP;

/**
 * The one place where HanLP's static configuration is set. HanLP keeps its settings in the mutable
 * static {@code HanLP.Config}; every class of this module that touches HanLP runs {@link
 * #configure()} first, and nothing else in FinPatrol writes to {@code HanLP.Config}.
 */
final class HanLPSetup {

  private static boolean configured;

  private HanLPSetup() {}

  static synchronized void configure() {
    if (configured) {
      return;
    }
    // Term natures are not used downstream; skipping them keeps Term.toString() readable in logs.
    HanLP.Config.ShowTermNature = false;
    // We normalise ourselves (Normalizer) so that offsets stay exact; HanLP must see the text as
    // given.
    HanLP.Config.Normalization = false;
    HanLP.Config.enableDebug(false);
    configured = true;
  }
}
