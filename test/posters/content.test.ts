import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { posterContent, startsText } from "../../src/posters/content.js";
import { localToday } from "../../src/posters/dates.js";
import { readFacilities, toFacility } from "../../src/posters/facilities.js";
import { loadPolicy } from "../../src/posters/policy.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const tax = toFacility({ name: "本庁舎 税務課窓口", measures: ["police", "record-phone"] });

describe("a measure's own start date (issue 14)", () => {
  it("is printed beside the measure on a poster printed before it (era or western, as the date style says), not after", () => {
    const phone = (asOf: { year: number; month: number; day: number }, dateStyle?: "era" | "western") =>
      posterContent(policy, tax, { asOf, dateStyle }).measures.find((m) => m.id === "record-phone")!.from;
    expect(phone({ year: 2025, month: 3, day: 31 })).toBe("令和7年4月1日から");
    expect(phone({ year: 2024, month: 11, day: 1 }, "western")).toBe("2025年4月1日から");
    expect(phone({ year: 2025, month: 4, day: 1 })).toBeNull();
    expect(phone({ year: 2026, month: 1, day: 5 })).toBeNull();
    // The measures that start with the policy never carry a date.
    expect(posterContent(policy, tax, { asOf: { year: 2024, month: 1, day: 1 } }).measures.find((m) => m.id === "police")!.from).toBeNull();
    const content = posterContent(policy, tax, { asOf: { year: 2025, month: 3, day: 1 } });
    expect(content.asOf).toBe("2025-03-01");
    expect(startsText(null, { year: 2025, month: 1, day: 1 }, "era")).toBeNull();
  });

  it("defaults to the day of the run (the local calendar day)", () => {
    expect(localToday(new Date(2025, 2, 31, 23, 59))).toEqual({ year: 2025, month: 3, day: 31 });
    const today = localToday();
    expect(posterContent(policy, tax).asOf).toBe(`${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`);
  });
});

describe("what a poster says", () => {
  it("the message is the policy's message, or an older policy's subtitle; the slogan and distance items default to it", () => {
    const content = posterContent(policy, tax);
    expect(content.message).toBe(policy.message);
    expect(content.slogan).toBe(policy.message);
    expect(content.distanceConduct).toEqual(policy.distance.conduct);
    const older = { ...policy, message: null, subtitle: "職員への暴言は許しません", distance: { slogan: null, conduct: null } };
    const old = posterContent(older, tax);
    expect([old.message, old.subtitle, old.slogan]).toEqual(["職員への暴言は許しません", null, "職員への暴言は許しません"]);
    expect(old.distanceConduct).toEqual(policy.conduct.map((c) => c.label));
    expect(posterContent({ ...older, subtitle: null }, tax).slogan).toBe(policy.title);
    expect(content.url).toBe(policy.url);
  });

  it("a facility run by another operator speaks with its own title, stance and issuer (the example hospital)", async () => {
    const { facilities } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
    const hospital = facilities.find((f) => f.name === "市民病院 総合受付")!;
    const content = posterContent(policy, hospital);
    expect(content.title).toBe("カスタマーハラスメントに対する病院の基本方針");
    expect(content.stance.startsWith("当院は、")).toBe(true);
    expect(content.issuer).toBe("地方独立行政法人みどり市民病院");
    expect(content.signature).toBeNull();
    const city = posterContent(policy, facilities.find((f) => f.name === "北公民館")!);
    expect([city.title, city.issuer, city.signature]).toEqual([policy.title, "みどり市", policy.signature]);
    expect(city.stance).toBe(policy.stance);
  });
});
