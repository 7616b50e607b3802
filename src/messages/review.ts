import { entry } from "./entry.js";

/** The review sheet's own words: src/review/. */
export const REVIEW_MESSAGES = {
  SHEET_TITLE: entry<{ roster: string }>(
    "text",
    (p) => `名札の読みの確認シート（${p.roster}）`,
    (p) => `Badge readings to check (${p.roster})`,
  ),
  SHEET_INSTRUCTIONS: entry(
    "text",
    () => "使い方：「要確認」の行を確かめます。読みが違えば「かな」を直し、「要確認」を空にします。候補が正しければ、そのセルを「かな」にコピーします。" +
      "「ローマ字」は空にすると、かなから作り直します。独自のつづり（Ohno など）はそのまま書きます。かなのつづりにならない組み合わせを使うときだけ、「要確認」に「済」と書きます。" +
      "直したら保存し（CSV のままでも Excel ブックでもかまいません）、名札を作るときに確認済みよみファイルとして渡します。行を並べ替えたり消したりしてもかまいません。",
    () => "How to use: check the rows marked 要確認. If a reading is wrong, correct かな and empty 要確認. If a 候補 (candidate) is right, copy that cell into かな. " +
      "Empty ローマ字 to have it spelt from the kana again; write a person's own spelling (Ohno) as it is. Write 済 in 要確認 only for a pair whose romaji does not spell the kana. " +
      "Save (as CSV or as an Excel workbook) and give the file as the confirmed readings when printing badges. Rows may be re-sorted or deleted.",
  ),
  SHEET_INSTRUCTIONS_TAB: entry("text", () => "使い方", () => "How to use"),
  SHEET_TAB: entry("text", () => "確認シート", () => "Readings"),
  SHEET_HELP_ROWS: entry(
    "text",
    () => [
      "1. 「要確認」に「要確認」とある行を確かめます（行の色がついています）。「理由」に、確かめる理由があります。",
      "2. 読みが違うときは「かな」を正しい読み（ひらがな、カタカナでも可）に直し、「要確認」を空にします。",
      "3. 「候補1」〜「候補3」に正しい読みがあれば、そのセルをコピーして「かな」に貼り付けます。",
      "4. 「ローマ字」を空にすると、かなから作り直します。本人のつづり（Ohno、Satoh など）はそのまま書きます。",
      "5. かなのつづりにならないローマ字（本人が決めた特別なつづり）を使うときだけ、「要確認」に「済」と書きます。",
      "「名札の表記」に「カタカナ」と書くと、その人の名札はカタカナ（スミス）で、「ひらがな」と書くとひらがなで印刷します。空欄は市の設定どおりです。",
      "6. 保存します。CSV のままでも、Excel ブック（.xlsx）でもかまいません。行の並べ替え・絞り込み・削除をしてもかまいません。",
      "7. 名札を作るとき、このファイルを「確認済みよみ」として渡します（コマンドでは --overrides、画面では「確認済みよみファイル」）。",
      "職員番号の先頭の 0 が Excel で消えても、照合できます。",
    ].join("\n"),
    () => [
      "1. Check the rows whose 要確認 says 要確認 (they are coloured). 理由 says why.",
      "2. If a reading is wrong, correct かな (hiragana, or katakana) and empty 要確認.",
      "3. If 候補1–候補3 holds the right reading, copy that cell into かな.",
      "4. Empty ローマ字 to have it spelt from the kana; write a person's own spelling (Ohno, Satoh) as it is.",
      "5. Write 済 in 要確認 only when the romaji is a person's own spelling that does not spell the kana.",
      "名札の表記 (printed as): カタカナ prints that person's badge in katakana (スミス), ひらがな in hiragana; empty follows the city's setting.",
      "6. Save, as CSV or as an Excel workbook (.xlsx). Rows may be re-sorted, filtered or deleted.",
      "7. Give this file as the confirmed readings when printing badges (--overrides, or 確認済みよみファイル on the page).",
      "Staff numbers whose leading zeros Excel stripped still match.",
    ].join("\n"),
  ),
  COLUMN_ROSTER_ROW: entry("text", () => "名簿の行", () => "行"),
  COLUMN_ID: entry("text", () => "職員番号", () => "職員番号"),
  COLUMN_NAME: entry("text", () => "氏名", () => "氏名"),
  COLUMN_SURNAME: entry("text", () => "姓", () => "姓"),
  COLUMN_KANA: entry("text", () => "かな", () => "かな"),
  COLUMN_ROMAJI: entry("text", () => "ローマ字", () => "ローマ字"),
  COLUMN_PRINTED_AS: entry("text", () => "名札の表記", () => "名札の表記"),
  COLUMN_REVIEW: entry("text", () => "要確認", () => "要確認"),
  COLUMN_REASONS: entry("text", () => "理由", () => "理由"),
  COLUMN_CANDIDATE: entry<{ n: number }>("text", (p) => `候補${p.n}`, (p) => `候補${p.n}`),
  COLUMN_SOURCE: entry("text", () => "出典", () => "出典"),
  COLUMN_ERROR: entry("text", () => "エラー", () => "エラー"),
  CELL_REVIEW: entry("text", () => "要確認", () => "要確認"),
  CELL_PAIR_CONFIRMED: entry("text", () => "済", () => "済"),
  CELL_KATAKANA: entry("text", () => "カタカナ", () => "カタカナ"),
  CELL_HIRAGANA: entry("text", () => "ひらがな", () => "ひらがな"),
  SOURCE_OVERRIDE: entry("text", () => "確認済み", () => "override"),
  SOURCE_ROSTER: entry("text", () => "名簿", () => "roster"),
  SOURCE_DICTIONARY: entry("text", () => "辞書", () => "dictionary"),
  SOURCE_ANALYZER: entry("text", () => "自動推定", () => "analyzer"),
} as const;
