package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds advertised yields in normalised text and annualises them: 年化15%, 年化10%-12% (upper end),
 * 百分之十二, 十二个点, 月息2分 (2% a month), 月息8厘, 日息万分之五, 周收益0.5%.
 *
 * <p>A yield needs a keyword naming a return to the investor (年化, 月息, 收益, 分红, ...) followed within
 * a few characters by a number with a unit; borrowing costs and fees named just before the keyword
 * (借款, 贷款, 管理费, 费率, 低至) are skipped. Offsets are into the text given, which is the normalised form
 * of the original (same length). Stateless.
 */
final class YieldScanner {

  /** A yield found at {@code [start, end)}, annualised, in percent. */
  record Yield(int start, int end, double annualPercent) {}

  private enum Period {
    YEAR(1),
    MONTH(12),
    WEEK(52),
    DAY(365);

    final int perYear;

    Period(int perYear) {
      this.perYear = perYear;
    }
  }

  private record Keyword(String text, Period period) {}

  private static final List<Keyword> KEYWORDS =
      List.of(
          new Keyword("年化收益率", Period.YEAR),
          new Keyword("年化收益", Period.YEAR),
          new Keyword("年化", Period.YEAR),
          new Keyword("年息", Period.YEAR),
          new Keyword("年收益", Period.YEAR),
          new Keyword("年回报", Period.YEAR),
          new Keyword("年分红", Period.YEAR),
          new Keyword("保底分红", Period.YEAR),
          new Keyword("固定分红", Period.YEAR),
          new Keyword("分红", Period.YEAR),
          new Keyword("收益率", Period.YEAR),
          new Keyword("收益", Period.YEAR),
          new Keyword("回报", Period.YEAR),
          new Keyword("月息", Period.MONTH),
          new Keyword("月收益", Period.MONTH),
          new Keyword("月回报", Period.MONTH),
          new Keyword("日息", Period.DAY),
          new Keyword("日收益", Period.DAY),
          new Keyword("每日静态收益", Period.DAY),
          new Keyword("周收益", Period.WEEK));

  /** The characters keywords start with: most positions of a text are none of them. */
  private static final java.util.BitSet FIRST_CHARS = new java.util.BitSet();

  static {
    KEYWORDS.forEach(k -> FIRST_CHARS.set(k.text().charAt(0)));
  }

  private static final List<String> COST_CUES = List.of("借款", "贷款", "管理费", "费率", "手续费", "低至", "利率");

  private static final int WINDOW = 14;

  private YieldScanner() {}

