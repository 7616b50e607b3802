// nafuda serve — the page. Plain browser JavaScript modules, no build step, no outside requests.
// The roster is read once by the local server and kept there, in its memory, with the corrections made on this
// page (the "working roster", /api/work): an edit sends that one correction and gets that one person back; a
// reload finds the work again. Nothing of the roster is kept in the browser's storage.
import { VirtualTable } from "/table.js";
import { drawPage, openPdf, pageSize } from "/pdf-view.js";

const $ = (id) => document.getElementById(id);

const SOURCE_TEXTS = { override: "SERVE_PAGE_SOURCE_OVERRIDE", roster: "SERVE_PAGE_SOURCE_ROSTER", dictionary: "SERVE_PAGE_SOURCE_DICTIONARY", analyzer: "SERVE_PAGE_SOURCE_ANALYZER" };
// The page's language: Japanese, or English with ?lang=en in its address (the language switch reloads the page
// with it; nothing is kept in the browser). Every request says it: the server answers in it, and every word of
// the page comes from nafuda's catalogue in it (/api/info), with its code.
const LANG = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ja";
document.documentElement.lang = LANG;
/** The library's reason for a romaji that does not spell the kana: the person may confirm the pair as it is. */
const ROMAJI_DOES_NOT_FIT = "REASON_ROMAJI_DOES_NOT_FIT";
/** Up to this many badges, the sheet preview follows every change by itself; past it, on request. */
const AUTO_PREVIEW_LIMIT = 1000;
/** How many chosen people the list under 「選んだ人」 names (the count is always complete). */
const CHOSEN_LISTED = 100;
/** The only thing the page keeps in the browser's storage: the text size chosen (not the roster, nothing personal). */
const TEXT_SIZE_KEY = "nafuda.textSize";

const state = {
  info: null,
  texts: {},
  work: null, // the working roster's id (the server keeps the roster; the page shows it)
  files: null,
  rows: [], // WorkRow, in the order the server keeps (errors, review, the rest, as first read)
  byRow: new Map(),
  sheetRows: new Map(), // the row as Excel numbers it -> row
  summary: null,
  unsaved: 0,
  selected: null,
  step: "roster",
  print: { people: "all", chosen: [], template: "standard", sheet: "auto", startAt: 1, cutGuides: false },
  version: 0, // bumped whenever readings change: a sheet preview made before is out of date
  sheet: null, // { key, blob, name, report, doc }
  facilities: null,
  policy: null,
  posterFacilities: [],
};

// ---------- small helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * The words of the page before /api/info answers (or when nafuda cannot be reached): the Japanese the HTML holds
 * for each code, and the few it keeps in its #fallback-texts template.
 */
const FALLBACK_TEXTS = {};
for (const node of [...document.querySelectorAll("[data-text]"), ...$("fallback-texts").content.querySelectorAll("[data-text]")]) {
  const text = node.textContent.trim();
  if (text && !node.querySelector("[data-param]") && !(node.dataset.text in FALLBACK_TEXTS)) FALLBACK_TEXTS[node.dataset.text] = text;
}

/** A text of nafuda's catalogue (sent by /api/info), its {params} filled in. */
function t(code, params = {}) {
  const text = state.texts[code] ?? FALLBACK_TEXTS[code] ?? code;
  return text.replace(/\{(\w+)\}/g, (_, key) => (key in params ? String(params[key]) : `{${key}}`));
}

/**
 * A text of the catalogue as nodes: each {name} in it is nodes[name] (an element the page made: a count in bold).
 * The HTML's elements do the same with their children marked data-param="name" (see applyTexts).
 */
function textNodes(code, nodes) {
  return t(code).split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? nodes[part] ?? `{${part}}` : part)).filter((part) => part !== "");
}

/** Puts a catalogue text in an element; a {name} in it stands for the element's child marked data-param="name". */
function fillText(node, text) {
  const params = new Map([...node.children].filter((child) => child.dataset.param).map((child) => [child.dataset.param, child]));
  if (params.size === 0) {
    node.textContent = text;
    return;
  }
  node.replaceChildren(...text.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? params.get(part) ?? `{${part}}` : part)).filter((part) => part !== ""));
}

/** The page's words from the catalogue: every element's data-text (its text), data-placeholder, data-aria-label, data-title, data-alt. */
function applyTexts(root = document) {
  for (const node of root.querySelectorAll("[data-text]")) fillText(node, t(node.dataset.text));
  for (const node of root.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
  for (const node of root.querySelectorAll("[data-aria-label]")) node.setAttribute("aria-label", t(node.dataset.ariaLabel));
  for (const node of root.querySelectorAll("[data-title]")) node.title = t(node.dataset.title);
  for (const node of root.querySelectorAll("[data-alt]")) node.alt = t(node.dataset.alt);
}

/** A list in a sentence: 「a、b」 in Japanese, "a, b" in English. */
const listText = (items) => items.join(t("SERVE_PAGE_LIST_SEPARATOR"));

const number = (n) => Number(n).toLocaleString("ja-JP");

let busyCount = 0;
function busy(on, text) {
  busyCount += on ? 1 : -1;
  if (text) $("busy-text").textContent = text;
  $("busy").hidden = busyCount <= 0;
}

function message(areaId, kind, title, lines = [], details = []) {
  const area = $(areaId);
  area.replaceChildren();
  if (!title) return;
  const box = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, el("p", { class: "title", text: title }));
  if (lines.length > 0) box.append(el("ul", {}, lines.map((line) => el("li", { text: line }))));
  if (details.length > 0) box.append(el("details", {}, el("summary", { text: t("SERVE_PAGE_DETAILS") }), ...details.map((line) => el("p", { class: "detail", text: line }))));
  area.append(box);
}

/** 「くわしい内容」 of an error answer: its code and where (file, row as Excel numbers it, column), and its problems' codes. */
function detailsOf(data) {
  if (!data) return [];
  const lines = [];
  if (data.code) lines.push(t("SERVE_PAGE_CODE", { code: data.code }));
  if (data.where) lines.push(t("SERVE_PAGE_PLACE", { where: data.where }));
  for (const issue of data.issues || []) lines.push(issue.where ? t("SERVE_PAGE_CODE_AT", { code: issue.code, where: issue.where }) : t("SERVE_PAGE_CODE", { code: issue.code }));
  if (data.detail) lines.push(data.detail);
  return lines;
}

/** The lines under an error's title: its single problems, and what the page suggests. */
function linesOf(data) {
  return [...(data?.issues || []).map((issue) => issue.message), ...(data?.hints || [])];
}

/** A row error as a line of a list: where (the row as Excel numbers it), who, then the library's message. */
function rowErrorLine(e) {
  if (!e.where) return e.name ? t("SERVE_PAGE_NAMED", { name: e.name, text: e.text }) : e.text;
  return e.name ? t("SERVE_PAGE_PLACED_NAMED", { where: e.where, name: e.name, text: e.text }) : t("SERVE_PAGE_PLACED", { where: e.where, text: e.text });
}

/** The row as Excel numbers it (the data row for JSON rosters). */
function rowLabel(row) {
  return row.sheetRow ?? row.row;
}

/** POST a form; JSON answers come back parsed, files as a Blob. Errors throw with the server's words. */
async function post(path, form, { work = false } = {}) {
  form.append("lang", LANG);
  // The work this request is for: an answer that it is gone (410) ends the page's work only if that is still it
  // (a preview asked for just before a new roster was read comes back 410 for the old work).
  const sentFor = work ? state.work : null;
  let response;
  try {
    response = await fetch(path, { method: "POST", body: form, headers: sentFor ? { "X-Nafuda-Work": sentFor } : {} });
  } catch {
    throw Object.assign(new Error(t("SERVE_PAGE_NO_SERVER")), { data: {} });
  }
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    let data = {};
    try { data = type.includes("json") ? await response.json() : {}; } catch { data = {}; }
    // Node cuts off an upload that takes too long (408) with a plain answer: say so in words.
    const fallback = response.status === 408 ? t("SERVE_PAGE_UPLOAD_TIMEOUT") : t("SERVE_PAGE_FAILED", { status: response.status });
    const error = Object.assign(new Error(data.error || fallback), { status: response.status, data });
    if (response.status === 410 && work && sentFor === state.work) workGone(error);
    throw error;
  }
  if (type.includes("application/json")) return { json: await response.json(), response };
  return { blob: await response.blob(), response };
}

function fileNameOf(response, fallback) {
  const disposition = response.headers.get("content-disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) { try { return decodeURIComponent(star[1]); } catch { /* fall through */ } }
  return fallback;
}

function reportOf(response) {
  try { return JSON.parse(decodeURIComponent(response.headers.get("x-nafuda-report") || "%7B%7D")); } catch { return {}; }
}

function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function tooLarge(file) {
  if (state.info && file.size > state.info.maxUploadBytes) {
    return t("SERVE_PAGE_FILE_TOO_LARGE", { name: file.name, size: sizeText(file.size), limit: state.info.maxUpload });
  }
  return null;
}

/** For the search: full-width and half-width alike, katakana as hiragana, no spaces, lower case. */
function searchText(text) {
  return String(text ?? "").normalize("NFKC").toLowerCase().replace(/[\s\u3000]+/g, "")
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function keyOf(row) {
  return [row.name, row.kana, row.romaji, row.id, row.department, row.surname].map(searchText).join("\n") + `\n#${rowLabel(row)}\n`;
}

/** The rows a search matches (same rules as the table's search box). */
function matching(query) {
  const q = searchText(query);
  if (!q) return [];
  const rowQuery = /^\d+$/.test(q) ? `\n#${q}\n` : null;
  return state.rows.filter((row) => row.searchKey.includes(q) || (rowQuery && row.searchKey.includes(rowQuery)));
}

// ---------- text size (a display preference: kept in the browser, nothing of the roster)

function applyTextSize(large) {
  document.documentElement.classList.toggle("large-text", large);
  $("text-size").setAttribute("aria-pressed", String(large));
  $("text-size").dataset.text = large ? "SERVE_PAGE_TEXT_NORMAL" : "SERVE_PAGE_TEXT_LARGER";
  $("text-size").textContent = t($("text-size").dataset.text);
  table?.render(true);
}
$("text-size").addEventListener("click", () => {
  const large = !document.documentElement.classList.contains("large-text");
  try { localStorage.setItem(TEXT_SIZE_KEY, large ? "large" : "normal"); } catch { /* private mode: for this page only */ }
  applyTextSize(large);
});

// ---------- the page's language: the same page again with ?lang=… (the server keeps the work: a reload finds it)

for (const link of document.querySelectorAll("#lang-switch a[data-lang]")) {
  if (link.dataset.lang === LANG) link.setAttribute("aria-current", "true");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    if (link.dataset.lang === LANG) return;
    const url = new URL(location.href);
    url.searchParams.set("lang", link.dataset.lang);
    location.assign(url.href);
  });
}

