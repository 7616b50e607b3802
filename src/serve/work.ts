import { randomBytes, timingSafeEqual } from "node:crypto";
import type { RowError, StaffReading, StaffRecord } from "../model.js";
import type { TableLimits } from "../roster/limits.js";
import { resolveReadings, type ReadingResolver, type ResolvedReadings } from "../readings/resolve.js";
import type { ConfirmedReading } from "../readings/confirmed-readings.js";
import { reviewRows } from "../review/review-sheet.js";
import { loadTemplate } from "../badges/template.js";
import { SHEET_PRESETS } from "../geometry/sheets.js";
import { msg } from "../messages/message.js";
import type { Lang } from "../messages/lang.js";
import {
  confirmedCsvOf, confirmedInfo, confirmedXlsxOf, filesInfo, ofRoster, oneBadgePdf, pageResolver, pageRow, readEdits, readFiles, sheetPdf, stem,
  type BadgesPdf, type PageEdit, type PageRow, type ReadFiles, type ReadingOptions, type SheetRequest, type Upload,
} from "./api.js";
import { yieldToEventLoop, type Engine } from "./engine.js";
import { pageRowError, PageError, type PageRowError } from "./messages.js";

/**
 * The working roster: what the page works on for a day, kept in the server's memory (never on disk, never in the
 * browser's storage). The roster and confirmed readings file are read once; the corrections made on the page are
 * kept with them; an edit re-reads that one person through the library (resolveReadings with `only`, the confirmed
 * rows still matched against the whole roster); a reload of the page finds the work again by its id.
 *
 * Bounded: one working roster per server (a new upload replaces it once read), freed after WORK_IDLE_MS without a
 * request, when the page ends it (「作業を終える」), or when the server stops.
 */

/** A working roster no request has touched for this long is freed: a working day. */
export const WORK_IDLE_MS = 8 * 60 * 60 * 1000;

/** Who is printed and how: kept with the work, so that a reload keeps the choice. */
export interface PrintSettings {
  /** "all": everyone who can be printed; "chosen": the rows in `chosen` only. */
  people: "all" | "chosen";
  /** The roster's data rows chosen, in the order chosen. */
  chosen: number[];
  template: string;
  /** A sheet preset, or "auto" (the template's own). */
  sheet: string;
  /** The first free cell of a part-used sheet (1 = top left, row by row). */
  startAt: number;
  cutGuides: boolean;
}

export interface WorkActivity {
  phase: "reading" | "resolving";
  done: number;
  total: number;
}

/** A correction typed on the page for one person. */
export interface EditChange {
  kana: string;
  /** The romaji to print, or null to spell it from the kana. */
  romaji: string | null;
  /** The person confirmed this kana with this romaji although it does not spell it (the review sheet's 済). */
  pair: boolean;
  /** The romaji was typed by the person (not the one shown kept): the page's editor shows it as typed. */
  romajiTyped: boolean;
}

/** The summary chips of the page. */
export interface WorkSummary {
  total: number;
  review: number;
  errors: number;
  done: number;
  /** People whose reading is not the confirmed file's (no row there, or corrected since); null without a confirmed file. */
  changed: number | null;
}

/** A row of the page's table, with what the working roster knows besides the reading. */
export interface WorkRow extends PageRow {
  /** The correction typed for this row could not be used (not kana…): the library's message; the row is as it was. */
  editError: PageRowError | null;
  /** The edit as typed (kana, romaji, pair), so the editor shows it again after a reload. */
  typed: EditChange | null;
  /** The reading is not the confirmed file's (see WorkSummary.changed); null without a confirmed file. */
  changed: boolean | null;
}

interface Resolution {
  readings: Map<number, StaffReading>;
  errors: Map<number, RowError>;
  /** The confirmed file's reading of each person it matched (and did not leave 要確認). */
  fromFile: Map<number, { kana: string; romaji: string | null }>;
  resolved: ResolvedReadings;
}

