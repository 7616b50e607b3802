import { PDFDocument, PDFTextField } from "pdf-lib";
import { msg } from "../messages/message.js";
import { BackgroundFileError, libraryDetail, openArtworkPdf, withoutPdfLibWarnings } from "../pdf/artwork-pdf.js";
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

/**
 * Page 1 of a template's background PDF, checked the way it will be used: its boxes (openArtworkPdf), its form fields'
 * rectangles, and its content embedded once into a scratch document, so that a damaged content stream or resource is
 * a BackgroundFileError naming the file now, not a pdf-lib error while the badges are written.
 */
export async function readBackground(path: string, badge: SizeMm): Promise<Background> {
  const role = msg("TEXT_ROLE_TEMPLATE_BACKGROUND");
  const { bytes, doc, page: first } = await openArtworkPdf(path, role);
  const damaged = (error: unknown) => (error instanceof BackgroundFileError ? error : new BackgroundFileError(path, msg("BACKGROUND_DAMAGED", { role, detail: libraryDetail(error) }), { cause: error }));
  try {
    await withoutPdfLibWarnings(async () => {
      const scratch = await PDFDocument.create();
      const [embedded] = await scratch.embedPdf(doc, [first.index]);
      await embedded?.embed();
    });
  } catch (error) {
    throw damaged(error);
  }
  const mediaBox = first.mediaBox;
  const media = first.trimBox;
  const size = { width: ptToMm(media.width), height: ptToMm(media.height) };
  const sx = badge.width / size.width;
  const sy = badge.height / size.height;
  const boxes = new Map<string, RectMm>();
  try {
    const page = doc.getPages()[first.index]!;
    const pageRef = page.ref;
    for (const field of doc.getForm().getFields()) {
      if (!(field instanceof PDFTextField)) continue;
      for (const widget of field.acroField.getWidgets()) {
        const onPage = widget.P();
        if (onPage && onPage !== pageRef) continue;
        const rect = widget.getRectangle();
        const box = {
          x: ptToMm(rect.x - media.x) * sx,
          y: ptToMm(media.y + media.height - (rect.y + rect.height)) * sy,
          width: ptToMm(rect.width) * sx,
          height: ptToMm(rect.height) * sy,
        };
        if (![box.x, box.y, box.width, box.height].every(Number.isFinite)) {
          throw new BackgroundFileError(path, msg("BACKGROUND_BAD_FIELD_BOX", { role, field: field.getName() }));
        }
        boxes.set(field.getName(), box);
        break;
      }
    }
  } catch (error) {
    throw damaged(error);
  }
  return { path, bytes, size, trimOffsetPt: { x: media.x - mediaBox.x, y: media.y - mediaBox.y }, boxes };
}
