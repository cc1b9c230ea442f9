package org.finpatrol.classifier.licence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.finpatrol.classifier.match.PhraseAutomaton;
import org.finpatrol.text.Normalizer;

/**
 * The licence registry, read from a CSV file with the header {@code
 * name,aliases,licence_type,licence_number,custody_banks}. Aliases and custody banks are lists
 * separated by {@code |}; a field with a comma is quoted ({@code "..."}); {@code #} starts a
 * comment line. Names match however they are written: traditional or simplified, with or without
 * spaces and punctuation, with or without the company form (有限公司) or a branch (鹤壁分行).
 *
 * <p>Licence types: {@code bank} (金融许可证, numbers such as B0001H111000001), {@code payment}
 * (支付业务许可证, Z and 13 digits), {@code custody} (a bank on the custody white list), and {@code
 * securities futures fund insurance trust financing-guarantee microcredit consumer-finance pawn}
 * (numbers not checked). Immutable.
 */
public final class LicenceRegistry {

  public static final List<String> TYPES =
      List.of(
          "bank",
          "payment",
          "custody",
          "securities",
          "futures",
          "fund",
          "insurance",
          "trust",
          "financing-guarantee",
          "microcredit",
          "consumer-finance",
          "pawn");

  static final String HEADER = "name,aliases,licence_type,licence_number,custody_banks";

  private static final Map<String, Pattern> NUMBER_FORMS =
      Map.of(
          "bank", Pattern.compile("[A-Z]\\d{4}[A-Z]\\d{9,11}"),
          "payment", Pattern.compile("Z\\d{13}"));
  private static final Map<String, String> NUMBER_FORM_NAMES =
      Map.of(
          "bank", "a letter, 4 digits, a letter and 9 to 11 digits", "payment", "Z and 13 digits");
  private static final Pattern BRANCH =
      Pattern.compile("(?<=银行|公司)\\p{IsHan}{0,8}?(?:分行|支行|分公司|营业部)$");
  private static final Pattern COMPANY_FORM =
      Pattern.compile("(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司)$");

  public static final LicenceRegistry EMPTY = new LicenceRegistry(List.of());

  private final List<Licence> licences;
  private final Map<String, List<Licence>> byKey = new HashMap<>();
  private final PhraseAutomaton<Licence> names;

