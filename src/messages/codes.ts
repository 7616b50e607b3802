import { CATALOGUE, type Code } from "./catalogue.js";
import type { Entry, MessageKind } from "./entry.js";
import type { Lang } from "./lang.js";

/** A documented code: errors, review reasons, warnings and notes (texts of the interface are not codes). */
export interface CodeDoc {
  code: Code;
  kind: Exclude<MessageKind, "text">;
  /** The wording with its params shown as {name}. */
  ja: string;
  en: string;
}

/** Stands for every param: a text that prints as {name}, and behaves as a one-item list where a list is expected. */
function placeholders(): Record<string, unknown> {
  const stand = (name: string) => {
    const text = `{${name}}`;
    return Object.assign(new String(text), {
      join: () => text,
      map: (f: (item: string, index: number) => unknown) => [f(text, 0)],
      filter: () => [text],
      some: () => true,
      every: () => true,
      includes: () => false,
      toLocaleString: () => text,
    });
  };
  return new Proxy({}, { get: (_, key) => (typeof key === "string" ? stand(key) : undefined) });
}

function wording(entry: Entry<Record<string, unknown>>, lang: Lang): string {
  return entry[lang](placeholders() as never).replace(/\s+/g, " ");
}

/** Every documented code of the catalogue, in catalogue order. */
export function documentedCodes(): CodeDoc[] {
  return (Object.keys(CATALOGUE) as Code[]).flatMap((code) => {
    const entry = CATALOGUE[code] as Entry<Record<string, unknown>>;
    if (entry.kind === "text") return [];
    return [{ code, kind: entry.kind as CodeDoc["kind"], ja: wording(entry, "ja"), en: wording(entry, "en") }];
  });
}

const KIND_HEADINGS: Record<CodeDoc["kind"], string> = {
  error: "Errors (the row or the file cannot be used) / エラー",
  reason: "Review reasons (`reasonCodes`) / 確認が必要な理由",
  warning: "Warnings / 注意",
  note: "Notes / お知らせ",
};

/** The README's table of codes (between its codes:start and codes:end markers), made from the catalogue. */
export function codesMarkdown(): string {
  const docs = documentedCodes();
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const sections = (Object.keys(KIND_HEADINGS) as CodeDoc["kind"][]).map((kind) => {
    const rows = docs.filter((doc) => doc.kind === kind).map((doc) => `| \`${doc.code}\` | ${cell(doc.ja)} |`);
    return [`#### ${KIND_HEADINGS[kind]}`, "", "| code | 日本語の文 (English with --lang en) |", "|---|---|", ...rows].join("\n");
  });
  return sections.join("\n\n");
}
