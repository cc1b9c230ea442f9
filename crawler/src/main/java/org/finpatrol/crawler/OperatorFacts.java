package org.finpatrol.crawler;

import java.util.List;

/**
 * What a page says about who operates it: company names, ICP 备案 numbers, phone numbers, addresses,
 * banks named as custodians, and licence numbers claimed (each with whether it has the form such a
 * licence number has). Facts as written on the page, not checked against any registry; the
 * classifier and review stages do that.
 */
public record OperatorFacts(
    List<String> companies,
    List<String> icpNumbers,
    List<String> phones,
    List<String> addresses,
    List<String> custodyBanks,
    List<Licence> licences) {

  /** A licence number claimed on the page: its kind, the number, and whether it is well formed. */
  public record Licence(String kind, String number, boolean wellFormed) {}

  public static final OperatorFacts NONE =
      new OperatorFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public OperatorFacts {
    companies = List.copyOf(companies);
    icpNumbers = List.copyOf(icpNumbers);
    phones = List.copyOf(phones);
    addresses = List.copyOf(addresses);
    custodyBanks = List.copyOf(custodyBanks);
    licences = List.copyOf(licences);
  }

  public boolean isEmpty() {
    return companies.isEmpty()
        && icpNumbers.isEmpty()
        && phones.isEmpty()
        && addresses.isEmpty()
        && custodyBanks.isEmpty()
        && licences.isEmpty();
  }
}
