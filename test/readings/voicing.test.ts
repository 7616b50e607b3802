import { describe, expect, it } from "vitest";
import { learnVoicing } from "../../src/readings/voicing.js";
import { bundledNameDictionary } from "../../src/readings/name-dictionary.js";
import { voicingModelOf } from "../../src/readings/surname-evidence.js";

const observe = (pairs: [string, string][]) => pairs.map(([surface, reading]) => ({ surface, reading, weight: 1 }));

describe("the voicing model learns from the readings it is given", () => {
  const model = learnVoicing(observe([
    ["本田", "ほんだ"], ["神田", "かんだ"], ["園田", "そのだ"], ["原田", "はらだ"], ["前田", "まえだ"],
    ["柴田", "しばた"], ["杉田", "すぎた"], ["藤田", "ふじた"], ["宮田", "みやた"], ["森田", "もりた"],
    ["山崎", "やまざき"], ["川崎", "かわさき"], ["宮崎", "みやざき"],
  ]));

  it("voices 田 after ん and not after a part that already holds a voiced sound", () => {
    const afterN = model.estimate("安田", "あんだ")!;
    expect(afterN.forms[0]).toMatchObject({ reading: "あんだ", form: "voiced" });
    const afterVoiced = model.estimate("鈴田", "すずだ")!;
    expect(afterVoiced.forms[0]).toMatchObject({ reading: "すずた", form: "plain" });
    expect(afterVoiced.prefix).toBe("すず");
    expect(afterVoiced.base).toBe("た");
  });

  it("leaves a surname's own readings out of its estimate (leave-one-out)", () => {
    // 柴田 しばた is the only ば-before-田 surname: without it, only the wider contexts speak.
    const own = model.estimate("柴田", "しばた")!;
    const other = learnVoicing(observe([["柴田", "しばた"], ["柴田", "しばた"]])).estimate("柴田", "しばた");
    expect(other).toBeNull(); // 田 is a reading of too few surnames to learn from
    expect(own.support).toBe(9); // the ten 田 surnames, less 柴田 itself
  });

  it("knows は / ば / わ for 原 (萩原 はぎわら, 梶原 かじわら)", () => {
    const m = learnVoicing(observe([["原田", "はらだ"], ["菅原", "すがわら"], ["藤原", "ふじわら"], ["石原", "いしはら"], ["小原", "おばら"], ["桑原", "くわばら"]]));
    expect(m.estimate("萩原", "はぎわら")!.forms.map((f) => f.form).sort()).toEqual(["plain", "voiced", "wa"]);
  });

  it("says nothing where the last kanji's reading cannot voice (本 もと) or the name is one kanji", () => {
    const m = learnVoicing(observe([["山本", "やまもと"], ["松本", "まつもと"], ["岡本", "おかもと"], ["橋本", "はしもと"]]));
    expect(m.estimate("河本", "かわもと")).toBeNull();
    expect(m.estimate("林", "はやし")).toBeNull();
  });
});

describe("the voicing model of the shipped tables", () => {
  const model = voicingModelOf(bundledNameDictionary())!;
  it.each([
    ["本田", "ほんだ", "voiced"],
    ["柴田", "しばた", "plain"],
    ["小林", "こばやし", "voiced"],
    ["吉川", "よしかわ", "plain"],
  ] as const)("%s: %s is likelier voiced or not as people read such names (%s)", (surface, reading, form) => {
    expect(model.estimate(surface, reading)!.forms[0]!.form).toBe(form);
  });
  it("cannot tell for 光田 (みつた / みつだ): the evidence is thin, so nafuda asks", () => {
    const estimate = model.estimate("光田", "みつた")!;
    expect(Math.abs(estimate.forms[0]!.probability - 0.5)).toBeLessThan(0.2);
  });
});

describe("the shipped voicing model (data/voicing-model.tsv) is what the shipped tables teach", () => {
  it("equals, byte for byte, what scripts/learn-voicing-model.ts learns from them now (rerun it after a table changes)", async () => {
    const { learnVoicingModelText } = await import("../../scripts/learn-voicing-model.js");
    const { readFileSync } = await import("node:fs");
    const { bundledPath } = await import("../../src/package-root.js");
    expect(readFileSync(bundledPath("data", "voicing-model.tsv"), "utf8") === learnVoicingModelText()).toBe(true);
  });

  it("estimates as the model learnt at run time would, leave-one-out included", async () => {
    const { voicingObservations } = await import("../../src/readings/surname-evidence.js");
    const dictionary = bundledNameDictionary();
    const shipped = voicingModelOf(dictionary)!;
    const learnt = learnVoicing(voicingObservations(dictionary));
    expect(shipped.estimate("光田", "みつた")?.forms.length).toBeGreaterThan(1); // a surname the model has a say on
    for (const [surname, reading] of [["光田", "みつた"], ["安田", "やすだ"], ["萩原", "はぎわら"], ["中島", "なかじま"], ["山崎", "やまさき"], ["柴田", "しばた"], ["小鳥遊", "たかなし"]] as const) {
      expect(shipped.estimate(surname, reading), `${surname} ${reading}`).toEqual(learnt.estimate(surname, reading));
    }
  });
});
