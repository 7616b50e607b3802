/**
 * Property-based tests (fast-check) of the pure core, where test/romaji, test/kana, test/review and
 * test/geometry do not already cover them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { romanize, romanizeDetailed } from "../../src/romaji/romanize.js";
import { MORA_TABLE, moraVowel } from "../../src/romaji/mora-table.js";
import { ROMAJI_SYSTEMS } from "../../src/romaji/systems.js";
import { hiraganaToKatakana, katakanaToHiragana, toHiragana } from "../../src/kana/to-hiragana.js";
import { isPrintableKana } from "../../src/kana/kana-classes.js";
import { planPages, resolveSheet, sheetPreset, SheetError, SHEET_PRESETS } from "../../src/geometry/sheets.js";
import type { SizeMm } from "../../src/geometry/units.js";
import { csvDocument, neutralizeCell, unneutralizeCell } from "../../src/io/excel-csv.js";
import { reviewReport, reviewSheetCsv } from "../../src/review/review-sheet.js";
import { isConfirmedHeader, parseConfirmedReadings } from "../../src/readings/confirmed-readings.js";
import { msg } from "../../src/messages/message.js";
import { parseTable } from "../../src/roster/read-table.js";
import type { StaffReading } from "../../src/model.js";
import { staffRecord } from "../readings/fixtures.js";

// ---------------------------------------------------------------------------------------------
// Readings as a surname has them: morae from the table, with っ only before a consonant, ん after a mora,
// ー only after a vowel. Every such string is a valid reading.

const MORAE = [...MORA_TABLE.keys()].filter((mora) => !/^[ぁぃぅぇぉゃゅょゎ]$/u.test(mora));
const CONSONANT_MORAE = MORAE.filter((mora) => !/^[あいうえおやゆよわゐゑを]/u.test(mora));

const reading = fc
  .array(
    fc.record({
      sokuon: fc.boolean(),
      mora: fc.constantFrom(...MORAE),
      consonantMora: fc.constantFrom(...CONSONANT_MORAE),
      after: fc.constantFrom("", "", "", "ん", "ー"),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((parts) =>
    parts
      .map(({ sokuon, mora, consonantMora, after }) => {
        const base = sokuon ? `っ${consonantMora}` : mora;
        return after === "ー" && moraVowel(base.slice(-1)) === null && moraVowel(base) === null ? base : base + after;
      })
      .join(""),
  );

describe("romanisation of any valid reading", () => {
  it("the passport spelling is never empty and only ASCII letters, in title and upper case, from hiragana or katakana", () => {
    fc.assert(
      fc.property(reading, fc.boolean(), (kana, katakana) => {
        const input = katakana ? hiraganaToKatakana(kana) : kana;
        expect(romanize(input)).toMatch(/^[A-Z][a-z]*$/);
        expect(romanize(input, { case: "upper" })).toMatch(/^[A-Z]+$/);
      }),
      { numRuns: 3000 },
    );
  });

  it("every system gives a non-empty spelling, and the same one for hiragana and katakana", () => {
    fc.assert(
      fc.property(reading, fc.constantFrom(...ROMAJI_SYSTEMS), (kana, system) => {
        const result = romanizeDetailed(kana, { system });
        expect(result.romaji.length).toBeGreaterThan(0);
        expect(romanizeDetailed(hiraganaToKatakana(kana), { system }).romaji).toBe(result.romaji);
        expect(result.ambiguous).toBe(result.reasons.length > 0);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Kana conversion round trips.

const codePoints = (from: number, to: number, except: number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((cp) => !except.includes(cp)).map((cp) => String.fromCodePoint(cp));
const HIRAGANA = codePoints(0x3041, 0x3096);
const KATAKANA = codePoints(0x30a1, 0x30f6);

describe("kana conversion", () => {
  it("hiragana → katakana → hiragana gives the string back (ゝ ゞ and ー included)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HIRAGANA, "ゝ", "ゞ", "ー"), { minLength: 1, maxLength: 12 }), (chars) => {
        const hira = chars.join("");
        const kata = hiraganaToKatakana(hira);
        expect(kata).not.toMatch(/[\u3041-\u3096]/u);
        expect(katakanaToHiragana(kata)).toBe(hira);
      }),
      { numRuns: 3000 },
    );
  });

  it("katakana → hiragana → katakana gives the string back (ァ–ヶ, ヽ ヾ, ー)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KATAKANA, "ヽ", "ヾ", "ー"), { minLength: 1, maxLength: 12 }), (chars) => {
        const kata = chars.join("");
        expect(hiraganaToKatakana(katakanaToHiragana(kata))).toBe(kata);
      }),
      { numRuns: 3000 },
    );
  });

  it("toHiragana of a reading in katakana (full or half width) is the hiragana reading, printable", () => {
    fc.assert(
      fc.property(reading, fc.boolean(), (hira, halfWidth) => {
        let kata = hiraganaToKatakana(hira);
        if (halfWidth) kata = toHalfWidth(kata);
        const back = toHiragana(kata);
        expect(back).toBe(hira);
        expect(isPrintableKana(back)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Full-width katakana → half-width where a half-width form exists (ｶﾞ for ガ), else kept. */
