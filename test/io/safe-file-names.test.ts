import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fileNameKey, OutputPathError, pathInside, safeFileStem, safeFileStems } from "../../src/io/safe-file-names.js";
import { thrownBy } from "../helpers/errors.js";

describe("safe file names", () => {
  it.each([
    ["本庁舎 市民課窓口", "本庁舎_市民課窓口"],
    ["中央図書館", "中央図書館"],
    ["../../etc/passwd", "etc_passwd"],
    ["..\\..\\Windows\\system32", "Windows_system32"],
    ["/absolute/path", "absolute_path"],
    ["C:\\temp\\x", "C_temp_x"],
    ["name\u0000with\u0007controls\r\n", "namewithcontrols"],
    ["\u202eevil\u202c.pdf", "evil.pdf"],
    ["...", "facility"],
    ["", "facility"],
    ["CON", "facility-CON"],
    ["_hidden", "hidden"],
    ["市民ホール　大ホール", "市民ホール_大ホール"],
    ['a:b*c?"d<e>f|g', "a_b_c_d_e_f_g"],
    // No formula start: the order manifest lists file names, and a spreadsheet would run these.
    ["=cmd|' /C calc'!A0", "cmd_'_C_calc'!A0"],
    ["+81 本庁舎", "81_本庁舎"],
    ["@SUM(A1)", "SUM(A1)"],
    ["＝ＨＹＰＥＲＬＩＮＫ", "ＨＹＰＥＲＬＩＮＫ"],
    ["－１", "１"],
    ["＠本庁舎", "本庁舎"],
    // Never "__": that is the collision suffix's separator.
    ["北__公民館", "北_公民館"],
    ["北＿＿公民館", "北_公民館"],
  ])("%j → %j", (name, expected) => {
    const stem = safeFileStem(name);
    expect(stem).toBe(expected);
    expect(stem).not.toMatch(/[/\\\u0000-\u001f]|\.\./);
  });

  it("keeps names short enough for any file system", () => {
    expect(Buffer.byteLength(safeFileStem("長".repeat(200)))).toBeLessThanOrEqual(150);
  });

  it("is stable and tells colliding names apart independently of order", () => {
    const a = safeFileStems(["北公民館", "北/公民館", "北\\公民館", "南公民館"]);
    const b = safeFileStems(["南公民館", "北\\公民館", "北/公民館", "北公民館"]);
    expect(new Set(a).size).toBe(4);
    expect(a[0]).toBe("北公民館");
    expect(a[1]).toBe(b[2]);
    expect(a[3]).toBe("南公民館");
  });

  it("a name like another's collision suffix does not take that file (was: it overwrote it)", () => {
    const [a, b] = safeFileStems(["北/公民館", "北\\公民館"]);
    expect(a).toMatch(/^北_公民館__[0-9a-f]{8}$/);
    expect(b).toMatch(/^北_公民館__[0-9a-f]{8}$/);
    // A facility named exactly like the first one's file gets a file of its own, and the others keep theirs.
    const stems = safeFileStems(["北/公民館", "北\\公民館", a!, a!.toUpperCase()]);
    expect(stems.slice(0, 2)).toEqual([a, b]);
    expect(new Set(stems.map(fileNameKey)).size).toBe(4);
    // The old suffix form ("-" and the hash) is just a name now.
    const old = safeFileStems(["南/公民館", "南\\公民館", `南_公民館-${a!.slice(-8)}`]);
    expect(new Set(old.map(fileNameKey)).size).toBe(3);
  });

  it.each([
    ["case", ["Library", "LIBRARY", "library"]],
    ["full-width and half-width (NFKC)", ["ＡＢＣ館", "ABC館", "ａｂｃ館"]],
    ["half-width katakana", ["ｶﾝｷｮｳｾﾝﾀｰ", "カンキョウセンター"]],
    ["composed and decomposed kana", ["がっこう", "か\u3099っこう"]],
    ["composed and decomposed Latin", ["Café", "Cafe\u0301"]],
    ["ß and SS", ["Straße", "STRASSE"]],
    ["full-width underscore", ["北＿公民館", "北_公民館"]],
  ])("names that differ only by %s get different files", (_, names) => {
    const stems = safeFileStems(names);
    expect(new Set(stems.map(fileNameKey)).size).toBe(names.length);
    // Stable, and independent of the order of the names.
    const reversed = safeFileStems([...names].reverse()).reverse();
    expect(reversed).toEqual(stems);
  });

  it("the same name twice gets two files too (-2), and nothing else moves", () => {
    const stems = safeFileStems(["北公民館", "北公民館", "南公民館"]);
    expect(stems[0]).toMatch(/^北公民館__[0-9a-f]{8}$/);
    expect(stems[1]).toBe(`${stems[0]}-2`);
    expect(stems[2]).toBe("南公民館");
  });

  it("names that are unique keep their plain stem (badges --split-by file names unchanged)", () => {
    expect(safeFileStems(["総務課", "市民課", ""], "未設定")).toEqual(["総務課", "市民課", "未設定"]);
  });

  it("refuses paths outside the folder", async () => {
    expect(pathInside("/tmp/out", "a.pdf")).toBe(join(resolve("/tmp/out"), "a.pdf"));
    for (const name of ["../a.pdf", "sub/a.pdf"]) {
      const error = await thrownBy(() => pathInside("/tmp/out", name));
      expect(error).toBeInstanceOf(OutputPathError);
      expect(error.code).toBe("OUTPUT_FILE_NAME_OUTSIDE_FOLDER");
      expect(error.message).toBe(`ファイル名「${name}」は出力先のフォルダーの外を指すため、書きません。`);
      expect(error.format("en")).toBe(`refusing to write outside the output folder: ${name}`);
    }
  });
});