// ---------- tabs

function showTab(which) {
  for (const name of ["badges", "posters"]) {
    const on = name === which;
    $(`tab-${name}`).setAttribute("aria-selected", String(on));
    $(`tab-${name}`).tabIndex = on ? 0 : -1;
    $(`panel-${name}`).hidden = !on;
  }
  document.body.classList.toggle("fit", which === "badges" && state.step === "check");
}
$("tab-badges").addEventListener("click", () => showTab("badges"));
$("tab-posters").addEventListener("click", () => showTab("posters"));
for (const tab of ["tab-badges", "tab-posters"]) {
  $(tab).addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const next = tab === "tab-badges" ? "posters" : "badges";
      showTab(next);
      $(`tab-${next}`).focus();
    }
  });
}

// ---------- the three steps

const STEPS = { roster: "step-roster", check: "step-check", print: "step-print" };
function showStep(step, { focus = false } = {}) {
  if (step !== "roster" && !state.work) step = "roster";
  state.step = step;
  for (const [name, id] of Object.entries(STEPS)) $(id).hidden = name !== step;
  for (const button of document.querySelectorAll(".step-button")) {
    if (button.dataset.step === step) button.setAttribute("aria-current", "step"); else button.removeAttribute("aria-current");
  }
  // Step 2 fills the window: the table scrolls inside it, the editor beside it stays in view.
  document.body.classList.toggle("fit", step === "check");
  const hash = step === "roster" ? "" : `#${step}`;
  if (location.hash !== hash) history.replaceState(null, "", `${location.pathname}${location.search}${hash}`); // keeps ?lang=
  if (step === "check") {
    table.render(true);
    if (previewPending) refreshPreview(true);
    if (focus) focusSelectedRow();
  }
  if (step === "print") {
    renderPrint();
    schedulePreview(true);
    if (focus) $("step3-title").focus?.();
  }
}
for (const button of document.querySelectorAll(".step-button")) {
  button.addEventListener("click", () => showStep(button.dataset.step, { focus: true }));
}
$("to-check").addEventListener("click", () => showStep("check", { focus: true }));

// ---------- drop zones

function dropZone(zoneId, inputId, onFiles) {
  const zone = $(zoneId);
  const input = $(inputId);
  zone.addEventListener("click", () => input.click());
  zone.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
  });
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const files = [...(event.dataTransfer?.files || [])];
    if (files.length > 0) onFiles(files);
  });
  input.addEventListener("change", () => {
    const files = [...input.files];
    input.value = "";
    if (files.length > 0) onFiles(files);
  });
}
// Dropping a file anywhere else must not make the browser open it (and leave the page).
window.addEventListener("dragover", (event) => event.preventDefault());
window.addEventListener("drop", (event) => event.preventDefault());

// ---------- step 1: the roster, read once by the server

dropZone("roster-drop", "roster-input", (files) => takeRosterFiles(files));
function takeRosterFiles(files) {
  if (files.length > 2) {
    message("roster-message", "error", t("SERVE_PAGE_TOO_MANY_FILES"));
    return;
  }
  for (const file of files) {
    const problem = tooLarge(file);
    if (problem) return message("roster-message", "error", problem);
  }
  openWork(files[0], files[1] || null);
}

/** While the server reads a roster, what it is doing: reading, loading the dictionary (the first time), deciding readings. */
function watchProgress() {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const status = await (await fetch(`/api/status?lang=${LANG}`)).json();
      if (stopped) return;
      const activity = status.activity;
      if (status.analyzer === "loading") $("busy-text").textContent = t("NOTE_SERVE_DICTIONARY_LOADING");
      else if (activity?.phase === "resolving" && activity.total > 0) $("busy-text").textContent = t("SERVE_PAGE_RESOLVING", { done: number(activity.done), total: number(activity.total) });
      else if (activity?.phase === "reading") $("busy-text").textContent = t("SERVE_PAGE_READING_FILES");
    } catch { /* the answer to the upload says what went wrong */ }
    if (!stopped) setTimeout(tick, 250);
  };
  setTimeout(tick, 150);
  return () => { stopped = true; };
}

async function withProgress(work) {
  busy(true, t("SERVE_PAGE_READING_FILES"));
  const stop = watchProgress();
  try {
    return await work();
  } finally {
    stop();
    busy(false);
  }
}

async function openWork(roster, confirmed) {
  message("roster-message", "", "");
  const previous = state.work ? state.files : null;
  try {
    const form = new FormData();
    form.append("roster", roster, roster.name);
    if (confirmed) form.append("confirmed", confirmed, confirmed.name);
    form.append("romaji", $("romaji").value);
    form.append("romajiCase", $("romaji-case").value);
    const { json } = await withProgress(() => post("/api/work", form));
    applyView(json, { fresh: true });
    showStep("check", { focus: true });
  } catch (error) {
    const lines = linesOf(error.data);
    // The server keeps the work it had until a new roster is read: the table still shows it.
    if (previous) lines.push(t("SERVE_PAGE_TABLE_KEPT", { roster: previous.roster }));
    message("roster-message", "error", error.message, lines, detailsOf(error.data));
    showStep("roster");
  }
}

$("add-confirmed").addEventListener("click", () => $("confirmed-input").click());
$("confirmed-input").addEventListener("change", () => {
  const file = $("confirmed-input").files[0];
  $("confirmed-input").value = "";
  if (!file) return;
  const problem = tooLarge(file);
  if (problem) return message("roster-message", "error", problem);
  changeConfirmed(file);
});
$("remove-confirmed").addEventListener("click", () => changeConfirmed(null));

async function changeConfirmed(file) {
  message("roster-message", "", "");
  try {
    const form = new FormData();
    if (file) form.append("confirmed", file, file.name); else form.append("remove", "1");
    const { json } = await withProgress(() => post("/api/work/confirmed", form, { work: true }));
    applyView(json, { fresh: true });
    showStep("check", { focus: true });
  } catch (error) {
    const lines = linesOf(error.data);
    if (file && error.status !== 410) lines.push(t("SERVE_PAGE_CONFIRMED_NOT_USED", { name: file.name }));
    message("roster-message", "error", error.message, lines, detailsOf(error.data));
    showStep("roster");
  }
}

$("choose-again").addEventListener("click", () => $("roster-input").click());
// Once a roster is loaded the drop zone is folded away: the whole card still takes a dropped file.
$("step-roster").addEventListener("dragover", (event) => { event.preventDefault(); $("step-roster").classList.add("dragging"); });
$("step-roster").addEventListener("dragleave", () => $("step-roster").classList.remove("dragging"));
$("step-roster").addEventListener("drop", (event) => {
  event.preventDefault();
  $("step-roster").classList.remove("dragging");
  if (!$("roster-drop").hidden) return; // the drop zone itself handles it
  const files = [...(event.dataTransfer?.files || [])];
  if (files.length > 0) takeRosterFiles(files);
});

$("end-work").addEventListener("click", async () => {
  if (state.unsaved > 0 && !window.confirm(t("NOTE_SERVE_UNSAVED", { count: state.unsaved }))) return;
  try {
    await post("/api/work/end", new FormData(), { work: true });
  } catch { /* gone already */ }
  clearWork();
  message("roster-message", "ok", t("NOTE_SERVE_ENDED"));
});

/** The work the server had is gone (another tab chose a roster, it was idle, nafuda restarted): start again. */
function workGone(error) {
  clearWork();
  message("roster-message", "error", error.message, [], detailsOf(error.data));
}

function clearWork() {
  state.work = null;
  state.files = null;
  state.rows = [];
  state.byRow = new Map();
  state.unsaved = 0;
  state.selected = null;
  closeSheet();
  $("files-bar").hidden = true;
  $("roster-drop").hidden = false;
  $("kept-note").hidden = true;
  $("to-check-row").hidden = true;
  $("work-status").hidden = true;
  $("go-check").disabled = true;
  $("go-print").disabled = true;
  table.setRows([]);
  renderUnsaved();
  showStep("roster");
}

/** Shows the working roster the server sent (after an upload, a new confirmed file, other settings, a reload). */
function applyView(view, { fresh = false, resumed = false } = {}) {
  const selected = state.selected;
  state.work = view.work;
  state.files = view.files;
  state.rows = view.rows;
  state.byRow = new Map(view.rows.map((row) => [row.row, row]));
  for (const row of view.rows) row.searchKey = keyOf(row); // the page's own: what the search looks in
  state.sheetRows = new Map(view.rows.map((row) => [rowLabel(row), row.row]));
  state.summary = view.summary;
  state.unsaved = view.unsaved;
  state.print = { ...state.print, ...view.print };
  state.version++;
  $("romaji").value = view.options.romaji;
  $("romaji-case").value = view.options.romajiCase;
  showFiles(view);
  showNotes(view, resumed);
  fillDepartments();
  $("go-check").disabled = false;
  $("go-print").disabled = false;
  $("work-status").hidden = false;
  if (fresh) {
    for (const id of ["search", "filter-dept", "filter-status"]) $(id).value = "";
  }
  renderTable();
  state.selected = !fresh && state.byRow.has(selected) ? selected : (table.at(0)?.row ?? null);
  markSelected();
  renderSummary();
  renderUnsaved();
  renderEditor();
  refreshPreview(true);
}

function showFiles(view) {
  const files = view.files;
  $("files-bar").hidden = false;
  $("roster-drop").hidden = true;
  const encoding = { "utf-8": "UTF-8", "utf-8-bom": t("SERVE_PAGE_ENCODING_UTF8_BOM"), cp932: "Shift_JIS", "euc-jp": "EUC-JP", "utf-16le": "UTF-16", "utf-16be": "UTF-16" }[files.encoding] || files.encoding;
  const kind = files.format === "xlsx"
    ? (files.sheet ? t("SERVE_PAGE_FORMAT_SHEET", { sheet: files.sheet }) : "Excel")
    : encoding ? t("SERVE_PAGE_FORMAT_ENCODING", { format: files.format.toUpperCase(), encoding }) : files.format.toUpperCase();
  $("roster-name").replaceChildren(files.roster, el("span", { class: "sub", text: t("SERVE_PAGE_ROSTER_KIND", { kind, count: number(view.summary.total) }) }));
  const confirmedName = files.rosterKind === "review-sheet" ? t("SERVE_PAGE_CONFIRMED_SAME_FILE") : files.confirmed;
  $("confirmed-name").textContent = confirmedName || t("SERVE_PAGE_NONE");
  $("add-confirmed").hidden = !!files.confirmed;
  $("remove-confirmed").hidden = !files.confirmed || files.rosterKind === "review-sheet";
  $("work-file").textContent = files.roster;
  $("kept-note").textContent = t("NOTE_SERVE_WORK_KEPT", { hours: view.idleHours });
  $("kept-note").hidden = false;
  $("to-check-row").hidden = false;
}