const signature = (row: ConfirmedReading | undefined) => (row ? `${row.kana}\t${row.romaji ?? ""}\t${row.review}` : undefined);

/** The sheet renderBadgeSheets takes by default for a badge of this size (src/badges/render-badges.ts, defaultSheetFor). */
function defaultSheetName(badge: { width: number; height: number }): string {
  if (Math.abs(badge.width - 91) < 0.5 && Math.abs(badge.height - 55) < 0.5) return "a4-10up";
  if (badge.width <= 85.61 && badge.height <= 54.01) return "a4-8up-card";
  return "a4-1up";
}

/** Cells per page of the sheet a print request uses: the range of its first free cell. */
export async function cellsPerPage(templateSource: string, sheet: string | undefined): Promise<{ sheet: string; cells: number }> {
  const name = sheet ?? defaultSheetName(await loadTemplate(templateSource));
  const preset = SHEET_PRESETS[name]!;
  return { sheet: name, cells: preset.columns * preset.rows };
}

export class Work {
  readonly id = randomBytes(18).toString("base64url");
  lastUsed = Date.now();
  private files: ReadFiles;
  private records: Map<number, StaffRecord>;
  private readonly edits = new Map<number, PageEdit & { romajiTyped: boolean }>();
  private readonly editRows = new Map<number, ConfirmedReading>();
  private readonly editErrors = new Map<number, RowError>();
  /** The reading a corrected row had before its first correction: offered back as an alternative. */
  private readonly baseline = new Map<number, { kana: string; alternatives: readonly string[] }>();
  /** The edits as they were when the confirmed readings file was last downloaded. */
  private saved = new Map<number, string>();
  private resolver!: ReadingResolver;
  private state!: Resolution;
  /** The rows in the order the page shows them: errors, review, the rest, as first read (kept while working). */
  private order: number[] = [];
  private lock: Promise<unknown> = Promise.resolve();
  private progress: WorkActivity | null = null;
  print: PrintSettings = { people: "all", chosen: [], template: "standard", sheet: "auto", startAt: 1, cutGuides: false };

  private constructor(
    private readonly engine: Engine,
    private readonly limits: Partial<TableLimits>,
    private rosterUpload: Upload,
    private confirmedUpload: Upload | null,
    files: ReadFiles,
    public options: ReadingOptions,
  ) {
    this.files = files;
    this.records = new Map(files.roster.records.map((record) => [record.row, record]));
  }

  /** Reads the files and every reading: the new working roster (not yet installed). */
  static async open(
    engine: Engine, limits: Partial<TableLimits>, roster: Upload, confirmed: Upload | null, options: ReadingOptions, activity?: (a: WorkActivity | null) => void,
  ): Promise<Work> {
    activity?.({ phase: "reading", done: 0, total: 0 });
    const files = await readFiles(roster, confirmed, limits);
    const work = new Work(engine, limits, files.rosterFile, files.rosterKind === "review-sheet" ? null : files.confirmedFile, files, options);
    work.print = { ...work.print, template: engine.defaults.template };
    work.resolver = work.makeResolver(files, options);
    work.state = await work.resolveAll(work.resolver, files, activity);
    work.order = work.initialOrder();
    return work;
  }

