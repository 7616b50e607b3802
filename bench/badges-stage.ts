/**
 * npm run bench:badges:stage — the PDF stage alone, in memory: how fast and how large are nafuda's badge PDFs?
 * (The whole processes, as a user runs them, are compared by bench/badges.ts: npm run bench:badges.)
 *
 * The same A4 10-up layout (the built-in `standard` template, 91 × 55 mm: 所属, hiragana surname, romaji;
 * every text fitted to its box) for N staff (default 10,000), made in the same run by:
 *   - nafuda   renderBadgeSheets: HarfBuzz subset fonts, one-step fit (condense, then shrink), low-level content streams
 *   - pdfkit   the same boxes and the same one-step fit (fitText), drawn with doc.text (fonts subset by pdfkit)
 *   - pdfme    @pdfme/generator with the same boxes, dynamicFontSize (its step-shrinking fit), default font subsetting
 * plus nafuda end to end (a CSV roster on disk → loadRoster → resolveReadings → renderBadgeSheets → writeFileAtomic)
 * and nafuda at 50,000 badges for peak memory.
 * Each measurement runs in its own child process, so peak RSS (VmHWM) is that engine's alone;
 * times start with the staff in memory and module imports done (font files are read inside the timing).
 *
 *   npm run bench:badges                     # 10,000 badges, all engines, 50,000 memory run
 *   npm run bench:badges -- --count 2000     # quicker
 *   npm run bench:badges -- --skip pdfme,50k
 *   npm run bench:badges -- --runs 1         # one run per engine (default: best of 3, engines taking turns)
 *
 * Targets (issue 3): PDF stage ≥ 3× faster than pdfme, within 1.5× of pdfkit, file no larger than pdfkit's;
 * 50,000 badges with peak RSS ≤ 1 GB.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { StaffReading } from "../src/model.js";
import { packageRoot } from "../src/package-root.js";
import { syntheticStaff } from "./synthetic-staff.js";

const root = packageRoot();
const outDir = join(root, "out", "bench-badges");
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Measurement {
  engine: string;
  count: number;
  ms: number;
  bytes: number;
  maxRssMB: number;
  pages?: number;
  note?: string;
}

// ---------------------------------------------------------------- child: one engine, one run
async function child(engine: string, count: number): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${engine}-${count}.pdf`);
  const { loadTemplate } = await import("../src/badges/template.js");
  const template = await loadTemplate("standard");
  let result: Measurement;
  if (engine === "e2e") {
    const { loadRoster } = await import("../src/roster/load-roster.js");
    const { createReadingResolver, resolveReadings } = await import("../src/readings/resolve.js");
    const { renderBadgeSheets } = await import("../src/badges/render-badges.js");
    const { writeFileAtomic } = await import("../src/io/atomic-write.js");
    await import("../src/badges/fields.js");
    const roster = join(outDir, `roster-${count}.csv`);
    const lines = ["職員番号,氏名,フリガナ,所属"];
    for (const s of syntheticStaff(count)) lines.push(`${s.id},${s.surname}　太郎,${toKatakana(s.kana)}　タロウ,${s.record.department}`);
    writeFileSync(roster, "\uFEFF" + lines.join("\r\n") + "\r\n");
    // The same calls as `nafuda badges roster.csv -o out.pdf` (the default resolver: dictionary, analyzer loaded only if a row needs it).
    const start = performance.now();
    const loaded = await loadRoster(roster);
    const t1 = performance.now();
    const readings = await resolveReadings(loaded.records, createReadingResolver());
    const t2 = performance.now();
    const rendered = await renderBadgeSheets(readings.staff, { template, sheet: "a4-10up" });
    const t3 = performance.now();
    await writeFileAtomic(out, rendered.pdf);
    const ms = performance.now() - start;
    const errors = loaded.errors.length + readings.errors.length + rendered.errors.length;
    const stages = `roster ${fmtMs(t1 - start)}, readings ${fmtMs(t2 - t1)}, PDF ${fmtMs(t3 - t2)}, write ${fmtMs(performance.now() - t3)}`;
    result = {
      engine,
      count,
      ms,
      bytes: statSync(out).size,
      maxRssMB: 0,
      pages: rendered.pages,
      note: `${stages}; ${rendered.badges} badges, ${errors} row errors, ${readings.staff.filter((s) => s.review).length} to review`,
    };
  } else {
    const staff = syntheticStaff(count);
    // Module imports stay outside the timing, for every engine.
    await Promise.all([
      import("../src/badges/render-badges.js"),
      import("../src/text/fit-text.js"),
      import("../src/badges/fields.js"),
      import("../src/pdf/fonts.js"),
      import("../src/geometry/sheets.js"),
      import("../src/geometry/units.js"),
      engine === "pdfkit" ? import("pdfkit") : null,
      engine === "pdfme" ? import("@pdfme/generator") : null,
      engine === "pdfme" ? import("@pdfme/schemas") : null,
    ]);
    const start = performance.now();
    let pdf: Uint8Array;
    let pages: number | undefined;
    if (engine === "nafuda") {
      const { renderBadgeSheets } = await import("../src/badges/render-badges.js");
      const rendered = await renderBadgeSheets(staff, { template, sheet: "a4-10up" });
      pdf = rendered.pdf;
      pages = rendered.pages;
    } else if (engine === "pdfkit") {
      pdf = await pdfkitBadges(staff, template);
    } else if (engine === "pdfme") {
      pdf = await pdfmeBadges(staff, template);
    } else throw new Error(`unknown engine ${engine}`);
    const ms = performance.now() - start;
    writeFileSync(out, pdf);
    result = { engine, count, ms, bytes: pdf.length, maxRssMB: 0, ...(pages !== undefined ? { pages } : {}) };
  }
  result.maxRssMB = peakRssMB();
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/**
 * This process's own peak RSS: /proc/self/status VmHWM on Linux. getrusage's maxrss carries over through exec the
 * peak of the process that started this one (this bench's parent, holding every engine's results).
 */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

