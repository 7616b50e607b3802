import { describe, expect, it } from "vitest";
import { bundledNameDictionary, parseNameTable } from "../../src/readings/name-dictionary.js";
import {
  DEFAULT_DOUBT_THRESHOLD, differByVoicing, doubtFeatures, doubtOf, firmDoubt, foldJiZu, surnameEvidence,
} from "../../src/readings/surname-evidence.js";

const dictionary = bundledNameDictionary();
const evidence = (surname: string) => surnameEvidence(dictionary, surname);
const doubt = (surname: string) => doubtOf(doubtFeatures(evidence(surname), surname));

describe("what the sources say about a surname's readings", () => {
  it("names the sources that list each reading, best first", () => {
    const e = evidence("河野");
    expect(e.candidates.map((c) => [c.reading, c.sources])).toEqual([
      ["こうの", ["IPADIC", "UniDic", "JUMAN"]],
      ["かわの", ["IPADIC", "UniDic", "JUMAN"]],
    ]);
    expect(e.common[0]).toMatchObject({ rank: 214, perMillion: 1220 });
  });

  it("adds the other voicing of a reading, unattested, with the voicing model's odds (光田 みつだ)", () => {
    const e = evidence("光田");
    expect(e.candidates.map((c) => [c.reading, c.sources])).toEqual([["みつた", ["IPADIC", "UniDic"]], ["みつだ", []]]);
    expect(e.candidates[1]!.features.unattested).toBe(1);
    expect(e.candidates[1]!.voicing).toBeGreaterThan(0.3);
  });

  it("lets JUMAN's list of people outweigh one dictionary's cheaper entry (花田: IPADIC はなた, UniDic and JUMAN はなだ)", () => {
    expect(evidence("花田").candidates[0]!.reading).toBe("はなだ");
  });

  it("is empty for a surname no source knows", () => {
    expect(evidence("鬮田").candidates).toEqual([]);
  });

  it("looks a variant up under its common form (𣘺本 → 橋本)", () => {
    expect(evidence("𣘺本").candidates[0]!.reading).toBe("はしもと");
  });

  it("works with a dictionary that has no JUMAN table and no surname list (no voicing model)", () => {
    const table = parseNameTable("sei\t林\tハヤシ\tハヤシ\t7571\nsei\t林\tリン\tリン\t9730\n");
    const e = surnameEvidence({ ...table, surnames: undefined }, "林");
    expect(e.candidates.map((c) => c.reading)).toEqual(["はやし", "りん"]);
  });
});

describe("when nafuda asks whatever the doubt model says (firm doubts)", () => {
  it.each([
    // surname, kind: the examples of issue 15
    ["松林", "notAmongCommon"], // IPADIC and UniDic say しょうりん; JUMAN's people say まつばやし
    ["柳田", "notAmongCommon"],
    ["光田", "thinVoicing"], // みつた at both dictionaries' default costs, the voicing model at even odds
  ])("%s: %s", (surname, kind) => {
    expect(firmDoubt(evidence(surname))?.kind).toBe(kind);
  });

  it("a reading JUMAN's people do not use is never printed without asking, but ず / づ are one (今津 いまづ, JUMAN いまず)", () => {
    expect(firmDoubt(evidence("今津"))).toBeNull();
  });

  it("has none for readings the sources agree on", () => {
    for (const surname of ["佐藤", "林", "中島", "河野"]) expect(firmDoubt(evidence(surname))).toBeNull();
  });
});

describe("the doubt model", () => {
  it("puts はやし first for 林 by far, but still doubts it: on the development set such evidence (a second reading both dictionaries list, JUMAN's people not) goes with real second readings as often as not (山内 やまのうち, 平 ひら)", () => {
    const e = evidence("林");
    expect(e.candidates.map((c) => c.reading)).toEqual(["はやし", "りん"]);
    expect(e.candidates[0]!.score - e.candidates[1]!.score).toBeGreaterThan(2);
    expect(doubt("林")).toBeGreaterThan(DEFAULT_DOUBT_THRESHOLD);
  });
  it.each([["河野"], ["菅"], ["東"], ["中島"]])("asks about %s, which people read more than one way", (surname) => {
    expect(doubt(surname)).toBeGreaterThan(DEFAULT_DOUBT_THRESHOLD);
  });
  it("does not ask about 佐藤 or 鈴木", () => {
    expect(doubt("佐藤")).toBeLessThan(0.01);
    expect(doubt("鈴木")).toBeLessThan(0.01);
  });
});

describe("kana helpers", () => {
  it("folds ぢ / づ into じ / ず (島津 しまづ = しまず)", () => {
    expect(foldJiZu("しまづ")).toBe("しまず");
    expect(foldJiZu("ちぢみ")).toBe("ちじみ");
  });
  it.each([
    ["みつた", "みつだ", true],
    ["はぎはら", "はぎわら", true],
    ["やまさき", "やまざき", true],
    ["こうの", "かわの", false],
    ["みつた", "みつた", false],
    ["たなか", "たなかや", false],
  ] as const)("%s / %s differ by voicing: %s", (a, b, expected) => {
    expect(differByVoicing(a, b)).toBe(expected);
  });
});
