// Makes templates/badges/band.pdf: the background of the built-in "band" template, drawn the way a
// designer would hand it over — 91 × 55 mm TrimBox inside 3 mm of bleed, a colour band running off
// the top edge, and AcroForm text fields named 所属, kana and romaji marking where the text goes.
//   npx tsx test/badges/band-background.ts   (rewrites the file; a test checks it is up to date)
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { cmyk } from "pdf-lib";
import { createDeterministicDocument, saveDeterministic } from "../../src/pdf/deterministic.js";
import { mmToPt } from "../../src/geometry/units.js";
import { builtinTemplatePath } from "../../src/badges/template.js";

export async function makeBandBackground(): Promise<Uint8Array> {
  const doc = await createDeterministicDocument({ title: "nafuda band badge background" });
  const bleed = 3;
  const page = doc.addPage([mmToPt(91 + 2 * bleed), mmToPt(55 + 2 * bleed)]);
  page.setTrimBox(mmToPt(bleed), mmToPt(bleed), mmToPt(91), mmToPt(55));
  page.setBleedBox(0, 0, mmToPt(91 + 2 * bleed), mmToPt(55 + 2 * bleed));
  const y = (fromTop: number, height: number) => mmToPt(bleed + 55 - fromTop - height);
  // Band: 11 mm of the trim plus the bleed above it, a thin accent line under it.
  page.drawRectangle({ x: 0, y: y(-bleed, 11 + bleed), width: mmToPt(97), height: mmToPt(11 + bleed), color: cmyk(0.85, 0.1, 0.55, 0.1) });
  page.drawRectangle({ x: 0, y: y(11, 0.8), width: mmToPt(97), height: mmToPt(0.8), color: cmyk(0.1, 0.3, 0.9, 0) });
  // A thin rule over the bottom margin.
  page.drawRectangle({ x: mmToPt(bleed + 8), y: y(49.5, 0.3), width: mmToPt(75), height: mmToPt(0.3), color: cmyk(0, 0, 0, 0.35) });
  const form = doc.getForm();
  const field = (name: string, x: number, top: number, width: number, height: number) =>
    form.createTextField(name).addToPage(page, { x: mmToPt(bleed + x), y: y(top, height), width: mmToPt(width), height: mmToPt(height), borderWidth: 0 });
  field("所属", 5, 2.5, 81, 6);
  field("kana", 5, 15, 81, 21);
  field("romaji", 8, 37.5, 75, 10);
  return saveDeterministic(doc);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(builtinTemplatePath("band").replace(/\.json$/, ".pdf"), await makeBandBackground());
}
