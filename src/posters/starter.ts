/**
 * The starter files a facilities clerk begins with: the example policy (examples/policy.yaml, every key commented)
 * and the example facility list (examples/facilities.csv), with the city's name in place of the example's. The same
 * files `nafuda init` writes and the web page's posters tab offers for download.
 */
import { readFileSync } from "node:fs";
import { isScalar, parseDocument, visit } from "yaml";
import { csvDocument, csvField } from "../io/excel-csv.js";
import { bundledPath } from "../package-root.js";
import { parseDelimited } from "../roster/delimited.js";
import { DEFAULT_TABLE_LIMITS } from "../roster/limits.js";

/** The example city's name, replaced by the city's own in the starter files. */
export const EXAMPLE_CITY = "みどり市";

/**
 * The example policy with the city's name in its values, the YAML written by the yaml library (comments kept), so
 * that a name holding ": " or "#" or quotes stays one value rather than breaking the file. Without a name (or with
 * the example's), the example file as it is.
 */
export function starterPolicyYaml(municipality: string = EXAMPLE_CITY): string {
  // The example's editor hint names the schema by a path inside the package (../templates/…), wrong in a city's
  // own folder: the starter says where the schema is instead.
  const source = readFileSync(bundledPath("examples", "policy.yaml"), "utf8").replace(
    /^# yaml-language-server: \$schema=\.\.\/templates\/posters\/policy\.schema\.json\n/,
    "# 書き方の定義（JSON Schema）：nafuda の templates/posters/policy.schema.json\n",
  );
  if (municipality === EXAMPLE_CITY) return source;
  const document = parseDocument(source);
  visit(document, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === "string") node.value = node.value.replaceAll(EXAMPLE_CITY, municipality);
    },
  });
  return document.toString({ lineWidth: 0 });
}

/** The example facility list's cells (header first), with the city's name in them. */
export function starterFacilityRows(municipality: string = EXAMPLE_CITY): string[][] {
  const source = readFileSync(bundledPath("examples", "facilities.csv"), "utf8");
  return parseDelimited(source, ",", DEFAULT_TABLE_LIMITS).map((record) => record.cells.map((cell) => cell.replaceAll(EXAMPLE_CITY, municipality)));
}

/**
 * The example facility list as CSV. `excel: true` (the web page's download): UTF-8 with a BOM and CRLF, so that
 * Excel on Windows opens it as UTF-8; otherwise (`nafuda init`) plain UTF-8 with LF. Cells that a spreadsheet
 * would run as formulas are neutralised either way (src/io/excel-csv.ts).
 */
export function starterFacilitiesCsv(municipality: string = EXAMPLE_CITY, options: { excel?: boolean } = {}): string {
  const rows = starterFacilityRows(municipality);
  if (options.excel) return csvDocument(rows);
  return rows.map((cells) => cells.map((cell) => csvField(cell)).join(",")).join("\n") + "\n";
}
