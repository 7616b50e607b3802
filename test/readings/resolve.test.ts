import { describe, expect, it } from "vitest";
import { texts } from "../helpers/errors.js";
import { loadRoster } from "../../src/roster/load-roster.js";
import { bundledNameDictionary } from "../../src/readings/name-dictionary.js";
import { createReadingResolver, resolveReadings } from "../../src/readings/resolve.js";
import type { SurnameAnalyzer } from "../../src/readings/analyzer.js";
import { formatRowError, type StaffReading, type RowError } from "../../src/model.js";
import { staffRecord } from "./fixtures.js";

/** A stand-in analyzer: tests say what it answers, and can see whether it was asked. */
function fakeAnalyzer(answers: Record<string, string>): SurnameAnalyzer & { asked: string[] } {
  const asked: string[] = [];
  return { asked, read: async (s) => (asked.push(s), answers[s] ?? s) };
}
const noOverrides = { file: null, rows: [], errors: [] };

async function resolveOne(name: string, extra: Parameters<typeof staffRecord>[2] = {}, options = {}): Promise<StaffReading | RowError> {
  const resolver = createReadingResolver({ analyzer: fakeAnalyzer({}), overrides: noOverrides, ...options });
  return resolver.resolve(staffRecord(1, name, extra));
}
async function reading(name: string, extra: Parameters<typeof staffRecord>[2] = {}, options = {}): Promise<StaffReading> {
  const result = await resolveOne(name, extra, options);
  if (!("kana" in result)) throw new Error(`expected a reading, got: ${formatRowError(result)}`);
  return result;
}

describe("readings from the roster's own フリガナ", () => {
  it.each([
    // 氏名, フリガナ, kana, romaji
    ["佐藤　花子", "サトウ　ハナコ", "さとう", "Sato"],
    ["井上　陽子", "イノウエ　ヨウコ", "いのうえ", "Inoue"],
    ["大内　健", "オオウチ　ケン", "おおうち", "Ouchi"],
    ["横尾　誠", "ヨコオ　マコト", "よこお", "Yokoo"],
    ["飯田　明", "イイダ　アキラ", "いいだ", "Iida"],
    ["本間　修", "ホンマ　オサム", "ほんま", "Homma"],
    ["服部　大輔", "ハットリ　ダイスケ", "はっとり", "Hattori"],
    ["難波　恵", "ﾅﾝﾊﾞ ﾒｸﾞﾐ", "なんば", "Namba"], // half-width katakana, as old systems export it
    ["松浦　亮", "まつうら　りょう", "まつうら", "Matsuura"],
    ["佐藤花子", "サトウハナコ", "さとう", "Sato"], // neither split: the dictionary finds both ends
    ["東海林　太郎", "ショウジタロウ", "しょうじ", "Shoji"],
  ])("%s (%s) → %s / %s", async (name, furigana, kana, romaji) => {
    const r = await reading(name, { nameReading: furigana });
    expect([r.kana, r.romaji, r.source]).toEqual([kana, romaji, "roster"]);
  });

  it("prints the roster's reading for a surname with several readings, without asking", async () => {
    const r = await reading("河野　一郎", { nameReading: "カワノ　イチロウ" });
    expect([r.kana, r.source, r.review]).toEqual(["かわの", "roster", false]);
  });

  it("flags a フリガナ that is not a reading the sources know for the surname, saying which they know and how common", async () => {
    const r = await reading("佐藤　花子", { nameReading: "サトオ　ハナコ" });
    expect(r.kana).toBe("さとお");
    expect(r.review).toBe(true);
    expect(r.alternatives).toEqual(["さとう"]);
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_ROSTER_UNATTESTED"]);
    expect(texts(r.reasons)).toEqual([
      "名簿の読み「さとお」は、姓の辞書にある「佐藤」の読みのどれとも違います。辞書にある読み：「さとう」（いちばん多い。IPADIC・UniDic・JUMAN）。" +
        "「佐藤」は人数の多い順で全国 3 位の姓です。名簿の読みが正しいか、本人に確かめてください。",
    ]);
    expect(texts(r.reasons, "en")).toEqual([
      "the roster's reading さとお is none of the readings the surname sources know for 佐藤: さとう (the commonest; IPADIC・UniDic・JUMAN). " +
        "佐藤 is number 3 among Japan's commonest surnames. Check the roster's reading with the person.",
    ]);
  });

  it("names every attested reading with its sources, the rarer ones as such (河野 コオノ)", async () => {
    const r = await reading("河野　一郎", { nameReading: "コオノ　イチロウ" });
    expect(r.alternatives).toEqual(["こうの", "かわの"]);
    expect(texts(r.reasons)[0]).toContain("「こうの」（いちばん多い。IPADIC・UniDic・JUMAN）、「かわの」（ときどきある。IPADIC・UniDic・JUMAN）");
  });

  it.each([
    ["島津", "シマズ", "しまず"], // the sources write しまづ
    ["今津", "イマヅ", "いまづ"], // JUMAN writes いまず
    ["中島", "ナカシマ", "なかしま"], // the second reading, attested: the roster is right, nothing to ask
  ])("takes %s %s as attested (ず / づ, じ / ぢ are one)", async (surname, furigana, kana) => {
    const r = await reading(`${surname}　太郎`, { surnameReading: furigana });
    expect([r.kana, r.source, r.review, r.reasons]).toEqual([kana, "roster", false, []]);
  });

  it("uses a 姓フリガナ column before the full-name フリガナ", async () => {
    const r = await reading("中島　健", { surnameReading: "ナカシマ", nameReading: "ナカジマ　ケン" });
    expect(r.kana).toBe("なかしま");
  });

  it("takes a name written in katakana as its own reading", async () => {
    const r = await reading("スミス　ジョン");
    expect([r.kana, r.source]).toEqual(["すみす", "roster"]);
  });

  it("keeps the letters of a surname written in Latin letters, with its reading from フリガナ", async () => {
    const r = await reading("SMITH John", { nameReading: "スミス　ジョン" });
    expect([r.kana, r.romaji]).toEqual(["すみす", "Smith"]);
  });
});