/** What reading the files had to say: problems in the files (error), notes (info), shown above the table. */
function showNotes(view, resumed) {
  const problemRows = [...view.fileErrors, ...view.confirmed.errors];
  const notes = [];
  if (resumed) notes.push(t("NOTE_SERVE_RESUMED", { roster: view.files.roster }));
  if (view.files.rosterKind === "review-sheet") {
    notes.push(t("SERVE_PAGE_REVIEW_SHEET_ONLY"));
  }
  // What matching the confirmed file said (ids Excel changed, rows that match no one), in the library's words.
  for (const note of view.confirmed.notes) {
    notes.push(note.message);
    if (note.code === "NOTE_CONFIRMED_STALE" && view.confirmed.stale.length > 0) {
      const names = view.confirmed.stale.slice(0, 8).map((s) => s.name || s.id);
      const more = view.confirmed.staleCount - names.length;
      notes.push(t("SERVE_PAGE_STALE", { names: more > 0 ? t("SERVE_PAGE_LIST_MORE", { shown: listText(names), count: more }) : listText(names) }));
    }
  }
  notes.push(...view.notes.map((note) => note.message));
  const area = $("check-message");
  area.replaceChildren();
  if (problemRows.length > 0) {
    area.append(el("div", { class: "notice error", role: "alert" },
      el("p", { class: "title", text: t("SERVE_PAGE_FILE_PROBLEMS") }),
      el("ul", {}, problemRows.map((e) => el("li", { text: rowErrorLine(e) }))),
      el("details", {}, el("summary", { text: t("SERVE_PAGE_DETAILS") }),
        ...problemRows.map((e) => el("p", { class: "detail", text: e.where ? t("SERVE_PAGE_CODE_AT", { code: e.code, where: e.where }) : t("SERVE_PAGE_CODE", { code: e.code }) })))));
  }
  if (notes.length > 0) {
    area.append(el("div", { class: "notice info" },
      el("button", { type: "button", class: "close", "aria-label": t("SERVE_PAGE_CLOSE_NOTICE"), onclick: (event) => event.target.closest(".notice").remove() }, "×"),
      el("ul", {}, notes.map((n) => el("li", { text: n })))));
  }
}