  /** One operation on the work at a time (an edit waits for a re-read of the whole roster, and the other way round). */
  run<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.lock.then(operation, operation);
    this.lock = next.catch(() => undefined);
    return next;
  }

  get rosterName(): string {
    return this.files.rosterFile.name;
  }

  get size(): number {
    return this.order.length;
  }

  private makeResolver(files: ReadFiles, options: ReadingOptions): ReadingResolver {
    return pageResolver(files.confirmed, { ...options, foreignNamesIn: this.engine.defaults.foreignNamesIn }, this.engine.analyzer, this.editRows, async () => {
      const progress = this.progress;
      if (progress && ++progress.done % 250 === 0) await yieldToEventLoop();
    });
  }

  private async resolveAll(resolver: ReadingResolver, files: ReadFiles, activity?: (a: WorkActivity | null) => void): Promise<Resolution> {
    this.progress = { phase: "resolving", done: 0, total: files.roster.records.length };
    activity?.(this.progress);
    try {
      const resolved = await resolveReadings(files.roster.records, resolver);
      const readings = new Map(resolved.staff.map((s) => [s.row, s]));
      const errors = new Map<number, RowError>();
      for (const error of ofRoster(files.rosterFile.name, [...files.roster.errors.filter((e) => e.row > 0), ...resolved.errors])) {
        if (!errors.has(error.row)) errors.set(error.row, error);
      }
      const fromFile = new Map<number, { kana: string; romaji: string | null }>();
      for (const record of files.roster.records) {
        const match = resolved.matching.byRecord.get(record);
        if (match?.reading && match.reading.review !== "pending") fromFile.set(record.row, { kana: match.reading.kana, romaji: match.reading.romaji });
      }
      return { readings, errors, fromFile, resolved };
    } finally {
      this.progress = null;
      activity?.(null);
    }
  }

  private initialOrder(): number[] {
    const rank = (row: number) => (this.state.errors.has(row) && !this.state.readings.has(row) ? 0 : this.state.readings.get(row)?.review !== false ? 1 : 2);
    const rows = [...new Set([...this.state.readings.keys(), ...this.state.errors.keys()])];
    return rows.sort((a, b) => rank(a) - rank(b) || a - b);
  }

  /** Another romaji system or letter case: every reading again, the order kept. */
  async setOptions(options: ReadingOptions): Promise<void> {
    const resolver = this.makeResolver(this.files, options);
    this.state = await this.resolveAll(resolver, this.files);
    this.resolver = resolver;
    this.options = options;
  }

  /**
   * Another confirmed readings file (or none): every reading again. When the library refuses the file (another
   * roster's: CONFIRMED_MOSTLY_UNMATCHED), the work stays as it was. The corrections made on the page are kept.
   */
  async setConfirmed(confirmed: Upload | null, activity?: (a: WorkActivity | null) => void): Promise<void> {
    // A review sheet alone was roster and confirmed file at once: a file added now may be the roster (readFiles
    // tells them apart).
    const files = await readFiles(this.rosterUpload, confirmed, this.limits);
    const resolver = this.makeResolver(files, this.options);
    const rosterChanged = files.rosterFile !== this.files.rosterFile;
    const records = new Map(files.roster.records.map((record) => [record.row, record]));
    // A correction stays with its person: dropped when the row now holds someone else (a roster chosen in place
    // of a review sheet).
    const kept = [...this.edits.values()].filter((edit) => records.get(edit.row)?.name === edit.name);
    const dropped = [...this.edits.keys()].filter((row) => !kept.some((edit) => edit.row === row));
    const before = { editRows: new Map(this.editRows) };
    for (const row of dropped) this.editRows.delete(row);
    let state: Resolution;
    try {
      state = await this.resolveAll(resolver, files, activity);
    } catch (error) {
      for (const [row, value] of before.editRows) this.editRows.set(row, value);
      throw error;
    }
    for (const row of dropped) {
      this.edits.delete(row);
      this.editErrors.delete(row);
      this.baseline.delete(row);
    }
    this.files = files;
    this.records = records;
    this.rosterUpload = files.rosterFile;
    this.confirmedUpload = files.rosterKind === "review-sheet" ? null : files.confirmedFile;
    this.resolver = resolver;
    this.state = state;
    this.order = this.initialOrder();
    if (rosterChanged) this.print = { ...this.print, chosen: this.print.chosen.filter((row) => records.has(row)) };
  }

  /** A correction typed on the page for one person (or, with null, its removal): that person is read again, alone. */
  async edit(row: number, change: EditChange | null, lang: Lang): Promise<void> {
    const record = this.records.get(row);
    if (!record) throw new PageError(404, msg("SERVE_ROW_NOT_IN_ROSTER"));
    if (change === null) {
      this.edits.delete(row);
      this.editRows.delete(row);
      this.editErrors.delete(row);
      this.baseline.delete(row);
    } else {
      const current = this.state.readings.get(row);
      if (!this.edits.has(row) && current) this.baseline.set(row, { kana: current.kana, alternatives: current.alternatives });
      const edit = { row, id: record.id, name: record.name, kana: change.kana, romaji: change.romaji, pair: change.pair, romajiTyped: change.romajiTyped };
      this.edits.set(row, edit);
      const { rows, errors } = readEdits([edit], this.files.roster, lang);
      const confirmed = rows.get(row);
      if (confirmed) {
        this.editRows.set(row, confirmed);
        this.editErrors.delete(row);
      } else {
        this.editRows.delete(row);
        if (errors[0]) this.editErrors.set(row, errors[0]);
      }
    }
    const resolved = await resolveReadings(this.files.roster.records, this.resolver, { only: new Set([row]) });
    const reading = resolved.staff[0];
    if (reading) {
      this.state.readings.set(row, reading);
      if (!this.files.roster.errors.some((e) => e.row === row)) this.state.errors.delete(row);
    } else {
      this.state.readings.delete(row);
      const error = resolved.errors[0];
      if (error) this.state.errors.set(row, ofRoster(this.files.rosterFile.name, [error])[0]!);
    }
  }

  /** How many people have a correction not yet in a downloaded confirmed readings file. */
  unsaved(): number {
    let count = 0;
    for (const row of new Set([...this.editRows.keys(), ...this.saved.keys()])) {
      if (signature(this.editRows.get(row)) !== this.saved.get(row)) count++;
    }
    return count;
  }

  private markSaved(): void {
    this.saved = new Map([...this.editRows].map(([row, value]) => [row, signature(value)!]));
  }

  private changed(row: number): boolean | null {
    if (!this.files.confirmed) return null;
    const file = this.state.fromFile.get(row);
    const reading = this.state.readings.get(row);
    if (!file || !reading) return true;
    return reading.kana !== file.kana || (file.romaji !== null && reading.romaji.toLowerCase() !== file.romaji.toLowerCase());
  }

  /** One row of the table, in the language asked for. */
  row(row: number, lang: Lang): WorkRow {
    const reading = this.state.readings.get(row);
    const error = reading ? undefined : this.state.errors.get(row);
    const review = reviewRows(reading ? [reading] : [], error ? [error] : [], { lang })[0]!;
    const base = pageRow(review, reading, error, lang, this.editRows.has(row));
    const before = this.baseline.get(row);
    if (this.edits.has(row) && before && reading) {
      base.alternatives = [...new Set([before.kana, ...before.alternatives, ...reading.alternatives])].filter((kana) => kana && kana !== reading.kana);
    }
    const editError = this.editErrors.get(row);
    const edit = this.edits.get(row);
    return {
      ...base,
      editError: editError ? { ...pageRowError(editError, lang), name: edit?.name ?? null } : null,
      typed: edit ? { kana: edit.kana, romaji: edit.romaji, pair: edit.pair, romajiTyped: edit.romajiTyped } : null,
      changed: this.changed(row),
    };
  }

  summary(): WorkSummary {
    let review = 0;
    let done = 0;
    let changed = 0;
    for (const reading of this.state.readings.values()) {
      if (reading.review) review++;
      else if (reading.source === "override") done++;
    }
    const errors = this.order.length - this.state.readings.size;
    if (this.files.confirmed) for (const row of this.order) if (this.changed(row)) changed++;
    return { total: this.order.length, review, errors, done, changed: this.files.confirmed ? changed : null };
  }

  /** What the page shows of the work: files, every row in the order worked in, notes, the print settings. */
  view(lang: Lang, idleMs: number) {
    const { resolved } = this.state;
    return {
      work: this.id,
      lang,
      idleHours: Math.round((idleMs / 3_600_000) * 10) / 10,
      files: filesInfo(this.files),
      headers: this.files.roster.headers,
      options: this.options,
      rows: this.order.map((row) => this.row(row, lang)),
      summary: this.summary(),
      unsaved: this.unsaved(),
      fileErrors: this.files.roster.errors.filter((e) => e.row === 0).map((e) => pageRowError(e, lang)),
      notes: this.files.roster.notes.map((note) => pageRowError(note, lang)),
      confirmed: confirmedInfo(this.files.confirmed, resolved, lang, true),
      print: this.print,
    };
  }

  /** The review sheet of the work (every row, the corrections in): the confirmed readings file to download. */
  private reviewSheetRows(lang: Lang) {
    const staff = this.order.flatMap((row) => this.state.readings.get(row) ?? []);
    const errors = this.order.flatMap((row) => (this.state.readings.has(row) ? [] : this.state.errors.get(row) ?? []));
    return reviewRows(staff, errors, { lang });
  }

  confirmedCsv(lang: Lang): { csv: string; fileName: string } {
    const file = confirmedCsvOf(this.reviewSheetRows(lang), this.rosterName, lang);
    this.markSaved();
    return file;
  }

  async confirmedXlsx(lang: Lang): Promise<{ xlsx: Uint8Array; fileName: string }> {
    const file = await confirmedXlsxOf(this.reviewSheetRows(lang), this.rosterName, lang);
    this.markSaved();
    return file;
  }

  /** One person's badge, alone on a page of its size. */
  async badgePdf(row: number, template: string) {
    const reading = this.state.readings.get(row) ?? null;
    const error = reading ? null : this.state.errors.get(row) ?? null;
    if (!reading && !error) throw new PageError(404, msg("SERVE_ROW_NOT_IN_ROSTER"));
    return oneBadgePdf(reading, error, template);
  }

  /** The badges of the people the settings choose, on the chosen sheet from its first free cell. */
  async badgesPdf(request: SheetRequest, lang: Lang): Promise<BadgesPdf & { people: number }> {
    const rows = this.print.people === "chosen" ? this.print.chosen : this.order;
    if (rows.length === 0) throw new PageError(400, msg("SERVE_NO_PEOPLE_CHOSEN"));
    const staff = rows.flatMap((row) => this.state.readings.get(row) ?? []);
    const errors = rows.flatMap((row) => (this.state.readings.has(row) ? [] : this.state.errors.get(row) ?? []));
    const name = this.print.people === "chosen" ? `${stem(this.rosterName)}_名札_${rows.length}人.pdf` : `${stem(this.rosterName)}_名札.pdf`;
    return { ...(await sheetPdf(staff, errors, request, name, this.rosterName, lang)), people: rows.length };
  }

  /** The rows of this roster among these (unknown rows dropped, each once). */
  knownRows(rows: readonly number[]): number[] {
    return [...new Set(rows)].filter((row) => this.records.has(row) || this.state.errors.has(row));
  }
}

/** The one working roster of a server, freed when idle, replaced by a new upload, ended by the page. */
export class WorkStore {
  private work: Work | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** What the server is doing for the page now (reading a roster), for the page's status note. */
  activity: WorkActivity | null = null;

  constructor(readonly idleMs: number = WORK_IDLE_MS) {}

  install(work: Work): void {
    this.work = work;
    this.touch();
  }

  /** The work with this id, or null (another has replaced it, it was freed, or the id is not one). */
  find(id: string | null | undefined): Work | null {
    const work = this.work;
    if (!work || !id) return null;
    const a = Buffer.from(id);
    const b = Buffer.from(work.id);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    this.touch();
    return work;
  }

  end(id: string): boolean {
    if (!this.find(id)) return false;
    this.clear();
    return true;
  }

  clear(): void {
    this.work = null;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private touch(): void {
    if (!this.work) return;
    this.work.lastUsed = Date.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), this.idleMs);
    this.timer.unref();
  }
}