describe("readings from the dictionary when the roster has none", () => {
  it.each([
    ["佐藤　花子", "佐藤", "さとう", "Sato"],
    ["髙橋　一郎", "髙橋", "たかはし", "Takahashi"], // variant kanji: looked up as 高橋, printed surname unchanged
    ["宮﨑　聡", "宮﨑", "みやざき", "Miyazaki"],
    ["高𣘺　修", "高𣘺", "たかはし", "Takahashi"], // 𣘺: outside the BMP (issue 15)
    ["槗本　修", "槗本", "はしもと", "Hashimoto"],
    ["𠮷田　茂", "𠮷田", "よしだ", "Yoshida"],
    ["大野　剛", "大野", "おおの", "Ono"],
  ])("%s → %s %s / %s", async (name, surname, kana, romaji) => {
    const r = await reading(name);
    expect([r.surname, r.kana, r.romaji, r.source, r.review]).toEqual([surname, kana, romaji, "dictionary", false]);
  });

  it("sends a surname with two close readings to review, listing the other", async () => {
    const r = await reading("河野　一郎");
    expect(r.source).toBe("dictionary");
    expect(r.review).toBe(true);
    expect([r.kana, ...r.alternatives].sort()).toEqual(["かわの", "こうの"]);
  });

  it("sends a surname to review when the voicing is not certain, offering the other voicing and UniDic's reading (勅使河原)", async () => {
    const r = await reading("勅使河原　三郎");
    expect([r.kana, r.review]).toEqual(["てしがわら", true]);
    expect(r.alternatives).toEqual(expect.arrayContaining(["てしがはら", "ちょくしがわら"]));
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_VOICING_UNSURE"]);
    expect(texts(r.reasons)).toEqual(["濁るかどうか（てしがわら／てしがはら）を決める根拠が足りません。"]);
  });

  it("sends a one-kanji surname with several readings to review (菅: JUMAN's people read すが; the dictionaries prefer かん)", async () => {
    const r = await reading("菅　義男");
    expect([r.kana, r.review]).toEqual(["すが", true]);
    expect(r.alternatives).toEqual(expect.arrayContaining(["かん"]));
  });

  it("does not ask about a split the フリガナ confirms (林昌平 / ハヤシショウヘイ)", async () => {
    const r = await reading("林昌平", { nameReading: "ハヤシショウヘイ" });
    expect([r.surname, r.kana, r.review]).toEqual(["林", "はやし", false]);
  });

  it("flags a split it had to guess (no space in 氏名)", async () => {
    const r = await reading("長谷川健");
    expect([r.surname, r.kana, r.review]).toEqual(["長谷川", "はせがわ", true]);
    expect(texts(r.reasons).join()).toContain("空白");
  });
});

