import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { pathInside, safeFileStem, safeFileStems } from "../../src/io/safe-file-names.js";

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

  it("refuses paths outside the folder", () => {
    expect(pathInside("/tmp/out", "a.pdf")).toBe(join(resolve("/tmp/out"), "a.pdf"));
    expect(() => pathInside("/tmp/out", "../a.pdf")).toThrow(/outside/);
    expect(() => pathInside("/tmp/out", "sub/a.pdf")).toThrow(/outside/);
  });
});