$("romaji").addEventListener("change", changeOptions);
$("romaji-case").addEventListener("change", changeOptions);
async function changeOptions() {
  if (!state.work) return;
  try {
    const form = new FormData();
    form.append("romaji", $("romaji").value);
    form.append("romajiCase", $("romaji-case").value);
    const { json } = await withProgress(() => post("/api/work/options", form, { work: true }));
    applyView(json);
  } catch (error) {
    message("check-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
  }
}

// ---------- step 2: the table (only the rows in view are in the page)

function status(row) {
  if (row.error) return { key: "error", label: t("SERVE_PAGE_STATUS_ERROR") };
  if (row.review) return { key: "review", label: t("SERVE_PAGE_STATUS_REVIEW") };
  if (row.source === "override") return { key: "done", label: t("SERVE_PAGE_STATUS_DONE") };
  return { key: "ok", label: "OK" };
}

/** The readings to offer (the server adds, for a row corrected here, the reading it had before). */
function alternativesOf(row) {
  return row.alternatives.filter((kana) => kana && kana !== row.kana);
}

function rowElement(row) {
  const s = status(row);
  const reasonCell = el("td", { class: "c-reason" });
  const texts = [];
  if (row.error) texts.push(row.error.text);
  if (row.editError) texts.push(row.editError.text);
  texts.push(...row.reasons);
  // The alternatives first: the cell keeps to one line, the reasons are in full beside the table.
  alternativesOf(row).forEach((alternative, i) => {
    reasonCell.append(el("button", {
      type: "button", class: "alt-chip", tabindex: "-1", title: t("SERVE_PAGE_USE_ALTERNATIVE", { kana: alternative }),
      onclick: (event) => { event.stopPropagation(); chooseAlternative(row.row, alternative); },
    }, i < 9 ? el("kbd", { text: String(i + 1) }) : null, alternative));
  });
  if (texts.length > 0) reasonCell.append(el("span", { class: row.error || row.editError ? "error-text" : "reason-text", text: texts.join(" ") }));
  if (texts.length > 0) reasonCell.title = texts.join("\n");
  const selected = row.row === state.selected;
  const tr = el("tr", { "data-row": row.row, tabindex: selected ? "0" : "-1", "aria-selected": String(selected), class: `is-${s.key}` },
    el("td", { class: "c-status" }, el("span", { class: `pill ${s.key}`, text: s.label })),
    el("td", { class: "c-row", text: rowLabel(row) }),
    el("td", { class: "c-name" }, el("span", { class: "c-main", text: row.name || t("SERVE_PAGE_NO_NAME") }),
      el("span", { class: "c-sub", text: [row.id, row.department].filter(Boolean).join(t("SERVE_PAGE_POSTERS_SEPARATOR")) })),
    el("td", { class: "c-kana", text: row.kana || "—" }),
    el("td", { class: "c-romaji", text: row.romaji || "—" }),
    el("td", { class: "c-source", text: row.source ? t(SOURCE_TEXTS[row.source]) : "" }),
    reasonCell,
  );
  tr.addEventListener("click", () => select(row.row, false));
  tr.addEventListener("dblclick", () => { select(row.row, false); focusKana(); });
  return tr;
}

const table = new VirtualTable({ wrap: $("table-wrap"), table: $("staff-table"), body: $("staff-body"), renderRow: rowElement, columns: 7 });

/** The rows the search and filters let through, in the order worked in. */
function filteredRows() {
  const q = searchText($("search").value);
  const rowQuery = /^\d+$/.test(q) ? `\n#${q}\n` : null;
  const dept = $("filter-dept").value;
  const show = $("filter-status").value;
  const out = [];
  for (const row of state.rows) {
    if (dept && (row.department || "") !== dept) continue;
    if (show === "todo" && !(row.error || row.review)) continue;
    if (show === "done" && !(row.source === "override" && !row.review && !row.error)) continue;
    if (show === "edited" && !row.typed) continue;
    if (show === "changed" && !row.changed) continue;
    if (q) {
      const key = row.searchKey;
      if (!key.includes(q) && !(rowQuery && key.includes(rowQuery))) continue;
    }
    out.push(row);
  }
  return out;
}

function renderTable() {
  const rows = filteredRows();
  table.setRows(rows);
  $("table-empty").hidden = rows.length > 0 || state.rows.length === 0;
  $("shown").textContent = state.rows.length === 0 ? "" : rows.length === state.rows.length ? t("SERVE_PAGE_SHOWN_ALL", { count: number(rows.length) }) : t("SERVE_PAGE_SHOWN_SOME", { total: number(state.rows.length), count: number(rows.length) });
}

/** The search and filters: answered at once, whatever the roster's size (the rows are in the page's memory). */
function refilter() {
  renderTable();
  if (state.selected === null || table.indexOf(state.selected) < 0) {
    const first = table.at(0);
    if (first) select(first.row, false);
    else { state.selected = null; renderEditor(); refreshPreview(true); }
  }
  markSelected();
}
$("search").addEventListener("input", refilter);
$("filter-dept").addEventListener("change", refilter);
$("filter-status").addEventListener("change", refilter);

function fillDepartments() {
  const counts = new Map();
  for (const row of state.rows) if (row.department) counts.set(row.department, (counts.get(row.department) || 0) + 1);
  const names = [...counts.keys()].sort((a, b) => a.localeCompare(b, "ja"));
  const current = $("filter-dept").value;
  $("filter-dept").replaceChildren(el("option", { value: "", text: t("SERVE_PAGE_FILTER_ALL_DEPTS") }), ...names.map((name) => el("option", { value: name, text: t("SERVE_PAGE_DEPT_COUNT", { name, count: number(counts.get(name)) }) })));
  $("filter-dept").value = counts.has(current) ? current : "";
  $("choose-dept").replaceChildren(el("option", { value: "", text: t("SERVE_PAGE_CHOOSE_DEPT") }), ...names.map((name) => el("option", { value: name, text: t("SERVE_PAGE_DEPT_PEOPLE", { name, count: number(counts.get(name)) }) })));
}

function markSelected() {
  for (const tr of table.renderedRows()) {
    const on = Number(tr.dataset.row) === state.selected;
    tr.setAttribute("aria-selected", String(on));
    tr.tabIndex = on ? 0 : -1;
  }
  // With the selected row out of view, the first row in view takes the focus from Tab.
  if (!table.renderedRows().some((tr) => tr.tabIndex === 0)) {
    const first = table.renderedRows()[0];
    if (first) first.tabIndex = 0;
  }
}

function renderSummary() {
  const s = state.summary;
  if (!s) return;
  $("summary").replaceChildren(
    el("span", { class: "chip" }, textNodes("SERVE_PAGE_CHIP_ALL", { count: el("b", { text: number(s.total) }) })),
    el("span", { class: `chip ${s.review > 0 ? "review" : ""}` }, textNodes("SERVE_PAGE_CHIP_REVIEW", { count: el("b", { text: number(s.review) }) })),
    el("span", { class: `chip ${s.errors > 0 ? "error" : ""}` }, textNodes("SERVE_PAGE_CHIP_ERRORS", { count: el("b", { text: number(s.errors) }) })),
    el("span", { class: "chip done" }, textNodes("SERVE_PAGE_CHIP_DONE", { count: el("b", { text: number(s.done) }) })),
  );
  renderPrintCounts();
}

function select(rowNumber, focusRow = true) {
  if (state.selected === rowNumber) {
    if (focusRow) focusSelectedRow();
    return;
  }
  state.selected = rowNumber;
  markSelected();
  renderEditor();
  refreshPreview(false); // a short wait: holding ↓ does not ask for a badge per row passed
  if (focusRow) focusSelectedRow();
}

/** Focuses the selected row, scrolling the table (not the page) to show it below its header. */
function focusSelectedRow() {
  const tr = table.reveal(state.selected);
  if (!tr) return;
  markSelected();
  tr.focus({ preventScroll: true });
}

$("staff-body").addEventListener("keydown", (event) => {
  if (event.target.tagName !== "TR") return;
  const index = table.indexOf(state.selected);
  const row = state.byRow.get(state.selected);
  const page = Math.max(1, Math.floor(($("table-wrap").clientHeight - table.headerHeight()) / (table.rowHeight || 48)) - 1);
  const go = (i) => { event.preventDefault(); const target = table.at(Math.max(0, Math.min(table.length - 1, i))); if (target) select(target.row, true); };
  switch (event.key) {
    case "ArrowDown": return go(index + 1);
    case "ArrowUp": return go(index - 1);
    case "PageDown": return go(index + page);
    case "PageUp": return go(index - page);
    case "Home": return go(0);
    case "End": return go(table.length - 1);
    case "Enter": case "F2": event.preventDefault(); return focusKana();
    case " ":
      event.preventDefault();
      if (row && row.fixable) confirmAsIs(row.row);
      return;
    default:
      if (/^[1-9]$/.test(event.key) && row && alternativesOf(row)[Number(event.key) - 1]) {
        event.preventDefault();
        chooseAlternative(row.row, alternativesOf(row)[Number(event.key) - 1]);
      }
  }
});

// ---------- the editor beside the table

function renderEditor() {
  const row = state.byRow.get(state.selected);
  $("side-empty").hidden = !!row;
  $("editor-body").hidden = !row;
  $("open-pdf").disabled = !row || !!row.error;
  $("add-to-print").disabled = !row;
  if (!row) return;
  $("ed-name").textContent = row.name || t("SERVE_PAGE_NO_NAME");
  $("ed-meta").textContent = [
    t("SERVE_PAGE_POSTERS_ROW", { row: rowLabel(row) }),
    row.id ? t("SERVE_PAGE_STAFF_ID", { id: row.id }) : "",
    row.department || "",
    row.surname ? t("SERVE_PAGE_SURNAME", { surname: row.surname }) : "",
  ].filter(Boolean).join(t("SERVE_PAGE_SPACE"));
  const s = status(row);
  $("ed-status").replaceChildren(...[
    el("span", { class: `pill ${s.key}`, text: s.label }),
    row.source ? el("span", { class: "person-meta", text: t(row.typed ? "SERVE_PAGE_SOURCE_OF_TYPED" : "SERVE_PAGE_SOURCE_OF", { source: t(SOURCE_TEXTS[row.source]) }) }) : null,
  ].filter(Boolean));
  $("ed-fields").hidden = !row.fixable;
  $("ed-unfixable").hidden = row.fixable;
  $("ed-reasons").replaceChildren(
    ...(row.error ? [el("li", { class: "error-text" }, row.error.text, el("span", { class: "code", text: row.error.code }))] : []),
    ...row.reasons.map((text, i) => el("li", {}, text, row.reasonCodes[i] ? el("span", { class: "code", text: row.reasonCodes[i] }) : null)),
  );
  // The library asks for 済 in the review sheet; on the page, the confirm button does the same.
  $("ed-pair").hidden = !row.reasonCodes.includes(ROMAJI_DOES_NOT_FIT);
  const alternatives = alternativesOf(row);
  $("ed-alts").replaceChildren(...(alternatives.length > 0 ? [
    el("span", { class: "person-meta", text: t("SERVE_PAGE_OTHER_READINGS") }),
    ...alternatives.map((alternative, i) => el("button", {
      type: "button", class: "alt-chip", onclick: () => chooseAlternative(row.row, alternative),
    }, i < 9 ? el("kbd", { text: String(i + 1) }) : null, alternative)),
  ] : []));
  const typed = row.typed;
  if (document.activeElement !== $("edit-kana")) $("edit-kana").value = typed ? typed.kana : row.kana || "";
  if (document.activeElement !== $("edit-romaji")) $("edit-romaji").value = typed && typed.romajiTyped ? typed.romaji : row.romaji || "";
  $("edit-error").textContent = row.editError ? row.editError.text : "";
  $("revert").hidden = !typed;
  const alreadyDone = !row.error && !row.review && row.source === "override";
  $("confirm").textContent = t(alreadyDone ? "SERVE_PAGE_CONFIRMED_ALREADY"
    : row.reasonCodes.includes(ROMAJI_DOES_NOT_FIT) ? "SERVE_PAGE_CONFIRM_PAIR" : "SERVE_PAGE_CONFIRM");
  $("confirm").disabled = alreadyDone;
}

function focusKana() {
  const row = state.byRow.get(state.selected);
  if (!row || !row.fixable) return;
  $("edit-kana").focus();
  $("edit-kana").select();
}

/** The romaji to keep with a new kana: the person's own, or none (spelt again from the kana). */
function romajiForKana(row, kana) {
  const existing = row.typed;
  if (existing && existing.romajiTyped) return [existing.romaji, true];
  // The kana as it was: keep its romaji as shown (it may be the roster's own spelling, e.g. Ohno).
  if (kana === row.kana && !(existing && existing.romaji === null)) return [row.romaji, false];
  return [null, false];
}

function chooseAlternative(rowNumber, kana) {
  const row = state.byRow.get(rowNumber);
  if (!row) return;
  const existing = row.typed;
  // A new kana: nafuda spells the romaji again unless the person typed one.
  const typed = !!(existing && existing.romajiTyped);
  if (state.selected !== rowNumber) { state.selected = rowNumber; markSelected(); }
  sendEdit(rowNumber, { kana, romaji: typed ? existing.romaji : null, romajiTyped: typed, pair: false });
}

/** Confirms the selected row's reading as shown in the editor (or a row's reading as it is, from the table). */
function confirmAsIs(rowNumber) {
  const row = state.byRow.get(rowNumber);
  if (!row || !row.fixable) return;
  const inEditor = state.selected === rowNumber;
  const kana = inEditor ? $("edit-kana").value.trim() : row.kana || "";
  if (!kana) {
    if (inEditor) $("edit-error").textContent = t("SERVE_PAGE_KANA_EMPTY");
    return;
  }
  const existing = row.typed;
  const romajiInput = inEditor ? $("edit-romaji").value.trim() : row.romaji || "";
  const typedNow = romajiInput !== "" && romajiInput !== (row.romaji || "");
  const [romaji, romajiTyped] = typedNow ? [romajiInput, true] : romajiForKana(row, kana);
  // Confirming a row the library flagged because its romaji does not spell the kana confirms that pair.
  const samePair = existing && existing.kana === kana && existing.romaji === romaji;
  const pair = romajiTyped && romaji !== null && (row.reasonCodes.includes(ROMAJI_DOES_NOT_FIT) || !!(samePair && existing.pair));
  if (samePair && existing.pair === pair && !row.editError) return; // nothing new
  sendEdit(rowNumber, { kana, romaji, romajiTyped, pair });
}

let typingTimer = null;
function typed(which) {
  const row = state.byRow.get(state.selected);
  if (!row) return;
  $("preview").classList.add("stale");
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const kana = $("edit-kana").value.trim();
    const romajiInput = $("edit-romaji").value.trim();
    if (!kana) {
      $("edit-error").textContent = t("SERVE_PAGE_KANA_EMPTY");
      return;
    }
    const [romaji, romajiTyped] = which === "romaji"
      ? (romajiInput ? [romajiInput, true] : [null, false])
      : romajiForKana(row, kana);
    sendEdit(row.row, { kana, romaji, romajiTyped, pair: false });
  }, 450);
}
// While a Japanese input method is composing, the text is not final: wait for the composition to end.
$("edit-kana").addEventListener("input", (event) => { if (!event.isComposing) typed("kana"); });
$("edit-kana").addEventListener("compositionend", () => typed("kana"));
$("edit-romaji").addEventListener("input", (event) => { if (!event.isComposing) typed("romaji"); });
$("edit-romaji").addEventListener("compositionend", () => typed("romaji"));
for (const id of ["edit-kana", "edit-romaji"]) {
  $(id).addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.preventDefault(); focusSelectedRow(); }
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      clearTimeout(typingTimer);
      confirmAsIs(state.selected);
      focusSelectedRow();
    }
  });
}
$("confirm").addEventListener("click", () => { clearTimeout(typingTimer); confirmAsIs(state.selected); });
$("revert").addEventListener("click", () => {
  clearTimeout(typingTimer);
  $("edit-kana").blur();
  $("edit-romaji").blur();
  sendEdit(state.selected, null);
});

