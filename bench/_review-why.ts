import { createReadingResolver } from "../src/readings/resolve.js";
import { heldOut, loadDevset } from "./devset.js";
const devset = loadDevset();
const tuning = devset.filter((c) => !heldOut(c.surface));
const resolver = createReadingResolver({ romaji: "hepburn" });
const byCode = new Map<string, { right: number; wrong: number }>();
let reviewed = 0, rightReviewed = 0;
const examples = new Map<string, string[]>();
for (const c of tuning) {
  const r = await resolver.resolve({ row: 1, sheetRow: 2, id: null, name: `${c.surface}　太郎`, surname: null, given: null, nameReading: null, surnameReading: null, romaji: null, department: null, facility: null, title: null, fields: {} });
  if ("code" in r && !("kana" in r)) continue;
  const reading = r as any;
  if (!reading.review) continue;
  reviewed++;
  const right = c.accepted.has(reading.kana);
  if (right) rightReviewed++;
  const codes = [...new Set(reading.reasons.map((m: any) => m.code))].sort().join("+");
  const e = byCode.get(codes) ?? { right: 0, wrong: 0 };
  right ? e.right++ : e.wrong++;
  byCode.set(codes, e);
  const ex = examples.get(codes) ?? []; if (ex.length < 6) ex.push(`${c.surface}:${reading.kana}${right ? "" : "≠" + [...c.accepted].join("|")}(${[...c.people].map(([k, n]) => k + "×" + n).join(",")})`); examples.set(codes, ex);
}
console.log("tuning", tuning.length, "reviewed", reviewed, "of which right", rightReviewed);
for (const [k, v] of [...byCode].sort((a, b) => b[1].right + b[1].wrong - a[1].right - a[1].wrong)) console.log(String(v.right).padStart(4), String(v.wrong).padStart(4), k, "  ", examples.get(k)!.join(" "));
