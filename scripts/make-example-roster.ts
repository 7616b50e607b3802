/**
 * Writes the bundled example roster of あおば市 (架空市: a fictional city; every person is invented)
 * in the three shapes general affairs departments keep it:
 *
 *   examples/roster.csv        Shift_JIS (CP932), CRLF — what Japanese Excel saves as "CSV (コンマ区切り)"
 *   examples/roster-utf8.csv   UTF-8 with BOM, CRLF  — Excel's "CSV UTF-8 (コンマ区切り)"
 *   examples/roster.xlsx       an Excel workbook, 職員番号 stored as text so 00101 keeps its zeros
 *
 * Run with: npx tsx scripts/make-example-roster.ts
 *
 * The surnames exercise the readings: surname readings (東海林 ショウジ, 小鳥遊 タカナシ), variant kanji
 * that CP932 holds (髙 﨑 齋 邊), one kanji with two readings in the same roster (菅 スガ/カン, 中島
 * ナカジマ/ナカシマ), names written without a space (佐藤花子), and eight rows with no フリガナ.
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import writeExcelFile from "write-excel-file/node";
import { writeFileAtomic } from "../src/io/atomic-write.js";
import { encodeText } from "../src/roster/encode-text.js";

export const EXAMPLE_HEADERS = ["職員番号", "氏名", "フリガナ", "所属", "施設", "役職"] as const;

/** surname, given name, their readings, 所属, 施設, 役職, and how the row is written. */
export type Person = [surname: string, given: string, surnameKana: string, givenKana: string, department: string, facility: string, title: string, style?: Style];
/** "nospace": 氏名 without a space; "flat": フリガナ without a space; "noreading": フリガナ left empty. */
type Style = "nospace" | "flat" | "nospace flat" | "noreading";