/** The edits go to the server one after the other, in the order made: each answers with that one person. */
let editChain = Promise.resolve();
function sendEdit(rowNumber, change) {
  const work = state.work;
  editChain = editChain.then(async () => {
    if (state.work !== work) return;
    const form = new FormData();
    form.append("row", String(rowNumber));
    if (change === null) form.append("revert", "1");
    else {
      form.append("kana", change.kana);
      if (change.romaji !== null) form.append("romaji", change.romaji);
      if (change.romajiTyped) form.append("romajiTyped", "1");
      if (change.pair) form.append("pair", "1");
    }
    try {
      const { json } = await post("/api/work/edit", form, { work: true });
      if (state.work !== work) return;
      replaceRow(json.row);
      state.summary = json.summary;
      state.unsaved = json.unsaved;
      state.version++;
      renderSummary();
      renderUnsaved();
      if (rowNumber === state.selected) {
        renderEditor();
        refreshPreview(false);
      }
    } catch (error) {
      if (error.status !== 410) message("check-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    }
  });
  return editChain;
}

function replaceRow(fresh) {
  const old = state.byRow.get(fresh.row);
  if (old) Object.assign(old, fresh);
  else state.rows.push(fresh);
  const row = old ?? fresh;
  state.byRow.set(row.row, row);
  row.searchKey = keyOf(row);
  table.update(row.row);
  markSelected();
}

// ---------- the badge preview: the one-badge PDF, drawn by pdf.js

let previewTimer = null;
let previewTicket = 0;
function refreshPreview(immediate) {
  clearTimeout(previewTimer);
  $("preview").classList.add("stale");
  previewTimer = setTimeout(drawPreview, immediate ? 0 : 150);
}

function previewEmpty(text) {
  $("preview").replaceChildren(el("p", { class: "preview-empty", text }));
  $("preview").classList.remove("stale");
  $("preview-note").textContent = "";
  $("preview-size").textContent = "";
}

let previewPending = false;
async function drawPreview() {
  const ticket = ++previewTicket;
  // Drawn at the width it is shown at: while step 2 is hidden, it waits to be shown.
  if ($("step-check").hidden) { previewPending = true; return; }
  previewPending = false;
  const row = state.byRow.get(state.selected);
  if (!row || !state.work) return previewEmpty(t("SERVE_PAGE_PREVIEW_EMPTY"));
  if (row.error) return previewEmpty(t("SERVE_PAGE_BADGE_IMPOSSIBLE", { text: row.error.text }));
  try {
    const form = new FormData();
    form.append("row", String(row.row));
    form.append("template", state.print.template);
    const { blob, response } = await post("/api/work/badge.pdf", form, { work: true });
    if (ticket !== previewTicket) return;
    const doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
    try {
      const canvas = el("canvas", { role: "img", "aria-label": t("SERVE_PAGE_BADGE_PREVIEW_LABEL", { kana: row.kana, romaji: row.romaji }), "data-row": row.row, "data-template": form.get("template") });
      const width = Math.max(160, $("preview").clientWidth - 28);
      const size = await drawPage(doc, 1, canvas, width);
      if (ticket !== previewTicket) return;
      $("preview").replaceChildren(canvas);
      $("preview").classList.remove("stale");
      $("preview-size").textContent = t("SERVE_PAGE_ACTUAL_SIZE", { width: mm(size.width), height: mm(size.height) });
      $("preview-note").textContent = (reportOf(response).warnings || []).map((w) => w.message).join(" ");
    } finally {
      doc.destroy();
    }
  } catch (error) {
    if (ticket !== previewTicket) return;
    previewEmpty(error.message);
  }
}

const mm = (pt) => Math.round((pt / 72) * 25.4 * 10) / 10;

$("open-pdf").addEventListener("click", async () => {
  const row = state.byRow.get(state.selected);
  if (!row) return;
  const tab = window.open("", "_blank");
  try {
    const form = new FormData();
    form.append("row", String(row.row));
    form.append("template", state.print.template);
    const { blob } = await post("/api/work/badge.pdf", form, { work: true });
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url; else saveBlob(blob, t("SERVE_PAGE_FILE_BADGE", { surname: row.surname }));
  } catch (error) {
    if (tab) tab.close();
    message("check-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
  }
});

$("add-to-print").addEventListener("click", () => {
  if (state.selected === null) return;
  addChosen([state.selected]);
  $("add-to-print").textContent = t("SERVE_PAGE_ADDED_TO_PRINT");
  setTimeout(() => { $("add-to-print").textContent = t("SERVE_PAGE_ADD_TO_PRINT"); }, 1500);
});

// ---------- step 3: who is printed, on which sheet, from which cell; the whole sheet as it will print

function templateInfo() {
  return (state.info?.templates || []).find((t) => t.name === state.print.template) || state.info?.templates?.[0] || null;
}

/** The sheet the settings print on (おまかせ: the template's own) and its cells. */
function sheetInfo() {
  const name = state.print.sheet === "auto" ? templateInfo()?.sheet : state.print.sheet;
  return (state.info?.sheets || []).find((s) => s.name === name) || null;
}

function chosenRows() {
  return state.print.chosen.filter((row) => state.byRow.has(row));
}

function printedRows() {
  return state.print.people === "chosen" ? chosenRows().map((row) => state.byRow.get(row)) : state.rows;
}

function renderPrintCounts() {
  $("count-all").textContent = number(state.rows.length);
  $("count-chosen").textContent = number(chosenRows().length);
  const changed = state.summary?.changed;
  $("add-changed").disabled = !changed;
  $("add-changed").textContent = changed === null || changed === undefined
    ? t("SERVE_PAGE_ADD_CHANGED_NONE")
    : t("SERVE_PAGE_ADD_CHANGED_COUNT", { count: number(changed) });
  const unreviewed = printedRows().filter((row) => row && row.review && !row.error).length;
  $("unreviewed-box").hidden = unreviewed === 0;
  $("unreviewed-text").textContent = unreviewed > 0 ? t("SERVE_PAGE_CHOSEN_UNREVIEWED", { count: number(unreviewed) }) : "";
}

function renderPrint() {
  const p = state.print;
  $("people-all").checked = p.people === "all";
  $("people-chosen").checked = p.people === "chosen";
  if ([...$("template").options].some((o) => o.value === p.template)) $("template").value = p.template;
  $("sheet").value = p.sheet;
  $("cut-guides").checked = p.cutGuides;
  renderCells();
  renderChosen();
  renderPrintCounts();
  renderUnsaved();
}

/** The start cell: the sheet's cells as buttons, the ones before it shown as used. */
function renderCells() {
  const sheet = sheetInfo();
  const cells = sheet ? sheet.columns * sheet.rows : 1;
  $("start-cell").hidden = cells <= 1;
  if (state.print.startAt > cells) state.print.startAt = 1;
  const grid = $("cell-grid");
  grid.style.setProperty("--columns", String(sheet?.columns || 1));
  grid.replaceChildren(...Array.from({ length: cells }, (_, i) => {
    const n = i + 1;
    const on = n === state.print.startAt;
    return el("button", {
      type: "button", role: "radio", "aria-checked": String(on), tabindex: on ? "0" : "-1", "data-cell": n,
      class: `cell ${n < state.print.startAt ? "used" : ""} ${on ? "start" : ""}`, "aria-label": t("SERVE_PAGE_PRINT_FROM_CELL", { cell: n }),
      onclick: () => setStart(n),
    }, String(n));
  }));
  $("start-help").textContent = state.print.startAt > 1
    ? t("SERVE_PAGE_START_HELP_FROM", { used: state.print.startAt - 1, start: state.print.startAt })
    : t("SERVE_PAGE_START_HELP_FIRST");
}
$("cell-grid").addEventListener("keydown", (event) => {
  const sheet = sheetInfo();
  const cells = sheet ? sheet.columns * sheet.rows : 1;
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: sheet?.columns || 1, ArrowUp: -(sheet?.columns || 1) }[event.key];
  if (!step) return;
  event.preventDefault();
  setStart(Math.max(1, Math.min(cells, state.print.startAt + step)));
  $("cell-grid").querySelector(`[data-cell="${state.print.startAt}"]`)?.focus();
});

function setStart(n) {
  state.print.startAt = n;
  renderCells();
  printChanged();
}

function renderChosen() {
  const rows = chosenRows();
  const list = $("chosen-list");
  list.replaceChildren(...rows.slice(0, CHOSEN_LISTED).map((rowNumber) => {
    const row = state.byRow.get(rowNumber);
    return el("li", {},
      el("span", { text: row.department
        ? t("SERVE_PAGE_CHOSEN_PERSON_DEPT", { row: rowLabel(row), name: row.name || t("SERVE_PAGE_NO_NAME"), dept: row.department })
        : t("SERVE_PAGE_CHOSEN_PERSON", { row: rowLabel(row), name: row.name || t("SERVE_PAGE_NO_NAME") }) }),
      el("button", { type: "button", class: "button link", "aria-label": t("SERVE_PAGE_REMOVE_PERSON", { name: row.name }), onclick: () => removeChosen(rowNumber) }, t("SERVE_PAGE_REMOVE")));
  }));
  if (rows.length > CHOSEN_LISTED) list.append(el("li", { class: "more", text: t("SERVE_PAGE_MORE_PEOPLE", { count: number(rows.length - CHOSEN_LISTED) }) }));
  if (rows.length === 0) list.append(el("li", { class: "more", text: t("SERVE_PAGE_NOBODY_CHOSEN") }));
  $("clear-chosen").hidden = rows.length === 0;
  $("count-chosen").textContent = number(rows.length);
}

function addChosen(rows) {
  const set = new Set(state.print.chosen);
  for (const row of rows) if (!set.has(row)) { set.add(row); state.print.chosen.push(row); }
  state.print.people = "chosen";
  renderPrint();
  printChanged();
}

function removeChosen(row) {
  state.print.chosen = state.print.chosen.filter((r) => r !== row);
  renderPrint();
  printChanged();
}

$("clear-chosen").addEventListener("click", () => { state.print.chosen = []; renderPrint(); printChanged(); });
$("people-all").addEventListener("change", () => { state.print.people = "all"; renderPrint(); printChanged(); });
$("people-chosen").addEventListener("change", () => { state.print.people = "chosen"; renderPrint(); printChanged(); });
$("add-dept").addEventListener("click", () => {
  const dept = $("choose-dept").value;
  if (!dept) return;
  addChosen(state.rows.filter((row) => row.department === dept).map((row) => row.row));
});
$("choose-search").addEventListener("input", () => {
  const found = matching($("choose-search").value);
  $("add-search").disabled = found.length === 0;
  $("add-search").textContent = $("choose-search").value.trim() ? t("SERVE_PAGE_ADD_MATCHING", { count: number(found.length) }) : t("SERVE_PAGE_ADD");
});
$("add-search").addEventListener("click", () => {
  addChosen(matching($("choose-search").value).map((row) => row.row));
  $("choose-search").value = "";
  $("add-search").textContent = t("SERVE_PAGE_ADD");
  $("add-search").disabled = true;
});
$("add-rows").addEventListener("click", () => {
  const text = $("choose-rows").value.normalize("NFKC");
  const rows = [];
  const unknown = [];
  for (const part of text.split(/[,\u3001\s]+/).filter(Boolean)) {
    const range = /^(\d+)(?:[-~\u301c](\d+))?$/.exec(part);
    if (!range) { unknown.push(part); continue; }
    const from = Number(range[1]);
    const to = Math.min(Number(range[2] ?? range[1]), from + 200_000);
    for (let n = Math.min(from, to); n <= Math.max(from, to); n++) {
      const row = state.sheetRows.get(n);
      if (row !== undefined) rows.push(row); else if (!range[2]) unknown.push(String(n));
    }
  }
  $("choose-error").textContent = unknown.length > 0 ? t("SERVE_PAGE_ROWS_NOT_IN_TABLE", { rows: unknown.length > 10 ? t("SERVE_PAGE_LIST_OTHERS", { shown: listText(unknown.slice(0, 10)) }) : listText(unknown) }) : "";
  if (rows.length > 0) {
    addChosen(rows);
    if (unknown.length === 0) $("choose-rows").value = "";
  }
});
$("choose-rows").addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); $("add-rows").click(); } });
$("add-changed").addEventListener("click", () => addChosen(state.rows.filter((row) => row.changed).map((row) => row.row)));

