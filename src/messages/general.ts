import { entry } from "./entry.js";

/** Wording shared by every area: places, lists, byte sizes. */
export const GENERAL_MESSAGES = {
  TEXT_PLACE: entry<{ file?: string; sheetRow?: number; item?: number; dataRow?: number; column?: string; key?: string; line?: number }>(
    "text",
    (p) => {
      const parts: string[] = [];
      if (p.sheetRow !== undefined) parts.push(`${p.sheetRow} 行目`);
      if (p.item !== undefined) parts.push(`${p.item} 件目`);
      if (p.dataRow !== undefined) parts.push(`データの ${p.dataRow} 行目（見出しの次の行を 1 として）`);
      if (p.line !== undefined) parts.push(`${p.line} 行目`);
      if (p.column !== undefined) parts.push(`「${p.column}」列`);
      if (p.key !== undefined) parts.push(`「${p.key}」`);
      const where = parts.join("・");
      return p.file !== undefined ? (where ? `${p.file} の ${where}` : p.file) : where;
    },
    (p) => {
      const parts: string[] = [];
      if (p.file !== undefined) parts.push(p.file);
      if (p.sheetRow !== undefined) parts.push(`row ${p.sheetRow}`);
      if (p.item !== undefined) parts.push(`item ${p.item}`);
      if (p.dataRow !== undefined) parts.push(`data row ${p.dataRow} (1 = the row after the header)`);
      if (p.line !== undefined) parts.push(`line ${p.line}`);
      if (p.column !== undefined) parts.push(`column ${p.column}`);
      if (p.key !== undefined) parts.push(`key ${p.key}`);
      return parts.join(", ");
    },
  ),
  TEXT_PLACED: entry<{ where: string; text: string }>("text", (p) => `${p.where}：${p.text}`, (p) => `${p.where}: ${p.text}`),
  TEXT_DID_YOU_MEAN: entry<{ word: string }>("text", (p) => `「${p.word}」の書き間違いではありませんか。`, (p) => `Did you mean "${p.word}"?`),
  TEXT_AND_MORE: entry<{ count: number }>("text", (p) => `ほか ${p.count} 件`, (p) => `and ${p.count} more`),
  TEXT_NONE: entry("text", () => "なし", () => "none"),
} as const;

/** 1,234,567 bytes → "1.2 MB" (both languages write sizes the same way). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
