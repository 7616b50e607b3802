/**
 * Writes examples/artwork/poster-artwork.pdf, the fictional みどり市's own poster artwork (a frame and two bands in
 * the city's green, with room for nafuda's text): page 1 A4, page 2 B2, both at trim size. It stands for the PDF a
 * city's designer hands over; examples/artwork/layout.yaml says where nafuda sets the text on it.
 *
 *   node --import tsx scripts/make-example-artwork.ts
 */
import { writeFileSync } from "node:fs";
import { cmyk } from "pdf-lib";
import { createDeterministicDocument, saveDeterministic } from "../src/pdf/deterministic.js";
import { mmToPt } from "../src/geometry/units.js";

const doc = await createDeterministicDocument({ title: "みどり市 ポスター用デザイン（架空）" });
const green = cmyk(0.8, 0.1, 0.6, 0.1);
const pale = cmyk(0.12, 0, 0.08, 0);
for (const [width, height] of [[210, 297], [515, 728]] as const) {
  const page = doc.addPage([mmToPt(width), mmToPt(height)]);
  const u = width / 210; // the A4 design scaled to the page
  const rect = (x: number, y: number, w: number, h: number, colour: typeof green) =>
    page.drawRectangle({ x: mmToPt(x), y: mmToPt(height - y - h), width: mmToPt(w), height: mmToPt(h), color: colour });
  rect(0, 0, width, height, pale);
  rect(0, 0, width, 22 * u, green); // top band
  rect(0, height - 16 * u, width, 16 * u, green); // bottom band
  rect(8 * u, 30 * u, width - 16 * u, height - 54 * u, cmyk(0, 0, 0, 0)); // the white field for the text
  for (let i = 0; i < 3; i++) page.drawCircle({ x: mmToPt(20 * u + i * 9 * u), y: mmToPt(height - 11 * u), size: mmToPt(3 * u), color: cmyk(0, 0, 0, 0) });
}
writeFileSync("examples/artwork/poster-artwork.pdf", await saveDeterministic(doc));
