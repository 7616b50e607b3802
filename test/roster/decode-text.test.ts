import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/roster/decode-text.js";
import { encodeText, canEncode, UnencodableCharacterError } from "../../src/roster/encode-text.js";
import { RosterFileError } from "../../src/roster/errors.js";

const ROSTER = "職員番号,氏名,フリガナ,所属\r\n00101,髙橋　一郎,タカハシ　イチロウ,総務課①\r\n00102,山﨑　花子,ヤマザキ　ハナコ,㈱市民課\r\n";
const PLAIN = "職員番号,氏名,フリガナ\n1,山田　太郎,ヤマダ　タロウ\n2,渡辺　花子,ワタナベ　ハナコ\n3,佐藤,サトウ\n";

const utf16le = (text: string, bom = true) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let index = 0; index < le.length; index += 2) (be[index] = le[index + 1]!), (be[index + 1] = le[index]!);
  return new Uint8Array([0xfe, 0xff, ...be]);
};

describe("decodeText detects the encoding", () => {
  const cases: { name: string; bytes: Uint8Array; text: string; encoding: string }[] = [
    { name: "UTF-8 without BOM", bytes: Buffer.from(ROSTER, "utf8"), text: ROSTER, encoding: "utf-8" },
    { name: "UTF-8 with BOM (Excel CSV UTF-8)", bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(ROSTER, "utf8")]), text: ROSTER, encoding: "utf-8-bom" },
    { name: "CP932 with ①, ㈱, 髙, 﨑 (Excel CSV)", bytes: encodeText(ROSTER, "cp932"), text: ROSTER, encoding: "cp932" },
    { name: "UTF-16LE with BOM (Excel Unicode text)", bytes: utf16le(ROSTER.replaceAll(",", "\t")), text: ROSTER.replaceAll(",", "\t"), encoding: "utf-16le" },
    { name: "UTF-16LE without BOM", bytes: utf16le(PLAIN, false), text: PLAIN, encoding: "utf-16le" },
    { name: "UTF-16BE with BOM", bytes: utf16be(PLAIN), text: PLAIN, encoding: "utf-16be" },
    { name: "EUC-JP (which also decodes as Shift_JIS mojibake)", bytes: encodeText(PLAIN, "euc-jp"), text: PLAIN, encoding: "euc-jp" },
    { name: "EUC-JP of kanji only", bytes: encodeText("氏名\n山田\n", "euc-jp"), text: "氏名\n山田\n", encoding: "euc-jp" },
    { name: "short pure ASCII", bytes: Buffer.from("id,name\n1,Sato\n"), text: "id,name\n1,Sato\n", encoding: "utf-8" },
    { name: "empty file", bytes: new Uint8Array(), text: "", encoding: "utf-8" },
    { name: "UTF-8 with accented Latin names stays UTF-8", bytes: Buffer.from("name\nJosé Müller\n", "utf8"), text: "name\nJosé Müller\n", encoding: "utf-8" },
  ];
  it.each(cases)("$name", ({ bytes, text, encoding }) => {
    const decoded = decodeText(bytes, "roster.csv");
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });

  it("the kanji-only EUC-JP case really is valid Shift_JIS (ｻ睥ｾ), so the choice is not by elimination", () => {
    expect(new TextDecoder("shift_jis", { fatal: true }).decode(encodeText("氏名\n山田\n", "euc-jp"))).toBe("ｻ睥ｾ\nｻｳﾅﾄ\n");
  });

  it("reads Shift_JIS half-width katakana that happens to be valid UTF-8 as CP932", () => {
    // ﾒｲ is D2 B2 in Shift_JIS, which UTF-8 reads as the Cyrillic letter Ҳ.
    const text = "ID,ﾒｲ\r\n1,ﾒｲﾄｽ\r\n";
    const bytes = encodeText(text, "cp932");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).not.toThrow();
    expect(decodeText(bytes)).toEqual({ text, encoding: "cp932" });
  });

  it("keeps the variant kanji exactly (no NFKC): 﨑 stays U+FA11", () => {
    const { text } = decodeText(encodeText("山﨑", "cp932"));
    expect([...text].map((character) => character.codePointAt(0)!.toString(16))).toEqual(["5c71", "fa11"]);
  });

  it("throws a RosterFileError naming the file and what to save it as for binary data", () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfd, 0x80, 0x00, 0xfe, 0x81]);
    expect(() => decodeText(binary, "photo.csv")).toThrow(RosterFileError);
    expect(() => decodeText(binary, "photo.csv")).toThrow(/^photo\.csv：日本語の文字コード（UTF-8、Shift_JIS、EUC-JP、UTF-16）の文字として読めません。Excel で開き、「CSV UTF-8 \(コンマ区切り\)」で保存し直してください。$/su);
  });

  it("rejects a UTF-8 BOM followed by invalid UTF-8 with a clear message", () => {
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x82, 0xa0]), "broken.csv")).toThrow(/^broken\.csv：ファイルの先頭は UTF-8 の印（BOM）ですが/su);
  });

  it("reads a UTF-8 file with one row pasted in from a Shift_JIS file, and says which line", () => {
    const bytes = new Uint8Array([
      ...Buffer.from("\uFEFF氏名,所属\r\n佐藤　花子,総務課\r\n", "utf8"),
      ...encodeText("髙橋　一郎,市民課\r\n", "cp932"),
      ...Buffer.from("鈴木　大輔,図書館\r\n", "utf8"),
      0xff, 0xfe, 0x0d, 0x0a,
    ]);
    const decoded = decodeText(bytes, "mixed.csv");
    expect(decoded.encoding).toBe("utf-8-bom");
    expect(decoded.text.split("\r\n").slice(0, 4)).toEqual(["氏名,所属", "佐藤　花子,総務課", "髙橋　一郎,市民課", "鈴木　大輔,図書館"]);
    expect(decoded.foreignLines).toEqual([{ line: 3, encoding: "cp932" }, { line: 5, encoding: null }]);
  });
});

