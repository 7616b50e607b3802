import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/messages/message.js";
import { COLUMN_ALIASES, COLUMN_ROLES, mapColumns, roleOfHeader, type ColumnRole } from "../../src/roster/columns.js";

describe("roleOfHeader", () => {
  const cases: [header: string, role: ColumnRole | null][] = [
    ["職員番号", "id"], ["社員番号", "id"], ["番号", "id"], ["ID", "id"], ["ＩＤ", "id"], ["Staff ID", "id"], ["staff_id", "id"], ["STAFF-ID", "id"],
    ["氏名", "name"], ["名前", "name"], ["Name", "name"], ["FULL NAME", "name"], ["Full　Name", "name"], ["氏名（漢字）", "name"], [" 氏 名 ", "name"],
    ["姓", "surname"], ["苗字", "surname"], ["名字", "surname"], ["Surname", "surname"], ["Family Name", "surname"], ["last_name", "surname"],
    ["名", "given"], ["Given", "given"], ["Given Name", "given"], ["First Name", "given"],
    ["フリガナ", "nameReading"], ["ﾌﾘｶﾞﾅ", "nameReading"], ["ふりがな", "nameReading"], ["カナ", "nameReading"], ["かな", "nameReading"], ["よみ", "nameReading"],
    ["読み", "nameReading"], ["氏名フリガナ", "nameReading"], ["カナ氏名", "nameReading"], ["Reading", "nameReading"], ["氏名（フリガナ）", "nameReading"],
    ["姓フリガナ", "surnameReading"], ["セイ", "surnameReading"], ["ｾｲ", "surnameReading"], ["姓カナ", "surnameReading"], ["姓よみ", "surnameReading"],
    ["Surname Reading", "surnameReading"], ["姓(カナ)", "surnameReading"],
    ["ローマ字", "romaji"], ["Romaji", "romaji"], ["姓ローマ字", "romaji"],
    ["所属", "department"], ["部署", "department"], ["課", "department"], ["所属課", "department"], ["Department", "department"],
    ["施設", "facility"], ["施設名", "facility"], ["勤務地", "facility"], ["Facility", "facility"],
    ["役職", "title"], ["職名", "title"], ["Title", "title"],
    ["備考", null], ["メールアドレス", null], ["", null], ["（漢字）", null], ["名カナ", null],
  ];
  it.each(cases)("%s → %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it("every alias in the table maps to its own role", () => {
    for (const role of COLUMN_ROLES) for (const alias of COLUMN_ALIASES[role]) expect(roleOfHeader(alias), alias).toBe(role);
  });
});

describe("mapColumns", () => {
  it("finds each role and keeps the unknown columns", () => {
    const map = mapColumns(["No.", "職員番号", "氏名", "フリガナ", "所属", "施設", "役職", "内線"]);
    expect(map.roles).toEqual({ id: 1, name: 2, nameReading: 3, department: 4, facility: 5, title: 6 });
    expect(map.unknown).toEqual([0, 7]);
    expect(map.notes).toEqual([]);
  });

  it("English headers", () => {
    expect(mapColumns(["Staff ID", "Last Name", "First Name", "Surname Reading", "Dept", "Title"]).roles).toEqual({
      id: 0, surname: 1, given: 2, surnameReading: 3, department: 4, title: 5,
    });
  });

  it("two headers for one role: the first wins and a note says which", () => {
    const map = mapColumns(["氏名", "名前", "所属"]);
    expect(map.roles.name).toBe(0);
    expect(map.ignored).toEqual([{ index: 1, role: "name" }]);
    expect(map.notes).toHaveLength(1);
    expect(map.notes[0]).toMatchObject({ code: "NOTE_TWO_COLUMNS_FOR_ROLE" });
    expect(formatMessage(map.notes[0]!, "en")).toMatch(/"氏名" \(column 1\) and "名前" \(column 2\).*"氏名" is used/u);
  });
});
