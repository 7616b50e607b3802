import { entry, enList, jaList, type Message } from "./entry.js";

/**
 * The local web page (`nafuda serve`): src/serve/. What the server itself answers (the page's own problems: a
 * request it cannot take, a choice it does not offer) and the few words of the page the server sends. The
 * library's own problems (a roster it cannot read, a row it cannot use) keep their own codes and wording.
 */
export const SERVE_MESSAGES = {
  // --- requests the server refuses before reading them
  SERVE_WRONG_HOST: entry<{ url: string }>(
    "error",
    (p) => `このページは ${p.url} で開いてください。`,
    (p) => `open this page at ${p.url}.`,
  ),
  SERVE_NOT_FOUND: entry(
    "error",
    () => "ページが見つかりません。アドレスを確かめてください。",
    () => "no such page: check the address.",
  ),
  SERVE_METHOD_NOT_ALLOWED: entry(
    "error",
    () => "この操作はできません。ページの画面から操作してください。",
    () => "this request is not allowed here: use the page.",
  ),
  SERVE_CROSS_SITE: entry(
    "error",
    () => "ほかのサイトからの操作は受け付けません。",
    () => "requests from other sites are refused.",
  ),
  SERVE_TOO_LARGE: entry<{ limit: string }>(
    "error",
    (p) => `ファイルが大きすぎます（上限 ${p.limit}）。名簿を所属ごとなどに分けるか、不要な列やシートを消してから選んでください。` +
      "上限は nafuda serve を --max-upload-mb を付けて起動し直すと変えられます。",
    (p) => `the files are too large (the limit is ${p.limit}): split the roster (by section, say) or delete the columns and sheets it does not need, then choose it again. ` +
      "Start nafuda serve with --max-upload-mb to change the limit.",
  ),
  SERVE_NOT_A_FORM: entry(
    "error",
    () => "ファイルはフォームで送ってください（このページの画面から操作してください）。",
    () => "send the files as a form (use the page).",
  ),
  SERVE_FORM_UNREADABLE: entry(
    "error",
    () => "送られたデータが読み取れませんでした。もう一度ファイルを選んでください。",
    () => "the data sent could not be read: choose the files again.",
  ),
  SERVE_BUSY: entry(
    "error",
    () => "ほかの処理が続いています。少し待ってから、もう一度お試しください。",
    () => "the server is busy with other requests: wait a moment and try again.",
  ),
  SERVE_UNEXPECTED: entry(
    "error",
    () => "思いがけないエラーで処理できませんでした。ファイルを確かめて、もう一度お試しください。続く場合は、画面の内容とファイルを担当者に知らせてください。",
    () => "an unexpected error stopped the work: check the files and try again. If it happens again, tell the person in charge what the page shows, with the files.",
  ),

  // --- the form's fields
  SERVE_LANG_UNKNOWN: entry<{ value: string }>(
    "error",
    (p) => `言語「${p.value}」は選べません。ja（日本語）か en（英語）を選んでください。`,
    (p) => `the language "${p.value}" is not offered: choose ja (Japanese) or en (English).`,
  ),
  SERVE_FILE_MISSING: entry<{ what: Message }>(
    "error",
    (p) => `${p.what}が選ばれていません。ファイルを選ぶか、ここにドラッグしてください。`,
    (p) => `no ${p.what} was chosen: choose a file or drag it here.`,
  ),
  SERVE_ROMAJI_SYSTEM_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `ローマ字の書き方「${p.value}」は選べません。${jaList(p.list)}から選んでください。`,
    (p) => `the romaji system "${p.value}" is not offered: choose one of ${enList(p.list)}.`,
  ),
  SERVE_ROMAJI_CASE_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `ローマ字の大文字・小文字「${p.value}」は選べません。${jaList(p.list)}から選んでください。`,
    (p) => `the romaji letter case "${p.value}" is not offered: choose one of ${enList(p.list)}.`,
  ),
  SERVE_EDITS_UNREADABLE: entry(
    "error",
    () => "画面での修正が読み取れませんでした。ページを読み込み直してください。",
    () => "the corrections made on the page could not be read: reload the page.",
  ),
  SERVE_TEMPLATE_UNKNOWN: entry<{ name: string }>(
    "error",
    (p) => `名札の型「${p.name}」はありません。一覧から選んでください。`,
    (p) => `there is no badge template "${p.name}": choose one from the list.`,
  ),
  SERVE_SHEET_UNKNOWN: entry<{ name: string }>(
    "error",
    (p) => `用紙「${p.name}」はありません。一覧から選んでください。`,
    (p) => `there is no sheet "${p.name}": choose one from the list.`,
  ),
  SERVE_ROW_UNKNOWN: entry(
    "error",
    () => "どの行の名札かがわかりません。表の行を選んでください。",
    () => "which row's badge is meant is not known: choose a row of the table.",
  ),
  SERVE_ROW_NOT_IN_ROSTER: entry(
    "error",
    () => "選んだ行が名簿にありません。名簿を選び直してください。",
    () => "the row chosen is not in the roster: choose the roster again.",
  ),

  // --- the working roster (kept in the server's memory while the page works on it)
  SERVE_WORK_GONE: entry<{ hours: number }>(
    "error",
    (p) => `この作業はもう続けられません。別のタブで新しい名簿を選んだか、${p.hours} 時間使わなかったか、nafuda を起動し直したためです。` +
      "名簿をもう一度選んでください。ダウンロードした「確認済みよみ」を一緒に選ぶと、そこまでの確認が戻ります。",
    (p) => `this work cannot go on: a new roster was chosen in another tab, it was left unused for ${p.hours} hours, or nafuda was restarted. ` +
      "Choose the roster again; choose the downloaded confirmed readings file with it to bring back what was checked.",
  ),
  SERVE_PEOPLE_UNREADABLE: entry(
    "error",
    () => "印刷する人の選び方が読み取れませんでした。ページを読み込み直してください。",
    () => "the choice of people to print could not be read: reload the page.",
  ),
  SERVE_NO_PEOPLE_CHOSEN: entry(
    "error",
    () => "印刷する人が選ばれていません。「印刷する人」で人を選ぶか、「全員」にしてください。",
    () => "nobody is chosen to print: choose people under 印刷する人, or choose everyone.",
  ),
  SERVE_START_CELL_OUT_OF_RANGE: entry<{ cells: number }>(
    "error",
    (p) => `最初に印刷する面は、1 から ${p.cells} までの番号で選んでください。`,
    (p) => `choose the first cell to print as a number from 1 to ${p.cells}.`,
  ),

  // --- badges and posters
  SERVE_BADGE_NOT_MADE: entry(
    "error",
    () => "名札を作れませんでした。表の行の内容を確かめてください。",
    () => "the badge could not be made: check the row in the table.",
  ),
  SERVE_UNREVIEWED: entry<{ count: number }>(
    "error",
    (p) => `まだ確認が済んでいない読みが ${p.count} 人分あります。表の「要確認」の行を確かめてから、もう一度ダウンロードしてください。`,
    (p) => `${p.count} reading(s) still need review: check the rows marked 要確認 in the table, then download again.`,
  ),
  SERVE_NO_PRINTABLE_BADGES: entry(
    "error",
    () => "印刷できる名札がありません。表のエラーの行を直してください。",
    () => "no badge can be printed: correct the rows with errors in the table.",
  ),
  SERVE_FACILITY_NOT_IN_LIST: entry(
    "error",
    () => "その施設は一覧にありません。施設一覧を選び直してください。",
    () => "that facility is not in the list: choose the facility list again.",
  ),
  SERVE_NO_FACILITIES: entry(
    "error",
    () => "ポスターを作れる施設がありません。施設一覧のエラーを直してください。",
    () => "no facility can have posters: correct the errors in the facility list.",
  ),

  // --- the posters tab's options and requests
  SERVE_AS_OF_UNREADABLE: entry<{ value: string }>(
    "error",
    (p) => `基準日「${p.value}」は日付として読めません。印刷する日を 2025-03-01 のように、実在する日付で選んでください。`,
    (p) => `the printing date "${p.value}" is not a date: choose a real date, written as 2025-03-01.`,
  ),
  SERVE_A3_DESIGN_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `A3 のデザイン「${p.value}」は選べません。${jaList(p.list)}から選んでください。`,
    (p) => `the A3 design "${p.value}" is not offered: choose one of ${enList(p.list)}.`,
  ),
  SERVE_DATE_STYLE_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `日付の書き方「${p.value}」は選べません。${jaList(p.list)}から選んでください。`,
    (p) => `the date style "${p.value}" is not offered: choose one of ${enList(p.list)}.`,
  ),
  SERVE_POSTER_SIZE_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `ポスターのサイズ「${p.value}」は選べません。${jaList(p.list)}から選んでください。`,
    (p) => `the poster size "${p.value}" is not offered: choose from ${enList(p.list)}.`,
  ),
  SERVE_SIGN_KIND_UNKNOWN: entry<{ value: string; list: string[] }>(
    "error",
    (p) => `標識の種類「${p.value}」はありません。${jaList(p.list)}から選んでください。`,
    (p) => `there is no kind of sign "${p.value}": choose one of ${enList(p.list)}.`,
  ),
  SERVE_FACILITY_NO_SIGN: entry<{ kind: string }>(
    "error",
    (p) => p.kind === "counter"
      ? "この施設は窓口で録音しないため、窓口の標識はありません。録音するなら、施設一覧の「対策」に record-counter を加えてください。"
      : "この施設は電話を録音しないため、電話のシールはありません。録音するなら、施設一覧の「対策」に record-phone を加えてください。",
    (p) => p.kind === "counter"
      ? "this facility does not record at its counters, so it has no counter sign: add record-counter to its measures in the facility list if it does."
      : "this facility does not record its phones, so it has no phone sticker: add record-phone to its measures in the facility list if it does.",
  ),
  SERVE_MUNICIPALITY_UNREADABLE: entry<{ limit: number }>(
    "error",
    (p) => `市区町村の名前は ${p.limit} 文字までで、改行を入れずに書いてください。`,
    (p) => `write the municipality's name in at most ${p.limit} characters, on one line.`,
  ),

  // --- words of the page that the server sends
  SERVE_TEXT_ROSTER_FILE: entry("text", () => "名簿ファイル", () => "roster file"),
  SERVE_TEXT_FACILITIES_FILE: entry("text", () => "施設一覧ファイル", () => "facility list"),
  SERVE_TEXT_POLICY_FILE: entry("text", () => "方針ファイル（policy.yaml）", () => "policy file (policy.yaml)"),
  SERVE_TEXT_CONFIRMED_FILE: entry("text", () => "確認済みよみファイル", () => "confirmed readings file"),
  /** Stands as the file name of the corrections made on the page, where a message names a file. */
  SERVE_TEXT_EDITS: entry("text", () => "画面での修正", () => "corrections on the page"),
  SERVE_HINT_SHEET: entry(
    "text",
    () => "用紙を「おまかせ」にするか、別の用紙を選んでください。",
    () => "Set the sheet to automatic, or choose another sheet.",
  ),
  /** The name of the ZIP of the whole print order ({date}: the printing date, 2025-03-01). */
  SERVE_TEXT_POSTERS_ZIP: entry<{ date: string }>("text", (p) => `カスハラ防止ポスター_${p.date}.zip`, (p) => `harassment-posters_${p.date}.zip`),
  SERVE_LABEL_SHEET_A4_10UP: entry("text", () => "A4 名刺10面（91×55mm）", () => "A4, 10 business cards (91×55 mm)"),
  SERVE_LABEL_SHEET_A4_8UP_CARD: entry("text", () => "A4 カード8面（85.6×54mm）", () => "A4, 8 cards (85.6×54 mm)"),
  SERVE_LABEL_SHEET_A4_1UP: entry("text", () => "A4 1枚に1人", () => "A4, one badge per page"),
  SERVE_LABEL_SHEET_SINGLE: entry("text", () => "1人1ページ・トンボ付き（印刷会社向け）", () => "one badge per page with crop marks (for a print shop)"),
  SERVE_LABEL_TEMPLATE_STANDARD: entry("text", () => "名刺サイズ（91×55mm）", () => "business card size (91×55 mm)"),
  SERVE_LABEL_TEMPLATE_CARD: entry("text", () => "カードサイズ（85.6×54mm）", () => "card size (85.6×54 mm)"),
  SERVE_LABEL_TEMPLATE_STANDARD_DUPLEX: entry("text", () => "名刺サイズ・両面", () => "business card size, two-sided"),
  SERVE_LABEL_TEMPLATE_BAND: entry("text", () => "名刺サイズ・色帯デザイン", () => "business card size, colour band"),

  // --- what the page says about the work (sent to the page by /api/info; {name} is filled in by the page)
  NOTE_SERVE_WORK_KEPT: entry<{ hours: number }>(
    "note",
    (p) => "作業中の名簿と直した読みは、このパソコンの nafuda の中（メモリー）にだけ置いています。ディスクにもブラウザーにも残しません。" +
      `ページを読み込み直しても消えません。新しい名簿を選んだとき、${p.hours} 時間使わなかったとき、「作業を終える」を押したとき、nafuda を止めたときに消えます。`,
    (p) => "The roster being worked on and the readings corrected are kept in nafuda's memory on this computer only, never on disk or in the browser. " +
      `A reload keeps them; they are gone when a new roster is chosen, after ${p.hours} hours unused, on 作業を終える, or when nafuda stops.`,
  ),
  NOTE_SERVE_UNSAVED: entry<{ count: number }>(
    "note",
    (p) => `この画面で直した読みのうち ${p.count} 人分が、まだ「確認済みよみ」に保存されていません。ページを読み込み直しても消えませんが、nafuda を止めると消えます。` +
      "別の日に続けるときは「確認済みよみ」をダウンロードし、その日に名簿と一緒に選んでください。続きから始められます。",
    (p) => `${p.count} reading(s) corrected on this page are not yet in a downloaded confirmed readings file. A reload keeps them; stopping nafuda does not. ` +
      "To go on another day, download the confirmed readings and choose that file with the roster then: the work goes on from there.",
  ),
  NOTE_SERVE_RESUMED: entry<{ roster: string }>(
    "note",
    (p) => `「${p.roster}」の作業の続きです。直した読みは、このページを閉じる前のままです。`,
    (p) => `Going on with the work on "${p.roster}": the corrected readings are as they were.`,
  ),
  NOTE_SERVE_ENDED: entry(
    "note",
    () => "作業を終えました。名簿と直した読みは、このパソコンの nafuda から消しました。",
    () => "The work is ended: the roster and the corrected readings are gone from nafuda on this computer.",
  ),
  NOTE_SERVE_DICTIONARY_LOADING: entry(
    "note",
    () => "名字の辞書を読み込んでいます。初めて使うときだけ、数秒かかります。",
    () => "Loading the surname dictionary: a few seconds, the first time only.",
  ),
  NOTE_SERVE_POLICY_FILES_UNUSED: entry<{ files: string[] }>(
    "note",
    (p) => `施設ごとの方針ファイル${jaList(p.files)}は、施設一覧のどの行の「方針ファイル」列にも書かれていないため、使っていません。`,
    (p) => `The facility policy files ${enList(p.files)} are not named in the 方針ファイル column of any row, so they are not used.`,
  ),
  NOTE_SERVE_POSTERS_PRIVATE: entry(
    "note",
    () => "選んだファイルは、このページと、このパソコンの nafuda のメモリーの中だけで使います。ディスクにもブラウザーにも残しません。",
    () => "The files chosen are used only in this page and in nafuda's memory on this computer, never kept on disk or in the browser.",
  ),

  // --- the posters tab (filled in by the page; {name} is a value the page puts in)
  SERVE_PAGE_POSTERS_TAB: entry("text", () => "カスハラ防止ポスター", () => "Harassment posters"),
  SERVE_PAGE_POSTERS_STEP1: entry("text", () => "施設一覧と方針ファイルを選ぶ", () => "Choose the facility list and the policy file"),
  SERVE_PAGE_POSTERS_STARTER_TITLE: entry("text", () => "はじめて作るとき", () => "Starting out"),
  SERVE_PAGE_POSTERS_STARTER_HELP: entry(
    "text",
    () => "ひな形をダウンロードし、方針ファイルはメモ帳で、施設一覧は Excel で自分の市の内容に直してから、下で選んでください。ひな形の「みどり市」は、ここに書いた名前になります。",
    () => "Download the starters, edit the policy file in Notepad and the facility list in Excel for your city, then choose them below. The starters' みどり市 becomes the name written here.",
  ),
  SERVE_PAGE_POSTERS_MUNICIPALITY: entry("text", () => "市区町村の名前", () => "Municipality"),
  SERVE_PAGE_POSTERS_MUNICIPALITY_PLACEHOLDER: entry("text", () => "例：あおば市", () => "e.g. あおば市"),
  SERVE_PAGE_POSTERS_STARTER_POLICY: entry("text", () => "方針ファイルのひな形（policy.yaml）", () => "Starter policy file (policy.yaml)"),
  SERVE_PAGE_POSTERS_STARTER_FACILITIES: entry("text", () => "施設一覧のひな形（facilities.csv）", () => "Starter facility list (facilities.csv)"),
  SERVE_PAGE_POSTERS_FACILITIES_DROP: entry("text", () => "施設一覧（Excel または CSV）", () => "Facility list (Excel or CSV)"),
  SERVE_PAGE_POSTERS_FACILITIES_HELP: entry(
    "text",
    () => "「施設名」「対策」「サイズ」「部数」「言語」「標識」の列。施設ごとの文面は「運営者」「表題」「基本姿勢」「方針ファイル」の列に。",
    () => "Columns 施設名, 対策, サイズ, 部数, 言語, 標識; a facility's own wording in 運営者, 表題, 基本姿勢, 方針ファイル.",
  ),
  SERVE_PAGE_POSTERS_POLICY_DROP: entry("text", () => "方針ファイル（policy.yaml）", () => "Policy file (policy.yaml)"),
  SERVE_PAGE_POSTERS_POLICY_HELP: entry(
    "text",
    () => "ポスターの文面：表題、メッセージ、基本姿勢、対象となる行為、対策と開始日、施行日、問い合わせ先",
    () => "The posters' words: title, message, stance, conduct, measures and their start dates, date in force, contact",
  ),
  SERVE_PAGE_POSTERS_EXTRA_DROP: entry("text", () => "施設ごとの方針ファイル（あれば）", () => "Facilities' own policy files (if any)"),
  SERVE_PAGE_POSTERS_EXTRA_HELP: entry(
    "text",
    () => "施設一覧の「方針ファイル」列に書いたファイル（病院の hospital.yaml など）。いくつでも一緒に選べます。",
    () => "The files named in the facility list's 方針ファイル column (the hospital's hospital.yaml, say). Choose as many as needed.",
  ),
  SERVE_PAGE_POSTERS_CHOSEN: entry<{ name: string }>("text", (p) => `選択中：${p.name}`, (p) => `Chosen: ${p.name}`),
  SERVE_PAGE_POSTERS_CLEAR_EXTRA: entry("text", () => "施設ごとの方針ファイルを外す", () => "Remove the facilities' policy files"),
  SERVE_PAGE_POSTERS_NEXT_FILE: entry<{ what: string }>("text", (p) => `次に${p.what}を選んでください。`, (p) => `Now choose the ${p.what}.`),
  SERVE_PAGE_POSTERS_WHAT_FACILITIES: entry("text", () => "施設一覧", () => "facility list"),
  SERVE_PAGE_POSTERS_WHAT_POLICY: entry("text", () => "方針ファイル（policy.yaml）", () => "policy file (policy.yaml)"),
  SERVE_PAGE_POSTERS_READING: entry("text", () => "施設一覧と方針ファイルを読んでいます…", () => "Reading the facility list and the policy file…"),
  SERVE_PAGE_POSTERS_ROW_PROBLEMS: entry<{ count: string }>(
    "text",
    (p) => `施設一覧に直すところが ${p.count} か所あります（ほかの施設は作れます）`,
    (p) => `${p.count} problem(s) in the facility list (the other facilities can be made)`,
  ),
  SERVE_PAGE_POSTERS_NO_FACILITIES: entry("text", () => "ポスターを作れる施設がありません。施設一覧を直してから、もう一度選んでください。", () => "No facility can have posters: correct the facility list and choose it again."),
  SERVE_PAGE_POSTERS_STEP2: entry("text", () => "見本を確かめてダウンロードする", () => "Check the previews and download"),
  SERVE_PAGE_POSTERS_SUMMARY: entry<{ issuer: string; title: string; count: string; date: string }>(
    "text",
    (p) => `${p.issuer}「${p.title}」（施行日 ${p.date}）— ${p.count} 施設`,
    (p) => `${p.issuer} "${p.title}" (in force from ${p.date}) — ${p.count} facilities`,
  ),
  SERVE_PAGE_POSTERS_AS_OF: entry("text", () => "基準日（印刷する日）", () => "Printing date"),
  SERVE_PAGE_POSTERS_AS_OF_HELP: entry<{ date: string }>(
    "text",
    (p) => `${p.date}に印刷するものとして作ります。まだ始まっていない対策には「〜から」と入ります。`,
    (p) => `Made as printed on ${p.date}: a measure that has not started yet says from when.`,
  ),
  SERVE_PAGE_POSTERS_A3_DESIGN: entry("text", () => "A3 のデザイン", () => "A3 design"),
  SERVE_PAGE_POSTERS_A3_FULL: entry("text", () => "全文（窓口で近くから読む）", () => "Full text (read close up at a counter)"),
  SERVE_PAGE_POSTERS_A3_DISTANCE: entry("text", () => "遠くから読む（標語と大きな項目）", () => "For distance (slogan and large items)"),
  SERVE_PAGE_POSTERS_DATE_STYLE: entry("text", () => "日付の書き方", () => "Dates"),
  SERVE_PAGE_POSTERS_DATE_POLICY: entry("text", () => "方針ファイルのとおり", () => "As in the policy file"),
  SERVE_PAGE_POSTERS_DATE_ERA: entry("text", () => "和暦（令和7年4月1日）", () => "Japanese era (令和7年4月1日)"),
  SERVE_PAGE_POSTERS_DATE_WESTERN: entry("text", () => "西暦（2025年4月1日）", () => "Western (2025年4月1日)"),
  SERVE_PAGE_POSTERS_SIZES: entry("text", () => "サイズ", () => "Sizes"),
  SERVE_PAGE_POSTERS_SIZES_HELP: entry("text", () => "選ばなければ、施設一覧の「サイズ」のとおりに作ります。", () => "None chosen: the sizes of the facility list."),
  SERVE_PAGE_POSTERS_BLEED: entry("text", () => "塗り足し 3mm（印刷会社に出すとき）", () => "3 mm bleed (for a print shop)"),
  SERVE_PAGE_POSTERS_CROP_MARKS: entry("text", () => "トンボ（印刷会社に出すとき）", () => "Crop marks (for a print shop)"),
  SERVE_PAGE_POSTERS_ZIP: entry("text", () => "すべてまとめてダウンロード（ZIP）", () => "Download everything (ZIP)"),
  SERVE_PAGE_POSTERS_ZIP_HELP: entry(
    "text",
    () => "全施設のポスター・窓口の標識・電話のシールと、発注一覧（_order-manifest.csv と _order-summary.pdf）を 1 つの ZIP にします。印刷会社にはこの ZIP をそのまま渡せます。",
    () => "Every facility's posters, counter signs and phone stickers with the order (_order-manifest.csv and _order-summary.pdf) in one ZIP, ready for the print shop.",
  ),
  SERVE_PAGE_POSTERS_MANIFEST: entry("text", () => "発注一覧（CSV）", () => "Order manifest (CSV)"),
  SERVE_PAGE_POSTERS_SUMMARY_PDF: entry("text", () => "発注一覧（PDF）", () => "Order summary (PDF)"),
  SERVE_PAGE_POSTERS_COL_NAME: entry("text", () => "施設名", () => "Facility"),
  SERVE_PAGE_POSTERS_COL_SIZES: entry("text", () => "サイズ・部数", () => "Sizes and copies"),
  SERVE_PAGE_POSTERS_COL_SIGNS: entry("text", () => "録音の標識", () => "Recording signs"),
  SERVE_PAGE_POSTERS_COL_WORDING: entry("text", () => "言語・文面", () => "Languages and wording"),
  SERVE_PAGE_POSTERS_COPIES: entry<{ size: string; copies: string }>("text", (p) => `${p.size} × ${p.copies}部`, (p) => `${p.size} × ${p.copies}`),
  SERVE_PAGE_POSTERS_SIGN_COUNTERS: entry<{ count: string }>("text", (p) => `窓口 ${p.count}`, (p) => `counters ${p.count}`),
  SERVE_PAGE_POSTERS_SIGN_PHONES: entry<{ count: string }>("text", (p) => `電話 ${p.count}`, (p) => `phones ${p.count}`),
  SERVE_PAGE_POSTERS_SEPARATOR: entry("text", () => "・", () => ", "),
  SERVE_PAGE_POSTERS_NO_SIGNS: entry("text", () => "なし", () => "none"),
  SERVE_PAGE_POSTERS_LANG_JA: entry("text", () => "日本語", () => "Japanese"),
  SERVE_PAGE_POSTERS_LANG_EN: entry("text", () => "英語", () => "English"),
  SERVE_PAGE_POSTERS_LANG_EASY: entry("text", () => "やさしい日本語", () => "Easy Japanese"),
  SERVE_PAGE_POSTERS_OWN_POLICY: entry<{ file: string }>("text", (p) => `方針：${p.file}`, (p) => `policy: ${p.file}`),
  SERVE_PAGE_POSTERS_OWN_WORDING: entry("text", () => "施設独自の文面", () => "own wording"),
  SERVE_PAGE_POSTERS_ROW: entry<{ row: string }>("text", (p) => `${p.row} 行目`, (p) => `row ${p.row}`),
  SERVE_PAGE_POSTERS_ROW_FAILED: entry("text", () => "このままでは作れません", () => "Cannot be made as it is"),
  SERVE_PAGE_POSTERS_PREVIEW_EMPTY: entry("text", () => "表の施設を選ぶと、ここにポスターと標識の見本を表示します。", () => "Choose a facility in the table to see its posters and signs here."),
  SERVE_PAGE_POSTERS_PREVIEW_MAKING: entry("text", () => "見本を作っています…", () => "Making the preview…"),
  SERVE_PAGE_POSTERS_PREVIEW_POSTERS: entry<{ pages: string }>("text", (p) => `ポスター（${p.pages} ページ）`, (p) => `Posters (${p.pages} pages)`),
  SERVE_PAGE_POSTERS_PREVIEW_COUNTER: entry<{ copies: string }>("text", (p) => `窓口の標識（三角柱・${p.copies} 枚）`, (p) => `Counter sign (tent card, ${p.copies})`),
  SERVE_PAGE_POSTERS_PREVIEW_PHONE: entry<{ pieces: string }>("text", (p) => `電話のシール（${p.pieces} 枚）`, (p) => `Phone stickers (${p.pieces})`),
  SERVE_PAGE_POSTERS_PAGE: entry<{ page: string; count: string }>("text", (p) => `${p.page} / ${p.count} ページ`, (p) => `page ${p.page} of ${p.count}`),
  SERVE_PAGE_POSTERS_PAGE_POSTER: entry<{ size: string }>("text", (p) => `${p.size} ポスター`, (p) => `${p.size} poster`),
  SERVE_PAGE_POSTERS_PAGE_TEXT: entry<{ size: string }>("text", (p) => `${p.size} 全文（配布用）`, (p) => `${p.size} full text (handout)`),
  SERVE_PAGE_POSTERS_PAGE_LANGUAGES: entry<{ size: string }>("text", (p) => `${p.size} 外国語・やさしい日本語`, (p) => `${p.size} other languages`),
  SERVE_PAGE_POSTERS_PAGE_LABEL: entry<{ what: string; page: string }>("text", (p) => `${p.what}の見本 ${p.page} ページ目`, (p) => `${p.what}, preview of page ${p.page}`),
  SERVE_PAGE_POSTERS_STARTS: entry<{ measure: string; from: string }>("text", (p) => `${p.measure}：「${p.from}」と入ります`, (p) => `${p.measure}: printed with 「${p.from}」`),
  SERVE_PAGE_POSTERS_STARTS_NONE: entry("text", () => "開始日の表示：なし（基準日には、すべての対策が始まっています）", () => "Start dates: none (every measure has started on the printing date)"),
  SERVE_PAGE_POSTERS_STARTS_TITLE: entry("text", () => "開始日の表示", () => "Start dates"),
  SERVE_PAGE_POSTERS_DOWNLOAD_POSTERS: entry("text", () => "ポスター PDF", () => "Posters PDF"),
  SERVE_PAGE_POSTERS_DOWNLOAD_COUNTER: entry("text", () => "窓口の標識 PDF", () => "Counter sign PDF"),
  SERVE_PAGE_POSTERS_DOWNLOAD_PHONE: entry("text", () => "電話のシール PDF", () => "Phone stickers PDF"),
  SERVE_PAGE_POSTERS_MAKING: entry("text", () => "作っています…", () => "Making the files…"),
  SERVE_PAGE_POSTERS_DOWNLOADED: entry<{ name: string }>("text", (p) => `「${p.name}」をダウンロードしました。`, (p) => `Downloaded "${p.name}".`),
  SERVE_PAGE_POSTERS_ZIP_DONE: entry<{ name: string; files: string }>(
    "text",
    (p) => `「${p.name}」をダウンロードしました（${p.files} ファイル）。右クリックして「すべて展開」すると、フォルダーになります。`,
    (p) => `Downloaded "${p.name}" (${p.files} files). Right-click it and choose Extract All to get the folder.`,
  ),
  SERVE_PAGE_POSTERS_NOT_MADE: entry<{ count: string }>(
    "text",
    (p) => `作れなかったものが ${p.count} 件あります（ほかは ZIP に入っています）：`,
    (p) => `${p.count} could not be made (the rest is in the ZIP):`,
  ),
  SERVE_PAGE_DETAILS: entry("text", () => "くわしい内容", () => "Details"),
  SERVE_PAGE_CODE: entry<{ code: string }>("text", (p) => `コード：${p.code}`, (p) => `Code: ${p.code}`),
  SERVE_PAGE_PLACE: entry<{ where: string }>("text", (p) => `場所：${p.where}`, (p) => `Where: ${p.where}`),
  SERVE_PAGE_POSTERS_TOO_LARGE: entry<{ name: string; size: string; limit: string }>(
    "text",
    (p) => `「${p.name}」は大きすぎます（${p.size}、上限 ${p.limit}）。別のファイルを選んでいないか確かめてください。`,
    (p) => `"${p.name}" is too large (${p.size}; the limit is ${p.limit}): check that it is the right file.`,
  ),
  SERVE_PAGE_READING_FILES: entry("text", () => "名簿を読んでいます…", () => "Reading the roster…"),
  SERVE_PAGE_RESOLVING: entry<{ done: string; total: string }>(
    "text",
    (p) => `読みを決めています（${p.done} / ${p.total} 人）…`,
    (p) => `Deciding the readings (${p.done} of ${p.total})…`,
  ),
  SERVE_PAGE_NO_SERVER: entry(
    "text",
    () => "nafuda につながりません。nafuda を起動した画面（黒い画面）が閉じられていないか確かめてください。",
    () => "nafuda cannot be reached: check that the window nafuda was started in is still open.",
  ),
  SERVE_PAGE_ROWS_NOT_IN_TABLE: entry<{ rows: string }>(
    "text",
    (p) => `表にない行：${p.rows}。表の「行」の番号で書いてください。`,
    (p) => `Rows not in the table: ${p.rows}. Give the numbers of the table's 行 column.`,
  ),
  SERVE_PAGE_CHOSEN_UNREVIEWED: entry<{ count: string }>(
    "text",
    (p) => `印刷する人のうち ${p.count} 人の読みが、まだ「要確認」です。2 の表で確かめてから印刷してください。`,
    (p) => `${p.count} of the people to print still have readings to check (要確認): check them in table 2 first.`,
  ),
  SERVE_PAGE_PREVIEW_ON_REQUEST: entry<{ count: string }>(
    "text",
    (p) => `${p.count} 人分の見本は、「見本を作る」を押すと作ります（少し時間がかかります）。`,
    (p) => `The preview of ${p.count} badges is made on 見本を作る (it takes a while).`,
  ),
  SERVE_PAGE_SHEET_NOT_MADE: entry(
    "text",
    () => "名札 PDF を作れませんでした。右の「印刷の見本」のお知らせをご覧ください。",
    () => "The badge PDF could not be made: see the note under 印刷の見本.",
  ),
  SERVE_PAGE_LEAVE: entry(
    "text",
    () => "保存していない修正があります。閉じる前に「確認済みよみ」をダウンロードしてください。",
    () => "Some corrections are not saved: download the confirmed readings before closing.",
  ),
} as const;