function toHalfWidth(kata: string): string {
  const table = new Map<string, string>();
  for (let cp = 0xff66; cp <= 0xff9d; cp++) {
    const half = String.fromCodePoint(cp);
    table.set(half.normalize("NFKC"), half);
  }
  table.set("ー", "ｰ");
  let out = "";
  for (const ch of kata) {
    const direct = table.get(ch);
    if (direct) {
      out += direct;
      continue;
    }
    const [base, mark] = [...ch.normalize("NFD")];
    const halfBase = base ? table.get(base) : undefined;
    if (halfBase && mark === "\u3099") out += `${halfBase}ﾞ`;
    else if (halfBase && mark === "\u309A") out += `${halfBase}ﾟ`;
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Geometry: every badge inside the page.

const BADGES: Record<string, SizeMm> = { standard: { width: 91, height: 55 }, card: { width: 85.6, height: 54 } };
const PRESET_BADGES: Array<[string, string, boolean]> = [
  ["a4-10up", "standard", false],
  ["a4-8up-card", "card", false],
  ["a4-1up", "standard", false],
  ["a4-1up", "card", false],
  ["a4-1up", "standard", true],
  ["single", "standard", true],
  ["single", "card", true],
];

function insidePage(preset: string, badgeName: string, cropMarks: boolean, placement: { offsetX: number; offsetY: number; scale: number; startAt: number; count: number; duplex: boolean }) {
  const badge = BADGES[badgeName]!;
  const sheet = resolveSheet(sheetPreset(preset), badge, { cropMarks });
  const perPage = sheet.columns * sheet.rows;
  const startAt = ((placement.startAt - 1) % perPage) + 1;
  const pages = planPages(placement.count, sheet, { ...placement, startAt }, badge);
  const placed = new Set<number>();
  for (const page of pages) {
    for (const { badge: index, rect } of page.slots) {
      if (page.side === "front") placed.add(index);
      const bleed = sheet.bleed * rect.scale;
      const epsilon = 1e-6;
      expect(rect.x - bleed).toBeGreaterThanOrEqual(-epsilon);
      expect(rect.y - bleed).toBeGreaterThanOrEqual(-epsilon);
      expect(rect.x + rect.width + bleed).toBeLessThanOrEqual(sheet.page.width + epsilon);
      expect(rect.y + rect.height + bleed).toBeLessThanOrEqual(sheet.page.height + epsilon);
    }
  }
  expect(placed.size).toBe(placement.count); // every badge placed exactly once on a front page
}

describe("geometry: every cell inside the sheet", () => {
  it("the presets cover what this test checks", () => {
    expect(Object.keys(SHEET_PRESETS).sort()).toEqual([...new Set(PRESET_BADGES.map(([preset]) => preset))].sort());
  });

  it("for every preset, printer calibration (offset ±5 mm, scale 0.97–1.03), any start cell and count, duplex or not", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_BADGES),
        fc.record({
          offsetX: fc.double({ min: -5, max: 5, noNaN: true }),
          offsetY: fc.double({ min: -5, max: 5, noNaN: true }),
          scale: fc.double({ min: 0.97, max: 1.03, noNaN: true }),
          startAt: fc.integer({ min: 1, max: 10 }),
          count: fc.integer({ min: 1, max: 45 }),
          duplex: fc.boolean(),
        }),
        ([preset, badge, cropMarks], placement) => insidePage(preset, badge, cropMarks, placement),
      ),
      { numRuns: 2000 },
    );
  });

  it("for any offset and scale, badges stay on the page or the placement is refused with a SheetError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_BADGES),
        fc.record({
          offsetX: fc.double({ min: -40, max: 40, noNaN: true }),
          offsetY: fc.double({ min: -40, max: 40, noNaN: true }),
          scale: fc.double({ min: 0.8, max: 1.25, noNaN: true }),
          startAt: fc.integer({ min: 1, max: 10 }),
          count: fc.integer({ min: 1, max: 25 }),
          duplex: fc.boolean(),
        }),
        ([preset, badge, cropMarks], placement) => {
          try {
            insidePage(preset, badge, cropMarks, placement);
          } catch (error) {
            if (error instanceof SheetError) return;
            throw error;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The review sheet's cells and the confirmed readings read back from it.

/** Any text a cell can hold: every Unicode scalar value, biased towards the characters CSV and Excel care about. */
const cellText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "\n", "\r\n", ",", '"', " ", "\u3000", "佐", "あ", "A", "1", "\uFEFF"), { maxLength: 10 }).map((parts) => parts.join("")),
);

