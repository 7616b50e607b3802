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