  private LicenceRegistry(List<Licence> licences) {
    this.licences = List.copyOf(licences);
    PhraseAutomaton.Builder<Licence> builder = PhraseAutomaton.builder();
    for (Licence licence : licences) {
      for (String key : keys(licence)) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(licence);
        builder.add(key, licence);
      }
    }
    this.names = builder.build();
  }

  /**
   * Reads the registry. A missing file is an empty registry (then no operator counts as licensed);
   * a file with bad rows is refused with every bad row named ({@code file:line: reason}).
   */
  public static LicenceRegistry load(Path csv) throws IOException {
    if (!Files.exists(csv)) {
      return EMPTY;
    }
    return parse(csv.toString(), Files.readString(csv, StandardCharsets.UTF_8));
  }

  /** Parses registry text; {@code source} names it in error messages. */
  public static LicenceRegistry parse(String source, String csv) {
    List<String> errors = new ArrayList<>();
    List<Licence> rows = new ArrayList<>();
    Map<String, Licence> seen = new LinkedHashMap<>();
    String[] lines =
        csv.startsWith("\uFEFF") ? csv.substring(1).split("\n", -1) : csv.split("\n", -1);
    boolean header = false;
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equals(HEADER)) {
          errors.add(source + ":" + lineNumber + ": the header must be '" + HEADER + "'");
          break;
        }
        header = true;
        continue;
      }
      try {
        Licence licence = row(split(line), lineNumber);
        for (String key : keys(licence)) {
          Licence earlier = seen.putIfAbsent(key + "\u0000" + licence.type(), licence);
          if (earlier != null) {
            throw new IllegalArgumentException(
                "'"
                    + key
                    + "' is already registered as "
                    + licence.type()
                    + " on line "
                    + earlier.line());
          }
        }
        rows.add(licence);
      } catch (IllegalArgumentException e) {
        errors.add(source + ":" + lineNumber + ": " + e.getMessage());
      }
    }
    LicenceRegistry registry = new LicenceRegistry(rows);
    errors.addAll(custodyErrors(registry, l -> source + ":" + l.line()));
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return registry;
  }

  private static Licence row(List<String> fields, int line) {
    if (fields.size() != 5) {
      throw new IllegalArgumentException(
          "expected 5 fields (" + HEADER + "), found " + fields.size());
    }
    return licence(
        fields.get(0),
        list(fields.get(1)),
        fields.get(2),
        fields.get(3),
        list(fields.get(4)),
        line);
  }

  /**
   * A checked row: a name, a known type, a number of the right form for its type (or none).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Licence licence(
      String rawName,
      List<String> aliases,
      String rawType,
      String rawNumber,
      List<String> custodyBanks,
      int line) {
    String name = rawName == null ? "" : rawName.strip();
    if (key(name).length() < 2) {
      throw new IllegalArgumentException("a name is required");
    }
    String type = rawType == null ? "" : rawType.strip();
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "unknown licence type '" + type + "' (one of " + String.join(", ", TYPES) + ")");
    }
    String number = rawNumber == null ? "" : rawNumber.strip();
    Pattern form = NUMBER_FORMS.get(type);
    if (!number.isEmpty() && form != null && !form.matcher(number).matches()) {
      throw new IllegalArgumentException(
          "licence number '"
              + number
              + "' does not have the form of a "
              + type
              + " licence ("
              + NUMBER_FORM_NAMES.get(type)
              + ")");
    }
    return new Licence(name, aliases, type, number, custodyBanks, line);
  }

  private static List<String> list(String field) {
    List<String> out = new ArrayList<>();
    for (String part : field.split("\\|")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
  private static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    fields.add(field.toString());
    return fields;
  }

  private static List<String> keys(Licence licence) {
    List<String> keys = new ArrayList<>();
    for (String name : concat(licence.name(), licence.aliases())) {
      String key = key(name);
      if (key.length() >= 2 && !keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /**
   * The form names are compared in: normalised (simplified, half-width, lower case), letters and
   * digits only, without a branch or company form. 中國建設銀行股份有限公司鶴壁分行 → 中国建设银行.
   */
  public static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    Normalizer.normalize(name)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    String key = BRANCH.matcher(b).replaceFirst("");
    return COMPANY_FORM.matcher(key).replaceFirst("");
  }

  /**
   * A registry of these rows, checked as a file's are: no name registered twice for one type, every
   * custody bank on the custody list. {@code source} names the rows in errors.
   */
  public static LicenceRegistry of(String source, List<Licence> rows) {
    List<String> errors = new ArrayList<>();
    Map<String, Licence> seen = new LinkedHashMap<>();
    for (Licence licence : rows) {
      for (String key : keys(licence)) {
        Licence earlier = seen.putIfAbsent(key + "\u0000" + licence.type(), licence);
        if (earlier != null && earlier != licence) {
          errors.add(
              source
                  + ": '"
                  + key
                  + "' is registered twice as "
                  + licence.type()
                  + " ("
                  + earlier.name()
                  + ", "
                  + licence.name()
                  + ")");
        }
      }
    }
    LicenceRegistry registry = new LicenceRegistry(rows);
    errors.addAll(custodyErrors(registry, l -> source + ": " + l.name()));
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return registry;
  }

  /** Each custody bank a row names that is not on the custody list, as an error message. */
  private static List<String> custodyErrors(
      LicenceRegistry registry, java.util.function.Function<Licence, String> where) {
    List<String> errors = new ArrayList<>();
    for (Licence licence : registry.licences) {
      for (String bank : licence.custodyBanks()) {
        if (!registry.isCustodyBank(bank)) {
          errors.add(
              where.apply(licence)
                  + ": custody bank '"
                  + bank
                  + "' is not on the custody list (add a row of type custody for it)");
        }
      }
    }
    return errors;
  }

  /** This registry with another's rows added (the demo's fictional bank beside the real list). */
  public LicenceRegistry plus(LicenceRegistry more) {
    List<Licence> all = new ArrayList<>(licences);
    all.addAll(more.licences);
    return new LicenceRegistry(all);
  }

  /** The licences registered under this name or alias (any of its forms). */
  public List<Licence> lookup(String name) {
    return byKey.getOrDefault(key(name), List.of());
  }

  /** Whether a bank of this name is on the custody list (a row of type {@code custody}). */
  public boolean isCustodyBank(String bank) {
    return lookup(bank).stream().anyMatch(l -> l.type().equals("custody"));
  }

  /**
   * Registered names and aliases occurring in a compact text (normalised, letters and digits; see
   * {@code CompactText}), with compact offsets.
   */
  public List<PhraseAutomaton.Hit<Licence>> mentions(CharSequence compact) {
    return names.find(compact);
  }

  public List<Licence> licences() {
    return licences;
  }

  public int size() {
    return licences.size();
  }
}