  static List<Yield> scan(String text) {
    List<Yield> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Keyword keyword = keywordAt(text, i);
      if (keyword == null) {
        i++;
        continue;
      }
      int after = i + keyword.text().length();
      if (!costBefore(text, i)) {
        Number number = firstNumber(text, after, keyword.period());
        if (number != null) {
          double annual = number.percent * keyword.period().perYear;
          out.add(new Yield(i, number.end, annual));
          i = number.end;
          continue;
        }
      }
      i = after;
    }
    out.addAll(percentBeforeKeyword(text, out));
    return out;
  }

  /**
   * The other word order: 每年享有认购金额10%的保底分红 — a percentage followed closely by a return word, with a
   * year word shortly before it.
   */
  private static List<Yield> percentBeforeKeyword(String text, List<Yield> found) {
    List<Yield> out = new ArrayList<>();
    for (int p = text.indexOf('%'); p >= 0; p = text.indexOf('%', p + 1)) {
      int percentAt = p;
      if (found.stream().anyMatch(y -> y.start() <= percentAt && percentAt < y.end())) {
        continue;
      }
      String after = text.substring(p + 1, Math.min(text.length(), p + 8));
      if (!(after.contains("分红") || after.contains("收益") || after.contains("回报"))) {
        continue;
      }
      int numberStart = p;
      while (numberStart > 0
          && (Character.isDigit(text.charAt(numberStart - 1))
              || text.charAt(numberStart - 1) == '.')) {
        numberStart--;
      }
      if (numberStart == p) {
        continue;
      }
      String before = text.substring(Math.max(0, numberStart - 12), numberStart);
      if (!(before.contains("每年") || before.contains("年"))) {
        continue;
      }
      Parsed n = parse(text, numberStart);
      if (n != null) {
        out.add(new Yield(numberStart, p + 1, n.value));
      }
    }
    return out;
  }

  private static Keyword keywordAt(String text, int i) {
    if (!FIRST_CHARS.get(text.charAt(i))) {
      return null;
    }
    // Also catch a period word a few characters before a generic keyword: 每年 ... 分红, 每月 ... 收益.
    for (Keyword k : KEYWORDS) {
      if (text.startsWith(k.text(), i)) {
        Period period = k.period();
        if (period == Period.YEAR && !k.text().startsWith("年")) {
          period = periodBefore(text, i, period);
        }
        return new Keyword(k.text(), period);
      }
    }
    return null;
  }

  private static Period periodBefore(String text, int i, Period fallback) {
    int from = Math.max(0, i - 6);
    String before = text.substring(from, i);
    if (before.contains("每天") || before.contains("每日") || before.contains("日")) {
      return Period.DAY;
    }
    if (before.contains("每周") || before.contains("周")) {
      return Period.WEEK;
    }
    if (before.contains("每月") || before.contains("月")) {
      return Period.MONTH;
    }
    return fallback;
  }

  private static boolean costBefore(String text, int i) {
    String before = text.substring(Math.max(0, i - 6), i);
    for (String cue : COST_CUES) {
      if (before.contains(cue)) {
        return true;
      }
    }
    return false;
  }

  private record Number(double percent, int end) {}

  /** The first number with a yield unit within the window after {@code from}. */
  private static Number firstNumber(String text, int from, Period period) {
    int limit = Math.min(text.length(), from + WINDOW);
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '。' || c == '!' || c == '?' || c == ';' || c == '\n') {
        return null;
      }
      if (text.startsWith("万分之", i)) {
        Parsed n = parse(text, i + 3);
        return n == null ? null : new Number(n.value / 100, n.end);
      }
      if (text.startsWith("千分之", i)) {
        Parsed n = parse(text, i + 3);
        return n == null ? null : new Number(n.value / 10, n.end);
      }
      if (text.startsWith("百分之", i)) {
        Parsed n = parse(text, i + 3);
        return n == null ? null : new Number(n.value, n.end);
      }
      Parsed n = parse(text, i);
      if (n == null) {
        continue;
      }
      if (text.substring(from, i).contains("低至")) {
        // 月息低至0.8%: a price, not a yield.
        return null;
      }
      int end = n.end;
      double value = n.value;
      // A range: 10%-12%, 10-12%, 10%至12%: take the upper end.
      int j = end < text.length() && text.charAt(end) == '%' ? end + 1 : end;
      if (j < text.length()
          && (text.charAt(j) == '-'
              || text.charAt(j) == '~'
              || text.charAt(j) == '至'
              || text.charAt(j) == '到')) {
        Parsed upper = parse(text, j + 1);
        if (upper != null) {
          value = Math.max(value, upper.value);
          end = upper.end;
        }
      }
      if (text.startsWith("%", end)) {
        return new Number(value, end + 1);
      }
      if (text.startsWith("个点", end)) {
        return new Number(value, end + 2);
      }
      if (period == Period.MONTH && text.startsWith("分", end)) {
        // 月息1分5 = 1.5% a month.
        Parsed tenth = parse(text, end + 1);
        if (tenth != null && tenth.value < 10 && tenth.end - end - 1 == 1) {
          return new Number(value + tenth.value / 10, tenth.end);
        }
        return new Number(value, end + 1);
      }
      if (period == Period.MONTH && text.startsWith("厘", end)) {
        return new Number(value / 10, end + 1);
      }
      // A number without a yield unit (600元, 36个月): not a yield; keep looking.
      i = n.end - 1;
    }
    return null;
  }

  private record Parsed(double value, int end) {}

  /** An Arabic or Chinese numeral at {@code i}, with an optional decimal part. */
  static Parsed parse(String text, int i) {
    if (i >= text.length()) {
      return null;
    }
    char c = text.charAt(i);
    if (c >= '0' && c <= '9') {
      int j = i;
      while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
        j++;
      }
      while (j > i && text.charAt(j - 1) == '.') {
        j--;
      }
      try {
        return new Parsed(Double.parseDouble(text.substring(i, j)), j);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return chinese(text, i);
  }

  private static final String DIGITS = "零〇一二两三四五六七八九";

  private static Parsed chinese(String text, int i) {
    int j = i;
    long total = 0;
    long current = -1;
    boolean any = false;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (DIGITS.indexOf(c) >= 0) {
        current = digitValue(c);
        any = true;
      } else if (c == '十') {
        total += (current < 0 ? 1 : current) * 10;
        current = -1;
        any = true;
      } else if (c == '百') {
        total += (current < 0 ? 1 : current) * 100;
        current = -1;
        any = true;
      } else {
        break;
      }
      j++;
    }
    if (!any) {
      return null;
    }
    double value = total + Math.max(current, 0);
    if (j + 1 < text.length() && text.charAt(j) == '点' && digitValue(text.charAt(j + 1)) >= 0) {
      value += digitValue(text.charAt(j + 1)) / 10.0;
      j += 2;
    }
    return new Parsed(value, j);
  }

  private static int digitValue(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }
}