describe("the kinds of miss of issue 15", () => {
  it("asks about 松林 and offers まつばやし: IPADIC and UniDic say しょうりん, which JUMAN's list of people does not have", async () => {
    const r = await reading("松林　健");
    expect(r.review).toBe(true);
    expect(r.alternatives).toContain("まつばやし");
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_NOT_AMONG_COMMON_READINGS"]);
    expect(texts(r.reasons)).toEqual([
      "辞書の読みは「しょうりん」ですが、人数の多い名字の一覧（JUMAN、全国 902 位）では「松林」の読みは「まつばやし」で、「しょうりん」はありません。",
    ]);
  });

  it("asks about 光田: みつた at both dictionaries' default costs, and the voicing model cannot tell, so みつだ is offered", async () => {
    const r = await reading("光田　修");
    expect([r.kana, r.review, r.alternatives]).toEqual(["みつた", true, ["みつだ"]]);
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_VOICING_UNSURE"]);
  });

  it("prints はなだ for 花田 (UniDic and JUMAN), not IPADIC's cheaper はなた", async () => {
    expect((await reading("花田　修")).kana).toBe("はなだ");
  });

  it("a reading no source lists, the voicing model's, is offered or printed only for review", async () => {
    const resolver = createReadingResolver({ analyzer: false, overrides: noOverrides });
    for (const surname of ["光田", "花田", "佐藤", "中島", "河野", "松林"]) {
      const r = (await resolver.resolve(staffRecord(1, `${surname}　一`))) as StaffReading;
      const attested = [...bundledNameDictionary().surname(surname), ...bundledNameDictionary().secondOpinion(surname), ...(bundledNameDictionary().commonSurname?.(surname) ?? [])]
        .map((e) => e.reading);
      if (!attested.includes(r.kana)) expect(r.review, surname).toBe(true);
    }
  });
});

