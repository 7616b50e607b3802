import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StaffReading, StaffRecord } from "../src/model.js";
import { packageRoot } from "../src/package-root.js";
import { romanize } from "../src/romaji/romanize.js";

const root = packageRoot();

const DEPARTMENTS = [
  "総務部 総務課", "総務部 人事課", "総務部 財政課", "企画部 企画政策課", "企画部 デジタル推進課", "市民部 市民課",
  "市民部 保険年金課", "市民部 税務課", "市民部 収納課", "福祉部 福祉総務課", "福祉部 障がい福祉課", "福祉部 介護保険課",
  "子ども未来部 子育て支援課", "子ども未来部 保育幼稚園課", "健康部 健康づくり課", "環境部 環境政策課", "環境部 ごみ減量推進課",
  "産業部 商工観光課", "産業部 農林水産課", "建設部 道路課", "建設部 都市計画課", "建設部 建築住宅課", "上下水道局 経営総務課",
  "教育委員会 学校教育課", "教育委員会 生涯学習課", "議会事務局", "会計課", "選挙管理委員会事務局", "消防本部 予防課",
];

/** N synthetic staff: the 1,500 commonest surnames (bench/data/surnames-devset.tsv), passport romaji, 29 sections. */
export function syntheticStaff(count: number): StaffReading[] {
  const rows = readFileSync(join(root, "bench", "data", "surnames-devset.tsv"), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .slice(1)
    .map((line) => line.split("\t"));
  const surnames = rows.map(([, surname, accepted]) => ({ surname: surname!, kana: accepted!.split(" ")[0]! }));
  // A few long ones, so fitting has work to do.
  surnames.push(
    { surname: "勅使河原", kana: "てしがわら" },
    { surname: "左衛門三郎", kana: "さえもんさぶろう" },
    { surname: "東坊城", kana: "ひがしぼうじょう" },
    { surname: "小鳥遊", kana: "たかなし" },
  );
  const romaji = new Map<string, string>();
  const staff: StaffReading[] = [];
  for (let i = 0; i < count; i++) {
    const pick = surnames[(i * 7919) % surnames.length]!;
    let r = romaji.get(pick.kana);
    if (r === undefined) romaji.set(pick.kana, (r = romanize(pick.kana)));
    const department = DEPARTMENTS[(i * 31) % DEPARTMENTS.length]!;
    const record: StaffRecord = {
      row: i + 1,
      sheetRow: i + 2,
      id: String(100000 + i),
      name: `${pick.surname}　太郎`,
      surname: pick.surname,
      given: "太郎",
      nameReading: null,
      surnameReading: pick.kana,
      romaji: null,
      department,
      facility: null,
      title: null,
      fields: { 所属: department },
    };
    staff.push({ row: i + 1, sheetRow: i + 2, id: record.id, name: record.name, surname: pick.surname, kana: pick.kana, romaji: r, source: "roster", review: false, reasons: [], alternatives: [], record });
  }
  return staff;
}

