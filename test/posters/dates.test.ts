import { describe, expect, it } from "vitest";
import { CalendarDateError, formatJapaneseDate, japaneseEra, parseCalendarDate } from "../../src/posters/dates.js";

describe("formatJapaneseDate", () => {
  it.each([
    ["2024-11-01", "era", "令和6年11月1日"],
    ["2024-11-01", "western", "2024年11月1日"],
    ["2019-05-01", "era", "令和元年5月1日"],
    ["2019-04-30", "era", "平成31年4月30日"],
    ["2019-12-31", "era", "令和元年12月31日"],
    ["2020-01-01", "era", "令和2年1月1日"],
    ["2025-04-01", "era", "令和7年4月1日"],
    ["2026-10-01", "era", "令和8年10月1日"],
    ["1989-01-08", "era", "平成元年1月8日"],
    ["1989-01-07", "era", "昭和64年1月7日"],
    ["1926-12-25", "era", "昭和元年12月25日"],
    ["2024/2/29", "era", "令和6年2月29日"],
  ] as const)("%s (%s) → %s", (input, style, expected) => {
    expect(formatJapaneseDate(input, style)).toBe(expected);
  });

  it("accepts a Date (its UTC day) and a calendar record", () => {
    expect(formatJapaneseDate(new Date(Date.UTC(2024, 10, 1)))).toBe("令和6年11月1日");
    expect(formatJapaneseDate({ year: 2019, month: 5, day: 1 }, "western")).toBe("2019年5月1日");
  });

  it("rejects impossible dates", () => {
    let error: unknown;
    try {
      formatJapaneseDate("2023-02-29");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarDateError);
    expect((error as CalendarDateError).code).toBe("POSTER_DATE_INVALID");
    expect((error as CalendarDateError).message).toBe("「2023-02-29」は日付として正しくありません。2024-11-01 のように、実在する日付を書いてください。");
    expect((error as CalendarDateError).format("en")).toBe("not a calendar date: 2023-02-29");
    expect(parseCalendarDate("2024-13-01")).toBeNull();
    expect(parseCalendarDate("11/1/2024")).toBeNull();
    expect(parseCalendarDate("２０２４－１１－０１")).toEqual({ year: 2024, month: 11, day: 1 });
  });

  it("names the era and its year", () => {
    expect(japaneseEra({ year: 2019, month: 5, day: 1 })).toEqual({ era: "令和", year: 1 });
    expect(japaneseEra({ year: 1800, month: 1, day: 1 })).toBeNull();
  });
});
