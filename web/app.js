// nafuda serve — the page. Plain browser JavaScript, no build step, no outside requests.
// The page keeps the files the person chose and the readings they corrected; every request sends them to the
// local server, which runs the nafuda library on them and forgets them.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);

  const SOURCE_LABELS = { override: "確認済み", roster: "名簿のフリガナ", dictionary: "辞書", analyzer: "自動の推定" };
  // The page is in Japanese; the server answers in the language the page asks for (its messages come from
  // nafuda's catalogue, with their codes).
  const LANG = document.documentElement.lang === "en" ? "en" : "ja";
  /** The library's reason for a romaji that does not spell the kana: the person may confirm the pair as it is. */
  const ROMAJI_DOES_NOT_FIT = "REASON_ROMAJI_DOES_NOT_FIT";

  const state = {
    info: null,
    roster: null, // File
    confirmed: null, // File
    rosterKind: "roster",
    rows: [], // PageRow, in the order shown (errors, review, the rest at load time)
    byRow: new Map(),
    original: new Map(), // row -> the reading as first read (before any edit on the page), for its alternatives
    edits: new Map(), // row -> { row, id, name, kana, romaji }
    editErrors: new Map(), // row -> the library's message about the edit
    selected: null,
    onlyReview: false,
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

  let busyCount = 0;
  function busy(on, text) {
    busyCount += on ? 1 : -1;
    $("busy-text").textContent = text || "処理しています…";
    $("busy").hidden = busyCount <= 0;
  }

  function message(areaId, kind, title, lines = [], details = []) {
    const area = $(areaId);
    area.replaceChildren();
    if (!title) return;
    const box = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, el("p", { class: "title", text: title }));
    if (lines.length > 0) box.append(el("ul", {}, lines.map((line) => el("li", { text: line }))));
    if (details.length > 0) box.append(el("details", {}, el("summary", { text: "くわしい内容" }), ...details.map((line) => el("p", { class: "detail", text: line }))));
    area.append(box);
  }

  /** 「くわしい内容」 of an error answer: its code and where (file, row as Excel numbers it, column), and its problems' codes. */
  function detailsOf(data) {
    if (!data) return [];
    const lines = [];
    if (data.code) lines.push(`コード：${data.code}`);
    if (data.where) lines.push(`場所：${data.where}`);
    for (const issue of data.issues || []) lines.push(`コード：${issue.code}${issue.where ? `（${issue.where}）` : ""}`);
    if (data.detail) lines.push(data.detail);
    return lines;
  }

  /** The lines under an error's title: its single problems, and what the page suggests. */
  function linesOf(data) {
    return [...(data?.issues || []).map((issue) => issue.message), ...(data?.hints || [])];
  }

  /** A row error as a line of a list: where (the row as Excel numbers it), who, then the library's message. */
  function rowErrorLine(e) {
    if (!e.where) return e.name ? `（${e.name}）${e.text}` : e.text;
    return `${e.where}${e.name ? `（${e.name}）` : ""}：${e.text}`;
  }

  /** The row as Excel numbers it (the data row for JSON rosters). */
  function rowLabel(row) {
    return row.sheetRow ?? row.row;
  }

  function readingForm(extra = {}) {
    const form = new FormData();
    form.append("roster", state.roster, state.roster.name);
    if (state.confirmed) form.append("confirmed", state.confirmed, state.confirmed.name);
    form.append("edits", JSON.stringify([...state.edits.values()]));
    form.append("romaji", $("romaji").value);
    form.append("romajiCase", $("romaji-case").value);
    form.append("template", $("template").value || "standard");
    form.append("lang", LANG);
    for (const [key, value] of Object.entries(extra)) form.append(key, String(value));
    return form;
  }

  /** POST a form; JSON answers come back parsed, files as a Blob. Errors throw with the server's words. */
  async function post(path, form) {
    let response;
    try {
      response = await fetch(path, { method: "POST", body: form });
    } catch {
      throw Object.assign(new Error("nafuda のサーバーにつながりません。nafuda serve を起動した画面が閉じられていないか確かめてください。"), { data: {} });
    }
    const type = response.headers.get("content-type") || "";
    if (!response.ok) {
      let data = {};
      try { data = type.includes("json") ? await response.json() : {}; } catch { data = {}; }
      // Node cuts off an upload that takes too long (408) with a plain answer: say so in words.
      const fallback = response.status === 408 ? "ファイルを送るのに時間がかかりすぎました。もう一度お試しください。" : `処理できませんでした（${response.status}）。`;
      throw Object.assign(new Error(data.error || fallback), { status: response.status, data });
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
      return `「${file.name}」は大きすぎます（${sizeText(file.size)}、上限 ${state.info.maxUpload}）。名簿を所属ごとなどに分けるか、不要な列やシートを消してから選んでください。`;
    }
    return null;
  }

  // ---------- tabs

  function showTab(which) {
    for (const name of ["badges", "posters"]) {
      const on = name === which;
      $(`tab-${name}`).setAttribute("aria-selected", String(on));
      $(`tab-${name}`).tabIndex = on ? 0 : -1;
      $(`panel-${name}`).hidden = !on;
    }
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

  // ---------- step 1: roster

  dropZone("roster-drop", "roster-input", (files) => takeRosterFiles(files));
  function takeRosterFiles(files) {
    if (files.length > 2) {
      message("roster-message", "error", "ファイルは 2 つまで選べます：名簿と、前回の確認済みよみ（CSV か Excel）です。");
      return;
    }
    for (const file of files) {
      const problem = tooLarge(file);
      if (problem) return message("roster-message", "error", problem);
    }
    const previous = snapshot();
    state.roster = files[0];
    state.confirmed = files[1] || null;
    state.edits.clear();
    state.editErrors.clear();
    state.selected = null;
    loadReadings(true, previous);
  }
  $("add-confirmed").addEventListener("click", () => $("confirmed-input").click());
  $("confirmed-input").addEventListener("change", () => {
    const file = $("confirmed-input").files[0];
    $("confirmed-input").value = "";
    if (!file) return;
    const problem = tooLarge(file);
    if (problem) return message("roster-message", "error", problem);
    const previous = snapshot();
    state.confirmed = file;
    loadReadings(true, previous);
  });
  $("remove-confirmed").addEventListener("click", () => {
    const previous = snapshot();
    state.confirmed = null;
    loadReadings(true, previous);
  });
  /** The files and edits the table shows now, to go back to when new files cannot be used. */
  function snapshot() {
    return state.roster ? { roster: state.roster, confirmed: state.confirmed, edits: new Map(state.edits), selected: state.selected } : null;
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
  $("romaji").addEventListener("change", () => loadReadings(false));
  $("romaji-case").addEventListener("change", () => loadReadings(false));

  /** Reads the files through the library. When new files fail, the page goes back to the `previous` ones. */
  let generation = 0; // bumped whenever the table is read anew: answers for an older table are dropped
  async function loadReadings(fresh, previous = null) {
    if (!state.roster) return;
    busy(true, "名簿を読んでいます…");
    message("roster-message", "", "");
    try {
      const { json } = await post("/api/readings", readingForm());
      applyFiles(json.files);
      if (!fresh && state.rows.length > 0) {
        // Same roster, other settings: keep the order the person is working in.
        const place = new Map(state.rows.map((row, i) => [row.row, i]));
        json.rows.sort((a, b) => (place.get(a.row) ?? Infinity) - (place.get(b.row) ?? Infinity));
      }
      generation++;
      state.rows = json.rows;
      state.byRow = new Map(json.rows.map((row) => [row.row, row]));
      if (fresh) state.original = new Map();
      for (const row of json.rows) if (!state.edits.has(row.row) && !state.original.has(row.row)) state.original.set(row.row, row);
      state.editErrors = new Map(json.editErrors.map((e) => [e.row, e.text]));
      if (fresh || !state.byRow.has(state.selected)) state.selected = json.rows[0] ? json.rows[0].row : null;
      showRosterNotes(json);
      $("step-review").hidden = false;
      $("step-download").hidden = false;
      renderTable();
      renderSummary();
      renderEditor();
      refreshPreview(true);
      if (fresh) focusSelectedRow(false);
    } catch (error) {
      const lines = linesOf(error.data);
      if (previous && state.rows.length > 0) {
        const tried = { roster: state.roster, confirmed: state.confirmed };
        Object.assign(state, { roster: previous.roster, confirmed: previous.confirmed, edits: previous.edits, selected: previous.selected });
        if (tried.roster !== previous.roster) lines.push(`表には前の名簿「${previous.roster.name}」の内容をそのまま表示しています。`);
        else if (tried.confirmed) lines.push(`確認済みよみ「${tried.confirmed.name}」は使っていません。表は前の内容のままです。`);
        else lines.push("表は前の内容のままです。");
        applyFiles({ roster: state.roster.name, confirmed: state.confirmed ? state.confirmed.name : null, rosterKind: state.rosterKind, ...state.fileInfo });
      } else {
        state.roster = null;
        state.confirmed = null;
        state.rows = [];
        state.byRow = new Map();
      }
      $("step-review").hidden = state.rows.length === 0;
      $("step-download").hidden = state.rows.length === 0;
      if (state.rows.length === 0) {
        $("files-bar").hidden = true;
        $("roster-drop").hidden = false;
      }
      message("roster-message", "error", error.message, lines, detailsOf(error.data));
    } finally {
      busy(false);
    }
  }

  function applyFiles(files) {
    state.fileInfo = { encoding: files.encoding, format: files.format, sheet: files.sheet };
    // The server may have found the two files in each other's places: follow it.
    if (state.confirmed && files.roster === state.confirmed.name && files.confirmed === state.roster.name) {
      [state.roster, state.confirmed] = [state.confirmed, state.roster];
    }
    state.rosterKind = files.rosterKind;
    $("files-bar").hidden = false;
    $("roster-drop").hidden = true;
    const encoding = { "utf-8": "UTF-8", "utf-8-bom": "UTF-8（BOM付き）", cp932: "Shift_JIS", "euc-jp": "EUC-JP", "utf-16le": "UTF-16", "utf-16be": "UTF-16" }[files.encoding] || files.encoding;
    const kind = files.format === "xlsx" ? `Excel${files.sheet ? `・シート「${files.sheet}」` : ""}` : `${files.format.toUpperCase()}${encoding ? `・${encoding}` : ""}`;
    $("roster-name").replaceChildren(files.roster, el("span", { class: "sub", text: `（${kind}）` }));
    const confirmedName = state.rosterKind === "review-sheet" ? "名簿と同じファイル" : files.confirmed;
    $("confirmed-name").textContent = confirmedName || "なし";
    $("add-confirmed").hidden = !!files.confirmed;
    $("remove-confirmed").hidden = !files.confirmed || state.rosterKind === "review-sheet";
  }

  function showRosterNotes(json) {
    const problemRows = [...json.fileErrors, ...json.confirmed.errors];
    const problems = problemRows.map((e) => rowErrorLine(e));
    const notes = [];
    if (state.rosterKind === "review-sheet") {
      notes.push("確認済みよみ（確認シート）だけが選ばれたので、そこにある氏名と読みを使います。名札に所属を入れるには、名簿のファイルも一緒に選んでください。");
    }
    // What matching the confirmed file said (ids Excel changed, rows that match no one), in the library's words.
    for (const note of json.confirmed.notes) {
      notes.push(note.message);
      if (note.code === "NOTE_CONFIRMED_STALE" && json.confirmed.stale.length > 0) {
        const names = json.confirmed.stale.slice(0, 8).map((s) => s.name || s.id);
        const more = json.confirmed.staleCount - names.length;
        notes.push(`名簿にいなかった人：${names.join("、")}${more > 0 ? ` ほか ${more} 人` : ""}。氏名や職員番号が変わった人がいれば、表でその人の読みを確かめてください。`);
      }
    }
    notes.push(...json.notes.map((note) => note.message));
    const area = $("roster-message");
    area.replaceChildren();
    if (problems.length > 0) {
      area.append(el("div", { class: "notice error", role: "alert" },
        el("p", { class: "title", text: "ファイルに直すところがあります（ほかの行は読み込めています）" }),
        el("ul", {}, problems.map((p) => el("li", { text: p }))),
        el("details", {}, el("summary", { text: "くわしい内容" }),
          ...problemRows.map((e) => el("p", { class: "detail", text: `コード：${e.code}${e.where ? `（${e.where}）` : ""}` })))));
    }
    if (notes.length > 0) area.append(el("div", { class: "notice info" }, el("ul", {}, notes.map((n) => el("li", { text: n })))));
  }

  // ---------- step 2: the table

  function status(row) {
    if (row.error) return { key: "error", label: "エラー" };
    if (row.review) return { key: "review", label: "要確認" };
    if (row.source === "override") return { key: "done", label: "確認済み" };
    return { key: "ok", label: "OK" };
  }

  function visibleRows() {
    return state.onlyReview ? state.rows.filter((row) => row.error || row.review || state.edits.has(row.row)) : state.rows;
  }

  /** The readings to offer: the row's own alternatives, and for a row edited on the page, what it was before. */
  function alternativesOf(row) {
    const original = state.original.get(row.row);
    const all = state.edits.has(row.row) && original ? [original.kana, ...original.alternatives, ...row.alternatives] : row.alternatives;
    return [...new Set(all.filter((kana) => kana && kana !== row.kana))];
  }

  function rowElement(row) {
    const s = status(row);
    const reasonCell = el("td", { class: "c-reason" });
    if (row.error) reasonCell.append(el("span", { class: "error-text", title: row.error.code, text: row.error.text }));
    const editError = state.editErrors.get(row.row);
    if (editError) reasonCell.append(el("span", { class: "error-text", text: editError }));
    for (const reason of row.reasons) reasonCell.append(el("span", { class: "reason-text", text: reason }));
    alternativesOf(row).forEach((alternative, i) => {
      reasonCell.append(el("button", {
        type: "button", class: "alt-chip", tabindex: "-1", title: `「${alternative}」にする`,
        onclick: (event) => { event.stopPropagation(); chooseAlternative(row.row, alternative); },
      }, i < 9 ? el("kbd", { text: String(i + 1) }) : null, alternative));
    });
    const tr = el("tr", {
      "data-row": row.row, tabindex: "-1", "aria-selected": String(row.row === state.selected), class: `is-${s.key}`,
    },
      el("td", { class: "c-status" }, el("span", { class: `pill ${s.key}`, text: s.label })),
      el("td", { class: "c-row", text: rowLabel(row) }),
      el("td", { class: "c-name" }, row.name || "（氏名なし）",
        el("span", { class: "c-sub", text: [row.id, row.department].filter(Boolean).join("・") })),
      el("td", { class: "c-kana", text: row.kana || "—" }),
      el("td", { class: "c-romaji", text: row.romaji || "—" }),
      el("td", { class: "c-source", text: row.source ? SOURCE_LABELS[row.source] : "" }),
      reasonCell,
    );
    tr.addEventListener("click", () => select(row.row, false));
    tr.addEventListener("dblclick", () => { select(row.row, false); focusKana(); });
    return tr;
  }

  function renderTable() {
    const rows = visibleRows();
    $("staff-body").replaceChildren(...rows.map(rowElement));
    $("table-empty").hidden = rows.length > 0;
    if (state.selected !== null && !rows.some((r) => r.row === state.selected)) state.selected = rows[0] ? rows[0].row : null;
    markSelected();
  }

  function renderRow(rowNumber) {
    const old = $("staff-body").querySelector(`tr[data-row="${rowNumber}"]`);
    const row = state.byRow.get(rowNumber);
    if (old && row) {
      const fresh = rowElement(row);
      const hadFocus = document.activeElement === old;
      old.replaceWith(fresh);
      if (hadFocus) fresh.focus();
    }
    markSelected();
  }

  function markSelected() {
    for (const tr of $("staff-body").children) {
      const on = Number(tr.dataset.row) === state.selected;
      tr.setAttribute("aria-selected", String(on));
      tr.tabIndex = on ? 0 : -1;
    }
    // With nothing selected, the first row takes the focus from Tab.
    if (state.selected === null && $("staff-body").firstElementChild) $("staff-body").firstElementChild.tabIndex = 0;
  }

  function renderSummary() {
    const total = state.rows.length;
    const review = state.rows.filter((r) => r.review && !r.error).length;
    const errors = state.rows.filter((r) => r.error).length;
    const done = state.rows.filter((r) => !r.error && !r.review && r.source === "override").length;
    $("summary").replaceChildren(
      el("span", { class: "chip" }, "全員", el("b", { text: total }), "人"),
      el("span", { class: `chip ${review > 0 ? "review" : ""}` }, "要確認", el("b", { text: review }), "人"),
      el("span", { class: `chip ${errors > 0 ? "error" : ""}` }, "エラー", el("b", { text: errors }), "人"),
      el("span", { class: "chip done" }, "確認済み", el("b", { text: done }), "人"),
    );
    $("unreviewed-box").hidden = review === 0;
    $("unreviewed-text").textContent = review > 0
      ? `要確認の人が ${review} 人残っています。名札 PDF は、表の「要確認」の人の読みを確かめてから作ってください。`
      : "";
  }

  function select(rowNumber, focusRow = true) {
    if (state.selected === rowNumber) {
      if (focusRow) focusSelectedRow(true);
      return;
    }
    state.selected = rowNumber;
    markSelected();
    renderEditor();
    refreshPreview(false); // a short wait: holding ↓ does not ask for a badge per row passed
    if (focusRow) focusSelectedRow(true);
  }

  /** Focuses the selected row, scrolling the table (not the page) to show it below the sticky header. */
  function focusSelectedRow(scroll) {
    const tr = $("staff-body").querySelector(`tr[data-row="${state.selected}"]`);
    if (!tr) return;
    tr.focus({ preventScroll: true });
    if (!scroll) return;
    const wrap = $("table-wrap");
    const header = $("staff-table").tHead.offsetHeight;
    const top = tr.offsetTop;
    const bottom = top + tr.offsetHeight;
    if (top - header < wrap.scrollTop) wrap.scrollTop = top - header;
    else if (bottom > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = bottom - wrap.clientHeight;
    // The row is in the table's view but the table is partly off the screen: bring the whole table into view.
    const box = tr.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) wrap.scrollIntoView({ block: box.top < 0 ? "start" : "end" });
  }

  $("only-review").addEventListener("change", () => {
    state.onlyReview = $("only-review").checked;
    renderTable();
    renderEditor();
    refreshPreview(true);
  });

  $("staff-body").addEventListener("keydown", (event) => {
    const rows = visibleRows();
    const index = rows.findIndex((r) => r.row === state.selected);
    const row = state.byRow.get(state.selected);
    const go = (i) => { event.preventDefault(); const target = rows[Math.max(0, Math.min(rows.length - 1, i))]; if (target) select(target.row, true); };
    switch (event.key) {
      case "ArrowDown": return go(index + 1);
      case "ArrowUp": return go(index - 1);
      case "PageDown": return go(index + 10);
      case "PageUp": return go(index - 10);
      case "Home": return go(0);
      case "End": return go(rows.length - 1);
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
    if (!row) return;
    $("ed-name").textContent = row.name || "（氏名なし）";
    $("ed-meta").textContent = [`${rowLabel(row)} 行目`, row.id ? `職員番号 ${row.id}` : "", row.department || "", row.surname ? `姓「${row.surname}」` : ""].filter(Boolean).join("　");
    const s = status(row);
    $("ed-status").replaceChildren(...[
      el("span", { class: `pill ${s.key}`, text: s.label }),
      row.source ? el("span", { class: "person-meta", text: `　読みの出典：${SOURCE_LABELS[row.source]}${state.edits.has(row.row) ? "（この画面で確認）" : ""}` }) : null,
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
      el("span", { class: "person-meta", text: "ほかの読み：" }),
      ...alternatives.map((alternative, i) => el("button", {
        type: "button", class: "alt-chip", onclick: () => chooseAlternative(row.row, alternative),
      }, i < 9 ? el("kbd", { text: String(i + 1) }) : null, alternative)),
    ] : []));
    const edit = state.edits.get(row.row);
    if (document.activeElement !== $("edit-kana")) $("edit-kana").value = edit ? edit.kana : row.kana || "";
    if (document.activeElement !== $("edit-romaji")) $("edit-romaji").value = edit && edit.romajiTyped ? edit.romaji : row.romaji || "";
    $("edit-error").textContent = state.editErrors.get(row.row) || "";
    $("revert").hidden = !edit;
    const alreadyDone = !row.error && !row.review && row.source === "override";
    $("confirm").textContent = alreadyDone ? "確認済みです"
      : row.reasonCodes.includes(ROMAJI_DOES_NOT_FIT) ? "このローマ字のまま確認済みにする" : "この読みで確認済みにする";
    $("confirm").disabled = alreadyDone;
  }

  function focusKana() {
    const row = state.byRow.get(state.selected);
    if (!row || !row.fixable) return;
    $("edit-kana").focus();
    $("edit-kana").select();
  }

  /**
   * An edit as the server takes it (a row of a confirmed readings table). `romaji: null` lets nafuda spell the
   * romaji from the kana; `romajiTyped` (page only) remembers that the person typed the romaji themselves.
   * As in the review sheet, a typed romaji that does not spell the kana is not printed (the library sends the row
   * to review, REASON_ROMAJI_DOES_NOT_FIT) until the person confirms the pair: `pair` is the sheet's 済.
   */
  function editFor(row, kana, romaji, romajiTyped = false, pair = false) {
    return { row: row.row, id: row.id, name: row.name, kana, romaji, romajiTyped, pair };
  }

  /** The romaji to keep with a new kana: the person's own, or none (spelt again from the kana). */
  function romajiForKana(row, kana) {
    const existing = state.edits.get(row.row);
    if (existing && existing.romajiTyped) return [existing.romaji, true];
    // The kana as it was: keep its romaji as shown (it may be the roster's own spelling, e.g. Ohno).
    if (kana === row.kana && !(existing && existing.romaji === null)) return [row.romaji, false];
    return [null, false];
  }

  function chooseAlternative(rowNumber, kana) {
    const row = state.byRow.get(rowNumber);
    if (!row) return;
    const existing = state.edits.get(rowNumber);
    // A new kana: nafuda spells the romaji again unless the person typed one.
    state.edits.set(rowNumber, editFor(row, kana, existing && existing.romajiTyped ? existing.romaji : null, !!(existing && existing.romajiTyped)));
    if (state.selected !== rowNumber) { state.selected = rowNumber; markSelected(); }
    updateRow(rowNumber);
  }

  /** Confirms the selected row's reading as shown in the editor (or a row's reading as it is, from the table). */
  function confirmAsIs(rowNumber) {
    const row = state.byRow.get(rowNumber);
    if (!row || !row.fixable) return;
    const inEditor = state.selected === rowNumber;
    const kana = inEditor ? $("edit-kana").value.trim() : row.kana || "";
    if (!kana) {
      if (inEditor) $("edit-error").textContent = "かなを入れてください。空のままでは名札に何も印刷されません。";
      return;
    }
    const existing = state.edits.get(rowNumber);
    const romajiInput = inEditor ? $("edit-romaji").value.trim() : row.romaji || "";
    const typedNow = romajiInput !== "" && romajiInput !== (row.romaji || "");
    const [romaji, romajiTyped] = typedNow ? [romajiInput, true] : romajiForKana(row, kana);
    // Confirming a row the library flagged because its romaji does not spell the kana confirms that pair.
    const samePair = existing && existing.kana === kana && existing.romaji === romaji;
    const pair = romajiTyped && romaji !== null && (row.reasonCodes.includes(ROMAJI_DOES_NOT_FIT) || !!(samePair && existing.pair));
    if (samePair && existing.pair === pair) {
      updateRow(rowNumber); // nothing new: just make sure the table shows it
      return;
    }
    state.edits.set(rowNumber, editFor(row, kana, romaji, romajiTyped, pair));
    updateRow(rowNumber);
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
        $("edit-error").textContent = "かなを入れてください。空のままでは名札に何も印刷されません。";
        return;
      }
      const [romaji, romajiTyped] = which === "romaji"
        ? (romajiInput ? [romajiInput, true] : [null, false])
        : romajiForKana(row, kana);
      state.edits.set(row.row, editFor(row, kana, romaji, romajiTyped));
      updateRow(row.row);
    }, 450);
  }
  // While a Japanese input method is composing, the text is not final: wait for the composition to end.
  $("edit-kana").addEventListener("input", (event) => { if (!event.isComposing) typed("kana"); });
  $("edit-kana").addEventListener("compositionend", () => typed("kana"));
  $("edit-romaji").addEventListener("input", (event) => { if (!event.isComposing) typed("romaji"); });
  $("edit-romaji").addEventListener("compositionend", () => typed("romaji"));
  for (const id of ["edit-kana", "edit-romaji"]) {
    $(id).addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.preventDefault(); focusSelectedRow(true); }
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        clearTimeout(typingTimer);
        confirmAsIs(state.selected);
        focusSelectedRow(true);
      }
    });
  }
  $("confirm").addEventListener("click", () => { clearTimeout(typingTimer); confirmAsIs(state.selected); });
  $("revert").addEventListener("click", () => {
    clearTimeout(typingTimer);
    state.edits.delete(state.selected);
    state.editErrors.delete(state.selected);
    $("edit-kana").blur();
    $("edit-romaji").blur();
    updateRow(state.selected);
  });

  let rowRequest = 0;
  /** Re-reads one row through the library with the edits applied, then redraws it and its badge. */
  async function updateRow(rowNumber) {
    const ticket = ++rowRequest;
    const asked = generation;
    try {
      const { json } = await post("/api/readings", readingForm({ rows: String(rowNumber) }));
      if (asked !== generation) return;
      for (const e of json.editErrors) state.editErrors.set(e.row, e.text);
      if (!json.editErrors.some((e) => e.row === rowNumber)) state.editErrors.delete(rowNumber);
      for (const fresh of json.rows) {
        const index = state.rows.findIndex((r) => r.row === fresh.row);
        if (index >= 0) state.rows[index] = fresh;
        state.byRow.set(fresh.row, fresh);
        renderRow(fresh.row);
      }
      if (ticket !== rowRequest) return;
      renderSummary();
      if (rowNumber === state.selected) {
        renderEditor();
        refreshPreview(false);
      }
    } catch (error) {
      message("roster-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    }
  }

  // ---------- the badge preview

  let previewTimer = null;
  let previewTicket = 0;
  function refreshPreview(immediate) {
    clearTimeout(previewTimer);
    $("preview").classList.add("stale");
    previewTimer = setTimeout(drawPreview, immediate ? 0 : 120);
  }

  async function drawPreview() {
    const ticket = ++previewTicket;
    const row = state.byRow.get(state.selected);
    if (!row) {
      $("preview").replaceChildren(el("p", { class: "preview-empty", text: "行を選ぶと表示します" }));
      $("preview").classList.remove("stale");
      $("preview-note").textContent = "";
      $("preview-size").textContent = "";
      return;
    }
    try {
      const { json } = await post("/api/preview", readingForm({ row: row.row }));
      if (ticket !== previewTicket) return;
      $("preview").classList.remove("stale");
      if (!json.svg) {
        $("preview").replaceChildren(el("p", { class: "preview-empty", text: json.error ? `この人の名札は作れません：${json.error.text}` : "名札を作れません" }));
        $("preview-note").textContent = "";
        return;
      }
      // The SVG is drawn by the server from the badge PDF: only paths, no text or scripts.
      const holder = document.createElement("div");
      holder.innerHTML = json.svg;
      const svg = holder.querySelector("svg");
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      svg.setAttribute("aria-label", `名札の見本：${json.kana} ${json.romaji}`);
      $("preview").replaceChildren(svg);
      $("preview-size").textContent = `実寸 ${json.widthMm} × ${json.heightMm} mm`;
      const notes = [...json.warnings.map((w) => w.text)];
      if (json.notShown.includes("background")) notes.push("背景の画像は見本に表示していません（PDF には入ります）。");
      $("preview-note").textContent = notes.join(" ");
    } catch (error) {
      if (ticket !== previewTicket) return;
      $("preview").classList.remove("stale");
      $("preview").replaceChildren(el("p", { class: "preview-empty", text: error.message }));
    }
  }

  $("template").addEventListener("change", () => refreshPreview(true));

  $("open-pdf").addEventListener("click", async () => {
    const row = state.byRow.get(state.selected);
    if (!row) return;
    const tab = window.open("", "_blank");
    try {
      const { blob } = await post("/api/badge.pdf", readingForm({ row: row.row }));
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url; else saveBlob(blob, `名札_${row.surname}.pdf`);
    } catch (error) {
      if (tab) tab.close();
      message("download-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    }
  });

  // ---------- step 3: downloads

  async function downloadConfirmed(path, fallback) {
    busy(true, "確認済みよみを作っています…");
    try {
      const { blob, response } = await post(path, readingForm());
      const name = fileNameOf(response, fallback);
      saveBlob(blob, name);
      message("download-message", "ok", `「${name}」をダウンロードしました。`, [
        "来年の印刷では、名簿と一緒にこのファイルを選んでください。確認した読みがそのまま使われます。",
        "Excel で直して保存してもかまいません（CSV のままでも、Excel ブックでも）。職員番号の先頭の 0 が消えたり、行を並べ替えたりしても照合できます。",
      ]);
    } catch (error) {
      message("download-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    } finally {
      busy(false);
    }
  }
  $("download-confirmed").addEventListener("click", () => downloadConfirmed("/api/confirmed.csv", "確認済みよみ.csv"));
  $("download-confirmed-xlsx").addEventListener("click", () => downloadConfirmed("/api/confirmed.xlsx", "確認済みよみ.xlsx"));

  $("download-badges").addEventListener("click", async () => {
    busy(true, "名札 PDF を作っています…");
    try {
      const form = readingForm({ sheet: $("sheet").value, cutGuides: $("cut-guides").checked, allowUnreviewed: $("allow-unreviewed").checked });
      const { blob, response } = await post("/api/badges.pdf", form);
      const name = fileNameOf(response, "名札.pdf");
      saveBlob(blob, name);
      // A bounded summary: the counts are complete, the rows listed are the first that fit.
      let report = {};
      try { report = JSON.parse(decodeURIComponent(response.headers.get("x-nafuda-report") || "%7B%7D")); } catch { report = {}; }
      const sheet = (state.info?.sheets || []).find((s) => s.name === report.sheet);
      const lines = [];
      if (report.unreviewed > 0) lines.push(`確認していない読み ${report.unreviewed} 人分をそのまま印刷しています。`);
      if (report.leftOutCount > 0) {
        lines.push(`次の ${report.leftOutCount} 人は名札を作れなかったので、PDF に入っていません：`);
        lines.push(...(report.leftOut || []).map((e) => e.message));
        const more = report.leftOutCount - (report.leftOut || []).length;
        if (more > 0) lines.push(`ほか ${more} 人（表の「エラー」の行をご覧ください）。`);
      }
      if (report.warningCount > 0) {
        lines.push(...(report.warnings || []).map((w) => w.message));
        const more = report.warningCount - (report.warnings || []).length;
        if (more > 0) lines.push(`ほかに注意が ${more} 件あります。`);
      }
      const codes = Object.keys({ ...(report.leftOutCodes || {}), ...(report.warningCodes || {}) });
      message("download-message", report.leftOutCount > 0 ? "warn" : "ok",
        `「${name}」をダウンロードしました：名札 ${report.badges} 枚、${report.pages} ページ（${sheet ? sheet.label : report.sheet}）。`, lines,
        codes.length > 0 ? [`コード：${codes.join("、")}`] : []);
    } catch (error) {
      const lines = linesOf(error.data);
      if (error.data?.unreviewed) {
        lines.push(...error.data.unreviewed.slice(0, 15).map((u) => `${rowLabel(u)} 行目　${u.name}　→ ${u.kana}`));
        const count = error.data.unreviewedCount ?? error.data.unreviewed.length;
        if (count > 15) lines.push(`ほか ${count - 15} 人`);
      }
      if (error.data?.leftOut) lines.push(...error.data.leftOut.slice(0, 15).map((e) => rowErrorLine(e)));
      message("download-message", error.status === 409 ? "warn" : "error", error.message, lines, detailsOf(error.data));
    } finally {
      busy(false);
    }
  });

  // ---------- posters

  function posterForm(extra = {}) {
    const form = new FormData();
    form.append("facilities", state.facilities, state.facilities.name);
    form.append("policy", state.policy, state.policy.name);
    form.append("printShop", String($("print-shop").checked));
    form.append("lang", LANG);
    for (const [key, value] of Object.entries(extra)) form.append(key, String(value));
    return form;
  }

  function posterFiles(files) {
    for (const file of files) {
      const problem = tooLarge(file);
      if (problem) return message("poster-message", "error", problem);
      if (/\.(ya?ml|json)$/i.test(file.name)) state.policy = file;
      else state.facilities = file;
    }
    $("facilities-name").textContent = state.facilities ? `選択中：${state.facilities.name}` : "";
    $("policy-name").textContent = state.policy ? `選択中：${state.policy.name}` : "";
    checkPosters();
  }
  dropZone("facilities-drop", "facilities-input", posterFiles);
  dropZone("policy-drop", "policy-input", posterFiles);

  async function checkPosters() {
    message("poster-message", "", "");
    if (!state.facilities || !state.policy) {
      $("poster-list-card").hidden = true;
      const missing = !state.facilities ? "施設一覧" : "方針ファイル（policy.yaml）";
      message("poster-message", "info", `次に${missing}を選んでください。`);
      return;
    }
    busy(true, "施設一覧と方針ファイルを読んでいます…");
    try {
      const { json } = await post("/api/posters/check", posterForm());
      state.posterFacilities = json.facilities;
      $("poster-policy").textContent = `${json.policy.issuer}「${json.policy.title}」— ${json.facilities.length} 施設`;
      $("facilities-body").replaceChildren(...json.facilities.map((f) => el("tr", {},
        el("td", { text: f.name }),
        el("td", { text: f.sizes.map((size, i) => `${size} × ${f.copies[i]}部`).join("、") }),
        el("td", { text: f.languages.map((l) => ({ ja: "日本語", en: "英語", "easy-ja": "やさしい日本語" })[l] || l).join("・") }),
        el("td", { class: "measures", text: f.measures.join("、") }),
        el("td", {}, el("button", { type: "button", class: "button secondary", "data-index": f.index, onclick: () => downloadPoster("/api/posters/facility.pdf", { index: f.index }, f.file) }, "PDF")),
      )));
      $("poster-list-card").hidden = json.facilities.length === 0;
      if (json.errors.length > 0) {
        message("poster-message", "warn", "施設一覧に直すところがあります（ほかの施設は作れます）", json.errors.map((e) => rowErrorLine(e)),
          [`コード：${[...new Set(json.errors.map((e) => e.code))].join("、")}`]);
      } else if (json.facilities.length === 0) {
        message("poster-message", "error", "施設一覧に施設がありません。");
      }
    } catch (error) {
      $("poster-list-card").hidden = true;
      message("poster-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    } finally {
      busy(false);
    }
  }

  async function downloadPoster(path, extra, fallback) {
    busy(true, "ポスターを作っています…");
    try {
      const { blob, response } = await post(path, posterForm(extra));
      const name = fileNameOf(response, fallback);
      saveBlob(blob, name);
      message("poster-download-message", "ok", `「${name}」をダウンロードしました。`);
    } catch (error) {
      message("poster-download-message", "error", error.message, linesOf(error.data), detailsOf(error.data));
    } finally {
      busy(false);
    }
  }
  $("posters-all").addEventListener("click", () => downloadPoster("/api/posters/all.pdf", {}, "ポスター_全施設.pdf"));
  $("posters-summary").addEventListener("click", () => downloadPoster("/api/posters/summary.pdf", {}, "ポスター発注一覧.pdf"));
  $("posters-manifest").addEventListener("click", () => downloadPoster("/api/posters/manifest.csv", {}, "ポスター発注一覧.csv"));

  // ---------- start

  async function start() {
    try {
      const response = await fetch(`/api/info?lang=${LANG}`);
      state.info = await response.json();
      $("template").replaceChildren(...state.info.templates.map((t) => el("option", { value: t.name, text: t.label })));
      $("sheet").append(...state.info.sheets.map((s) => el("option", { value: s.name, text: s.label })));
    } catch {
      message("roster-message", "error", "nafuda のサーバーにつながりません。nafuda serve を起動した画面が閉じられていないか確かめてください。");
    }
  }
  start();
})();
