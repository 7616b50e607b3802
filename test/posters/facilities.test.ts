import { formatRowError } from "../../src/model.js";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { parseFacilityTable, readFacilities } from "../../src/posters/facilities.js";
import { loadPolicy } from "../../src/posters/policy.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));

describe("facility list", () => {
  it("reads the example list: ≥ 8 facilities with their own measures", async () => {
    const { facilities, errors } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
    expect(errors).toEqual([]);
    expect(facilities.length).toBeGreaterThanOrEqual(8);
    const library = facilities.find((f) => f.name === "中央図書館")!;
    expect(library.measures).toEqual(["end-conversation", "police", "legal-action"]);
    expect(library.sizes).toEqual(["A4", "B3"]);
    expect(library.copies).toEqual({ A4: 2, B3: 1 });
    const water = facilities.find((f) => f.name.startsWith("上下水道"))!;
    expect(water.measures).toContain("record-phone");
    const hospital = facilities.find((f) => f.name.startsWith("市民病院"))!;
    expect(hospital.issuer).toBe("地方独立行政法人みどり市民病院");
    expect(hospital.languages).toEqual(["ja", "en"]);
  });

  it("reads Shift_JIS (Excel's default CSV) the same way", async () => {
    const csv = "施設名,対策,サイズ,部数,言語\r\n北公民館,警察 複数対応 打ち切り,Ａ４,2,日本語\r\n";
    const { facilities, errors } = await readFacilities(encodeText(csv, "cp932"), { fileName: "list.csv", policy });
    expect(errors).toEqual([]);
    expect(facilities[0]).toMatchObject({ name: "北公民館", measures: ["end-conversation", "police", "pairs"], sizes: ["A4"], copies: { A4: 2 } });
  });

  it("names file, row and column of bad rows and still makes the others", () => {
    const table = {
      file: "facilities.csv",
      headers: ["施設名", "対策", "サイズ", "部数", "言語"],
      rows: [
        { row: 1, cells: ["本庁舎 市民課窓口", "police pairs", "A4", "1", "ja"] },
        { row: 2, cells: ["", "police", "A4", "1", "ja"] },
        { row: 3, cells: ["北公民館", "polise", "A4", "1", "ja"] },
        { row: 4, cells: ["中央図書館", "police", "A5", "1", "ja"] },
        { row: 5, cells: ["市民ホール", "police", "B2", "A4=2", "ja"] },
        { row: 6, cells: ["子育て支援センター", "all", "A4", "1", "fr"] },
        { row: 7, cells: ["本庁舎 市民課窓口", "police", "A4", "1", "ja"] },
        { row: 8, cells: ["", "", "", "", ""] },
      ],
    };
    const { facilities, errors } = parseFacilityTable(table, policy);
    expect(facilities.map((f) => f.name)).toEqual(["本庁舎 市民課窓口"]);
    const where = errors.map((e) => `${e.file}:${e.row}:${e.column}`);
    expect(where).toEqual([
      "facilities.csv:2:施設名",
      "facilities.csv:3:対策",
      "facilities.csv:4:サイズ",
      "facilities.csv:5:部数",
      "facilities.csv:6:言語",
      "facilities.csv:7:施設名",
    ]);
    expect(formatRowError(errors[1]!)).toMatch(/unknown measure "polise" \(did you mean "police"\?\)/);
    expect(formatRowError(errors[2]!)).toMatch(/unknown size "A5"/);
  });

  it("rejects measures the policy does not word, and reports an unknown column", () => {
    const short = { ...policy, measures: { police: policy.measures.police! } };
    const { errors } = parseFacilityTable(
      { file: "f.csv", headers: ["施設名", "対策", "サイズ", "言語", "サイス"], rows: [{ row: 1, cells: ["北公民館", "police record-phone", "A4", "ja", ""] }] },
      short,
    );
    expect(errors.map((e) => formatRowError(e))).toEqual([
      expect.stringMatching(/unknown column "サイス" \(did you mean "サイズ"\?\)/),
      expect.stringMatching(/record-phone" is not worded in the policy/),
    ]);
  });
});
