import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakLines, NO_LINE_END, NO_LINE_START } from "../../src/posters/linebreak.js";

/** Full-width characters 1 wide, ASCII half. */
const measure = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x100 ? 0.5 : 1), 0);

function checkKinsoku(lines: string[]) {
  for (const line of lines) {
    expect(NO_LINE_START.has([...line][0]!), `line starts with a forbidden character: ${line}`).toBe(false);
    expect(NO_LINE_END.has([...line].slice(-1)[0]!), `line ends with a forbidden character: ${line}`).toBe(false);
  }
}

describe("breakLines (kinsoku)", () => {
  it("never starts a line with 、。」）ー ッ and keeps everything", () => {
    const text = "職員の人格や尊厳を傷つける言動、暴力、社会通念上相当な範囲を超える要求（土下座の要求など）に対しては、「ソーシャルメディア」への投稿も含めて、組織として毅然とした態度で対応します。";
    for (const width of [3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 24]) {
      const lines = breakLines(text, width, measure);
      checkKinsoku(lines);
      expect(lines.join("")).toBe(text);
      for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width + 1.01); // 追い出し may push one char
    }
  });

  it("keeps Latin words, numbers and phone numbers whole", () => {
    const lines = breakLines("お問い合わせは平日 8:30〜17:15 に 0120-000-000 へ", 6, measure);
    expect(lines.some((l) => l.includes("0120-000-000"))).toBe(true);
    expect(lines.some((l) => l.includes("8:30〜"))).toBe(true);
    expect(breakLines("We may end the conversation and ask you to leave.", 10, measure)).toEqual(["We may end the", "conversation and ask", "you to leave."]);
  });

  it("breaks やさしい日本語 only between words in words mode", () => {
    const lines = breakLines("けいさつを　よぶ　ことが　あります。", 6, measure, { words: true });
    expect(lines).toEqual(["けいさつを", "よぶ　ことが", "あります。"]);
  });

  it("treats \\n as a paragraph break", () => {
    expect(breakLines("お問い合わせ：人事課\n電話 0120-000-000", 40, measure)).toEqual(["お問い合わせ：人事課", "電話 0120-000-000"]);
  });

  it("holds for random Japanese text (property)", () => {
    const alphabet = [..."あいうえおかきくけこっゃーアイウエオッャ漢字市民職員、。「」（）・！？ 12AB"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 80 }), fc.integer({ min: 3, max: 20 }), (chars, width) => {
        const text = chars.join("").replace(/^ +| +$/g, "");
        if (!text) return;
        const lines = breakLines(text, width, measure);
        expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
        for (const line of lines) {
          // A forbidden start is only allowed when the whole line is one unbreakable run.
          if (NO_LINE_START.has([...line][0]!)) expect(lines.indexOf(line)).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
