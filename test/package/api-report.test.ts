import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiEntries, apiReport, reportFile } from "../../scripts/api-report.js";

/**
 * The public API is a promise: every name each package entry exports, with its declared type, is held in
 * test/package/api/. A change to what users can import fails here until the report is rewritten deliberately
 * (npm run api:report) and the change is in the commit for a reviewer to see.
 */
describe("the public API", () => {
  const reports = apiReport();

  it.each([...apiEntries().keys()])("%s matches its committed report", (entry) => {
    const committed = readFileSync(reportFile(entry), "utf8");
    expect(reports.get(entry), `the API of ${entry} changed: if that is deliberate, run npm run api:report`).toBe(committed);
  });

  it("keeps the main entry small and the internals out of it", () => {
    const main = reports.get("nafuda")!.trim().split("\n");
    // Names and their types: 167 before the API was drawn, about 130 then; the posters tab's folder and ZIP and the
    // streaming badge writers were added since, deliberately. A name beyond this is a decision, not a side effect.
    expect(main.length).toBeLessThan(160);
    const names = main.map((line) => line.split(" ")[1]!.replace(/:$/, ""));
    for (const internal of ["vowelPairAt", "FINAL_U_MORPHEMES", "relabelCffFonts", "readSfnt", "isVariationSelector", "startServer", "parseDelimited", "matchConfirmed", "uploadedPolicyResolver", "parsePolicyBytes"]) {
      expect(names, internal).not.toContain(internal);
    }
    for (const promised of ["loadRoster", "createReadingResolver", "resolveReadings", "reviewSheetXlsx", "renderBadges", "createTemplate", "createPolicy", "NafudaError", "formatMessage"]) {
      expect(names, promised).toContain(promised);
    }
  });

  it("has the subpath entries README documents", () => {
    expect([...apiEntries().keys()].sort()).toEqual(["nafuda", "nafuda/kana", "nafuda/pdf", "nafuda/romaji", "nafuda/serve"]);
  });
});
