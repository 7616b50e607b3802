// nafuda serve — the previews are the PDF itself, drawn by pdf.js (pdfjs-dist, served by the local server under
// /pdfjs/: no CDN). Whatever the PDF holds (the city's artwork, images, CMYK colours) shows as it will print.

let loading = null;

/** pdf.js, loaded on first use (half a megabyte: the page does not wait for it). */
function pdfjs() {
  loading ??= import("/pdfjs/pdf.min.mjs").then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.min.mjs";
    return lib;
  });
  return loading;
}

const here = (path) => new URL(path, location.href).href;

/** Opens a PDF (bytes) in pdf.js. The caller destroys the document when done with it. */
export async function openPdf(bytes) {
  const lib = await pdfjs();
  return lib.getDocument({
    // pdf.js takes the buffer to its worker: give it a copy, the page keeps the PDF to save it.
    data: bytes.slice(),
    cMapUrl: here("/pdfjs/cmaps/"),
    cMapPacked: true,
    standardFontDataUrl: here("/pdfjs/standard_fonts/"),
    wasmUrl: here("/pdfjs/wasm/"),
    iccUrl: here("/pdfjs/iccs/"),
    isEvalSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    enableXfa: false,
  }).promise;
}

/** The size of a page, in PDF points. */
export async function pageSize(doc, pageNumber) {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  return { width: viewport.width, height: viewport.height };
}

/**
 * Draws one page into `canvas`, `cssWidth` CSS pixels wide, sharp on the screen's pixels (up to 3 per CSS pixel).
 * Resolves once drawn.
 */
export async function drawPage(doc, pageNumber, canvas, cssWidth) {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.max(1, Math.round(viewport.width));
  canvas.height = Math.max(1, Math.round(viewport.height));
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.round((cssWidth * base.height) / base.width)}px`;
  await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport, background: "#ffffff" }).promise;
  page.cleanup();
  canvas.dataset.drawn = "1";
  return { width: base.width, height: base.height };
}
