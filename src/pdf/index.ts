/**
 * nafuda/pdf — the pieces badges and posters are made of, for a city that lays out its own: millimetres and paper
 * sizes, sheet presets and imposition (cells, back sides, pages), one-step text fitting, fonts (loading, HarfBuzz
 * subsets, embedding), print marks and boxes, and deterministic PDF documents.
 */
export { MM_PER_PT, PT_PER_MM, mmToPt, ptToMm, PAPER_SIZES, paperSize, outsetRect, rectMmToPdf } from "../geometry/units.js";
export type { SizeMm, RectMm, RectPt, PaperName } from "../geometry/units.js";
export { SHEET_PRESETS, sheetPreset, resolveSheet, cellRects, backCellRects, planPages, SheetError } from "../geometry/sheets.js";
export type { SheetSpec, Sheet, PlacementOptions, CellRect, PagePlan } from "../geometry/sheets.js";
export { fitText } from "../text/fit-text.js";
export type { FitBox, FitStyle, FitResult } from "../text/fit-text.js";
export { BUNDLED_FONTS, bundledFontPath, loadFont, missingCharacters, subsetFontForText, embedFontForText, FontFileError } from "./fonts.js";
export type { BundledFontName, EmbedFontOptions } from "./fonts.js";
export { DEFAULT_BLEED_MM, bleedRect, cropMarkMargin, cropMarkLines, cutGuideLines, setPrintBoxes } from "./print-marks.js";
export type { LineMm, CropMarkOptions, PrintBoxes } from "./print-marks.js";
export { PDF_PRODUCER, createDeterministicDocument, saveDeterministic } from "./deterministic.js";
export type { DocumentInfo } from "./deterministic.js";
export { PdfWriter, BytesSink } from "./pdf-writer.js";
export type { PdfSink, PdfLibObject, PdfTrailer, PdfVersion, PdfWriterOptions } from "./pdf-writer.js";
