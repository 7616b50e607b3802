import type { StaffReading, StaffRecord } from "../../src/model.js";

/** A StaffReading for tests. */
export function staff(row: number, surname: string, kana: string, romaji: string, department: string | null, extra: Partial<StaffRecord> = {}): StaffReading {
  const fields: Record<string, string> = { 氏名: `${surname}　太郎` };
  if (department !== null) fields["所属"] = department;
  const record: StaffRecord = {
    row,
    sheetRow: row + 1,
    id: String(1000 + row),
    name: `${surname}　太郎`,
    surname,
    given: "太郎",
    nameReading: null,
    surnameReading: null,
    romaji: null,
    department,
    facility: null,
    title: null,
    fields,
    ...extra,
  };
  return { row, sheetRow: record.sheetRow, id: record.id, name: record.name, surname, kana, romaji, source: "roster", review: false, reasons: [], alternatives: [], record };
}

export const SAMPLE: StaffReading[] = [
  staff(1, "松野", "まつの", "Matsuno", "総務課"),
  staff(2, "勅使河原", "てしがわら", "Teshigawara", "市民課"),
  staff(3, "左衛門三郎", "さえもんさぶろう", "Saemonsaburo", "総務課"),
  staff(4, "髙橋", "たかはし", "Takahashi", "子ども未来部 子育て支援課 保育・幼稚園係"),
  staff(5, "山﨑", "やまざき", "Yamazaki", "市民課"),
  staff(6, "林", "はやし", "Hayashi", null),
  staff(7, "小鳥遊", "たかなし", "Takanashi", "総務課"),
  staff(8, "伊藤", "いとう", "Ito", "税務課"),
  staff(9, "大野", "おおの", "Ono", "税務課"),
  staff(10, "五十嵐", "いがらし", "Igarashi", "税務課"),
  staff(11, "東海林", "しょうじ", "Shoji", "市民課"),
];
