import { PDFTextField } from "pdf-lib";
import { BackgroundFileError, openArtworkPdf } from "../pdf/artwork-pdf.js";
import { ptToMm, type RectMm, type SizeMm } from "../geometry/units.js";

/**
 * A background PDF for a badge side: its first page is drawn under the fields, its TrimBox (or,
 * without one, its MediaBox) scaled onto the badge, so artwork drawn with bleed beyond the
 * TrimBox runs into the bleed of one-per-page output (and is clipped at the badge edge on
 * multi-up sheets). AcroForm text fields on that page give field boxes by name; the form itself
 * never reaches the output (only the page's content is embedded, not its annotations).
 */
export interface Background {
  path: string;
  bytes: Uint8Array;
  /** Page 1's trim size (the part that becomes the badge), mm. */
  size: SizeMm;
  /** Where the trim box sits inside the MediaBox, pt from its lower-left corner. */
  trimOffsetPt: { x: number; y: number };
  /** Text-field rectangles by field name, mm from the badge's top-left, scaled to `badge`. */
  boxes: Map<string, RectMm>;
}

export { BackgroundFileError };

export async function readBackground(path: string, badge: SizeMm): Promise<Background> {
  const { bytes, doc } = await openArtworkPdf(path, "the template's background PDF");
  const page = doc.getPages()[0]!;
  const mediaBox = page.getMediaBox();
  const media = page.node.TrimBox() ? page.getTrimBox() : mediaBox;
  const size = { width: ptToMm(media.width), height: ptToMm(media.height) };
  const sx = badge.width / size.width;
  const sy = badge.height / size.height;
  const boxes = new Map<string, RectMm>();
  const pageRef = page.ref;
  for (const field of doc.getForm().getFields()) {
    if (!(field instanceof PDFTextField)) continue;
    for (const widget of field.acroField.getWidgets()) {
      const onPage = widget.P();
      if (onPage && onPage !== pageRef) continue;
      const rect = widget.getRectangle();
      boxes.set(field.getName(), {
        x: ptToMm(rect.x - media.x) * sx,
        y: ptToMm(media.y + media.height - (rect.y + rect.height)) * sy,
        width: ptToMm(rect.width) * sx,
        height: ptToMm(rect.height) * sy,
      });
      break;
    }
  }
  return { path, bytes, size, trimOffsetPt: { x: media.x - mediaBox.x, y: media.y - mediaBox.y }, boxes };
}
