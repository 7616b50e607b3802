import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { readFacilities } from "../../src/posters/facilities.js";
import { parsePolicy } from "../../src/posters/policy.js";
import { starterFacilitiesCsv, starterPolicyYaml } from "../../src/posters/starter.js";

describe("the starter files (nafuda init, and the web page's downloads)", () => {
  it("without a city's name, the starter policy is the example policy as it is, comments and all", () => {
    const example = readFileSync(bundledPath("examples", "policy.yaml"), "utf8");
    expect(starterPolicyYaml().split("\n").slice(1)).toEqual(example.split("\n").slice(1));
  });

  it("names the schema in words, not by the example's path inside the package (wrong in a city's folder)", () => {
    for (const yaml of [starterPolicyYaml(), starterPolicyYaml("あおば市")]) {
      expect(yaml).not.toContain("$schema=../templates");
      expect(yaml.split("\n")[0]).toBe("# 書き方の定義（JSON Schema）：nafuda の templates/posters/policy.schema.json");
    }
  });

  it("with a name, every value names that city, the comments stay, and it reads as a policy", () => {
    const yaml = starterPolicyYaml("あおば市");
    expect(yaml).toContain("# 発行者: the city (or the operator of a facility).");
    expect(yaml).not.toContain("issuer: みどり市");
    const policy = parsePolicy(yaml, "policy.yaml");
    expect(policy.issuer).toBe("あおば市");
    expect(policy.contact?.name).toBe("あおば市 総務部 人事課");
  });

  it("a name with YAML's own characters stays one value", () => {
    expect(parsePolicy(starterPolicyYaml("あおば市: #1 \"本庁\""), "policy.yaml").issuer).toBe("あおば市: #1 \"本庁\"");
  });

  it("the facility list for Excel: UTF-8 with a BOM, CRLF, readable with the starter policy without one problem", async () => {
    const csv = starterFacilitiesCsv("あおば市", { excel: true });
    expect(csv.startsWith("\uFEFF施設名,対策,サイズ,部数,言語,運営者,表題,基本姿勢,標識,備考\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(csv).toContain("地方独立行政法人あおば市民病院");
    const policy = parsePolicy(starterPolicyYaml("あおば市"), "policy.yaml");
    const list = await readFacilities(new TextEncoder().encode(csv), { fileName: "facilities.csv", policy });
    expect(list.errors).toEqual([]);
    expect(list.facilities.map((f) => f.name)).toHaveLength(10);
    expect(list.facilities[1]).toMatchObject({ name: "本庁舎 税務課窓口", signs: { counter: 2, phone: 6 } });
  });

  it("nafuda init's copy is the same list without the BOM, with LF line ends (as before)", () => {
    expect(starterFacilitiesCsv("あおば市").startsWith("施設名,")).toBe(true);
    expect(starterFacilitiesCsv("あおば市")).not.toContain("\r");
  });
});
