import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { formatMessage } from "../../src/messages/message.js";
import { formatRowError, type RowError } from "../../src/model.js";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { parseFacilityTable, policyFileNameProblem, readFacilities, uploadedPolicyResolver } from "../../src/posters/facilities.js";
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

  it("names file, row (as Excel numbers it) and column of bad rows and still makes the others", () => {
    const table = {
      file: "facilities.csv",
      headers: ["施設名", "対策", "サイズ", "部数", "言語"],
      headerSheetRow: 1,
      rows: [
        { row: 1, cells: ["本庁舎 市民課窓口", "police pairs", "A4", "1", "ja"] },
        { row: 2, cells: ["", "police", "A4", "1", "ja"] },
        { row: 3, cells: ["北公民館", "polise", "A4", "1", "ja"] },
        { row: 4, cells: ["中央図書館", "police", "A5", "1", "ja"] },
        { row: 5, cells: ["市民ホール", "police", "B2", "A4=2", "ja"] },
        { row: 6, cells: ["子育て支援センター", "all", "A4", "1", "fr"] },
        { row: 7, cells: ["本庁舎 市民課窓口", "police", "A4", "1", "ja"] },
        { row: 8, cells: ["", "", "", "", ""] },
        { row: 9, cells: ["南公民館", "", "A4", "x", "ja"] },
      ].map((r) => ({ ...r, sheetRow: r.row + 1 })),
    };
    const { facilities, errors } = parseFacilityTable(table, policy);
    expect(facilities.map((f) => [f.name, f.row, f.sheetRow])).toEqual([["本庁舎 市民課窓口", 1, 2]]);
    expect(errors.map((e) => `${e.file}:${e.sheetRow}:${e.column}:${e.code}`)).toEqual([
      "facilities.csv:3:施設名:FACILITY_NAME_EMPTY",
      "facilities.csv:4:対策:FACILITY_UNKNOWN_MEASURE",
      "facilities.csv:5:サイズ:FACILITY_UNKNOWN_SIZE",
      "facilities.csv:6:部数:FACILITY_COPIES_SIZE_NOT_MADE",
      "facilities.csv:7:言語:FACILITY_UNKNOWN_LANGUAGE",
      "facilities.csv:8:施設名:FACILITY_DUPLICATE",
      "facilities.csv:10:対策:FACILITY_NO_MEASURES",
      "facilities.csv:10:部数:FACILITY_BAD_COPIES",
    ]);
    const [empty, measure, size, copies, language, duplicate, noMeasures, badCopies] = errors as [RowError, RowError, RowError, RowError, RowError, RowError, RowError, RowError];
    expect(formatRowError(empty, "ja")).toBe("facilities.csv の 3 行目・「施設名」列：施設名が空です。施設名を入れるか、この行を削除してください。");
    expect(formatRowError(empty, "en")).toBe("facilities.csv, row 3, column 施設名: the facility name is empty");
    expect(formatRowError(measure, "ja")).toBe(
      "facilities.csv の 4 行目・「対策」列：「polise」という対策はありません。「police」の書き間違いではありませんか。" +
        "使える対策：「end-conversation」「police」「legal-action」「record-counter」「record-phone」「pairs」（日本語の「警察」「打ち切り」「複数対応」なども使えます）。",
    );
    expect(formatRowError(measure, "en")).toMatch(/unknown measure "polise" \(did you mean "police"\?\); known: end-conversation, police/);
    expect(formatRowError(size, "ja")).toBe("facilities.csv の 5 行目・「サイズ」列：「A5」というサイズは作れません。「A4」の書き間違いではありませんか。作れるサイズ：「A4」「A3」「B3」「B2」。");
    expect(formatRowError(size, "en")).toMatch(/unknown size "A5"/);
    expect(formatRowError(copies, "ja")).toBe("facilities.csv の 6 行目・「部数」列：A4 の部数がありますが、A4 はこの施設のサイズ（B2）にありません。サイズの列に A4 を足すか、部数から消してください。");
    expect(formatRowError(language, "en")).toBe('facilities.csv, row 7, column 言語: unknown language "fr"; known: ja, en, easy-ja');
    expect(formatRowError(duplicate, "ja")).toBe("facilities.csv の 8 行目・「施設名」列：2 行目と同じ施設です。2 つの行を 1 つにまとめてください。");
    expect(formatRowError(noMeasures, "en")).toBe('facilities.csv, row 10, column 対策: no measures: write measure ids (e.g. end-conversation police pairs) or "all"');
    expect(formatRowError(badCopies, "ja")).toBe("facilities.csv の 10 行目・「部数」列：部数「x」を読めません。「2」のように数で書くか、サイズごとなら「A4=3 A3=1」のように書いてください。");
  });

  it("rejects measures the policy does not word, and reports an unknown column", () => {
    const short = { ...policy, measures: { police: policy.measures.police! } };
    const { errors } = parseFacilityTable(
      { file: "f.csv", headers: ["施設名", "対策", "サイズ", "言語", "サイス"], headerSheetRow: 1, rows: [{ row: 1, sheetRow: 2, cells: ["北公民館", "police record-phone", "A4", "ja", ""] }] },
      short,
    );
    expect(errors.map((e) => e.code)).toEqual(["FACILITY_UNKNOWN_COLUMN", "FACILITY_MEASURE_NOT_IN_POLICY"]);
    expect(formatRowError(errors[0]!, "ja")).toBe("f.csv の 1 行目・「サイス」列：「サイス」という列は使いません（読み飛ばします）。「サイズ」の書き間違いではありませんか。");
    expect(formatRowError(errors[0]!, "en")).toBe('f.csv, row 1, column サイス: unknown column "サイス" (did you mean "サイズ"?); it is ignored');
    expect(formatRowError(errors[1]!, "ja")).toBe("f.csv の 2 行目・「対策」列：対策「record-phone」の文が方針ファイルにありません。方針ファイルの measures に「record-phone」の文を書くか、この施設の対策から外してください。");
    expect(formatRowError(errors[1]!, "en")).toMatch(/record-phone" is not worded in the policy/);
  });

  it("without a policy, 'all' cannot be known; languages without a panel are refused with one", () => {
    const table = { file: "f.csv", headers: ["施設名", "対策", "言語"], rows: [{ row: 1, cells: ["北公民館", "all", "ja"] }] };
    expect(parseFacilityTable(table).errors.map((e) => [e.code, formatMessage(e, "ja")])).toEqual([
      ["FACILITY_ALL_NEEDS_POLICY", "「all」（すべての対策）は、方針ファイルがないと使えません。方針ファイルを指定するか、対策を 1 つずつ書いてください。"],
    ]);
    const noPanels = { ...policy, panels: {} };
    const { errors } = parseFacilityTable({ ...table, rows: [{ row: 1, cells: ["北公民館", "police", "en"] }] }, noPanels);
    expect(errors.map((e) => [e.code, formatMessage(e, "en")])).toEqual([["FACILITY_LANGUAGE_NOT_IN_POLICY", "the policy file has no panels.en text"]]);
  });

  it("a list with no name column, or no rows, says so", async () => {
    const noName = parseFacilityTable({ file: "f.csv", headers: ["名前", "対策"], headerSheetRow: 1, rows: [{ row: 1, sheetRow: 2, cells: ["北公民館", "police"] }] });
    expect(noName.errors.map((e) => e.code)).toEqual(["FACILITY_UNKNOWN_COLUMN", "FACILITY_NO_NAME_COLUMN"]);
    expect(formatRowError(noName.errors[1]!, "ja")).toBe("f.csv の 1 行目・「施設名」列：施設名の列が見つかりません。施設名の列の見出しを「施設名」にしてください（「facility」でもかまいません）。");
    expect(formatRowError(noName.errors[1]!, "en")).toBe("f.csv, row 1, column 施設名: no facility name column: name one column 施設名 (or facility)");
    const headerOnly = await readFacilities(new TextEncoder().encode("施設名,対策\n"), { fileName: "f.csv" });
    expect(headerOnly.errors.map((e) => [e.code, formatRowError(e, "ja")])).toEqual([["FACILITY_LIST_NO_ROWS", "f.csv：施設一覧に施設の行がありません。見出しの下に、施設を 1 行ずつ書いてください。"]]);
    // An empty file is said once, not also as a missing name column.
    const empty = await readFacilities(new Uint8Array(0), { fileName: "f.csv" });
    expect(empty.errors.map((e) => e.code)).toEqual(["TABLE_EMPTY"]);
  });

  it("names the row as Excel numbers it when the list is read from a file", async () => {
    const csv = "施設名,対策,サイズ\n北公民館,police,A4\n南公民館,police,A9\n";
    const { errors } = await readFacilities(new TextEncoder().encode(csv), { fileName: "list.csv", policy });
    expect(errors.map((e) => formatRowError(e, "ja"))).toEqual([
      "list.csv の 3 行目・「サイズ」列：「A9」というサイズは作れません。「A4」の書き間違いではありませんか。作れるサイズ：「A4」「A3」「B3」「B2」。",
    ]);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("a language %s is an unknown language (was taken as one)", (word) => {
    const { facilities, errors } = parseFacilityTable({ file: "f.csv", headers: ["施設名", "対策", "言語"], rows: [{ row: 1, cells: ["北公民館", "police", word] }] }, policy);
    expect(facilities).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ code: "FACILITY_UNKNOWN_LANGUAGE", column: "言語", params: expect.objectContaining({ word }) })]);
    expect(formatMessage(errors[0]!, "ja")).toContain(`「${word}」という言語はありません。`);
  });
});

