import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { pageTexts } from "../../src/serve/messages.js";
import { JAPANESE } from "./helpers.js";

/**
 * Every word of the page comes from nafuda's catalogue, so that it can be Japanese or English (?lang=en): the
 * page's script holds no Japanese outside its comments, and its HTML holds Japanese only as the fallback text of
 * an element or attribute that names its catalogue code (data-text, data-aria-label, data-placeholder, data-title,
 * data-alt) — and that fallback is the catalogue's Japanese, word for word. Every code the page uses is sent to it.
 */
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const APP = readFileSync(join(ROOT, "web/app.js"), "utf8");
const HTML = readFileSync(join(ROOT, "web/index.html"), "utf8");
const JA = pageTexts("ja");
const EN = pageTexts("en");

/** The script's tokens as written (strings, templates, regular expressions, names), without its comments. */
export function scriptTokens(source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile("app.js", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const tokens: { text: string; line: number }[] = [];
  const walk = (node: ts.Node) => {
    // A /** … */ comment is parsed as JSDoc, a child of the node it documents: a comment all the same.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(file);
    if (children.length === 0) {
      if (node.kind !== ts.SyntaxKind.EndOfFileToken) tokens.push({ text: node.getText(file), line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
      return;
    }
    children.forEach(walk);
  };
  walk(file);
  return tokens;
}

/** Japanese in the script outside its comments, with its line. */
export function japaneseInScript(source: string): string[] {
  return scriptTokens(source).filter((token) => JAPANESE.test(token.text)).map((token) => `line ${token.line}: ${token.text}`);
}

const VOID = new Set(["meta", "link", "input", "br", "img", "col", "hr", "source", "wbr", "area", "base", "track"]);
/** Attributes a person reads, and the attribute that names each one's catalogue code. */
const READ_ATTRIBUTES: Record<string, string> = { "aria-label": "data-aria-label", placeholder: "data-placeholder", title: "data-title", alt: "data-alt" };

interface Element {
  tag: string;
  attrs: Map<string, string>;
  /** Its own text: its text nodes, and {name} for each child marked data-param="name". */
  own: string;
  line: number;
}

/**
 * What is wrong with the HTML's words: Japanese text whose element names no catalogue code (data-text), Japanese in
 * an attribute without its data-… code, and fallbacks that are not the catalogue's Japanese. Also every code used.
 */
export function checkHtml(html: string, ja: Record<string, string>): { problems: string[]; codes: string[] } {
  const problems: string[] = [];
  const codes: string[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " "));
  const stack: Element[] = [];
  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  const close = (element: Element) => {
    const code = element.attrs.get("data-text");
    if (code === undefined) return;
    codes.push(code);
    const own = element.own.replace(/\s+/g, " ").trim();
    // An element left empty in the HTML (the posters tab's) has no fallback to compare.
    if (own !== "" && own !== (ja[code] ?? "").replace(/\s+/g, " ").trim()) problems.push(`line ${element.line}: <${element.tag} data-text="${code}"> holds 「${own}」, the catalogue says 「${ja[code]}」`);
  };
  const tagPattern = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  const text = (from: number, to: number) => {
    const chunk = source.slice(from, to);
    const parent = stack[stack.length - 1];
    if (parent) parent.own += chunk;
    if (!JAPANESE.test(chunk)) return;
    // The language switch names each language in that language (日本語 on the English page too).
    if (parent && (parent.attrs.has("data-text") || (parent.tag === "a" && parent.attrs.has("data-lang") && parent.attrs.get("lang") === parent.attrs.get("data-lang")))) return;
    problems.push(`line ${lineAt(from)}: 「${chunk.trim()}」 is in <${parent?.tag ?? "document"}> without data-text`);
  };
  for (const match of source.matchAll(tagPattern)) {
    text(last, match.index);
    last = match.index + match[0].length;
    const [, closing, rawTag, rawAttrs] = match;
    const tag = rawTag!.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at < 0) problems.push(`line ${lineAt(match.index)}: </${tag}> closes nothing`);
      else for (const element of stack.splice(at)) close(element);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const attr of rawAttrs!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs.set(attr[1]!.toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? "");
    const element: Element = { tag, attrs, own: "", line: lineAt(match.index) };
    for (const [name, value] of attrs) {
      if (!JAPANESE.test(value)) continue;
      const codeAttr = READ_ATTRIBUTES[name];
      const code = codeAttr ? attrs.get(codeAttr) : undefined;
      if (code === undefined) problems.push(`line ${element.line}: ${name}="${value}" on <${tag}> without ${codeAttr ?? "a catalogue code (this attribute is not read from the catalogue)"}`);
      else if (value !== ja[code]) problems.push(`line ${element.line}: ${name}="${value}", the catalogue's ${code} says 「${ja[code]}」`);
    }
    for (const codeAttr of Object.values(READ_ATTRIBUTES)) if (attrs.has(codeAttr)) codes.push(attrs.get(codeAttr)!);
    const parent = stack[stack.length - 1];
    if (parent && attrs.has("data-param")) parent.own += `{${attrs.get("data-param")}}`;
    else if (parent && parent.attrs.has("data-text")) problems.push(`line ${element.line}: <${tag}> inside <${parent.tag} data-text="${parent.attrs.get("data-text")}"> without data-param: the text would replace it`);
    if (!VOID.has(tag) && !match[4]) stack.push(element);
  }
  text(last, source.length);
  for (const element of stack.splice(0)) close(element);
  return { problems, codes };
}

/** The catalogue codes the script names: t("…"), and the codes it keeps in tables or puts in data-text. */
function scriptCodes(source: string): string[] {
  return scriptTokens(source).map((token) => /^["'`]((?:NOTE_SERVE|SERVE_PAGE)_[A-Z0-9_]+)["'`]$/.exec(token.text)?.[1]).filter((code): code is string => code !== undefined);
}

describe("the page's words are the catalogue's (web/index.html, web/app.js)", () => {
  it("app.js holds no Japanese outside its comments", () => {
    expect(japaneseInScript(APP)).toEqual([]);
  });

  it("the rule for app.js can fail: a Japanese string, template or regular expression is found, a comment is not", () => {
    expect(japaneseInScript('// 名簿を選ぶ\n/** 「くわしい内容」 */\nconst a = "OK";')).toEqual([]);
    expect(japaneseInScript('const a = "名簿を選ぶ";')).toEqual(['line 1: "名簿を選ぶ"']);
    expect(japaneseInScript("const a = `${n} 人`;\nconst b = 1;")).toHaveLength(1);
    expect(japaneseInScript("const a = x.split(/[,、]/); // 、")).toEqual(["line 1: /[,、]/"]);
    expect(japaneseInScript('el("p", { "aria-label": `（${x}）` });')).toEqual(["line 1: `（${", "line 1: }）`"]);
    // The page's own script with one literal put back is caught, at its line.
    const line = APP.split("\n").findIndex((text) => text.includes('t("SERVE_PAGE_TOO_MANY_FILES")'));
    const broken = APP.replace('t("SERVE_PAGE_TOO_MANY_FILES")', '"ファイルは 2 つまで選べます。"');
    expect(japaneseInScript(broken)).toEqual([`line ${line + 1}: "ファイルは 2 つまで選べます。"`]);
  });

  it("index.html holds Japanese only as the fallback of an element or attribute with its catalogue code, and that fallback is the catalogue's Japanese", () => {
    expect(checkHtml(HTML, JA).problems).toEqual([]);
  });

  it("the rule for index.html can fail: text or an attribute without its code, a fallback that differs, an element a text would replace", () => {
    const check = (html: string) => checkHtml(html, { SERVE_PAGE_STEP_ROSTER: "名簿を選ぶ", SERVE_PAGE_SEARCH_PLACEHOLDER: "検索", SERVE_PAGE_LOCAL_NOTE: "中だけ{long}。" }).problems;
    expect(check('<p data-text="SERVE_PAGE_STEP_ROSTER">名簿を選ぶ</p><!-- 名簿 -->')).toEqual([]);
    expect(check('<p>名簿を選ぶ</p>')).toHaveLength(1);
    expect(check('<p data-text="SERVE_PAGE_STEP_ROSTER">名簿をえらぶ</p>')).toHaveLength(1);
    expect(check('<p data-text="SERVE_PAGE_STEP_ROSTER"><span>名簿</span>を選ぶ</p>').length).toBeGreaterThan(0);
    expect(check('<input placeholder="検索">')).toHaveLength(1);
    expect(check('<input placeholder="検索" data-placeholder="SERVE_PAGE_SEARCH_PLACEHOLDER">')).toEqual([]);
    expect(check('<input value="検索" data-placeholder="SERVE_PAGE_SEARCH_PLACEHOLDER">')).toHaveLength(1);
    expect(check('<p data-text="SERVE_PAGE_LOCAL_NOTE">中だけ<span data-param="long">あ</span>。</p>')).toHaveLength(1); // the span's あ has no code
    expect(check('<p data-text="SERVE_PAGE_LOCAL_NOTE">中だけ<span data-param="long" data-text="SERVE_PAGE_STEP_ROSTER">名簿を選ぶ</span>。</p>')).toEqual([]);
    expect(check('<a href="?lang=ja" lang="ja" data-lang="ja">日本語</a>')).toEqual([]);
    expect(check('<a href="?lang=ja" lang="en" data-lang="ja">日本語</a>')).toHaveLength(1);
    // The page's own HTML with one element's code taken away is caught.
    expect(checkHtml(HTML.replace(' data-text="SERVE_PAGE_BADGES_TAB"', ""), JA).problems).toEqual([expect.stringContaining("名札（読みの確認と印刷）")]);
    expect(checkHtml(HTML.replace(' data-aria-label="SERVE_PAGE_TABLE_LABEL"', ""), JA).problems).toEqual([expect.stringContaining("aria-label=")]);
  });

  it("every code the page uses is sent to it by /api/info in both languages, worded differently", () => {
    const codes = [...new Set([...checkHtml(HTML, JA).codes, ...scriptCodes(APP)])];
    expect(codes.length).toBeGreaterThan(200);
    expect(codes.filter((code) => !(code in JA) || !(code in EN))).toEqual([]);
    // English is English: no Japanese but values quoted from Japanese files (a column's name, an example's 令和).
    const japaneseEnglish = codes.filter((code) => /[ぁ-んァ-ヶ一-龠]/.test(EN[code]!) && !/[A-Za-z]/.test(EN[code]!));
    expect(japaneseEnglish).toEqual([]);
    expect(codes.filter((code) => JA[code] === EN[code])).toEqual([]);
  });
});