describe("bank-transfer kana (全銀: half-width, no small kana)", () => {
  it("restores the small kana where an attested reading fits, and says so in a note, not a reason (ﾊﾂﾄﾘ → はっとり)", async () => {
    const r = await reading("服部　彩", { nameReading: "ﾊﾂﾄﾘ ｱﾔ" });
    expect([r.kana, r.romaji, r.source, r.review, r.reasons]).toEqual(["はっとり", "Hattori", "roster", false, []]);
    expect(r.notes?.map((n) => n.code)).toEqual(["NOTE_BANK_KANA_RESTORED"]);
    expect(texts(r.notes!)).toEqual(["名簿の読み「ﾊﾂﾄﾘ」は銀行振込用のカナ（小さいかなを書かない形）のため、辞書の読みに合わせて小さいかなを戻し、「はっとり」としました。"]);
  });

  it.each([
    ["東海林", "ｼﾖｳｼﾞ", "しょうじ"],
    ["一色", "ｲﾂｼｷ", "いっしき"],
  ])("%s %s → %s", async (surname, furigana, kana) => {
    const r = await reading(`${surname}　一`, { surnameReading: furigana });
    expect([r.kana, r.review]).toEqual([kana, false]);
  });

  it("asks where no restoring fits an attested reading, naming the ones that are", async () => {
    const r = await reading("鈴木　一", { surnameReading: "ﾊﾂﾄﾘ" });
    expect([r.kana, r.review, r.alternatives]).toEqual(["はつとり", true, ["すずき"]]);
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_BANK_KANA_NO_FIT"]);
  });

  it("asks where more than one fits in a bank-kana roster (八田 ﾊﾂﾀ: はった or はつた)", async () => {
    const resolver = createReadingResolver({ analyzer: false, overrides: noOverrides });
    const r = (await resolver.resolve(staffRecord(1, "八田　一", { surnameReading: "ﾊﾂﾀ" }), null, { bankKana: true })) as StaffReading;
    expect(r.review).toBe(true);
    expect([r.kana, ...r.alternatives].sort()).toEqual(["はった", "はつた"]);
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_BANK_KANA_AMBIGUOUS"]);
  });

  it("recognises a bank-kana roster as a whole, and restores nothing in one that writes small kana elsewhere", async () => {
    const csv = (rows: string[]) => new TextEncoder().encode("職員番号,氏名,カナ氏名\n" + rows.join("\n") + "\n");
    const bank = await loadRoster(csv(["1,服部　彩,ﾊﾂﾄﾘ ｱﾔ", "2,佐藤　花子,ｻﾄｳ ﾊﾅｺ"]), { fileName: "payroll.csv" });
    const restored = await resolveReadings(bank.records, createReadingResolver({ analyzer: false }));
    expect(restored.staff.map((s) => [s.kana, s.review])).toEqual([["はっとり", false], ["さとう", false]]);
    const mixed = await loadRoster(csv(["1,服部　彩,ﾊﾂﾄﾘ ｱﾔ", "2,八田　花子,ﾊｯﾀ ﾊﾅｺ"]), { fileName: "roster.csv" });
    const literal = await resolveReadings(mixed.records, createReadingResolver({ analyzer: false }));
    expect(literal.staff[0]).toMatchObject({ kana: "はつとり", review: true });
    expect(literal.staff[0]!.reasons.map((reason) => reason.code)).toEqual(["REASON_ROSTER_UNATTESTED"]);
  });
});

describe("the analyzer is the last resort and is always reviewed", () => {
  it("asks the analyzer only for a surname nobody else knows, and sends it to review", async () => {
    // 鬮田 is in neither dictionary, 佐藤 is in both.
    expect([bundledNameDictionary().surname("鬮田"), bundledNameDictionary().secondOpinion("鬮田")]).toEqual([[], []]);
    const analyzer = fakeAnalyzer({ 鬮田: "くじた" });
    const resolver = createReadingResolver({ analyzer, overrides: noOverrides });
    const known = await resolver.resolve(staffRecord(1, "佐藤　花子"));
    expect(known).toHaveProperty("source", "dictionary");
    expect(analyzer.asked).toEqual([]);
    const r = (await resolver.resolve(staffRecord(2, "鬮田　勇"))) as StaffReading;
    expect(analyzer.asked).toEqual(["鬮田"]);
    expect(r).toMatchObject({ kana: "くじた", source: "analyzer", review: true });
    expect(r.reasons.map((reason) => reason.code)).toEqual(["REASON_ANALYZER"]);
  });

  it("makes a row error, not a badge, when the reading still holds kanji (kuroshiro: 髙橋 → 髙きょう)", async () => {
    const r = await resolveOne("鬮橋　一郎", {}, { analyzer: fakeAnalyzer({ 鬮橋: "鬮はし" }) });
    expect(r).not.toHaveProperty("kana");
    expect((r as RowError).code).toBe("READING_NOT_KANA");
    expect(formatRowError(r as RowError)).toContain("フリガナ");
  });

  it("makes a row error when there is no analyzer and nothing else knows the surname", async () => {
    const r = await resolveOne("鬮橋　一郎", {}, { analyzer: false });
    expect((r as RowError).row).toBe(1);
    expect((r as RowError).code).toBe("READING_NONE");
    expect(formatRowError(r as RowError, "en")).toMatch(/no reading/);
  });
});

