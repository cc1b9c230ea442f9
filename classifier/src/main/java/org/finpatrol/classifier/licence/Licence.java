package org.finpatrol.classifier.licence;

import java.util.List;

/**
 * One row of the registry: an operator (or bank) under its registered name, the short names it
 * trades under, the kind of licence and its number (empty when not recorded), and the banks that
 * hold its customers' money. {@code line} is the row's line in the file, for messages.
 */
public record Licence(
    String name,
    List<String> aliases,
    String type,
    String number,
    List<String> custodyBanks,
    int line) {

  public Licence {
    aliases = List.copyOf(aliases);
    custodyBanks = List.copyOf(custodyBanks);
  }
}
