import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatMessage } from "../../src/messages/message.js";
import { bundledPath } from "../../src/package-root.js";
import { renderPoster } from "../../src/posters/render.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { formatPolicyIssue, loadPolicy, parsePolicy, PolicyError, type PolicyIssue } from "../../src/posters/policy.js";
import { thrownBy } from "../helpers/errors.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-policy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const minimal = `issuer: みどり市
title: カスタマーハラスメントに対する基本方針
stance: |-
  ご意見には真摯に対応します。
  暴言・暴力には組織として対応します。
conduct:
  - label: 暴力
    text: 殴る、蹴る
measures:
  police: 警察に通報します。
effectiveDate: 2024-11-01
`;

function issuesOf(source: string, file = "policy.yaml"): PolicyIssue[] {
  try {
    parsePolicy(source, file);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error("expected a PolicyError");
}

describe("policy file", () => {
  it("reads the example policy", async () => {
    const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
    expect(policy.issuer).toBe("みどり市");
    expect(policy.conduct.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(policy.measures).sort()).toEqual(["end-conversation", "legal-action", "pairs", "police", "record-counter", "record-phone"]);
    expect(policy.effectiveDate).toEqual({ year: 2024, month: 11, day: 1 });
    expect(policy.panels.en?.measures["record-phone"]).toMatch(/recorded/);
    expect(policy.panels["easy-ja"]?.title).toBeTruthy();
    // Japanese lines of a literal block are joined without spaces.
    expect(policy.stance).not.toMatch(/[ぁ-ん一-龯、。] [ぁ-ん一-龯]/);
  });

  it("reads a minimal policy with defaults, and JSON too", () => {
    const policy = parsePolicy(minimal, "p.yaml");
    expect(policy.stance).toBe("ご意見には真摯に対応します。暴言・暴力には組織として対応します。");
    expect(policy.measures.police).toEqual({ label: "警察への通報", text: "警察に通報します。", from: null, sign: null });
    expect(policy.dateStyle).toBe("era");
    const json = JSON.stringify({ issuer: "x市", title: "t", stance: "s", conduct: [{ label: "a", text: "b" }], measures: { pairs: "p" }, effectiveDate: "2025-04-01" });
    expect(parsePolicy(json, "p.json").effectiveDate).toEqual({ year: 2025, month: 4, day: 1 });
  });

  it("names the file, line and key path of a typo and suggests the nearest key", () => {
    const issues = issuesOf(minimal.replace("stance:", "stnace:").replace("  police:", "  polise:").replace("    text: 殴る", "    txet: 殴る"));
    const where = issues.map((i) => `${i.file}|${i.line}|${i.path}|${i.code}`);
    expect(where).toContain("policy.yaml|3|stnace|POLICY_UNKNOWN_KEY");
    expect(where).toContain("policy.yaml|10|measures.polise|POLICY_UNKNOWN_KEY");
    expect(where).toContain("policy.yaml|8|conduct[0].txet|POLICY_UNKNOWN_KEY");
    const stnace = issues.find((i) => i.path === "stnace")!;
    expect(stnace.params).toMatchObject({ key: "stnace", nearest: "stance" });
    expect(formatPolicyIssue(stnace, "ja")).toBe(
      "policy.yaml の 3 行目・「stnace」：「stnace」という項目はありません。「stance」の書き間違いではありませんか。" +
        "ここで使える項目：「issuer」「title」「stance」「conduct」「measures」「effectiveDate」「signature」「subtitle」「message」「url」「distance」「conductHeading」「measuresHeading」「dateStyle」「contact」「panels」「color」「$schema」。",
    );
    expect(formatPolicyIssue(stnace, "en")).toMatch(/^policy\.yaml, line 3, key stnace: unknown key "stnace" \(did you mean "stance"\?\); valid keys here: issuer, title/);
    expect(formatPolicyIssue(issues.find((i) => i.path === "measures.polise")!, "en")).toMatch(/did you mean "police"/);
    expect(formatPolicyIssue(issues.find((i) => i.path === "conduct[0].txet")!, "en")).toMatch(/did you mean "text"/);
    // The issue's own text (without its place) in the default language, for callers that show it as it is.
    expect(stnace.message).toBe(formatMessage(stnace, "ja"));

    const error = new PolicyError(issues);
    expect(error.code).toBe("POLICY_INVALID");
    expect(error.file).toBe("policy.yaml");
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("policy.yaml：方針ファイルを使えません。次の 5 か所を直してから、もう一度実行してください。");
    expect(lines.slice(1)).toEqual(issues.map((i) => formatPolicyIssue(i, "ja")));
    expect(error.format("en").split("\n")[0]).toBe("policy.yaml: the policy file cannot be used: 5 problem(s) to correct, listed below.");
    expect(error.format("en")).toContain("policy.yaml, line 3, key stnace: unknown key \"stnace\"");
  });

  it("a single problem is the whole message", () => {
    const error = new PolicyError(issuesOf("issuer: x\ntitel: t\n").filter((i) => i.path === "titel"));
    expect(error.message).toBe(formatPolicyIssue(error.issues[0]!, "ja"));
    expect(error.format("en")).toMatch(/^policy\.yaml, line 2, key titel: unknown key "titel" \(did you mean "title"\?\)/);
  });

  it("reports missing keys, bad dates, bad colours and panels for unworded measures", () => {
    const issues = issuesOf(
      minimal.replace("effectiveDate: 2024-11-01", "effectiveDate: 2024-02-30\ncolor: blue\ndateStyle: wstern\npanels:\n  en:\n    title: Hi\n    text: Hello\n    measures:\n      pairs: x").replace(/^issuer: .*\n/, ""),
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath.issuer!.code).toBe("POLICY_REQUIRED");
    expect(formatMessage(byPath.issuer!, "ja")).toBe("「issuer」がありません。この項目は必ず書いてください。");
    expect(formatMessage(byPath.issuer!, "en")).toBe('"issuer" is required');
    expect(byPath.effectiveDate!.code).toBe("POLICY_BAD_DATE");
    expect(formatMessage(byPath.effectiveDate!, "ja")).toBe("日付は 2024-11-01 のように書いてください（いまは \"2024-02-30\"）。実在する日付か確かめてください。");
    expect(formatMessage(byPath.effectiveDate!, "en")).toMatch(/2024-02-30/);
    expect(byPath.color!.code).toBe("POLICY_BAD_COLOR");
    expect(formatMessage(byPath.color!, "en")).toMatch(/#rrggbb/);
    expect(byPath.dateStyle!.code).toBe("POLICY_BAD_DATE_STYLE");
    expect(formatMessage(byPath.dateStyle!, "ja")).toBe("「era」（令和6年11月1日）か「western」（2024年11月1日）のどちらかにしてください（いまは「wstern」）。「western」の書き間違いではありませんか。");
    expect(byPath["panels.en.measures.pairs"]!.code).toBe("POLICY_PANEL_MEASURE_UNWORDED");
    expect(formatMessage(byPath["panels.en.measures.pairs"]!, "en")).toMatch(/no Japanese text/);
  });

  it("reports wrong kinds of values", () => {
    const issues = issuesOf(minimal.replace("title: カスタマーハラスメントに対する基本方針", "title: [a, b]").replace(/conduct:\n(  .*\n)+/, "conduct: 暴力\n").replace("  police: 警察に通報します。", "  police: \"\""));
    const codes = Object.fromEntries(issues.map((i) => [i.path, i.code]));
    expect(codes).toMatchObject({ title: "POLICY_NOT_TEXT", conduct: "POLICY_NOT_LIST", "measures.police": "POLICY_TEXT_EMPTY" });
    expect(formatMessage(issues.find((i) => i.path === "conduct")!, "ja")).toBe("一覧にしてください（1 つずつ「- 」で始まる行に書きます）。");
    expect(issuesOf("- a\n- b\n")[0]).toMatchObject({ code: "POLICY_NOT_MAPPING", path: "" });
  });

  it("reports YAML syntax errors with their line", () => {
    const issues = issuesOf("issuer: a\ntitle: [unclosed\n", "bad.yaml");
    expect(issues[0]!).toMatchObject({ file: "bad.yaml", code: "POSTER_YAML_SYNTAX" });
    expect(issues[0]!.line).toBeGreaterThan(0);
    expect(formatMessage(issues[0]!, "ja")).toMatch(/^YAML（または JSON）として正しくありません（.+）。字下げ、「:」のあとの空白、かっこや引用符の閉じ忘れを確かめてください。$/);
    expect(formatMessage(issues[0]!, "en")).toMatch(/^not valid YAML\/JSON: /);
    const twice = issuesOf("issuer: a\nissuer: b\n", "twice.yaml");
    expect(twice[0]).toMatchObject({ code: "POSTER_YAML_DUPLICATE_KEY", line: 2 });
    expect(formatPolicyIssue(twice[0]!, "ja")).toBe("twice.yaml の 2 行目：同じ項目が 2 回書かれています。どちらか 1 つにしてください。");
  });
});

describe("policy file: inputs that used to crash or mislead (issue 10)", () => {
  it("a Shift_JIS policy.yaml (Notepad, Excel) is read as Japanese, and its posters print", async () => {
    const file = join(work, "sjis.yaml");
    writeFileSync(file, encodeText(minimal, "cp932"));
    const policy = await loadPolicy(file);
    expect(policy.issuer).toBe("みどり市");
    expect(policy.stance).toBe("ご意見には真摯に対応します。暴言・暴力には組織として対応します。");
    // Was: "no glyph for U+FFFD" when the poster was drawn.
    const pdf = await renderPoster(policy, { name: "北公民館", measures: ["police"] }, { size: "A4" });
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it("UTF-16 with a BOM and UTF-8 with a BOM are read too", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, "utf16le")]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal, "utf8")]);
    for (const [name, bytes] of [["utf16.yaml", utf16], ["bom.yaml", utf8]] as const) {
      const file = join(work, name);
      writeFileSync(file, bytes);
      expect((await loadPolicy(file)).title).toBe("カスタマーハラスメントに対する基本方針");
    }
  });

  it("text with U+FFFD (a garbled save) is named, not printed", () => {
    const issues = issuesOf(minimal.replace("みどり市", "みどり\uFFFD"));
    expect(issues).toEqual([expect.objectContaining({ path: "issuer", code: "POLICY_TEXT_GARBLED", line: 1 })]);
    expect(formatMessage(issues[0]!, "ja")).toBe("読めなかった文字の印（U+FFFD「�」）があります。文字化けしています。元のファイルを使うか、この文を打ち直してください。");
  });

  it("an alias bomb (billion laughs) fails fast with a PolicyError naming the file", async () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = "a";
    for (const name of "bcdefghi") {
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]\n`;
      previous = name;
    }
    const file = join(work, "bomb.yaml");
    writeFileSync(file, bomb);
    const started = Date.now();
    const error = await thrownBy(() => loadPolicy(file));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.file).toBe(file);
    expect((error as PolicyError).issues.map((i) => i.code)).toEqual(["POSTER_YAML_TOO_MANY_ALIASES"]);
    expect(error.message).toBe(
      `${file}：YAML の別名（「&」を付けた値を「*」で何度も使う書き方）が多すぎます（上限 100 回）。ふつうの方針ファイルやレイアウトファイルではないため、読みません。正しいファイルか確かめ、「&」と「*」を使わずに書いてください。`,
    );
    expect(error.format("en")).toMatch(/too many YAML aliases/);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("a key %s is an unknown key like any other", (key) => {
    for (const source of [`${minimal}${key}: 1\n`, minimal.replace("measures:\n", `measures:\n  ${key}: x\n`), `${minimal}contact:\n  name: 人事課\n  ${key}: x\n`]) {
      const issues = issuesOf(source);
      expect(issues).toEqual([expect.objectContaining({ code: "POLICY_UNKNOWN_KEY", params: expect.objectContaining({ key }) })]);
      expect(formatMessage(issues[0]!, "ja")).toContain(`「${key}」という項目はありません。`);
      expect(formatMessage(issues[0]!, "en")).not.toMatch(/is not a function/);
    }
    // In JSON too, where __proto__ is a key like any other.
    const json = JSON.stringify({ issuer: "x市", title: "t", stance: "s", conduct: [{ label: "a", text: "b" }], measures: { pairs: "p" }, effectiveDate: "2025-04-01" }).replace(/^\{/, `{"${key}": {"issuer": 1},`);
    expect(issuesOf(json, "p.json")).toEqual([expect.objectContaining({ code: "POLICY_UNKNOWN_KEY", path: key })]);
  });

  it("refuses a device, a folder and a file over 10 MB before reading it", async () => {
    const device = await thrownBy(() => loadPolicy("/dev/zero"));
    expect((device as PolicyError).issues[0]!.code).toBe("FILE_NOT_REGULAR");
    const folder = await thrownBy(() => loadPolicy(work));
    expect((folder as PolicyError).issues[0]!.code).toBe("FILE_IS_FOLDER");
    const big = join(work, "big.yaml");
    writeFileSync(big, "");
    truncateSync(big, 10 * 1024 * 1024 + 1);
    const large = await thrownBy(() => loadPolicy(big));
    expect((large as PolicyError).issues[0]!.code).toBe("POSTER_FILE_TOO_LARGE");
    expect(large.message).toBe(`${big}：ファイルが大きすぎます（10 MB、上限 10 MB）。方針ファイルやレイアウトファイルは、ふつう数 KB です。別のファイルを指定していないか確かめてください。`);
  });

  it("a missing file says so, naming it", async () => {
    const missing = join(work, "nope.yaml");
    const error = await thrownBy(() => loadPolicy(missing));
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).issues).toEqual([expect.objectContaining({ code: "POSTER_FILE_NOT_FOUND", file: missing })]);
    expect(error.message).toBe(`${missing}：ファイルがありません。場所とファイル名（拡張子 .yaml、.yml、.json も）を確かめてください。`);
    expect(error.format("en")).toBe(`${missing}: the file does not exist. Check the path and the file name (and its extension: .yaml, .yml or .json).`);
  });

  it("bytes that are no text in any Japanese encoding are refused as such", async () => {
    const file = join(work, "binary.yaml");
    // A UTF-16LE byte-order mark, then half a character.
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x41]));
    const error = await thrownBy(() => loadPolicy(file));
    expect((error as PolicyError).issues.map((i) => i.code)).toEqual(["POSTER_NOT_TEXT"]);
    expect(error.message).toBe(`${file}：文字のファイルとして読めません（文字コードが UTF-8、Shift_JIS、EUC-JP、UTF-16 のどれでもないか、壊れています）。メモ帳などで開き、「UTF-8」で保存し直してください。`);
  });
});

