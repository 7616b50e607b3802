import { closeSync, openSync, writeSync } from "node:fs";

const SURNAMES = [["佐藤", "サトウ"], ["鈴木", "スズキ"], ["高橋", "タカハシ"], ["田中", "タナカ"], ["伊藤", "イトウ"], ["渡辺", "ワタナベ"], ["山本", "ヤマモト"], ["中村", "ナカムラ"], ["小林", "コバヤシ"], ["加藤", "カトウ"], ["吉田", "ヨシダ"], ["山田", "ヤマダ"], ["松野", "マツノ"], ["勅使河原", "テシガワラ"], ["髙橋", "タカハシ"], ["山﨑", "ヤマザキ"]] as const;
const GIVEN = [["花子", "ハナコ"], ["一郎", "イチロウ"], ["健", "ケン"], ["美咲", "ミサキ"], ["翔太", "ショウタ"], ["陽子", "ヨウコ"]] as const;
const DEPARTMENTS = ["総務部総務課庶務係", "市民部市民課窓口係", "福祉部子育て支援課保育係", "建設部道路課維持係", "教育委員会学校教育課"];

/**
 * Writes a fictional HR export of at least `bytes` bytes (UTF-8 with BOM, CRLF) with the columns such exports
 * carry besides the names (dates, addresses, remarks), streaming it so the generator itself stays small.
 * Returns the number of staff rows.
 */
export function generateLargeRoster(path: string, bytes: number): number {
  const fd = openSync(path, "w");
  try {
    let written = writeSync(fd, "\uFEFF職員番号,氏名,フリガナ,所属,施設,役職,生年月日,採用日,住所,電話,メール,備考\r\n");
    let rows = 0;
    let chunk: string[] = [];
    while (written < bytes) {
      const [surname, surnameKana] = SURNAMES[rows % SURNAMES.length]!;
      const [given, givenKana] = GIVEN[(rows * 7) % GIVEN.length]!;
      const id = String(rows + 1).padStart(7, "0");
      chunk.push(
        `${id},${surname}　${given},${surnameKana}　${givenKana},${DEPARTMENTS[rows % DEPARTMENTS.length]},本庁舎東館${(rows % 9) + 1}階,主任主事,` +
          `19${70 + (rows % 30)}-0${(rows % 9) + 1}-1${rows % 10},20${10 + (rows % 15)}-04-01,みどり市中央区本町${(rows % 50) + 1}丁目${(rows % 20) + 1}番地,` +
          `0120-00-${String(rows % 10000).padStart(4, "0")},staff${id}@city.midori.example.jp,"備考: 在籍, 研修受講済み"\r\n`,
      );
      rows++;
      if (chunk.length === 2000) {
        written += writeSync(fd, chunk.join(""));
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join(""));
    return rows;
  } finally {
    closeSync(fd);
  }
}