export const PEOPLE: Person[] = [
  ["佐藤", "花子", "サトウ", "ハナコ", "総務課", "本庁舎", "主事", "nospace flat"],
  ["伊藤", "健太", "イトウ", "ケンタ", "総務課", "本庁舎", "主任"],
  ["加藤", "美咲", "カトウ", "ミサキ", "総務課", "本庁舎", "係長"],
  ["大野", "直樹", "オオノ", "ナオキ", "総務課", "本庁舎", "課長"],
  ["井上", "裕子", "イノウエ", "ユウコ", "市民課", "本庁舎", "主事"],
  ["大内", "誠", "オオウチ", "マコト", "市民課", "本庁舎", "主査"],
  ["横尾", "由美", "ヨコオ", "ユミ", "市民課", "本庁舎", "係長"],
  ["飯田", "拓也", "イイダ", "タクヤ", "市民課", "本庁舎", "主事"],
  ["服部", "彩", "ハットリ", "アヤ", "税務課", "本庁舎", "主任"],
  ["本間", "和也", "ホンマ", "カズヤ", "税務課", "本庁舎", "課長補佐"],
  ["難波", "智子", "ナンバ", "トモコ", "税務課", "本庁舎", "主事"],
  ["三瓶", "浩二", "サンペイ", "コウジ", "福祉課", "本庁舎", "係長"],
  ["松浦", "香織", "マツウラ", "カオリ", "福祉課", "本庁舎", "主事"],
  ["東海林", "早苗", "ショウジ", "サナエ", "福祉課", "本庁舎", "主査", "noreading"],
  ["小鳥遊", "ひなた", "タカナシ", "ヒナタ", "子育て支援課", "本庁舎", "主事", "nospace"],
  ["勅使河原", "恵", "テシガワラ", "メグミ", "子育て支援課", "本庁舎", "課長", "nospace"],
  ["長谷川", "亮", "ハセガワ", "リョウ", "子育て支援課", "ひかり保育園", "保育士"],
  ["一色", "真由美", "イッシキ", "マユミ", "子育て支援課", "ひかり保育園", "園長", "noreading"],
  ["菅", "涼子", "スガ", "リョウコ", "市民病院", "市民病院", "看護師"],
  ["菅", "陽平", "カン", "ヨウヘイ", "市民病院", "市民病院", "係長"],
  ["中島", "隆", "ナカジマ", "タカシ", "市民病院", "市民病院", "主任", "noreading"],
  ["中島", "舞", "ナカシマ", "マイ", "市民病院", "市民病院", "看護師"],
  ["髙橋", "健一", "タカハシ", "ケンイチ", "市民病院", "市民病院", "看護師長", "noreading"],
  ["山﨑", "聡", "ヤマザキ", "サトシ", "市民病院", "市民病院", "主事"],
  ["齋藤", "綾香", "サイトウ", "アヤカ", "市民病院", "市民病院", "看護師"],
  ["渡邊", "修", "ワタナベ", "オサム", "市民病院", "市民病院", "課長"],
  ["松野", "愛", "マツノ", "アイ", "図書館", "中央図書館", "司書", "noreading"],
  ["鈴木", "大輔", "スズキ", "ダイスケ", "図書館", "中央図書館", "館長", "noreading"],
  ["田中", "一郎", "タナカ", "イチロウ", "図書館", "中央図書館", "主事", "nospace flat"],
  ["高橋", "千尋", "タカハシ", "チヒロ", "図書館", "中央図書館", "司書"],
  ["山崎", "悠斗", "ヤマザキ", "ユウト", "生涯学習課", "北公民館", "主事"],
  ["斎藤", "結衣", "サイトウ", "ユイ", "生涯学習課", "北公民館", "主任"],
  ["渡辺", "蓮", "ワタナベ", "レン", "生涯学習課", "南公民館", "主事"],
  ["山本", "翔太", "ヤマモト", "ショウタ", "生涯学習課", "南公民館", "主任", "noreading"],
  ["小林", "陽子", "コバヤシ", "ヨウコ", "生涯学習課", "本庁舎", "課長"],
  ["吉田", "達也", "ヨシダ", "タツヤ", "環境課", "清掃センター", "主事"],
  ["山田", "麻衣", "ヤマダ", "マイ", "環境課", "清掃センター", "主任"],
  ["佐々木", "正樹", "ササキ", "マサキ", "環境課", "清掃センター", "係長"],
  ["山口", "奈々", "ヤマグチ", "ナナ", "環境課", "本庁舎", "主事"],
  ["松本", "康弘", "マツモト", "ヤスヒロ", "環境課", "本庁舎", "課長"],
  ["木村", "沙織", "キムラ", "サオリ", "健康推進課", "保健センター", "保健師"],
  ["林", "昌平", "ハヤシ", "ショウヘイ", "健康推進課", "保健センター", "主事", "nospace flat"],
  ["清水", "理恵", "シミズ", "リエ", "健康推進課", "保健センター", "保健師"],
  ["森", "大樹", "モリ", "ダイキ", "健康推進課", "保健センター", "係長"],
  ["池田", "美穂", "イケダ", "ミホ", "税務課", "本庁舎", "主事"],
  ["橋本", "俊介", "ハシモト", "シュンスケ", "税務課", "本庁舎", "主任"],
  ["阿部", "詩織", "アベ", "シオリ", "市民課", "本庁舎", "会計年度任用職員"],
  ["石川", "秀明", "イシカワ", "ヒデアキ", "市民課", "本庁舎", "課長"],
  ["前田", "紀子", "マエダ", "ノリコ", "総務課", "本庁舎", "主査"],
  ["岡田", "雄一", "オカダ", "ユウイチ", "総務課", "本庁舎", "主事"],
  ["後藤", "隼人", "ゴトウ", "ハヤト", "福祉課", "本庁舎", "主事"],
  ["藤田", "桃子", "フジタ", "モモコ", "福祉課", "本庁舎", "主任"],
  ["遠藤", "光", "エンドウ", "ヒカル", "福祉課", "本庁舎", "課長"],
  ["青木", "茜", "アオキ", "アカネ", "図書館", "中央図書館", "司書"],
  ["坂本", "圭介", "サカモト", "ケイスケ", "図書館", "中央図書館", "主任"],
  ["村上", "瑞穂", "ムラカミ", "ミズホ", "市民病院", "市民病院", "看護師"],
  ["太田", "哲也", "オオタ", "テツヤ", "市民病院", "市民病院", "主事"],
  ["金子", "彩花", "カネコ", "アヤカ", "子育て支援課", "ひかり保育園", "保育士"],
  ["藤井", "一輝", "フジイ", "カズキ", "子育て支援課", "本庁舎", "主事"],
  ["福田", "伸治", "フクダ", "シンジ", "上下水道課", "浄水場", "主任"],
  ["西村", "静香", "ニシムラ", "シズカ", "上下水道課", "浄水場", "主事"],
  ["三浦", "洋平", "ミウラ", "ヨウヘイ", "上下水道課", "本庁舎", "課長"],
  ["藤原", "瞳", "フジワラ", "ヒトミ", "税務課", "本庁舎", "係長"],
  ["岡本", "実", "オカモト", "ミノル", "総務課", "本庁舎", "課長補佐"],
  ["中村", "久美子", "ナカムラ", "クミコ", "市民課", "本庁舎", "主任"],
  ["小川", "勝", "オガワ", "マサル", "環境課", "清掃センター", "主事"],
  ["田村", "佳奈", "タムラ", "カナ", "健康推進課", "保健センター", "保健師", "noreading"],
  ["竹内", "賢治", "タケウチ", "ケンジ", "生涯学習課", "北公民館", "主事"],
  ["原田", "真理子", "ハラダ", "マリコ", "市民病院", "市民病院", "看護師"],
  ["小野", "淳", "オノ", "ジュン", "図書館", "中央図書館", "会計年度任用職員"],
  ["長谷川", "文子", "ハセガワ", "フミコ", "福祉課", "本庁舎", "主事", "nospace"],
  ["松田", "浩", "マツダ", "ヒロシ", "上下水道課", "浄水場", "係長"],
];

const SPACE = "\u3000";

/** The example roster as rows of strings, header first. */
export function exampleRosterRows(): string[][] {
  const rows: string[][] = [[...EXAMPLE_HEADERS]];
  PEOPLE.forEach(([surname, given, surnameKana, givenKana, department, facility, title, style = ""], index) => {
    const id = String(101 + index).padStart(5, "0");
    const name = style.includes("nospace") ? surname + given : surname + SPACE + given;
    const reading = style === "noreading" ? "" : style.includes("flat") ? surnameKana + givenKana : surnameKana + SPACE + givenKana;
    rows.push([id, name, reading, department, facility, title]);
  });
  return rows;
}

/** CSV as Excel writes it: a cell is quoted only when it holds a comma, a quote or a line break; CRLF. */
export function toCsv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

export async function writeExampleRosters(folder: string): Promise<string[]> {
  const rows = exampleRosterRows();
  const csv = toCsv(rows);
  const xlsx = await writeExcelFile(
    rows.map((row) => row.map((value) => ({ value, type: String }))),
    { sheet: "職員名簿", columns: [{ width: 10 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 18 }] },
  ).toBuffer();
  const files: [string, Uint8Array][] = [
    ["roster.csv", encodeText(csv, "cp932")],
    ["roster-utf8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])],
    ["roster.xlsx", xlsx],
  ];
  const written: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(folder, name);
    await writeFileAtomic(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = fileURLToPath(new URL("../examples/", import.meta.url));
  const written = await writeExampleRosters(folder);
  console.log(`${PEOPLE.length} staff written to:\n${written.join("\n")}`);
}
