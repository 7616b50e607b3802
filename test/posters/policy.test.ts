import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { loadPolicy, parsePolicy, PolicyError, type PolicyIssue } from "../../src/posters/policy.js";

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
    expect(policy.measures.police).toEqual({ label: "警察への通報", text: "警察に通報します。" });
    expect(policy.dateStyle).toBe("era");
    const json = JSON.stringify({ issuer: "x市", title: "t", stance: "s", conduct: [{ label: "a", text: "b" }], measures: { pairs: "p" }, effectiveDate: "2025-04-01" });
    expect(parsePolicy(json, "p.json").effectiveDate).toEqual({ year: 2025, month: 4, day: 1 });
  });

  it("names the file, line and key path of a typo and suggests the nearest key", () => {
    const issues = issuesOf(minimal.replace("stance:", "stnace:").replace("  police:", "  polise:").replace("    text: 殴る", "    txet: 殴る"));
    const messages = issues.map((i) => `${i.file}|${i.line}|${i.path}|${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^policy\.yaml\|3\|stnace\|unknown key "stnace" \(did you mean "stance"\?\)/));
    expect(messages).toContainEqual(expect.stringMatching(/^policy\.yaml\|10\|measures\.polise\|.*did you mean "police"/));
    expect(messages).toContainEqual(expect.stringMatching(/^policy\.yaml\|8\|conduct\[0\]\.txet\|.*did you mean "text"/));
    expect(new PolicyError(issues).message).toContain("policy.yaml, line 3, key stnace");
  });

  it("reports missing keys, bad dates, bad colours and panels for unworded measures", () => {
    const issues = issuesOf(
      minimal.replace("effectiveDate: 2024-11-01", "effectiveDate: 2024-02-30\ncolor: blue\npanels:\n  en:\n    title: Hi\n    text: Hello\n    measures:\n      pairs: x").replace(/^issuer: .*\n/, ""),
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath.issuer).toMatch(/required/);
    expect(byPath.effectiveDate).toMatch(/2024-02-30/);
    expect(byPath.color).toMatch(/#rrggbb/);
    expect(byPath["panels.en.measures.pairs"]).toMatch(/no Japanese text/);
  });

  it("reports YAML syntax errors with their line", () => {
    const issues = issuesOf("issuer: a\ntitle: [unclosed\n", "bad.yaml");
    expect(issues[0]!.file).toBe("bad.yaml");
    expect(issues[0]!.line).toBeGreaterThan(0);
  });
});
