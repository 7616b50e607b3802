import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakLines, breakParagraph, NO_LINE_END, NO_LINE_START, phrasesOf } from "../../src/posters/linebreak.js";
import { isOnePiece, isWidow, kinsokuViolations, splitWords, widowUnavoidable } from "./typography.js";

/** Full-width characters 1 wide, ASCII half. */
const measure = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x100 ? 0.5 : 1), 0);

describe("breakLines: kinsoku", () => {
  it("never starts a line with 、。」）ー ッ nor ends one with 「（, and keeps everything", () => {
    const text = "職員の人格や尊厳を傷つける言動、暴力、社会通念上相当な範囲を超える要求（土下座の要求など）に対しては、「ソーシャルメディア」への投稿も含めて、組織として毅然とした態度で対応します。";
    for (const width of [3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 24]) {
      const lines = breakLines(text, width, measure);
      expect(kinsokuViolations(lines), `width ${width}`).toEqual([]);
      expect(lines.join("")).toBe(text);
      // Only a piece kinsoku holds together («「ソーシャルメディア」» at 9) may be wider than the line.
      for (const line of lines) if (measure(line) > width) expect(isOnePiece(line, width, measure), `${width}: ${line}`).toBe(true);
    }
    expect(NO_LINE_START.has("ー") && NO_LINE_START.has("ッ") && NO_LINE_END.has("「")).toBe(true);
  });

  it("keeps Latin words, numbers and phone numbers whole", () => {
    const lines = breakLines("お問い合わせは平日 8:30〜17:15 に 0120-000-000 へ", 7, measure);
    expect(lines.some((l) => l.includes("0120-000-000"))).toBe(true);
    expect(lines.some((l) => l.includes("8:30〜"))).toBe(true);
    expect(breakLines("We may end the conversation and ask you to leave.", 10, measure)).toEqual(["We may end the", "conversation and ask", "you to leave."]);
  });

  it("breaks やさしい日本語 only between words in words mode", () => {
    expect(breakLines("けいさつを　よぶ　ことが　あります。", 6, measure, { words: true })).toEqual(["けいさつを", "よぶ　ことが", "あります。"]);
  });

  it("treats \\n as a paragraph break", () => {
    expect(breakLines("お問い合わせ：人事課\n電話 0120-000-000", 40, measure)).toEqual(["お問い合わせ：人事課", "電話 0120-000-000"]);
  });
});

describe("breakLines: phrases, widows, katakana words (issue 14)", () => {
  it("breaks at phrase boundaries (BudouX), not inside 過度な", () => {
    expect(phrasesOf("職員への暴言・暴力・過度な要求は許しません")).toEqual(["職員への", "暴言・暴力・過度な", "要求は", "許しません"]);
    // Was: 「職員への暴言・暴力・過度 / な要求は許しません」 (a break wherever the line was full).
    expect(breakLines("職員への暴言・暴力・過度な要求は許しません", 12, measure)).toEqual(["職員への暴言・暴力・", "過度な要求は許しません"]);
    expect(breakLines("職員への暴言・暴力・過度な要求は許しません", 14, measure, { balance: true })).toEqual(["職員への暴言・暴力・", "過度な要求は許しません"]);
    expect(breakLines("業務時間を超えて窓口に居座る、長時間の電話で職員を拘束する", 13, measure)).toEqual(["業務時間を超えて窓口に", "居座る、長時間の電話で", "職員を拘束する"]);
  });

  it("leaves no widow of three characters or fewer (「ます。」, a lone 「る」)", () => {
    // Greedy filling leaves 「ます。」 alone on the last line here.
    const text = "必要に応じて、複数の職員で対応します。";
    const greedy = ["必要に応じて、複数の職員で対応し", "ます。"];
    expect(measure(greedy[0]!)).toBeLessThanOrEqual(16);
    const lines = breakLines(text, 16, measure);
    expect(isWidow(lines)).toBe(false);
    expect(lines.join("")).toBe(text);
    expect(breakLines("殴る、蹴る、物を投げつけるなど、身体や物への攻撃をする", 25, measure).at(-1)!.length).toBeGreaterThan(3);
  });

  it("does not split a katakana word or a number that fits on a line (was: 「センタ / ー」)", () => {
    expect(breakLines("上下水道お客さまセンター", 9, measure)).toEqual(["上下水道", "お客さまセンター"]);
    expect(breakLines("子育て支援センターのカウンター", 10, measure)).toEqual(["子育て支援センターの", "カウンター"]);
    expect(breakLines("電話番号は0120-000-000です", 11, measure)).toEqual(["電話番号は", "0120-000-000です"]);
  });

  it("splits a katakana word longer than the line between morae, never before ー or a small kana", () => {
    const lines = breakLines("カスタマーハラスメント", 4, measure);
    expect(lines.join("")).toBe("カスタマーハラスメント");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[ーァィゥェォッャュョヮヵヶ]/);
    expect(breakParagraph("カスタマーハラスメント", 4, measure).forced).toBe(true);
    expect(breakParagraph("上下水道お客さまセンター", 9, measure).forced).toBe(false);
  });
});

/** Awkward Japanese: kanji, kana, long katakana words, numbers, brackets and punctuation, a space now and then. */
const WORDS = [
  ..."市民職員窓口対応要求暴言暴力録音電話", "の", "は", "を", "に", "します。", "ください", "あります", "、", "。", "・",
  "センター", "カスタマーハラスメント", "ソーシャルメディア", "サービス", "コールセンター", "ー", "ッ",
  "0120-000-000", "8:30", "１２３", "2025年4月1日", "（", "）", "「", "」", " ", "SNS", "ID",
];

describe("breakLines: properties on long, awkward texts", () => {
  const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((words) => words.join("").replace(/^ +| +$/g, ""));
  const width = fc.integer({ min: 6, max: 30 });

  it("keeps every character, in order, and kinsoku on every line", () => {
    fc.assert(
      fc.property(text, width, (t, w) => {
        if (!t) return;
        const lines = breakLines(t, w, measure);
        expect(lines.join("").replace(/ /g, "")).toBe(t.replace(/ /g, ""));
        expect(kinsokuViolations(lines)).toEqual([]);
        for (const line of lines) if (measure(line) > w) expect(isOnePiece(line, w, measure), line).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("splits no katakana word nor number that would fit on a line", () => {
    fc.assert(
      fc.property(text, width, (t, w) => {
        if (!t) return;
        expect(splitWords(breakLines(t, w, measure), w, measure, t)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("leaves a widow only where no break could avoid it", () => {
    fc.assert(
      fc.property(text, width, (t, w) => {
        if (!t) return;
        const lines = breakLines(t, w, measure);
        if (isWidow(lines)) expect(widowUnavoidable(t, w, measure), JSON.stringify(lines)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
