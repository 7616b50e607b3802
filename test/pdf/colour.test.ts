/** The one colour rule (src/pdf/colour.ts) and the document date (src/pdf/pdfx.ts): pure, no PDF. */
import { describe, expect, it } from "vitest";
import { colourToCmyk, fillOperator, hexToCmyk, isKOnly, MIN_INK, rgbToCmyk, textColourToInk, textInk, totalInk } from "../../src/pdf/colour.js";
import { documentDate, FIXED_DOCUMENT_DATE, pdfDate, xmpDate, xmpPacket, xmpUuid } from "../../src/pdf/pdfx.js";

describe("the colour rule: #RRGGBB to ink", () => {
  it("prints white as no ink, black and neutral greys in K only, never rich black", () => {
    expect(hexToCmyk("#FFFFFF")).toEqual({ c: 0, m: 0, y: 0, k: 0 });
    expect(hexToCmyk("#000000")).toEqual({ c: 0, m: 0, y: 0, k: 1 });
    expect(hexToCmyk("#333333")).toEqual({ c: 0, m: 0, y: 0, k: 0.8 });
    expect(hexToCmyk("#808080")).toEqual({ c: 0, m: 0, y: 0, k: 0.498 });
    // Within 10 of 255 of each other: still a grey (the old poster ink 0.12 0.12 0.13 was four-colour black).
    expect(isKOnly(rgbToCmyk([0.12, 0.12, 0.13]))).toBe(true);
    expect(hexToCmyk("#1f1f21")!.k).toBeCloseTo(0.876, 3);
  });

  it("converts other colours to CMYK with full grey replacement: one ink is 0 and the total stays under 300 %", () => {
    const blue = hexToCmyk("#1E4E9C")!;
    expect(blue.c).toBeCloseTo(0.808, 2);
    expect(blue.m).toBeCloseTo(0.5, 2);
    expect(blue.y).toBe(0);
    expect(blue.k).toBeCloseTo(0.388, 2);
    for (const hex of ["#ff0000", "#00ff00", "#0000ff", "#a01b0b", "#1d4f91", "#102030"]) {
      const ink = hexToCmyk(hex)!;
      expect(Math.min(ink.c, ink.m, ink.y), hex).toBe(0);
      expect(totalInk(ink), hex).toBeLessThan(3);
    }
  });

  it("leaves out inks under 3 %, which do not print on an offset press", () => {
    const pale = rgbToCmyk([0.985, 0.94, 1]);
    expect(pale.c).toBe(0); // 1.5 % cyan: gone
    expect(pale.m).toBe(0.06);
    expect(pale.m).toBeGreaterThanOrEqual(MIN_INK);
    expect(rgbToCmyk([0.99, 0.99, 0.99])).toEqual({ c: 0, m: 0, y: 0, k: 0 });
    expect(colourToCmyk("cmyk(2,50,0,1)")).toEqual({ c: 0, m: 0.5, y: 0, k: 0 });
  });

  it("sets text in K only: a coloured text colour becomes the K tint of its lightness", () => {
    expect(textInk([0, 0, 0])).toEqual({ c: 0, m: 0, y: 0, k: 1 });
    expect(textInk([1, 1, 1])).toEqual({ c: 0, m: 0, y: 0, k: 0 });
    const blue = textInk([0x1e / 255, 0x4e / 255, 0x9c / 255]);
    expect(isKOnly(blue)).toBe(true);
    expect(blue.k).toBeCloseTo(1 - (0.299 * 0x1e + 0.587 * 0x4e + 0.114 * 0x9c) / 255, 2);
    expect(textColourToInk("#333333")).toEqual({ c: 0, m: 0, y: 0, k: 0.8 });
    expect(isKOnly(textColourToInk("cmyk(100,60,0,10)")!)).toBe(true);
    expect(textColourToInk("cmyk(0,0,0,75)")).toEqual({ c: 0, m: 0, y: 0, k: 0.75 });
    expect(textColourToInk("red")).toBeNull();
    expect(fillOperator(textColourToInk("#333333")!)).toBe("0 0 0 0.8 k");
  });
});

describe("the document date of print-shop files", () => {
  it("is --date, else SOURCE_DATE_EPOCH, else 2020-01-01, never the clock", () => {
    expect(documentDate("2025-04-01")).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(documentDate("2025-04-01T09:00:00+09:00")).toEqual(new Date(Date.UTC(2025, 3, 1, 0, 0, 0)));
    expect(documentDate(undefined, { SOURCE_DATE_EPOCH: "1735689600" })).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(documentDate("2024-02-29", { SOURCE_DATE_EPOCH: "1735689600" })).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(documentDate(undefined, {})).toEqual(FIXED_DOCUMENT_DATE);
    expect(FIXED_DOCUMENT_DATE.toISOString()).toBe("2020-01-01T00:00:00.000Z");
  });

  it("refuses a date it cannot read, saying where it came from", () => {
    expect(documentDate("2025-02-30")).toEqual({ bad: "2025-02-30", from: "--date" });
    expect(documentDate("令和7年4月1日")).toEqual({ bad: "令和7年4月1日", from: "--date" });
    expect(documentDate(undefined, { SOURCE_DATE_EPOCH: "yesterday" })).toEqual({ bad: "yesterday", from: "SOURCE_DATE_EPOCH" });
  });

  it("writes PDF and XMP dates alike, and an XMP packet whose id can be replaced in place", () => {
    const date = new Date(Date.UTC(2025, 3, 1, 9, 5, 7));
    expect(pdfDate(date)).toBe("D:20250401090507Z");
    expect(xmpDate(date)).toBe("2025-04-01T09:05:07Z");
    const a = xmpPacket({ title: "名札 <A&B>", producer: "nafuda", date, documentId: "0".repeat(32) });
    const b = xmpPacket({ title: "名札 <A&B>", producer: "nafuda", date, documentId: "f".repeat(32) });
    expect(Buffer.byteLength(a)).toBe(Buffer.byteLength(b));
    expect(a).toContain("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">名札 &lt;A&amp;B&gt;</rdf:li></rdf:Alt></dc:title>");
    expect(a).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>");
    expect(b).toContain(`<xmpMM:DocumentID>${xmpUuid("f".repeat(32))}</xmpMM:DocumentID>`);
  });
});