$("template").addEventListener("change", () => { state.print.template = $("template").value; renderCells(); printChanged(); refreshPreview(true); });
$("sheet").addEventListener("change", () => { state.print.sheet = $("sheet").value; renderCells(); printChanged(); });
$("cut-guides").addEventListener("change", () => { state.print.cutGuides = $("cut-guides").checked; printChanged(); });
$("allow-unreviewed").addEventListener("change", () => printChanged());

function printForm() {
  const p = state.print;
  const form = new FormData();
  form.append("people", p.people);
  form.append("chosen", JSON.stringify(chosenRows()));
  form.append("template", p.template);
  form.append("sheet", p.sheet);
  form.append("startAt", String(p.startAt));
  form.append("cutGuides", String(p.cutGuides));
  form.append("allowUnreviewed", String($("allow-unreviewed").checked));
  return form;
}

/** What the sheet preview was made from: when it changes, the preview is out of date. */
function printKey() {
  const p = state.print;
  return JSON.stringify([state.work, state.version, p.people, p.people === "chosen" ? chosenRows() : null, p.template, p.sheet, p.startAt, p.cutGuides, $("allow-unreviewed").checked]);
}

let saveTimer = null;
/** The print settings are kept with the work (a reload keeps them); the preview follows. */
function printChanged() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(async () => {
    try {
      const form = printForm();
      form.delete("allowUnreviewed");
      await post("/api/work/print", form, { work: true });
    } catch (error) {
      if (error.status !== 410) message("download-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    }
  }, 300);
  schedulePreview(false);
}

let previewSheetTimer = null;
function schedulePreview(now) {
  clearTimeout(previewSheetTimer);
  if (state.step !== "print" || !state.work) return;
  if (state.sheet && state.sheet.key === printKey()) return;
  const count = printedRows().length;
  $("sheet-pages").classList.add("stale");
  delete $("sheet-pages").dataset.ready;
  if (count > AUTO_PREVIEW_LIMIT) {
    $("make-preview").hidden = false;
    message("sheet-message", "info", t("SERVE_PAGE_PREVIEW_ON_REQUEST", { count: number(count) }));
    return;
  }
  $("make-preview").hidden = true;
  previewSheetTimer = setTimeout(() => makeSheet(), now ? 0 : 400);
}
$("make-preview").addEventListener("click", () => makeSheet());

let sheetTicket = 0;
/** Makes the PDF of the chosen people (the same PDF the download saves) and shows every page of it. */
async function makeSheet() {
  const ticket = ++sheetTicket;
  const key = printKey();
  message("sheet-message", "", "");
  $("sheet-summary").textContent = t("SERVE_PAGE_POSTERS_PREVIEW_MAKING");
  try {
    const { blob, response } = await post("/api/work/badges.pdf", printForm(), { work: true });
    if (ticket !== sheetTicket) return null;
    const report = reportOf(response);
    const name = fileNameOf(response, t("SERVE_PAGE_FILE_BADGES"));
    closeSheet();
    const doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
    if (ticket !== sheetTicket) { doc.destroy(); return null; }
    state.sheet = { key, blob, name, report, doc };
    await showPages(doc);
    if (key === printKey()) $("sheet-pages").dataset.ready = "1";
    const sheet = (state.info?.sheets || []).find((s) => s.name === report.sheet);
    $("sheet-summary").textContent = t("SERVE_PAGE_SHEET_SUMMARY", { badges: number(report.badges), pages: number(doc.numPages), sheet: sheet ? sheet.label : report.sheet });
    $("make-preview").hidden = true;
    const lines = reportLines(report);
    if (lines.length > 0) message("sheet-message", report.leftOutCount > 0 ? "warn" : "info", t("SERVE_PAGE_PRINT_NOTES"), lines);
    return state.sheet;
  } catch (error) {
    if (ticket !== sheetTicket) return null;
    closeSheet();
    $("sheet-summary").textContent = "";
    $("sheet-pages").dataset.ready = "error";
    const lines = linesOf(error.data);
    if (error.data?.unreviewed) {
      lines.push(...error.data.unreviewed.slice(0, 15).map((u) => t("SERVE_PAGE_UNREVIEWED_LINE", { row: rowLabel(u), name: u.name, kana: u.kana })));
      const count = error.data.unreviewedCount ?? error.data.unreviewed.length;
      if (count > 15) lines.push(t("SERVE_PAGE_MORE_PEOPLE", { count: count - 15 }));
    }
    if (error.data?.leftOut) lines.push(...error.data.leftOut.slice(0, 15).map((e) => rowErrorLine(e)));
    message("sheet-message", error.status === 409 ? "warn" : "error", error.message, lines, detailsOf(error.data));
    if (error.status === 409) {
      $("sheet-message").firstElementChild.append(el("p", { class: "actions" },
        el("button", { type: "button", class: "button secondary small", onclick: () => { $("filter-status").value = "todo"; showStep("check"); refilter(); focusSelectedRow(); } }, t("SERVE_PAGE_SHOW_UNREVIEWED"))));
    }
    return null;
  }
}

function reportLines(report) {
  const lines = [];
  if (report.unreviewed > 0) lines.push(t("SERVE_PAGE_PRINTED_UNREVIEWED", { count: report.unreviewed }));
  if (report.leftOutCount > 0) {
    lines.push(t("SERVE_PAGE_LEFT_OUT", { count: report.leftOutCount }));
    lines.push(...(report.leftOut || []).map((e) => e.message));
    const more = report.leftOutCount - (report.leftOut || []).length;
    if (more > 0) lines.push(t("SERVE_PAGE_LEFT_OUT_MORE", { count: more }));
  }
  if (report.warningCount > 0) {
    lines.push(...(report.warnings || []).map((w) => w.message));
    const more = report.warningCount - (report.warnings || []).length;
    if (more > 0) lines.push(t("SERVE_PAGE_MORE_WARNINGS", { count: more }));
  }
  return lines;
}

function closeSheet() {
  if (state.sheet?.doc) state.sheet.doc.destroy();
  state.sheet = null;
  pageObserver?.disconnect();
  $("sheet-pages").replaceChildren();
}

let pageObserver = null;
/** Every page of the PDF, each drawn when it scrolls into view (a roster of thousands makes hundreds of pages). */
async function showPages(doc) {
  const first = await pageSize(doc, 1);
  const holder = $("sheet-pages");
  holder.classList.remove("stale");
  pageObserver?.disconnect();
  const queue = [];
  let drawing = false;
  const drawNext = async () => {
    if (drawing) return;
    drawing = true;
    while (queue.length > 0) {
      const figure = queue.shift();
      if (figure.dataset.state !== "queued" || state.sheet?.doc !== doc) continue;
      const canvas = figure.querySelector("canvas");
      try {
        await drawPage(doc, Number(figure.dataset.page), canvas, figure.querySelector(".page").clientWidth);
        figure.dataset.state = "drawn";
      } catch {
        figure.dataset.state = "";
      }
    }
    drawing = false;
  };
  pageObserver = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const figure = entry.target;
      if (entry.isIntersecting && !figure.dataset.state) {
        figure.dataset.state = "queued";
        queue.push(figure);
      }
    }
    drawNext();
  }, { root: holder, rootMargin: "400px 0px" });
  const figures = Array.from({ length: doc.numPages }, (_, i) => {
    const canvas = el("canvas", { role: "img", "aria-label": t("SERVE_PAGE_SHEET_PAGE_LABEL", { page: i + 1 }) });
    const sheet = el("div", { class: "page" }, canvas);
    sheet.style.aspectRatio = `${first.width} / ${first.height}`; // CSSOM: the page's CSP allows no style attributes
    return el("figure", { class: "sheet-page", "data-page": i + 1 }, sheet, el("figcaption", { text: t("SERVE_PAGE_POSTERS_PAGE", { page: i + 1, count: doc.numPages }) }));
  });
  holder.classList.toggle("few", doc.numPages <= 2);
  holder.replaceChildren(...figures);
  for (const figure of figures) pageObserver.observe(figure);
}

$("download-badges").addEventListener("click", async () => {
  busy(true, t("SERVE_PAGE_MAKING_BADGES"));
  try {
    const sheet = state.sheet && state.sheet.key === printKey() ? state.sheet : await makeSheet();
    if (!sheet) {
      message("download-message", "error", t("SERVE_PAGE_SHEET_NOT_MADE"));
      return;
    }
    saveBlob(sheet.blob, sheet.name);
    const report = sheet.report;
    const info = (state.info?.sheets || []).find((s) => s.name === report.sheet);
    const codes = Object.keys({ ...(report.leftOutCodes || {}), ...(report.warningCodes || {}) });
    message("download-message", report.leftOutCount > 0 ? "warn" : "ok",
      t(state.print.startAt > 1 ? "SERVE_PAGE_BADGES_DOWNLOADED_FROM" : "SERVE_PAGE_BADGES_DOWNLOADED",
        { name: sheet.name, badges: report.badges, pages: report.pages, sheet: info ? info.label : report.sheet, start: state.print.startAt }),
      reportLines(report),
      codes.length > 0 ? [t("SERVE_PAGE_CODE", { code: listText(codes) })] : []);
  } finally {
    busy(false);
  }
});

// ---------- the confirmed readings file: the day's work, to bring back another day

async function downloadConfirmed(path, fallback, area) {
  busy(true, t("SERVE_PAGE_MAKING_CONFIRMED"));
  try {
    const { blob, response } = await post(path, new FormData(), { work: true });
    const name = fileNameOf(response, fallback);
    saveBlob(blob, name);
    state.unsaved = 0;
    renderUnsaved();
    message(area, "ok", t("SERVE_PAGE_POSTERS_DOWNLOADED", { name }), [t("SERVE_PAGE_CONFIRMED_NEXT"), t("SERVE_PAGE_CONFIRMED_EXCEL")]);
  } catch (error) {
    message(area, "error", error.message, linesOf(error.data), detailsOf(error.data));
  } finally {
    busy(false);
  }
}
$("download-confirmed").addEventListener("click", () => downloadConfirmed("/api/work/confirmed.csv", t("SERVE_PAGE_FILE_CONFIRMED_CSV"), "confirmed-message"));
$("download-confirmed-xlsx").addEventListener("click", () => downloadConfirmed("/api/work/confirmed.xlsx", t("SERVE_PAGE_FILE_CONFIRMED_XLSX"), "confirmed-message"));
$("save-work").addEventListener("click", () => {
  const area = state.step === "print" ? "confirmed-message" : state.step === "check" ? "check-message" : "roster-message";
  downloadConfirmed("/api/work/confirmed.xlsx", t("SERVE_PAGE_FILE_CONFIRMED_XLSX"), area);
});