function toKatakana(hiragana: string): string {
  return hiragana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

type Template = Awaited<ReturnType<typeof import("../src/badges/template.js").loadTemplate>>;

/** The 10-up cells in mm, top-left origin (the a4-10up preset). */
async function cells(template: Template) {
  const { resolveSheet, sheetPreset, cellRects } = await import("../src/geometry/sheets.js");
  return cellRects(resolveSheet(sheetPreset("a4-10up"), template));
}

function sourceText(s: StaffReading, source: string): string {
  return source === "kana" ? s.kana : source === "romaji" ? s.romaji : (s.record.fields[source] ?? "");
}

async function pdfkitBadges(staff: StaffReading[], template: Template): Promise<Uint8Array> {
  const { default: PDFDocument } = await import("pdfkit");
  const { fitText } = await import("../src/text/fit-text.js");
  const { sortForHandout } = await import("../src/badges/fields.js");
  const { bundledFontPath } = await import("../src/pdf/fonts.js");
  const { mmToPt } = await import("../src/geometry/units.js");
  const rects = await cells(template);
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Producer: "bench", Creator: "bench", CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const fonts = new Map<string, string>();
  for (const field of template.fields) {
    if (!fonts.has(field.font)) {
      fonts.set(field.font, `f${fonts.size}`);
      doc.registerFont(`f${fonts.size - 1}`, bundledFontPath(field.font));
    }
  }
  const ordered = sortForHandout(staff);
  for (let i = 0; i < ordered.length; i++) {
    const slot = i % rects.length;
    if (slot === 0) doc.addPage({ size: "A4", margin: 0 });
    const rect = rects[slot]!;
    const person = ordered[i]!;
    for (const field of template.fields) {
      const text = sourceText(person, field.source);
      if (!text) continue;
      doc.font(fonts.get(field.font)!).fontSize(1);
      const spacing = field.letterSpacing ?? 0;
      const widthAt1 = doc.widthOfString(text) + spacing * ([...text].length - 1);
      const box = { width: mmToPt(field.width!), height: mmToPt(field.height!) };
      const fit = fitText(widthAt1, box, { maxSizePt: field.sizePt.max, minSizePt: field.sizePt.min, minCondense: field.minCondense ?? 0.75 });
      const left = mmToPt(rect.x + field.x!);
      const x = field.align === "left" ? left : left + (box.width - fit.width) / 2;
      const top = mmToPt(rect.y + field.y!) + (box.height - fit.sizePt) / 2;
      doc
        .fontSize(fit.sizePt)
        .fillColor(field.colour ?? "#000000")
        // pdfkit puts the baseline at y + ascender (0.88 em for BIZ UD): y is the top of the em box.
        .text(text, x, top, {
          lineBreak: false,
          horizontalScaling: fit.horizontalScale * 100,
          characterSpacing: spacing * fit.sizePt,
        } as PDFKit.Mixins.TextOptions);
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function pdfmeBadges(staff: StaffReading[], template: Template): Promise<Uint8Array> {
  const { generate } = await import("@pdfme/generator");
  const { text } = await import("@pdfme/schemas");
  const { sortForHandout } = await import("../src/badges/fields.js");
  const { bundledFontPath } = await import("../src/pdf/fonts.js");
  const rects = await cells(template);
  const font: Record<string, { data: Uint8Array; fallback?: boolean }> = {};
  for (const field of template.fields) {
    if (!font[field.font]) font[field.font] = { data: readFileSync(bundledFontPath(field.font)), ...(Object.keys(font).length === 0 ? { fallback: true } : {}) };
  }
  const schemas = rects.flatMap((rect, slot) =>
    template.fields.map((field, f) => ({
      name: `s${slot}f${f}`,
      type: "text",
      position: { x: rect.x + field.x!, y: rect.y + field.y! },
      width: field.width!,
      height: field.height!,
      fontName: field.font,
      fontSize: field.sizePt.max,
      alignment: field.align ?? "center",
      verticalAlignment: "middle",
      lineHeight: 1,
      characterSpacing: (field.letterSpacing ?? 0) * field.sizePt.max,
      fontColor: field.colour ?? "#000000",
      backgroundColor: "",
      dynamicFontSize: { min: field.sizePt.min, max: field.sizePt.max, fit: "horizontal" },
    })),
  );
  const ordered = sortForHandout(staff);
  const inputs: Record<string, string>[] = [];
  for (let i = 0; i < ordered.length; i += rects.length) {
    const input: Record<string, string> = {};
    for (let slot = 0; slot < rects.length; slot++) {
      const person = ordered[i + slot];
      template.fields.forEach((field, f) => (input[`s${slot}f${f}`] = person ? sourceText(person, field.source) : ""));
    }
    inputs.push(input);
  }
  return generate({
    template: { basePdf: { width: 210, height: 297, padding: [0, 0, 0, 0] }, schemas: [schemas] } as never,
    inputs,
    options: { font } as never,
    plugins: { text } as never,
  });
}

// ---------------------------------------------------------------- parent: run each engine in its own process
function run(engine: string, count: number): Measurement | null {
  const started = performance.now();
  const proc = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", engine, "--count", String(count)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = proc.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) {
    process.stderr.write(`${engine} ${count}: failed (exit ${proc.status})\n${proc.stderr.slice(-2000)}\n`);
    return null;
  }
  const result = JSON.parse(line.slice(7)) as Measurement;
  process.stderr.write(`  ${engine} ×${count}: ${fmtMs(result.ms)} (process ${fmtMs(performance.now() - started)})\n`);
  return result;
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtBytes = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`);

async function parent(): Promise<void> {
  const count = Number(flag("count") ?? 10000);
  const skip = new Set((flag("skip") ?? "").split(",").filter(Boolean));
  process.stderr.write(`nafuda bench:badges — ${count} badges, A4 10-up, template standard (Node ${process.version}, ${process.platform})\n`);
  const runs = Math.max(1, Number(flag("runs") ?? 3));
  const engines = ["nafuda", "pdfkit", "pdfme", "e2e"].filter((e) => !skip.has(e));
  const results = new Map<string, Measurement>();
  const times = new Map<string, number[]>();
  // Engines take turns, so that a burst of load on a shared machine does not fall on one engine only.
  for (let round = 0; round < runs; round++) {
    for (const engine of engines) {
      const r = run(engine, count);
      if (!r) continue;
      times.set(engine, [...(times.get(engine) ?? []), r.ms]);
      const best = results.get(engine);
      if (!best || r.ms < best.ms) results.set(engine, { ...r, maxRssMB: Math.max(r.maxRssMB, best?.maxRssMB ?? 0) });
      else best.maxRssMB = Math.max(best.maxRssMB, r.maxRssMB);
    }
  }
  let big: Measurement | null = null;
  if (!skip.has("50k")) big = run("nafuda", 50000);

  const rows = [...results.values()].map((r) => [
    r.engine === "e2e" ? "nafuda end to end (CSV → PDF on disk)" : r.engine === "nafuda" ? "nafuda (PDF stage)" : r.engine,
    fmtMs(r.ms),
    `${((r.count / r.ms) * 1000).toFixed(0)}/s`,
    `${r.maxRssMB.toFixed(0)} MB`,
    fmtBytes(r.bytes),
  ]);
  if (big) rows.push(["nafuda ×50,000 (PDF stage)", fmtMs(big.ms), `${((big.count / big.ms) * 1000).toFixed(0)}/s`, `${big.maxRssMB.toFixed(0)} MB`, fmtBytes(big.bytes)]);
  const header = ["", "time", "badges/s", "peak RSS", "file"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${count} badges, A4 10-up (${Math.ceil(count / 10)} pages), template standard; best of ${runs} run(s) each, peak RSS the highest`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const nafuda = results.get("nafuda");
  const pdfkit = results.get("pdfkit");
  const pdfme = results.get("pdfme");
  for (const r of results.values()) if (r.note) console.log(`${r.engine}: ${r.note}`);
  console.log("\nall runs: " + [...times].map(([engine, list]) => `${engine} ${list.map(fmtMs).join(" / ")}`).join("; "));
  console.log("");
  const check = (ok: boolean) => (ok ? "ok" : "MISSED");
  if (nafuda && pdfme) {
    const ratio = pdfme.ms / nafuda.ms;
    console.log(`pdfme / nafuda time:   ${ratio.toFixed(1)}×   (target ≥ 3×)   ${check(ratio >= 3)}`);
  }
  if (nafuda && pdfkit) {
    const ratio = nafuda.ms / pdfkit.ms;
    console.log(`nafuda / pdfkit time:  ${ratio.toFixed(2)}×  (target ≤ 1.5×)  ${check(ratio <= 1.5)}`);
    const size = nafuda.bytes / pdfkit.bytes;
    console.log(`nafuda / pdfkit bytes: ${size.toFixed(2)}×  (target ≤ 1×)    ${check(size <= 1)}`);
  }
  if (big) console.log(`50,000 badges peak RSS: ${big.maxRssMB.toFixed(0)} MB (target ≤ 1024 MB)  ${check(big.maxRssMB <= 1024)}`);
  console.log(`\nPDFs in ${outDir}`);
}

if (args.includes("--child")) await child(flag("child")!, Number(flag("count") ?? 10000));
else await parent();