describe("romaji", () => {
  it("prints the person's own spelling from the roster (Ohno, Satoh)", async () => {
    expect((await reading("大野　剛", { romaji: "Ohno" })).romaji).toBe("Ohno");
    expect((await reading("佐藤　花子", { romaji: "SATOH" }, { romajiCase: "upper" })).romaji).toBe("SATOH");
  });

  it("writes upper case on request", async () => {
    expect((await reading("松野　太郎", { nameReading: "マツノ　タロウ" }, { romajiCase: "upper" })).romaji).toBe("MATSUNO");
  });

  it("uses other systems on request", async () => {
    expect((await reading("佐藤　花子", {}, { romaji: "hepburn" })).romaji).toBe("Satō");
    expect((await reading("佐藤　花子", {}, { romaji: "kana" })).romaji).toBe("Satou");
  });
});

describe("confirmed readings (overrides)", () => {
  const confirmed = {
    file: "confirmed.csv",
    errors: [],
    rows: [
      { file: "confirmed.csv", row: 1, sheetRow: 2, id: "A001", name: "河野　一郎", kana: "かわの", romaji: null, review: "cleared" as const },
      { file: "confirmed.csv", row: 2, sheetRow: 3, id: "A002", name: "中島　健", kana: "なかしま", romaji: "Nakashima", review: "pending" as const },
      { file: "confirmed.csv", row: 3, sheetRow: 4, id: "A999", name: "退職　者", kana: "たいしょく", romaji: null, review: "cleared" as const },
    ],
  };
  it("win over every other source and need no review; stale rows are reported", async () => {
    const resolver = createReadingResolver({ analyzer: fakeAnalyzer({}), overrides: confirmed });
    const result = await resolveReadings(
      [staffRecord(1, "河野　一郎", { id: "A001", nameReading: "コウノ　イチロウ" }), staffRecord(2, "中島　健", { id: "A002" })],
      resolver,
    );
    expect(result.staff[0]).toMatchObject({ kana: "かわの", source: "override", review: false, reasons: [] });
    expect(result.staff[1]).toMatchObject({ kana: "なかしま", source: "override", review: true });
    expect(result.staleOverrides.map((r) => r.id)).toEqual(["A999"]);
  });

  it("does not apply a confirmed row whose 職員番号 now belongs to a different name", async () => {
    const resolver = createReadingResolver({ analyzer: fakeAnalyzer({}), overrides: confirmed });
    const r = (await resolver.resolve(staffRecord(1, "佐藤　花子", { id: "A001" }))) as StaffReading;
    expect([r.kana, r.source]).toEqual(["さとう", "dictionary"]);
  });
});

describe("the name used at work (旧姓使用・通称使用) is the one read and printed", () => {
  it("reads the 通称's reading, and the 旧姓's when 旧姓使用 says so", async () => {
    const csv = "職員番号,氏名,フリガナ,通称,通称フリガナ,旧姓,旧姓フリガナ,旧姓使用\n" +
      "1,山田　花子,ヤマダ　ハナコ,松野　花子,マツノ　ハナコ,,,\n" +
      "2,佐藤　恵,サトウ　メグミ,,,三瓶,サンベ,はい\n" +
      "3,鈴木　愛,スズキ　アイ,,,三瓶,サンベ,\n";
    const roster = await loadRoster(new TextEncoder().encode(csv), { fileName: "roster.csv" });
    const { staff } = await resolveReadings(roster.records, createReadingResolver({ analyzer: false }));
    expect(staff.map((s) => [s.name, s.surname, s.kana, s.romaji, s.source])).toEqual([
      ["松野　花子", "松野", "まつの", "Matsuno", "roster"],
      ["三瓶　恵", "三瓶", "さんべ", "Sambe", "roster"],
      ["鈴木　愛", "鈴木", "すずき", "Suzuki", "roster"],
    ]);
  });
});

describe("one bad row never loses the others", () => {
  it("resolves the good rows around an empty name", async () => {
    const resolver = createReadingResolver({ analyzer: false, overrides: noOverrides });
    const result = await resolveReadings([staffRecord(1, "佐藤　花子"), staffRecord(2, "　"), staffRecord(3, "井上　陽子")], resolver);
    expect(result.staff.map((s) => s.row)).toEqual([1, 3]);
    expect(result.errors.map((e) => e.row)).toEqual([2]);
  });
});