/** Corrections not yet in a downloaded confirmed readings file: said in the bar, in step 3, and when leaving. */
function renderUnsaved() {
  const n = state.work ? state.unsaved : 0;
  const note = n > 0 ? t("NOTE_SERVE_UNSAVED", { count: number(n) }) : "";
  $("unsaved").hidden = n === 0;
  $("unsaved").textContent = n > 0 ? t("SERVE_PAGE_UNSAVED", { count: number(n) }) : "";
  $("unsaved").title = note;
  $("save-work").classList.toggle("primary", n > 0);
  $("save-work").classList.toggle("secondary", n === 0);
  $("unsaved-note").hidden = n === 0;
  $("unsaved-note").textContent = note;
  if (n === 0) $("leave-note").hidden = true;
}

window.addEventListener("beforeunload", (event) => {
  if (!state.work || state.unsaved === 0) return;
  // The browser asks in its own words; the page says behind it how to go on another day.
  $("leave-note").textContent = t("NOTE_SERVE_UNSAVED", { count: number(state.unsaved) });
  $("leave-note").hidden = false;
  event.preventDefault();
  event.returnValue = t("SERVE_PAGE_LEAVE");
});

// ---------- posters
// Every request carries the chosen files (the facility list, the policy file, the facilities' own policy files) and
// the options; the server reads them, answers, and forgets them. The files stay in this page's memory only (File
// objects the browser gave it), never in the browser's storage. The previews are the very PDFs the downloads are.

const posters = {
  facilities: null,
  policy: null,
  extra: [],
  check: null,
  selected: null,
  selectedName: null,
  /** Bumped by each new preview: an older one still under way stops drawing. */
  token: 0,
  /** The selected facility's files as previewed (the download buttons save these very files). */
  blobs: {},
  checking: null,
};

const POSTER_LANGUAGE_TEXTS = { ja: "SERVE_PAGE_POSTERS_LANG_JA", en: "SERVE_PAGE_POSTERS_LANG_EN", "easy-ja": "SERVE_PAGE_POSTERS_LANG_EASY" };

/** Today as the date input writes it (2025-03-01), in this computer's calendar. */
function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function posterOptionsOf() {
  if (!$("as-of").value) $("as-of").value = todayIso();
  return {
    asOf: $("as-of").value,
    a3Design: $("a3-design").value,
    dateStyle: $("date-style").value,
    bleed: String($("bleed").checked),
    cropMarks: String($("crop-marks").checked),
    sizes: [...document.querySelectorAll('input[name="poster-size"]:checked')].map((box) => box.value).join(","),
  };
}

function posterForm(extra = {}) {
  const form = new FormData();
  form.append("facilities", posters.facilities, posters.facilities.name);
  form.append("policy", posters.policy, posters.policy.name);
  for (const file of posters.extra) form.append("policyFiles", file, file.name);
  for (const [key, value] of Object.entries({ ...posterOptionsOf(), ...extra })) form.append(key, String(value));
  return form;
}

function posterTooLarge(file) {
  if (state.info && file.size > state.info.maxUploadBytes) {
    return t("SERVE_PAGE_POSTERS_TOO_LARGE", { name: file.name, size: sizeText(file.size), limit: state.info.maxUpload });
  }
  return null;
}

const isPolicyFile = (file) => /\.(ya?ml|json)$/i.test(file.name);

/**
 * Files chosen or dropped on one of the three places. A table is the facility list; a YAML file is the policy when
 * chosen for it (of several, the one named policy.*), else a facility's own policy file.
 */
function posterFiles(files, place) {
  for (const file of files) {
    const problem = posterTooLarge(file);
    if (problem) return message("poster-message", "error", problem);
  }
  const yamls = files.filter(isPolicyFile);
  for (const file of files.filter((f) => !isPolicyFile(f))) posters.facilities = file;
  let extra = yamls;
  if (place !== "extra" && yamls.length > 0) {
    const main = yamls.find((f) => /^policy\./i.test(f.name)) ?? (place === "policy" || !posters.policy ? yamls[0] : null);
    if (main) {
      posters.policy = main;
      extra = yamls.filter((f) => f !== main);
    }
  }
  for (const file of extra) {
    posters.extra = [...posters.extra.filter((f) => f.name !== file.name), file];
  }
  posters.extra = posters.extra.filter((f) => !posters.policy || f.name !== posters.policy.name);
  renderPosterFiles();
  message("poster-download-message", "", ""); // what was downloaded from the files before
  posters.scrollOnCheck = true;
  if (posters.facilities && posters.policy) $("starter").open = false;
  checkPosters();
}
dropZone("facilities-drop", "facilities-input", (files) => posterFiles(files, "facilities"));
dropZone("policy-drop", "policy-input", (files) => posterFiles(files, "policy"));
dropZone("extra-drop", "extra-input", (files) => posterFiles(files, "extra"));
$("clear-extra").addEventListener("click", () => {
  posters.extra = [];
  renderPosterFiles();
  checkPosters();
});

function renderPosterFiles() {
  $("facilities-name").textContent = posters.facilities ? t("SERVE_PAGE_POSTERS_CHOSEN", { name: posters.facilities.name }) : "";
  $("policy-name").textContent = posters.policy ? t("SERVE_PAGE_POSTERS_CHOSEN", { name: posters.policy.name }) : "";
  $("extra-names").textContent = posters.extra.length > 0 ? t("SERVE_PAGE_POSTERS_CHOSEN", { name: listText(posters.extra.map((f) => f.name)) }) : "";
  $("clear-extra").hidden = posters.extra.length === 0;
}

/** The code lines of 「くわしい内容」 for a list of problems. */
function codeLines(list) {
  const codes = [...new Set(list.map((e) => e.code))];
  return codes.length > 0 ? [t("SERVE_PAGE_CODE", { code: listText(codes) })] : [];
}

async function checkPosters() {
  message("poster-message", "", "");
  if (!posters.facilities || !posters.policy) {
    $("poster-list-card").hidden = true;
    const missing = !posters.facilities ? t("SERVE_PAGE_POSTERS_WHAT_FACILITIES") : t("SERVE_PAGE_POSTERS_WHAT_POLICY");
    message("poster-message", "info", t("SERVE_PAGE_POSTERS_NEXT_FILE", { what: missing }));
    return;
  }
  const run = (posters.checking = Symbol("check"));
  busy(true, t("SERVE_PAGE_POSTERS_READING"));
  try {
    const { json } = await post("/api/posters/check", posterForm());
    if (run !== posters.checking) return;
    posters.check = json;
    renderPosterList(json);
    // Files just chosen: step 2 into view (on a 768-pixel screen it starts below step 1).
    if (posters.scrollOnCheck && json.facilities.length > 0 && json.errors.length === 0) $("poster-list-card").scrollIntoView({ block: "start" });
    posters.scrollOnCheck = false;
  } catch (error) {
    if (run !== posters.checking) return;
    posters.check = null;
    $("poster-list-card").hidden = true;
    message("poster-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
  } finally {
    busy(false);
  }
}

function renderPosterList(json) {
  $("poster-policy").textContent = t("SERVE_PAGE_POSTERS_SUMMARY", { issuer: json.policy.issuer, title: json.policy.title, date: json.policy.effectiveDate, count: number(json.facilities.length) });
  $("as-of").value = json.asOf;
  $("as-of-help").textContent = t("SERVE_PAGE_POSTERS_AS_OF_HELP", { date: json.asOfText });
  const body = $("facilities-body");
  body.replaceChildren(...json.facilities.map((f) => {
    const signParts = [];
    if (f.signs.counter > 0) signParts.push(t("SERVE_PAGE_POSTERS_SIGN_COUNTERS", { count: number(f.signs.counter) }));
    if (f.signs.phone > 0) signParts.push(t("SERVE_PAGE_POSTERS_SIGN_PHONES", { count: number(f.signs.phone) }));
    const signs = signParts.length > 0 ? signParts.join(t("SERVE_PAGE_POSTERS_SEPARATOR")) : t("SERVE_PAGE_POSTERS_NO_SIGNS");
    const wording = [f.languages.map((l) => t(POSTER_LANGUAGE_TEXTS[l] ?? l)).join(t("SERVE_PAGE_POSTERS_SEPARATOR"))];
    if (f.policyFile) wording.push(t("SERVE_PAGE_POSTERS_OWN_POLICY", { file: f.policyFile }));
    else if (f.ownWording) wording.push(t("SERVE_PAGE_POSTERS_OWN_WORDING"));
    const tr = el("tr", { "data-index": f.index, tabindex: 0, "aria-selected": String(f.index === posters.selected) },
      el("td", { class: "f-name" }, el("span", { class: "f-title", text: f.name }), el("span", { class: "f-row", text: t("SERVE_PAGE_POSTERS_ROW", { row: String(f.sheetRow ?? f.row) }) })),
      el("td", { class: "f-sizes" }, f.sizes.map((size, i) => el("span", { text: t("SERVE_PAGE_POSTERS_COPIES", { size, copies: number(f.copies[i]) }) }))),
      el("td", { class: f.signs.counter + f.signs.phone > 0 ? "" : "muted", text: signs }),
      el("td", { class: "measures", text: wording.join(t("SERVE_PAGE_SPACE")) }),
    );
    tr.addEventListener("click", () => selectFacility(f.index));
    tr.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); selectFacility(f.index); }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const next = event.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
        if (next) { next.focus(); selectFacility(Number(next.dataset.index)); }
      }
    });
    return tr;
  }));
  $("poster-list-card").hidden = json.facilities.length === 0;
  if (json.errors.length > 0) {
    message("poster-message", "warn", t("SERVE_PAGE_POSTERS_ROW_PROBLEMS", { count: number(json.errors.length) }), json.errors.map((e) => e.message), codeLines(json.errors));
  } else if (json.facilities.length === 0) {
    message("poster-message", "error", t("SERVE_PAGE_POSTERS_NO_FACILITIES"));
  }
  if (json.notes.length > 0) {
    const area = $("poster-message");
    area.append(el("div", { class: "notice info", role: "status" }, ...json.notes.map((line) => el("p", { text: line }))));
  }
  if (json.facilities.length === 0) return;
  // The facility chosen before stays chosen (a new option, the same list); in another list, the first one.
  const same = json.facilities.find((f) => f.name === posters.selectedName);
  selectFacility(same ? same.index : 0);
}