describe("policy file: the message, the link, the distance poster, measures' own dates and signs (issue 14)", () => {
  it("reads them from the example policy", async () => {
    const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
    expect(policy.message).toBe("職員への暴言・暴力・過度な要求は許しません");
    expect(policy.subtitle).toBeNull();
    expect(policy.url).toBe("https://www.city.midori.example.jp/kasuhara/");
    expect(policy.distance.conduct).toHaveLength(6);
    expect(policy.distance.slogan).toBeNull();
    // Every measure starts with the policy (11月1日) except phone recording.
    expect(policy.measures["record-phone"]!.from).toEqual({ year: 2025, month: 4, day: 1 });
    for (const id of ["end-conversation", "police", "legal-action", "record-counter", "pairs"] as const) expect(policy.measures[id]!.from).toBeNull();
    expect(policy.measures["record-counter"]!.sign).toBe("この窓口での会話は録音しています");
  });

  it("refuses an address that is not an http(s) one in ASCII, naming the key", () => {
    for (const url of ["ftp://example.jp/x", "みどり市ホームページ", "https://みどり.example.jp/", `https://example.jp/${"a".repeat(200)}`, "https://localhost/"]) {
      const issues = issuesOf(`${minimal}url: ${JSON.stringify(url)}\n`);
      expect(issues.map((i) => [i.path, i.code])).toEqual([["url", "POLICY_BAD_URL"]]);
    }
    const [issue] = issuesOf(`${minimal}url: ftp://example.jp/x\n`);
    expect(formatMessage(issue!, "ja")).toBe("「ftp://example.jp/x」はホームページのアドレスとして使えません。https:// で始まる、半角で 200 文字までのアドレスを書いてください（例：https://www.city.example.lg.jp/kasuhara/）。");
    expect(formatMessage(issue!, "en")).toMatch(/^"ftp:\/\/example\.jp\/x" cannot be used as a web address/);
    expect(parsePolicy(`${minimal}url: https://www.city.example.lg.jp/a?b=1#c\n`).url).toBe("https://www.city.example.lg.jp/a?b=1#c");
  });

  it("checks a measure's start date and sign: a date that is none, a sign on a measure that is no recording", () => {
    const bad = issuesOf(minimal.replace("  police: 警察に通報します。", "  police:\n    text: 警察に通報します。\n    from: 2025-02-30\n    sign: x"));
    expect(bad.map((i) => [i.path, i.code])).toEqual([
      ["measures.police.sign", "POLICY_UNKNOWN_KEY"],
      ["measures.police.from", "POLICY_BAD_DATE"],
    ]);
    expect(formatPolicyIssue(bad[0]!, "ja")).toContain("「sign」という項目はありません。");
    const ok = parsePolicy(minimal.replace("  police: 警察に通報します。", "  record-phone:\n    text: 通話を録音します。\n    from: 2025-04-01\n    sign: この電話は録音しています"));
    expect(ok.measures["record-phone"]).toEqual({ label: "電話の録音", text: "通話を録音します。", from: { year: 2025, month: 4, day: 1 }, sign: "この電話は録音しています" });
  });

  it("checks the distance poster's wording", () => {
    expect(issuesOf(`${minimal}distance:\n  conduct: []\n`).map((i) => [i.path, i.code])).toEqual([["distance.conduct", "POLICY_NO_CONDUCT"]]);
    expect(issuesOf(`${minimal}distance:\n  slgan: x\n`)[0]).toMatchObject({ path: "distance.slgan", code: "POLICY_UNKNOWN_KEY", params: expect.objectContaining({ nearest: "slogan" }) });
    expect(parsePolicy(`${minimal}distance:\n  slogan: カスハラは許しません\n  conduct: [暴言, 暴力]\n`).distance).toEqual({ slogan: "カスハラは許しません", conduct: ["暴言", "暴力"] });
  });
});