const work = mkdtempSync(join(tmpdir(), "nafuda-facilities-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSPITAL_POLICY = `issuer: 地方独立行政法人みどり市民病院
title: カスタマーハラスメントに対する病院の基本方針
message: 職員への暴言・暴力は許しません
stance: 当院は、患者さまのご意見に真摯に向き合います。
conduct:
  - label: 暴力
    text: 殴る、蹴る
measures:
  police: 警察に通報します。
  pairs: 複数の職員で対応します。
effectiveDate: 2025-01-01
`;

describe("facility list: recording signs and per-facility wording (issue 14)", () => {
  it("reads the example list's sign counts (counter=2 phone=6), one of each kind recorded by default, none elsewhere", async () => {
    const { facilities, errors } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
    expect(errors).toEqual([]);
    const signs = Object.fromEntries(facilities.map((f) => [f.name, f.signs]));
    expect(signs["本庁舎 税務課窓口"]).toEqual({ counter: 2, phone: 6 });
    expect(signs["本庁舎 市民課窓口"]).toEqual({ counter: 3, phone: 0 });
    expect(signs["市営住宅管理事務所"]).toEqual({ counter: 1, phone: 1 });
    expect(signs["上下水道お客さまセンター"]).toEqual({ counter: 0, phone: 8 });
    expect(signs["北公民館"]).toEqual({ counter: 0, phone: 0 });
  });

  it("reads sign counts in Japanese, a single number, and refuses counts for what the facility does not record", () => {
    const table = (cell: string, measures = "police record-counter record-phone") => parseFacilityTable(
      { file: "f.csv", headers: ["施設名", "対策", "標識"], headerSheetRow: 1, rows: [{ row: 1, sheetRow: 2, cells: ["北公民館", measures, cell] }] },
      policy,
    );
    expect(table("窓口=2 電話=5").facilities[0]!.signs).toEqual({ counter: 2, phone: 5 });
    expect(table("counter:3、phone:0").facilities[0]!.signs).toEqual({ counter: 3, phone: 0 });
    expect(table("4").facilities[0]!.signs).toEqual({ counter: 4, phone: 4 });
    const bad = table("counter=two");
    expect(bad.errors.map((e) => [e.column, e.code])).toEqual([["標識", "FACILITY_BAD_SIGNS"]]);
    expect(formatRowError(bad.errors[0]!, "ja")).toBe("f.csv の 2 行目・「標識」列：標識の数「counter=two」を読めません。「counter=2 phone=5」（窓口=2 電話=5）のように、窓口の三角柱と電話のシールの数を書いてください。");
    const unrecorded = table("phone=2", "police record-counter");
    expect(unrecorded.errors.map((e) => e.code)).toEqual(["FACILITY_SIGNS_NOT_RECORDED"]);
    expect(formatRowError(unrecorded.errors[0]!, "ja")).toBe("f.csv の 2 行目・「標識」列：電話のシールの数がありますが、この施設の対策に「record-phone」（電話の録音）がありません。対策に「record-phone」を足すか、標識の数を消してください。");
    expect(formatRowError(unrecorded.errors[0]!, "en")).toBe("f.csv, row 2, column 標識: phone stickers are asked for, but the facility's measures do not include record-phone: add it or remove the number");
  });

  it("a row's own title and stance are checked like the policy's texts", () => {
    const { facilities, errors } = parseFacilityTable(
      { file: "f.csv", headers: ["施設名", "対策", "表題", "基本姿勢"], rows: [{ row: 1, cells: ["市民病院", "police", "病院の基本方針", "当院は、\n真摯に対応します。"] }, { row: 2, cells: ["北病院", "police", "病院の\uFFFD方針", ""] }] },
      policy,
    );
    expect(facilities[0]).toMatchObject({ title: "病院の基本方針", stance: "当院は、真摯に対応します。" });
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, "表題", "FACILITY_TEXT_GARBLED"]]);
    expect(formatMessage(errors[0]!, "ja")).toBe("読めなかった文字の印（U+FFFD「�」）があります。文字化けしています。元のファイルを使うか、このセルを打ち直してください。");
  });

  it("a row's own policy file is read from the list's folder and checks that row's measures and languages", async () => {
    const folder = join(work, "city");
    mkdirSync(join(folder, "policies"), { recursive: true });
    writeFileSync(join(folder, "policies", "hospital.yaml"), HOSPITAL_POLICY);
    writeFileSync(join(folder, "list.csv"), "施設名,対策,言語,方針ファイル\n市民病院,police pairs,ja,policies/hospital.yaml\n市民病院 南,police record-phone,ja,policies/hospital.yaml\n北公民館,police record-phone,ja,\n");
    const { facilities, errors } = await readFacilities(join(folder, "list.csv"), { policy });
    expect(facilities.map((f) => [f.name, f.policyFile, f.policy?.issuer ?? null])).toEqual([
      ["市民病院", "policies/hospital.yaml", "地方独立行政法人みどり市民病院"],
      ["北公民館", null, null],
    ]);
    // The hospital's policy words no phone recording: that row is checked against it, not against the city's.
    expect(errors.map((e) => [e.sheetRow, e.column, e.code])).toEqual([[3, "対策", "FACILITY_MEASURE_NOT_IN_POLICY"]]);
  });

  it.each([
    ["/etc/nafuda/policy.yaml"],
    ["../policy.yaml"],
    ["policies/../../policy.yaml"],
    ["C:\\city\\policy.yaml"],
    ["..\\policy.yaml"],
    ["~/policy.yaml"],
  ])("a policy file %s outside the list's folder is refused before it is read", async (name) => {
    expect(policyFileNameProblem(name)?.code).toBe("FACILITY_POLICY_OUTSIDE");
    const folder = mkdtempSync(join(work, "outside-"));
    writeFileSync(join(folder, "list.csv"), `施設名,対策,方針ファイル\n市民病院,police,${name.includes(",") ? `"${name}"` : name}\n`);
    const { facilities, errors } = await readFacilities(join(folder, "list.csv"), { policy });
    expect(facilities).toEqual([]);
    expect(errors.map((e) => [e.column, e.code])).toEqual([["方針ファイル", "FACILITY_POLICY_OUTSIDE"]]);
    expect(formatRowError(errors[0]!, "ja")).toContain(`方針ファイル「${name}」は施設一覧のフォルダーの外を指すため、読みません。`);
  });

  it("a link that leads out of the folder is refused too; a missing or broken policy file is named with its problems", async () => {
    const folder = join(work, "links");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(work, "secret.yaml"), HOSPITAL_POLICY);
    symlinkSync(join(work, "secret.yaml"), join(folder, "hospital.yaml"));
    writeFileSync(join(folder, "broken.yaml"), HOSPITAL_POLICY.replace("stance:", "stnace:"));
    writeFileSync(join(folder, "list.csv"), "施設名,対策,方針ファイル\n市民病院,police,hospital.yaml\n南病院,police,missing.yaml\n北病院,police,broken.yaml\n東病院,police,notes.txt\n");
    const { errors } = await readFacilities(join(folder, "list.csv"), { policy });
    expect(errors.map((e) => [e.sheetRow, e.code])).toEqual([
      [2, "FACILITY_POLICY_OUTSIDE"],
      [3, "FACILITY_POLICY_UNUSABLE"],
      [4, "FACILITY_POLICY_UNUSABLE"],
      [5, "FACILITY_POLICY_NOT_YAML"],
    ]);
    expect(formatRowError(errors[1]!, "ja")).toMatch(/^.*list\.csv の 3 行目・「方針ファイル」列：この行の方針ファイル「missing\.yaml」を使えません（.*missing\.yaml：ファイルがありません。.*）。方針ファイルを直してください。$/);
    expect(formatRowError(errors[2]!, "ja")).toContain("broken.yaml の 4 行目・「stnace」：「stnace」という項目はありません。");
    expect(formatRowError(errors[2]!, "en")).toMatch(/the policy file "broken\.yaml" named in this row cannot be used \(.*unknown key "stnace"/);
  });

  it("from bytes (the web page), a policy file is one of the uploaded files, or the row says to choose it", async () => {
    const csv = new TextEncoder().encode("施設名,対策,方針ファイル\n市民病院,police,hospital.yaml\n");
    const without = await readFacilities(csv, { fileName: "list.csv", policy });
    expect(without.errors.map((e) => e.code)).toEqual(["FACILITY_POLICY_NOT_GIVEN"]);
    expect(formatRowError(without.errors[0]!, "ja")).toBe("list.csv の 2 行目・「方針ファイル」列：この行の方針ファイル「hospital.yaml」がありません。施設一覧と一緒に、そのファイルも選んでください。");
    const resolvePolicy = uploadedPolicyResolver([{ name: "hospital.yaml", bytes: new TextEncoder().encode(HOSPITAL_POLICY) }]);
    const withFile = await readFacilities(csv, { fileName: "list.csv", policy, resolvePolicy });
    expect(withFile.errors).toEqual([]);
    expect(withFile.facilities[0]!.policy?.title).toBe("カスタマーハラスメントに対する病院の基本方針");
  });
});