/** Draws every page of a PDF (a Blob) into `holder`, each page `width` CSS pixels wide (landscape pages wider). */
const PAGE_KIND_TEXTS = { poster: "SERVE_PAGE_POSTERS_PAGE_POSTER", text: "SERVE_PAGE_POSTERS_PAGE_TEXT", languages: "SERVE_PAGE_POSTERS_PAGE_LANGUAGES" };

async function drawPdfPages(blob, holder, what, token, kinds = []) {
  const doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
  try {
    const figures = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (token !== posters.token) return 0;
      const size = await pageSize(doc, n);
      const width = size.width > size.height ? 250 : 160;
      const canvas = el("canvas", { role: "img", "aria-label": t("SERVE_PAGE_POSTERS_PAGE_LABEL", { what, page: String(n) }) });
      const kind = kinds[n - 1];
      const caption = kind && PAGE_KIND_TEXTS[kind.page] ? t(PAGE_KIND_TEXTS[kind.page], { size: kind.size }) : t("SERVE_PAGE_POSTERS_PAGE", { page: String(n), count: String(doc.numPages) });
      const figure = el("figure", { class: "fp-page", "data-page": n }, canvas, el("figcaption", { text: caption }));
      figures.push(figure);
      holder.append(figure);
      await drawPage(doc, n, canvas, width);
    }
    return doc.numPages;
  } finally {
    doc.destroy();
  }
}

async function selectFacility(index) {
  const f = posters.check?.facilities[index];
  if (!f) return;
  posters.selected = index;
  posters.selectedName = f.name;
  const token = ++posters.token;
  posters.blobs = {};
  for (const tr of $("facilities-body").children) tr.setAttribute("aria-selected", String(Number(tr.dataset.index) === index));
  $("facility-preview-empty").hidden = true;
  $("facility-preview-body").hidden = false;
  $("fp-name").textContent = f.name;
  $("fp-starts").replaceChildren(f.starts.length > 0
    ? el("p", { class: "starts" }, el("strong", { text: t("SERVE_PAGE_LABEL", { label: t("SERVE_PAGE_POSTERS_STARTS_TITLE") }) }), f.starts.map((s) => t("SERVE_PAGE_POSTERS_STARTS", s)).join(t("SERVE_PAGE_SPACE")))
    : el("p", { class: "starts none", text: t("SERVE_PAGE_POSTERS_STARTS_NONE") }));
  message("fp-message", "", "");
  $("fp-counter").hidden = !f.signFiles.counter;
  $("fp-phone").hidden = !f.signFiles.phone;
  for (const id of ["fp-posters", "fp-counter", "fp-phone"]) $(id).disabled = true;
  $("fp-posters-title").textContent = t("SERVE_PAGE_POSTERS_PREVIEW_MAKING");
  $("fp-counter-title").hidden = !f.signFiles.counter;
  $("fp-phone-title").hidden = !f.signFiles.phone;
  $("fp-counter-title").textContent = t("SERVE_PAGE_POSTERS_PREVIEW_COUNTER", { copies: String(f.signs.counter) });
  $("fp-phone-title").textContent = t("SERVE_PAGE_POSTERS_PREVIEW_PHONE", { pieces: String(f.signs.phone) });
  for (const id of ["fp-poster-pages", "fp-counter-pages", "fp-phone-pages"]) $(id).replaceChildren();
  const jobs = [["posters", "/api/posters/facility.pdf", {}, "fp-poster-pages", f.file]];
  if (f.signFiles.counter) jobs.push(["counter", "/api/posters/sign.pdf", { kind: "counter" }, "fp-counter-pages", f.signFiles.counter]);
  if (f.signFiles.phone) jobs.push(["phone", "/api/posters/sign.pdf", { kind: "phone" }, "fp-phone-pages", f.signFiles.phone]);
  const problems = [];
  for (const [kind, path, extra, holder, fallback] of jobs) {
    try {
      const { blob, response } = await post(path, posterForm({ index, ...extra }));
      if (token !== posters.token) return;
      posters.blobs[kind] = { blob, name: fileNameOf(response, fallback) };
      const what = kind === "posters" ? t("SERVE_PAGE_POSTERS_DOWNLOAD_POSTERS") : kind === "counter" ? t("SERVE_PAGE_POSTERS_DOWNLOAD_COUNTER") : t("SERVE_PAGE_POSTERS_DOWNLOAD_PHONE");
      const pages = await drawPdfPages(blob, $(holder), what.replace(/\s*PDF$/, ""), token, reportOf(response).pages || []);
      if (token !== posters.token) return;
      if (kind === "posters") $("fp-posters-title").textContent = t("SERVE_PAGE_POSTERS_PREVIEW_POSTERS", { pages: String(pages) });
      $(`fp-${kind}`).disabled = false;
    } catch (error) {
      if (token !== posters.token) return;
      if (kind === "posters") $("fp-posters-title").textContent = "";
      problems.push(error);
      markFailed(index);
    }
  }
  if (problems.length > 0) {
    const first = problems[0];
    message("fp-message", "error", first.message, [...problems.slice(1).map((e) => e.message), ...linesOf(first.data)], detailsOf(first.data));
  }
}

/** A facility whose posters or signs the library cannot make: said in its row too, so that it is found again. */
function markFailed(index) {
  const tr = $("facilities-body").querySelector(`tr[data-index="${index}"]`);
  if (!tr || tr.classList.contains("failed")) return;
  tr.classList.add("failed");
  tr.querySelector(".f-name").append(el("span", { class: "f-failed", text: t("SERVE_PAGE_POSTERS_ROW_FAILED") }));
}

for (const kind of ["posters", "counter", "phone"]) {
  $(`fp-${kind}`).addEventListener("click", () => {
    const file = posters.blobs[kind];
    if (!file) return;
    saveBlob(file.blob, file.name);
    message("poster-download-message", "ok", t("SERVE_PAGE_POSTERS_DOWNLOADED", { name: file.name }));
  });
}

/** A change of option: the list again (the start-date lines, the sizes), then the selected facility's preview. */
let optionTimer = null;
function optionsChanged() {
  clearTimeout(optionTimer);
  optionTimer = setTimeout(() => { if (posters.facilities && posters.policy) checkPosters(); }, 250);
}
for (const id of ["as-of", "a3-design", "date-style", "bleed", "crop-marks"]) $(id).addEventListener("change", optionsChanged);
for (const box of document.querySelectorAll('input[name="poster-size"]')) box.addEventListener("change", optionsChanged);

async function downloadPosterFile(path, fallback, done) {
  busy(true, t("SERVE_PAGE_POSTERS_MAKING"));
  try {
    const { blob, response } = await post(path, posterForm());
    const name = fileNameOf(response, fallback);
    saveBlob(blob, name);
    done(name, reportOf(response));
  } catch (error) {
    message("poster-download-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
  } finally {
    busy(false);
  }
}
$("posters-zip").addEventListener("click", () => downloadPosterFile("/api/posters/posters.zip", "posters.zip", (name, report) => {
  const errors = report.errors || [];
  if (report.errorCount > 0) {
    message("poster-download-message", "warn", t("SERVE_PAGE_POSTERS_ZIP_DONE", { name, files: number(report.files) }),
      [t("SERVE_PAGE_POSTERS_NOT_MADE", { count: number(report.errorCount) }), ...errors.map((e) => (e.where ? t("SERVE_PAGE_PLACED", { where: e.where, text: e.text }) : e.text))], codeLines(errors));
  } else {
    message("poster-download-message", "ok", t("SERVE_PAGE_POSTERS_ZIP_DONE", { name, files: number(report.files) }));
  }
}));
for (const [id, path, fallback] of [["posters-manifest", "/api/posters/manifest.csv", "_order-manifest.csv"], ["posters-summary", "/api/posters/summary.pdf", "_order-summary.pdf"]]) {
  $(id).addEventListener("click", () => downloadPosterFile(path, fallback, (name) => message("poster-download-message", "ok", t("SERVE_PAGE_POSTERS_DOWNLOADED", { name }))));
}

/** The starter files: the policy nafuda init writes, and the facility list for Excel, with the city's name. */
async function downloadStarter(path, fallback) {
  const form = new FormData();
  form.append("municipality", $("municipality").value);
  try {
    const { blob, response } = await post(path, form);
    const name = fileNameOf(response, fallback);
    saveBlob(blob, name);
    message("starter-message", "ok", t("SERVE_PAGE_POSTERS_DOWNLOADED", { name }));
  } catch (error) {
    message("starter-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
  }
}
$("starter-policy").addEventListener("click", () => downloadStarter("/api/posters/starter-policy.yaml", "policy.yaml"));
$("starter-facilities").addEventListener("click", () => downloadStarter("/api/posters/starter-facilities.csv", "facilities.csv"));

// ---------- start: the page's settings, then the work the server still has for this browser (a reload)

async function start() {
  let large = false;
  try { large = localStorage.getItem(TEXT_SIZE_KEY) === "large"; } catch { /* no storage: standard size */ }
  applyTextSize(large);
  try {
    const response = await fetch(`/api/info?lang=${LANG}`);
    state.info = await response.json();
    state.texts = state.info.texts || {};
    applyTexts();
    // The page's words are in: what waits for the page (a test, a screen reader's first read) can start here.
    document.documentElement.dataset.texts = LANG;
    $("as-of").value = todayIso();
    $("template").replaceChildren(...state.info.templates.map((t) => el("option", { value: t.name, text: t.label })));
    $("sheet").append(...state.info.sheets.map((s) => el("option", { value: s.name, text: s.label })));
    // What the city's nafuda.config.yaml starts the page with (nafuda serve); a roster read later keeps its own.
    const defaults = state.info.defaults;
    if (defaults) {
      $("romaji").value = defaults.romaji;
      $("romaji-case").value = defaults.romajiCase;
      $("template").value = defaults.template;
    }
  } catch {
    message("roster-message", "error", t("SERVE_PAGE_NO_SERVER"));
    return;
  }
  try {
    const response = await fetch(`/api/work?lang=${LANG}`);
    const view = response.ok ? await response.json() : null;
    if (view?.work) {
      applyView(view, { fresh: true, resumed: true });
      const step = location.hash.slice(1);
      showStep(step === "print" ? "print" : "check", { focus: true });
      return;
    }
  } catch { /* no work to go on with */ }
  showStep("roster");
}
start();
