import { entry, jaList, type Message } from "./entry.js";

/** 「x」の書き間違いではありませんか。 / (did you mean "x"?) — inside a sentence, for a typo with a near valid word. */
const jaMean = (nearest: string | undefined): string => (nearest ? `「${nearest}」の書き間違いではありませんか。` : "");
const enMean = (nearest: string | undefined): string => (nearest ? ` (did you mean "${nearest}"?)` : "");

/**
 * The posters: the policy file, the facility list, the layout file for a city's own artwork, the background PDF,
 * rendering, the batch and its order files (src/posters/, src/io/safe-file-names.ts).
 * The poster's own words (the policy's text, 施行, お問い合わせ) are poster content, not messages: they stay in the
 * policy file and src/posters/.
 */
export const POSTERS_MESSAGES = {
  // --- YAML/JSON inputs of the posters (the policy file, the layout file)
  POSTER_FILE_NOT_FOUND: entry(
    "error",
    () => "ファイルがありません。場所とファイル名（拡張子 .yaml、.yml、.json も）を確かめてください。",
    () => "the file does not exist. Check the path and the file name (and its extension: .yaml, .yml or .json).",
  ),
  POSTER_FILE_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `ファイルが大きすぎます（${p.size}、上限 ${p.limit}）。方針ファイルやレイアウトファイルは、ふつう数 KB です。別のファイルを指定していないか確かめてください。`,
    (p) => `the file is too large (${p.size}; the limit is ${p.limit}, far more than any policy or layout file needs). Check that this is the right file.`,
  ),
  POSTER_NOT_TEXT: entry(
    "error",
    () => "文字のファイルとして読めません（文字コードが UTF-8、Shift_JIS、EUC-JP、UTF-16 のどれでもないか、壊れています）。メモ帳などで開き、「UTF-8」で保存し直してください。",
    () => "the file is not text in a Japanese encoding (UTF-8, Shift_JIS, EUC-JP or UTF-16), or it is damaged: open it in a text editor and save it again as UTF-8.",
  ),
  POSTER_YAML_SYNTAX: entry<{ detail: string }>(
    "error",
    (p) => `YAML（または JSON）として正しくありません（${p.detail}）。字下げ、「:」のあとの空白、かっこや引用符の閉じ忘れを確かめてください。`,
    (p) => `not valid YAML/JSON: ${p.detail}`,
  ),
  POSTER_YAML_DUPLICATE_KEY: entry<{ detail: string }>(
    "error",
    () => "同じ項目が 2 回書かれています。どちらか 1 つにしてください。",
    (p) => `not valid YAML/JSON: ${p.detail}`,
  ),
  POSTER_YAML_TOO_MANY_ALIASES: entry<{ limit: number }>(
    "error",
    (p) => `YAML の別名（「&」を付けた値を「*」で何度も使う書き方）が多すぎます（上限 ${p.limit} 回）。ふつうの方針ファイルやレイアウトファイルではないため、読みません。正しいファイルか確かめ、「&」と「*」を使わずに書いてください。`,
    (p) => `the file uses too many YAML aliases (* references to an & anchor; the limit is ${p.limit}): no policy or layout file needs that many, and files made that way can exhaust the memory, so it is not read. Check that this is the right file, and write the values out without & and *.`,
  ),

  // --- the policy file (src/posters/policy.ts)
  POLICY_INVALID: entry<{ count: number }>(
    "error",
    (p) => `方針ファイルを使えません。次の ${p.count} か所を直してから、もう一度実行してください。`,
    (p) => `the policy file cannot be used: ${p.count} problem(s) to correct, listed below.`,
  ),
  POLICY_NOT_MAPPING: entry<{ keys: string[] }>(
    "error",
    (p) => `「項目: 値」の形（マッピング）で書いてください。ここで使える項目：${jaList(p.keys)}。`,
    (p) => `must be a mapping with the keys ${p.keys.join(", ")}`,
  ),
  POLICY_UNKNOWN_KEY: entry<{ key: string; nearest?: string; known: string[] }>(
    "error",
    (p) => `「${p.key}」という項目はありません。${jaMean(p.nearest)}ここで使える項目：${jaList(p.known)}。`,
    (p) => `unknown key "${p.key}"${enMean(p.nearest)}; valid keys here: ${p.known.join(", ")}`,
  ),
  POLICY_REQUIRED: entry<{ key: string }>(
    "error",
    (p) => `「${p.key}」がありません。この項目は必ず書いてください。`,
    (p) => `"${p.key}" is required`,
  ),
  POLICY_NOT_TEXT: entry(
    "error",
    () => "文で書いてください（いまは文ではない値です）。",
    () => "must be text",
  ),
  POLICY_TEXT_EMPTY: entry(
    "error",
    () => "空です。文を書いてください。",
    () => "must not be empty",
  ),
  POLICY_TEXT_GARBLED: entry(
    "error",
    () => "読めなかった文字の印（U+FFFD「�」）があります。文字化けしています。元のファイルを使うか、この文を打ち直してください。",
    () => "holds � (U+FFFD), the mark a program leaves where it could not read a character: the text is garbled. Use the original file, or retype this text.",
  ),
  POLICY_NOT_LIST: entry(
    "error",
    () => "一覧にしてください（1 つずつ「- 」で始まる行に書きます）。",
    () => "must be a list",
  ),
  POLICY_NO_CONDUCT: entry(
    "error",
    () => "カスタマーハラスメントにあたる行為を 1 つ以上書いてください。",
    () => "list at least one kind of conduct",
  ),
  POLICY_NO_MEASURES: entry<{ ids: string[] }>(
    "error",
    (p) => `対応（措置）の文を 1 つ以上書いてください。使える項目：${jaList(p.ids)}。`,
    (p) => `word at least one measure: ${p.ids.join(", ")}`,
  ),
  POLICY_BAD_DATE: entry<{ value: string }>(
    "error",
    (p) => `日付は 2024-11-01 のように書いてください（いまは ${p.value}）。実在する日付か確かめてください。`,
    (p) => `must be a date written as 2024-11-01, got ${p.value}`,
  ),
  POLICY_BAD_DATE_STYLE: entry<{ value: string; nearest?: string }>(
    "error",
    (p) => `「era」（令和6年11月1日）か「western」（2024年11月1日）のどちらかにしてください（いまは「${p.value}」）。${jaMean(p.nearest)}`,
    (p) => `must be "era" (令和6年11月1日) or "western" (2024年11月1日)${enMean(p.nearest)}`,
  ),
  POLICY_PANEL_MEASURE_UNWORDED: entry<{ id: string }>(
    "error",
    (p) => `対応「${p.id}」の日本語の文が measures にありません。measures に「${p.id}」を書くか、この行を消してください。`,
    (p) => `the measure "${p.id}" has no Japanese text under measures`,
  ),
  POLICY_BAD_URL: entry<{ value: string; limit: number }>(
    "error",
    (p) => `「${p.value}」はホームページのアドレスとして使えません。https:// で始まる、半角で ${p.limit} 文字までのアドレスを書いてください（例：https://www.city.example.lg.jp/kasuhara/）。`,
    (p) => `"${p.value}" cannot be used as a web address: write an address starting with https:// in ASCII, at most ${p.limit} characters (e.g. https://www.city.example.lg.jp/kasuhara/)`,
  ),
  POLICY_BAD_COLOR: entry<{ example: string }>(
    "error",
    (p) => `色は ${p.example} のように、「#」と 16 進数 6 桁で書いてください。`,
    (p) => `must be a colour written as #rrggbb, e.g. ${p.example}`,
  ),

  // --- the facility list (src/posters/facilities.ts)
  FACILITY_UNKNOWN_COLUMN: entry<{ header: string; nearest?: string }>(
    "error",
    (p) => `「${p.header}」という列は使いません（読み飛ばします）。${jaMean(p.nearest)}`,
    (p) => `unknown column "${p.header}"${enMean(p.nearest)}; it is ignored`,
  ),
  FACILITY_NO_NAME_COLUMN: entry(
    "error",
    () => "施設名の列が見つかりません。施設名の列の見出しを「施設名」にしてください（「facility」でもかまいません）。",
    () => "no facility name column: name one column 施設名 (or facility)",
  ),
  FACILITY_NAME_EMPTY: entry(
    "error",
    () => "施設名が空です。施設名を入れるか、この行を削除してください。",
    () => "the facility name is empty",
  ),
  FACILITY_DUPLICATE: entry<{ row: number }>(
    "error",
    (p) => `${p.row} 行目と同じ施設です。2 つの行を 1 つにまとめてください。`,
    (p) => `the same facility as row ${p.row}; merge the two rows`,
  ),
  FACILITY_NO_MEASURES: entry(
    "error",
    () => "対策が空です。対策（例：end-conversation police pairs、または 打ち切り 警察 複数対応）か、すべてなら「all」を書いてください。",
    () => `no measures: write measure ids (e.g. end-conversation police pairs) or "all"`,
  ),
  FACILITY_ALL_NEEDS_POLICY: entry<{ word: string }>(
    "error",
    (p) => `「${p.word}」（すべての対策）は、方針ファイルがないと使えません。方針ファイルを指定するか、対策を 1 つずつ書いてください。`,
    (p) => `"${p.word}" needs the policy file to know which measures exist`,
  ),
  FACILITY_UNKNOWN_MEASURE: entry<{ word: string; nearest?: string; known: string[] }>(
    "error",
    (p) => `「${p.word}」という対策はありません。${jaMean(p.nearest)}使える対策：${jaList(p.known)}（日本語の「警察」「打ち切り」「複数対応」なども使えます）。`,
    (p) => `unknown measure "${p.word}"${enMean(p.nearest)}; known: ${p.known.join(", ")}`,
  ),
  FACILITY_MEASURE_NOT_IN_POLICY: entry<{ id: string }>(
    "error",
    (p) => `対策「${p.id}」の文が方針ファイルにありません。方針ファイルの measures に「${p.id}」の文を書くか、この施設の対策から外してください。`,
    (p) => `the measure "${p.id}" is not worded in the policy file (measures.${p.id})`,
  ),
  FACILITY_UNKNOWN_SIZE: entry<{ word: string; nearest?: string; known: string[] }>(
    "error",
    (p) => `「${p.word}」というサイズは作れません。${jaMean(p.nearest)}作れるサイズ：${jaList(p.known)}。`,
    (p) => `unknown size "${p.word}"${enMean(p.nearest)}; known: ${p.known.join(", ")}`,
  ),
  FACILITY_BAD_COPIES: entry<{ word: string }>(
    "error",
    (p) => `部数「${p.word}」を読めません。「2」のように数で書くか、サイズごとなら「A4=3 A3=1」のように書いてください。`,
    (p) => `cannot read "${p.word}": write a number of copies (2) or per size (A4=3 A3=1)`,
  ),
  FACILITY_COPIES_SIZE_NOT_MADE: entry<{ size: string; sizes: string[] }>(
    "error",
    (p) => `${p.size} の部数がありますが、${p.size} はこの施設のサイズ（${p.sizes.join("・")}）にありません。サイズの列に ${p.size} を足すか、部数から消してください。`,
    (p) => `copies for ${p.size}, which is not among the sizes (${p.sizes.join(", ")})`,
  ),
  FACILITY_UNKNOWN_LANGUAGE: entry<{ word: string; nearest?: string; known: string[] }>(
    "error",
    (p) => `「${p.word}」という言語はありません。${jaMean(p.nearest)}使える言語：${jaList(p.known)}（ja は日本語、en は英語、easy-ja はやさしい日本語）。`,
    (p) => `unknown language "${p.word}"${enMean(p.nearest)}; known: ${p.known.join(", ")}`,
  ),
  FACILITY_LANGUAGE_NOT_IN_POLICY: entry<{ language: string }>(
    "error",
    (p) => `方針ファイルに panels の「${p.language}」の文がありません。方針ファイルに書き足すか、この施設の言語から外してください。`,
    (p) => `the policy file has no panels.${p.language} text`,
  ),
  FACILITY_TEXT_GARBLED: entry(
    "error",
    () => "読めなかった文字の印（U+FFFD「�」）があります。文字化けしています。元のファイルを使うか、このセルを打ち直してください。",
    () => "holds � (U+FFFD), the mark a program leaves where it could not read a character: the text is garbled. Use the original file, or retype this cell.",
  ),
  FACILITY_POLICY_OUTSIDE: entry<{ name: string }>(
    "error",
    (p) => `方針ファイル「${p.name}」は施設一覧のフォルダーの外を指すため、読みません。施設一覧と同じフォルダー（またはその中のフォルダー）に置き、「hospital.yaml」のようにファイル名だけを書いてください。`,
    (p) => `the policy file "${p.name}" points outside the facility list's folder and is not read: put it in the same folder as the facility list (or a folder inside it) and write its name only, e.g. hospital.yaml`,
  ),
  FACILITY_POLICY_NOT_YAML: entry<{ name: string }>(
    "error",
    (p) => `「${p.name}」は方針ファイルの名前ではありません。拡張子が .yaml、.yml、.json のファイルを指定してください。`,
    (p) => `"${p.name}" is not the name of a policy file: name a .yaml, .yml or .json file`,
  ),
  FACILITY_POLICY_NOT_GIVEN: entry<{ name: string }>(
    "error",
    (p) => `この行の方針ファイル「${p.name}」がありません。施設一覧と一緒に、そのファイルも選んでください。`,
    (p) => `the policy file "${p.name}" named in this row was not given: choose it together with the facility list`,
  ),
  FACILITY_POLICY_UNUSABLE: entry<{ name: string; problems: Message[]; more?: number }>(
    "error",
    (p) => `この行の方針ファイル「${p.name}」を使えません（${p.problems.join("／")}${p.more ? `／ほか ${p.more} か所` : ""}）。方針ファイルを直してください。`,
    (p) => `the policy file "${p.name}" named in this row cannot be used (${p.problems.join("; ")}${p.more ? `; and ${p.more} more` : ""}): correct it`,
  ),
  FACILITY_BAD_SIGNS: entry<{ word: string }>(
    "error",
    (p) => `標識の数「${p.word}」を読めません。「counter=2 phone=5」（窓口=2 電話=5）のように、窓口の三角柱と電話のシールの数を書いてください。`,
    (p) => `cannot read "${p.word}": write the number of signs as counter=2 phone=5 (窓口=2 電話=5)`,
  ),
  FACILITY_SIGNS_NOT_RECORDED: entry<{ kind: string; measure: string }>(
    "error",
    (p) => `${p.kind === "phone" ? "電話のシール" : "窓口の標識"}の数がありますが、この施設の対策に「${p.measure}」（${p.kind === "phone" ? "電話の録音" : "窓口での録音・録画"}）がありません。対策に「${p.measure}」を足すか、標識の数を消してください。`,
    (p) => `${p.kind === "phone" ? "phone stickers" : "counter signs"} are asked for, but the facility's measures do not include ${p.measure}: add it or remove the number`,
  ),
  FACILITY_LIST_NO_ROWS: entry(
    "error",
    () => "施設一覧に施設の行がありません。見出しの下に、施設を 1 行ずつ書いてください。",
    () => "the facility list has no rows",
  ),
  FACILITY_LIST_NOTHING_TO_MAKE: entry<{ reasons: Message[]; more?: number }>(
    "error",
    (p) => `施設一覧に、ポスターを作れる施設がありません（${p.reasons.length > 0 ? p.reasons.join("／") + (p.more ? `／ほか ${p.more} 件` : "") : "空です"}）。` +
      "examples/facilities.csv のように、「施設名」と「対策」のある行を 1 行以上書いてください。",
    (p) => `the facility list holds no facility that can be made (${p.reasons.length > 0 ? p.reasons.join("; ") + (p.more ? `; and ${p.more} more` : "") : "it is empty"}): ` +
      "fill in at least one row with a 施設名, as in examples/facilities.csv",
  ),
  /** A problem of the facility list inside another message: 「3 行目・「サイズ」列：…」. */
  TEXT_POSTERS_PLACED: entry<{ where: Message; text: Message }>("text", (p) => `${p.where}：${p.text}`, (p) => `${p.where}: ${p.text}`),

  // --- the layout file for a city's own artwork (src/posters/background-layout.ts)
  LAYOUT_INVALID: entry<{ count: number }>(
    "error",
    (p) => `レイアウトファイルを使えません。次の ${p.count} か所を直してから、もう一度実行してください。`,
    (p) => `the layout file cannot be used: ${p.count} problem(s) to correct, listed below.`,
  ),
  LAYOUT_NOT_MAPPING: entry(
    "error",
    () => "レイアウトファイルには「pages」（サイズごとの背景のページ）か「contentBoxes」（文を置く範囲）を書いてください。",
    () => "the file must hold pages and/or contentBoxes",
  ),
  LAYOUT_NOT_SIZE_MAP: entry<{ sizes: string[] }>(
    "error",
    (p) => `サイズ（${jaList(p.sizes)}）ごとに値を書いてください（例：「A4: 1」）。`,
    (p) => `must map sizes (${p.sizes.join(", ")}) to values`,
  ),
  LAYOUT_UNKNOWN_SIZE: entry<{ word: string; nearest?: string; sizes: string[] }>(
    "error",
    (p) => `「${p.word}」というサイズはありません。${jaMean(p.nearest)}使えるサイズ：${jaList(p.sizes)}。`,
    (p) => `unknown size "${p.word}"${enMean(p.nearest)}; sizes: ${p.sizes.join(", ")}`,
  ),
  LAYOUT_BAD_PAGE: entry(
    "error",
    () => "背景の PDF のページ番号を、1 から始まる整数で書いてください（1 が最初のページです）。",
    () => "must be a page number from 1",
  ),
  LAYOUT_UNKNOWN_KEY: entry<{ key: string; nearest?: string; known: string[] }>(
    "error",
    (p) => `「${p.key}」という項目はありません。${jaMean(p.nearest)}使える項目：${jaList(p.known)}。`,
    (p) => `unknown key "${p.key}"${enMean(p.nearest)}; keys: ${p.known.join(", ")}`,
  ),
  LAYOUT_BOX_NEEDS_NUMBERS: entry(
    "error",
    () => "文を置く範囲は x、y、width、height を mm の数で書いてください（例：{ x: 15, y: 40, width: 180, height: 230 }）。",
    () => "needs x, y, width and height as numbers of mm",
  ),
  LAYOUT_BOX_OUTSIDE: entry<{ x: number; y: number; width: number; height: number; pageWidth: number; pageHeight: number }>(
    "error",
    (p) => `文を置く範囲（x ${p.x}、y ${p.y}、幅 ${p.width}、高さ ${p.height} mm）が、${p.pageWidth} × ${p.pageHeight} mm の用紙からはみ出しています（幅と高さは 0 より大きく）。用紙の内側に収まるように直してください。`,
    (p) => `(${p.x}, ${p.y}, ${p.width} × ${p.height} mm) does not lie inside the ${p.pageWidth} × ${p.pageHeight} mm page`,
  ),

  // --- the background PDF and rendering (src/posters/render.ts)
  POSTER_BACKGROUND_UNREADABLE: entry<{ detail: string }>(
    "error",
    (p) => `背景の PDF を読めません（${p.detail}）。壊れているか、PDF ではありません。デザインのソフトから PDF で書き出し直してください。`,
    (p) => `the background PDF cannot be read — it is damaged or not a PDF (${p.detail}): export it again from the design program as PDF`,
  ),
  POSTER_BACKGROUND_NO_PAGE: entry<{ page: number; count: number; size: string }>(
    "error",
    (p) => `背景の PDF に ${p.page} ページ目はありません（${p.count} ページです）。レイアウトファイルの pages の ${p.size} を直してください。`,
    (p) => `the background PDF has no page ${p.page} (it has ${p.count}); correct pages.${p.size} in the layout file`,
  ),
  POSTER_BACKGROUND_PAGE_SIZE: entry<{ page: number; width: string; height: string }>(
    "error",
    (p) => `背景の PDF の ${p.page} ページ目の大きさが正しくありません（${p.width} × ${p.height} pt）。幅と高さのあるページで、デザインのソフトから PDF を書き出し直してください。`,
    (p) => `page ${p.page} of the background PDF has no usable size (${p.width} × ${p.height} pt): export the artwork again as a PDF with real pages`,
  ),
  POSTER_BAD_BLEED: entry<{ value: string; limit: number }>(
    "error",
    (p) => `塗り足しは 0〜${p.limit} mm の数で指定してください（いまは ${p.value}）。`,
    (p) => `the bleed must be a number of mm from 0 to ${p.limit}, got ${p.value}`,
  ),
  POSTER_BAD_CONTENT_BOX: entry<{ size: string; problem: Message }>(
    "error",
    (p) => `${p.size} の文を置く範囲（contentBoxes）：${p.problem}`,
    (p) => `the content box for ${p.size}: ${p.problem}`,
  ),
  POSTER_NO_SIZES: entry<{ facility: string }>(
    "error",
    (p) => `「${p.facility}」のポスターのサイズが 1 つもありません。作るサイズ（A4、A3、B3、B2）を指定してください。`,
    (p) => `${p.facility}: no poster sizes`,
  ),
  POSTER_TEXT_TOO_LONG: entry<{ facility: string; sizes: string[]; policy?: string }>(
    "error",
    (p) => `「${p.facility}」のポスターは、いちばん小さい文字にしても ${p.sizes.join("・")} に文が入りきりません。${p.policy ?? "方針ファイル"} の stance（基本姿勢）、conduct（行為）の説明、panels（英語・やさしい日本語の文）を短くしてください。`,
    (p) => `${p.facility}: the text does not fit on ${p.sizes.join(", ")} even at the smallest type: shorten the stance, the conduct lines or the panels in ${p.policy ?? "the policy"}`,
  ),
  POSTER_MISSING_GLYPHS: entry<{ facility: string; font: string; chars: string[] }>(
    "error",
    (p) => `「${p.facility}」のポスターに、書体 ${p.font} にない文字があります：${p.chars.join("、")}。施設一覧や方針ファイルのその文字を、ふつうの字体に直すか消してください。`,
    (p) => `${p.facility}: ${p.font} has no glyph for ${p.chars.join(", ")}`,
  ),
  POSTER_NOT_MADE: entry<{ facility: string; detail: string }>(
    "error",
    (p) => `「${p.facility}」のポスターを作れませんでした（${p.detail}）。`,
    (p) => `${p.facility}: ${p.detail}`,
  ),
  /** Not for users to fix: a bug. Thrown as a plain Error (the CLI exits 3), worded from here. */
  POSTER_INTERNAL_ERROR: entry<{ detail: string }>(
    "error",
    (p) => `ポスターを作る途中で、思いがけない問題が起きました（${p.detail}）。nafuda の不具合です。この表示を添えて、担当者に知らせてください。`,
    (p) => `unexpected problem while making a poster (${p.detail}): this is a bug in nafuda; please report it with this message.`,
  ),
  POSTER_DATE_INVALID: entry<{ value: string }>(
    "error",
    (p) => `「${p.value}」は日付として正しくありません。2024-11-01 のように、実在する日付を書いてください。`,
    (p) => `not a calendar date: ${p.value}`,
  ),

  // --- the recording signs (src/signs/)
  SIGN_MISSING_GLYPHS: entry<{ facility: string; font: string; chars: string[] }>(
    "error",
    (p) => `「${p.facility}」の録音の標識に、書体 ${p.font} にない文字があります：${p.chars.join("、")}。施設一覧や方針ファイルのその文字を、ふつうの字体に直すか消してください。`,
    (p) => `${p.facility}: the recording sign needs characters ${p.font} has no glyph for: ${p.chars.join(", ")}`,
  ),
  SIGN_TEXT_TOO_LONG: entry<{ facility: string; kind: string }>(
    "error",
    (p) => `「${p.facility}」の${p.kind === "phone" ? "電話のシール" : "窓口の標識"}に文が入りきりません。方針ファイルの measures の ${p.kind === "phone" ? "record-phone" : "record-counter"} の sign（標識の文）と label を短くしてください。`,
    (p) => `${p.facility}: the text does not fit on the ${p.kind === "phone" ? "phone sticker" : "counter sign"}: shorten the sign and label of measures.${p.kind === "phone" ? "record-phone" : "record-counter"} in the policy`,
  ),
  SIGNS_NONE_TO_MAKE: entry<{ reasons: Message[]; more?: number }>(
    "error",
    (p) => `録音の標識を作る施設がありません${p.reasons.length > 0 ? `（${p.reasons.join("／")}${p.more ? `／ほか ${p.more} 件` : ""}）` : ""}。施設一覧の「対策」に record-counter（窓口での録音）か record-phone（電話の録音）のある施設だけに標識を作ります。出力先には何も書いていません。`,
    (p) => `no facility needs a recording sign${p.reasons.length > 0 ? ` (${p.reasons.join("; ")}${p.more ? `; and ${p.more} more` : ""})` : ""}: signs are made for facilities whose measures include record-counter or record-phone. Nothing was written.`,
  ),
  /** On the base of the tent card: how to make it. */
  TEXT_SIGN_TENT_HOWTO: entry<{ printShop: boolean }>(
    "text",
    (p) => `${p.printShop ? "" : "①外側の線で切り取る　"}${p.printShop ? "①" : "②"}点線をすべて山折りにする　${p.printShop ? "②" : "③"}のりしろを、いちばん上の面の裏の下の端に貼る（文字がどちらの面からも正しい向きに読めます）`,
    (p) => `${p.printShop ? "" : "1. Cut along the outer line. "}${p.printShop ? "1" : "2"}. Fold every dotted line outwards. ${p.printShop ? "2" : "3"}. Glue the tab under the lower edge of the top face (both faces then read upright).`,
  ),
  TEXT_SIGN_TENT_GLUE: entry("text", () => "のりしろ", () => "glue"),
  TEXT_SIGN_TENT_FOLD: entry("text", () => "山折り", () => "fold"),

  POSTER_BAD_AS_OF: entry<{ value: string }>(
    "error",
    (p) => `--as-of「${p.value}」は日付として読めません。印刷する日を 2025-03-01 のように、実在する日付で書いてください。`,
    (p) => `--as-of "${p.value}" is not a date: write the printing date as 2025-03-01`,
  ),

  // --- nafuda signs (src/cli/commands/signs.ts): help and progress
  CMD_SIGNS: entry(
    "text",
    () => "録音している窓口の三角柱の標識（A4）と、録音している電話のシール（91 × 55 mm、a4-10up）を作ります",
    () => "make the recording signs: a tent card for each recorded counter (A4) and a sticker for each recorded phone (91 × 55 mm, a4-10up)",
  ),
  OPT_SIGNS_OUTPUT: entry("text", () => "書き出すフォルダー（なければ作ります。ポスターと同じフォルダーなら発注一覧に足します）", () => "output folder (created if missing; with the posters' folder, the signs are added to its order)"),
  OPT_SIGNS_BLEED: entry("text", () => "印刷会社向け：塗り足し 3 mm（三角柱は仕上がり線まで、シールは 1 枚ずつトンボ付き）", () => "for a print shop: 3 mm bleed (the tent card trimmed to the card, stickers one per page with crop marks)"),
  OPT_SIGNS_CROP_MARKS: entry("text", () => "印刷会社向け：トンボをつけます（三角柱は折り位置も外側に示します）", () => "for a print shop: Japanese crop marks (the tent card's folds marked outside the trim)"),
  OPT_AS_OF: entry(
    "text",
    () => "印刷する日（例：2025-03-01。指定がなければ今日）。この日より後に始まる対策に「令和7年4月1日から」と入れます。発注一覧にも書きます",
    () => "the printing date (e.g. 2025-03-01; default today): measures starting later are marked 「…から」; written in the order",
  ),
  /** For `nafuda posters --a3-design` (the lead's src/cli/commands/posters.ts). */
  OPT_A3_DESIGN: entry(
    "text",
    () => "A3 の作り：full（全文。窓口向け、既定）か distance（遠くから読む掲示。標語・大きな項目・対応・施行日と発行者）",
    () => "the A3 design: full (the whole text, for counters; default) or distance (read from across the room: slogan, large items, measures, date and issuer)",
  ),
  SIGNS_FILE: entry<{ file: string; kind: string; pieces: number }>(
    "text",
    (p) => `  ${p.file}（${p.kind === "phone" ? `電話のシール ${p.pieces} 枚` : `窓口の標識 ${p.pieces} 部`}）`,
    (p) => `  ${p.file}  (${p.kind === "phone" ? `${p.pieces} phone sticker(s)` : `${p.pieces} counter sign(s)`})`,
  ),
  SIGNS_SUMMARY: entry<{ facilities: number; counter: number; phone: number; errors: number; manifest: string; summary: string; output: string }>(
    "text",
    (p) => `${p.facilities} 施設、窓口の標識 ${p.counter} 部、電話のシール ${p.phone} 枚、エラー ${p.errors} 件。発注一覧：${p.output} の ${p.manifest} と ${p.summary}`,
    (p) => `${p.facilities} facilit${p.facilities === 1 ? "y" : "ies"}, ${p.counter} counter sign(s), ${p.phone} phone sticker(s); ${p.errors} error(s). Order: ${p.manifest}, ${p.summary} in ${p.output}`,
  ),

  // --- the batch (src/posters/batch.ts)
  POSTER_NONE_MADE: entry<{ reasons: Message[]; more?: number }>(
    "error",
    (p) => `ポスターを 1 枚も作れませんでした${p.reasons.length > 0 ? `（${p.reasons.join("／")}${p.more ? `／ほか ${p.more} 件` : ""}）` : "（施設がありません）"}。` +
      "出力先には何も書いていません（前回の発注一覧もそのままです）。直してから、もう一度実行してください。",
    (p) => `no poster could be made${p.reasons.length > 0 ? ` (${p.reasons.join("; ")}${p.more ? `; and ${p.more} more` : ""})` : " (no facilities)"}. ` +
      "Nothing was written to the output folder (a previous order is unchanged): correct the problems and run again.",
  ),
  OUTPUT_FILE_NAME_OUTSIDE_FOLDER: entry<{ name: string }>(
    "error",
    (p) => `ファイル名「${p.name}」は出力先のフォルダーの外を指すため、書きません。`,
    (p) => `refusing to write outside the output folder: ${p.name}`,
  ),

  // --- the order manifest (CSV) and the order summary (PDF): words of the files for the print shop
  TEXT_ORDER_FACILITY: entry("text", () => "施設名", () => "Facility"),
  TEXT_ORDER_SIZE: entry("text", () => "サイズ", () => "Size"),
  TEXT_ORDER_TRIM_MM: entry("text", () => "仕上がり寸法(mm)", () => "Trim size (mm)"),
  TEXT_ORDER_COPIES: entry("text", () => "部数", () => "Copies"),
  TEXT_ORDER_FILE: entry("text", () => "ファイル", () => "File"),
  TEXT_ORDER_PAGE: entry("text", () => "ページ", () => "Page"),
  TEXT_ORDER_PAGE_SHORT: entry("text", () => "頁", () => "Page"),
  TEXT_ORDER_TOTAL: entry("text", () => "合計", () => "Total"),
  TEXT_ORDER_DOCUMENT_TITLE: entry<{ issuer: string }>("text", (p) => `${p.issuer} ポスター発注一覧`, (p) => `${p.issuer} poster order`),
  TEXT_ORDER_HEADING: entry<{ issuer: string }>(
    "text",
    (p) => `${p.issuer}　カスタマーハラスメント防止ポスター・標識　発注一覧`,
    (p) => `${p.issuer} — customer harassment prevention posters and signs — print order`,
  ),
  TEXT_ORDER_SUBHEADING: entry<{ title: string; date: string; bleed: boolean; cropMarks: boolean }>(
    "text",
    (p) => `${p.title}（${p.date} 施行）　塗り足し：${p.bleed ? "あり 3mm" : "なし"}　トンボ：${p.cropMarks ? "あり" : "なし"}`,
    (p) => `${p.title} (in force from ${p.date})   bleed: ${p.bleed ? "3 mm" : "none"}   crop marks: ${p.cropMarks ? "yes" : "no"}`,
  ),
  TEXT_ORDER_SIZE_TOTAL: entry<{ size: string; copies: number }>("text", (p) => `${p.size} ${p.copies}部`, (p) => `${p.size}: ${p.copies}`),
  TEXT_ORDER_PRODUCT: entry("text", () => "品目", () => "Item"),
  TEXT_ORDER_AS_OF: entry("text", () => "基準日", () => "As of"),
  TEXT_ORDER_AS_OF_LINE: entry<{ dates: string[] }>(
    "text",
    (p) => `基準日（この日に印刷する前提で「…から」の表示を決めています）：${p.dates.join("、")}`,
    (p) => `As of (the printing date the "from" notes were decided for): ${p.dates.join(", ")}`,
  ),
  TEXT_ORDER_PRODUCT_POSTER: entry("text", () => "ポスター", () => "Poster"),
  TEXT_ORDER_PRODUCT_POSTER_TEXT: entry("text", () => "ポスター（全文）", () => "Poster (full text)"),
  TEXT_ORDER_PRODUCT_POSTER_LANGUAGES: entry("text", () => "ポスター（英語・やさしい日本語）", () => "Poster (English, easy Japanese)"),
  TEXT_ORDER_PRODUCT_COUNTER_SIGN: entry("text", () => "窓口の標識（三角柱）", () => "Counter sign (tent card)"),
  TEXT_ORDER_PRODUCT_PHONE_STICKER: entry<{ pieces: number }>("text", (p) => `電話のシール（${p.pieces} 面）`, (p) => `Phone stickers (${p.pieces})`),
  TEXT_ORDER_SHORT_POSTER: entry("text", () => "ポスター", () => "Poster"),
  TEXT_ORDER_SHORT_POSTER_TEXT: entry("text", () => "全文", () => "Full text"),
  TEXT_ORDER_SHORT_POSTER_LANGUAGES: entry("text", () => "外国語", () => "Languages"),
  TEXT_ORDER_SHORT_COUNTER_SIGN: entry("text", () => "窓口標識", () => "Counter sign"),
  TEXT_ORDER_SHORT_PHONE_STICKER: entry("text", () => "電話シール", () => "Phone stickers"),
  TEXT_ORDER_PAGE_OF: entry<{ page: number; count: number }>("text", (p) => `${p.page} / ${p.count} 頁`, (p) => `page ${p.page} of ${p.count}`),
} as const;
