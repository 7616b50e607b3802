import type { RowError } from "../model.js";
import { formatMessage } from "../messages/message.js";
import type { PolicyIssue } from "../posters/policy.js";

/**
 * Plain-Japanese wording for the page. The library's messages say where and what to do, mostly in English for
 * the command line; the page shows a Japanese sentence first and keeps the library's message as the detail.
 * Messages with no known wording are shown as they are.
 */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/no column holds the staff names\. The header row has: (.*?)\. Name the column/s, (m) =>
    `名前の列が見つかりません。見出しの行に「氏名」という列が必要です（いまの見出し：${m[1]}）。Excel で見出しを「氏名」に直して保存し、もう一度選んでください。姓と名が別の列なら「姓」「名」と書いてください。`],
  [/old-style \.xls files cannot be read|old-style Excel workbook \(\.xls\)|password-protected workbook/, () =>
    "古い形式の Excel ファイル（.xls）か、パスワード付きのファイルは読めません。Excel で開き、パスワードを外して、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから、もう一度選んでください。"],
  [/the name ends in (\.\w+) but the file is not an Excel workbook/, (m) =>
    `ファイル名は ${m[1]} ですが、中身は Excel ではありません（CSV の名前を変えたものかもしれません）。本当の拡張子（.csv）に戻すか、Excel で開いて「Excel ブック (*.xlsx)」で保存し直してください。`],
  [/not an Excel workbook|the Excel workbook cannot be read/, () =>
    "Excel ファイル（.xlsx）として読めませんでした。ファイルが壊れているか、中身が Excel ではない可能性があります。Excel で開いて保存し直すか、CSV で保存してください。"],
  [/cannot be read as (CSV|TSV|JSON)/i, (m) =>
    `ファイルを ${m[1]!.toUpperCase()} として読めませんでした。Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直してから、もう一度選んでください。`],
  [/no sheet named "(.*?)"/, (m) => `「${m[1]}」という名前のシートがありません。`],
  [/has no header row and no data|it is empty/, () => "ファイルが空です。名簿の入ったファイルを選んでください。"],
  [/the name is empty/, () => "氏名が空です。名簿のこの行に氏名を入れるか、行を削除してください。"],
  [/no reading for the surname (\S+?):/, (m) => `「${m[1]}」の読みがわかりません。かなの欄に、ひらがなで読みを入れてください。`],
  [/the reading of (\S+) is not all kana \((.*?)\)/, (m) => `「${m[1]}」の読み（${m[2]}）がひらがなになっていません。かなの欄に、ひらがなで入れ直してください。`],
  [/「(.*?)」 is not kana/, (m) => `「${m[1]}」はかなではありません。姓の読みをひらがなで入れてください。`],
  [/the font (\S+) has no glyph for (.*?)(?: — |;|$)/, (m) =>
    `名札の書体（${m[1]}）にない文字があります：${m[2]}。名簿の文字を一般的な字体に直すか、別の書体のテンプレートを選んでください。`],
  [/is condensed to (\d+)% at ([\d.]+) pt/, (m) => `文字が長いため、横幅を ${m[1]}%、${m[2]} ポイントまで縮めて入れています。読みやすいか確かめてください。`],
  [/a confirmed readings file needs a かな \(kana\) column/, () =>
    "確認シートとして読めません。「かな」の列と、「職員番号」または「氏名」の列が必要です。nafuda で作った確認シートを選んでください。"],
  [/neither 職員番号 nor 氏名/, () => "職員番号も氏名もないため、だれの読みかわかりません。どちらかを入れてください。"],
  [/no facility name column/, () => "施設名の列が見つかりません。見出しの行に「施設名」という列を作ってください。"],
  [/^unknown key "(.*?)"(?: \(did you mean "(.*?)"\?\))?/, (m) =>
    `「${m[1]}」という項目はありません${m[2] ? `。「${m[2]}」の書き間違いではありませんか` : ""}。`],
  [/^"(.*?)" is required/, (m) => `「${m[1]}」がありません。この項目は必ず書いてください。`],
  [/unknown column "(.*?)"(.*?); it is ignored/, (m) => `「${m[1]}」という列は使いません（無視します）${m[2] ? `。${m[2].replace(/^[\s;:,—-]+/, "")}` : ""}`],
];

/** The Japanese wording of a library message, or the message itself. */
export function japanese(message: string): string {
  for (const [pattern, wording] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return wording(match);
  }
  return message;
}

/** Where a row error is, in words: "名簿の 12 行目（見出しの次を 1 行目として）・「フリガナ」列". */
export function rowPlace(error: Pick<RowError, "row" | "column">, what = "名簿"): string {
  const parts: string[] = [];
  if (error.row > 0) parts.push(`${what}の ${error.row} 行目`);
  else parts.push(`${what}ファイル全体`);
  if (error.column) parts.push(`「${error.column}」列`);
  return parts.join("・");
}

export interface PageRowError {
  row: number;
  column: string | null;
  /** The staff member's name, when the row got that far. */
  name: string | null;
  /** Plain Japanese: what is wrong and what to do. */
  message: string;
  /** The library's own message. */
  detail: string;
}

export function pageRowError(error: RowError): PageRowError {
  const text = formatMessage(error, "ja");
  return {
    row: error.row,
    column: error.column ?? null,
    name: error.record?.name ?? null,
    message: japanese(text),
    detail: text,
  };
}

export function policyIssueText(issue: PolicyIssue): string {
  const where = [issue.line ? `${issue.line} 行目` : null, issue.path ? `「${issue.path}」` : null].filter(Boolean).join("・");
  const text = japanese(issue.message);
  return where ? `${where}：${text}` : text;
}

/** An input problem the page can explain: HTTP status, a Japanese sentence, and the library's message. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "PageError";
  }
}