describe("review sheet cells", () => {
  it("un-neutralise is the exact inverse of neutralise, and no neutralised cell starts a formula", () => {
    fc.assert(
      fc.property(cellText, (value) => {
        const safe = neutralizeCell(value);
        expect(unneutralizeCell(safe)).toBe(value);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 5000 },
    );
  });

  it("a CSV document read back by nafuda's own reader gives every cell back", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText, cellText), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const document = csvDocument([["id", "a", "b", "c"], ...rows.map((cells, i) => [`r${i}`, ...cells])]);
          const table = await parseTable(new TextEncoder().encode(document), "review.csv");
          expect(table.errors).toEqual([]);
          expect(table.rows.map((row) => row.cells.slice(1).map(unneutralizeCell))).toEqual(rows);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("a review sheet written then read back as confirmed readings gives the same kana and names, for any hiragana", async () => {
    // What a resolved reading can hold: hiragana and ー (toHiragana already turned ゕ ゖ into か け).
    const kana = fc.array(fc.constantFrom(...HIRAGANA.filter((c) => c !== "ゕ" && c !== "ゖ"), "ー"), { minLength: 1, maxLength: 10 }).map((c) => c.join(""));
    const name = cellText.filter((text) => text.trim() !== "" && !/[\r\n]/.test(text));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(kana, name, fc.boolean()), { minLength: 1, maxLength: 8 }), async (people) => {
        const staff: StaffReading[] = people.map(([k, n, review], i) => ({
          row: i + 1, sheetRow: i + 2, id: `A${i + 1}`, name: n, surname: n, kana: k, romaji: "X", source: "dictionary",
          review, reasons: review ? [msg("REASON_SEVERAL_READINGS", { readings: [k, "か"] })] : [], alternatives: [], record: staffRecord(i + 1, n),
        }));
        const csv = reviewSheetCsv(reviewReport(staff, []).staff);
        const confirmed = parseConfirmedReadings(await parseTable(new TextEncoder().encode(csv), "confirmed.csv", { isHeader: isConfirmedHeader }));
        expect(confirmed.errors).toEqual([]);
        const byId = new Map(confirmed.rows.map((row) => [row.id, row]));
        for (const person of staff) {
          const row = byId.get(person.id)!;
          expect(row.kana).toBe(person.kana);
          expect(row.name).toBe(person.name.trim());
          expect(row.review === "pending").toBe(person.review);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