describe("decodeText round-trips realistic Japanese text in every encoding", () => {
  const pool = [..."佐藤伊加大野井上内横尾飯田服部本間難波三瓶松浦東海林小鳥遊勅使河原長谷川一色菅中島髙橋山﨑齋渡邊鈴木太郎花子総務課市民病院図書館主事係長"]
    .concat([..."あいうえおかきくけこさしすせそたなはまやらわんアイウエオカキクケコサシスセソタナハマヤラワンー　・（）"]);
  const line = fc.array(fc.constantFrom(...pool), { minLength: 2, maxLength: 12 }).map((characters) => characters.join(""));
  const table = fc.array(fc.tuple(fc.integer({ min: 1, max: 99999 }), line, line), { minLength: 1, maxLength: 6 }).map(
    (rows) => "職員番号,氏名,フリガナ\r\n" + rows.map(([id, name, reading]) => `${String(id).padStart(5, "0")},${name},${reading}`).join("\r\n") + "\r\n",
  );

  it("CP932", () => {
    fc.assert(fc.property(table, (text) => {
      expect(decodeText(encodeText(text, "cp932"))).toEqual({ text, encoding: "cp932" });
    }), { numRuns: 300 });
  });
  it("UTF-8", () => {
    fc.assert(fc.property(table, (text) => {
      expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
    }), { numRuns: 300 });
  });
  it("EUC-JP", () => {
    const eucTable = table.filter((text) => canEncode(text, "euc-jp") && !/[髙﨑]/u.test(text));
    fc.assert(fc.property(eucTable, (text) => {
      expect(decodeText(encodeText(text, "euc-jp"))).toEqual({ text, encoding: "euc-jp" });
    }), { numRuns: 300 });
  });
});

describe("encodeText", () => {
  it.each([
    { text: "髙", encoding: "cp932" as const, bytes: [0xfb, 0xfc] },
    { text: "﨑", encoding: "cp932" as const, bytes: [0xfa, 0xb1] },
    { text: "①", encoding: "cp932" as const, bytes: [0x87, 0x40] },
    { text: "∵", encoding: "cp932" as const, bytes: [0x81, 0xe6] },
    { text: "あA", encoding: "cp932" as const, bytes: [0x82, 0xa0, 0x41] },
    { text: "ｱ", encoding: "cp932" as const, bytes: [0xb1] },
    { text: "あ", encoding: "euc-jp" as const, bytes: [0xa4, 0xa2] },
    { text: "ｱ", encoding: "euc-jp" as const, bytes: [0x8e, 0xb1] },
  ])("$text in $encoding is $bytes, as Windows writes it", ({ text, encoding, bytes }) => {
    expect([...encodeText(text, encoding)]).toEqual(bytes);
  });

  it("refuses 𠮷, which Shift_JIS cannot hold, naming the character", () => {
    expect(() => encodeText("𠮷田", "cp932")).toThrow(UnencodableCharacterError);
    expect(() => encodeText("𠮷田", "cp932")).toThrow(/𠮷.*U\+20BB7/u);
    expect(canEncode("𠮷田", "cp932")).toBe(false);
    expect(canEncode("吉田", "cp932")).toBe(true);
  });
});
