import { entry, enList, jaList, type Message } from "./entry.js";

/** The command line's own words: help, summaries, hints (src/cli/). */
export const CLI_MESSAGES = {
  // --- prefixes and general
  TEXT_PREFIX_ERROR: entry("text", () => "エラー", () => "error"),
  TEXT_PREFIX_WARNING: entry("text", () => "注意", () => "warning"),
  TEXT_PREFIX_NOTE: entry("text", () => "お知らせ", () => "note"),
  CLI_USAGE: entry(
    "text",
    () => "使い方: $0 <コマンド> [オプション]\n\n名札（なふだ）— 職員の名札（姓をひらがなとローマ字で）と、カスタマーハラスメント対策のポスターを作ります。\nコマンドごとの説明: $0 <コマンド> --help",
    () => "Usage: $0 <command> [options]\n\n名札 — staff name badges (surname in hiragana + romaji) and customer-harassment posters.\nEach command's options: $0 <command> --help",
  ),
  CLI_NEED_COMMAND: entry(
    "error",
    () => "コマンドを指定してください：readings（読みの確認）、badges（名札）、posters（ポスター）、serve（画面で作業）、demo、init。",
    () => "name a command: readings, badges, posters, serve, demo or init.",
  ),
  CLI_BAD_OPTION: entry<{ detail: string }>(
    "error",
    (p) => `指定のしかたが正しくありません：${p.detail}`,
    (p) => `the options are not right: ${p.detail}`,
  ),
  CLI_USAGE_HINT: entry<{ command: string }>(
    "text",
    (p) => `説明を見るには：nafuda ${p.command}--help`,
    (p) => `For help: nafuda ${p.command}--help`,
  ),
  CLI_UNEXPECTED: entry<{ detail: string }>(
    "error",
    (p) => `予期しないエラーで止まりました（nafuda の不具合かもしれません）：${p.detail}。環境変数 NAFUDA_DEBUG=1 をつけて実行すると詳しい情報が出ます。`,
    (p) => `stopped by an unexpected error (possibly a bug in nafuda): ${p.detail}. Run with NAFUDA_DEBUG=1 for the details.`,
  ),
  CLI_MORE_ERRORS: entry<{ count: number }>(
    "text",
    (p) => `…ほか ${p.count} 件のエラーは確認シートを見てください`,
    (p) => `… and ${p.count} more error(s): see the review sheet`,
  ),
  CLI_MORE_ROWS: entry<{ count: number }>("text", (p) => `  …ほか ${p.count} 人`, (p) => `  … and ${p.count} more`),
  OPT_CONFIG: entry("text", () => "設定ファイル（指定がなければ、このフォルダーの nafuda.config.yaml か .json）", () => "config file (default: nafuda.config.yaml/.json in this folder)"),
  OPT_LANG: entry("text", () => "表示の言語：ja（日本語、既定）か en（英語）。環境変数 NAFUDA_LANG でも指定できます", () => "language of messages: ja (Japanese, the default) or en (English); also NAFUDA_LANG"),
  OPT_HELP: entry("text", () => "説明を表示します", () => "show help"),
  OPT_VERSION: entry("text", () => "版を表示します", () => "show the version"),

  // --- shared options
  OPT_ROSTER: entry("text", () => "職員名簿：CSV（UTF-8 か Shift_JIS）、Excel ブック（.xlsx）、JSON", () => "staff roster: CSV (UTF-8 or Shift_JIS), XLSX or JSON"),
  OPT_OVERRIDES: entry(
    "text",
    () => "確認済みよみファイル（直した確認シート）。いくつでも、フォルダーでも指定できます。その読みがいちばん優先されます",
    () => "confirmed readings (corrected review sheets): one or more files, or a folder of them; their rows win",
  ),
  OPT_ROMAJI: entry("text", () => "ローマ字の書き方：passport（旅券式、既定）、hepburn、kunrei、kana", () => "romanisation: passport (default), hepburn, kunrei, kana"),
  OPT_ROMAJI_CASE: entry("text", () => "title（Matsuno）か upper（MATSUNO）", () => "Matsuno (title) or MATSUNO (upper)"),
  OPT_FOREIGN_NAMES_IN: entry(
    "text",
    () => "外国籍の職員の姓（スミスなど）を印刷する文字：hiragana（すみす、既定）か katakana（スミス）。確認済みよみファイルの「名札の表記」が優先",
    () => "the script a foreign national's surname is printed in: hiragana (default) or katakana (スミス); the confirmed file's 名札の表記 wins",
  ),
  OPT_SHEET_NAME: entry("text", () => "Excel ブックのシート名か番号（指定がなければ最初のシート）", () => "XLSX sheet name or number (default: the first)"),

  // --- readings
  CMD_READINGS: entry(
    "text",
    () => "職員一人ひとりの姓の読み（ひらがなとローマ字）を決め、確認シートを作ります",
    () => "Decide every staff member's surname reading (hiragana + romaji) and write the review sheet",
  ),
  OPT_READINGS_OUTPUT: entry(
    "text",
    () => "確認シートの保存先（.xlsx なら Excel ブック、.csv なら CSV、.json なら JSON）。--split-by ではフォルダー。- で画面に表示",
    () => "where to write the review sheet (.xlsx: a workbook, .csv, .json); with --split-by a folder; - for standard output",
  ),
  OPT_FORMAT: entry("text", () => "形式：csv、xlsx、json（指定がなければ保存先の拡張子から）", () => "format: csv, xlsx or json (default: from the output's extension)"),
  OPT_STRICT: entry("text", () => "確認が必要な行かエラーが残っていれば終了コード 1 で終わります", () => "exit 1 while any row needs review or has an error"),
  OPT_READINGS_SPLIT: entry(
    "text",
    () => "この列（所属など）ごとに確認シートを分けて、フォルダーに書きます（一覧 index.csv 付き）",
    () => "one review sheet per value of this column (所属 …), written into the output folder with an index.csv",
  ),
  READINGS_SUMMARY: entry<{ total: number; review: number; errors: number }>(
    "text",
    (p) => `${p.total} 人：確認が必要 ${p.review} 人、エラー ${p.errors} 件`,
    (p) => `${p.total} staff: ${p.review} need review, ${p.errors} error(s)`,
  ),
  READINGS_WROTE: entry<{ file: string }>("text", (p) => `確認シート：${p.file}`, (p) => `Review sheet: ${p.file}`),
  READINGS_NOT_WRITTEN: entry(
    "text",
    () => "確認シートは保存していません。保存するには -o 確認シート.xlsx（または .csv）をつけます（-o - で画面に表示）。",
    () => "No review sheet was written: add -o review.xlsx (or .csv) to save it (-o - prints it).",
  ),
  READINGS_SPLIT_WROTE: entry<{ sheets: number; by: string; folder: string }>(
    "text",
    (p) => `「${p.by}」ごとの確認シート ${p.sheets} 枚：${p.folder}（一覧は index.csv）`,
    (p) => `${p.sheets} review sheet(s) by ${p.by} → ${p.folder} (index.csv)`,
  ),
  READINGS_SPLIT_NEEDS_OUTPUT: entry(
    "error",
    () => "--split-by には、書き出すフォルダーを -o で指定してください。",
    () => "--split-by needs -o: the folder to write the sheets into.",
  ),
  READINGS_SPLIT_NO_JSON: entry(
    "error",
    () => "--split-by で書けるのは確認シート（csv か xlsx）だけです。--format json と一緒には使えません。",
    () => "--split-by writes review sheets (csv or xlsx), not JSON: drop --format json.",
  ),
  SPLIT_NO_COLUMN: entry<{ column: string; headers: string[] }>(
    "error",
    (p) => `名簿に「${p.column}」の列がないため、分けられません。名簿の見出し：${jaList(p.headers)}。`,
    (p) => `the roster has no column "${p.column}" to split by. Its columns: ${enList(p.headers)}.`,
  ),
  INDEX_COLUMN_GROUP: entry("text", () => "区分", () => "group"),
  INDEX_COLUMN_FILE: entry("text", () => "ファイル", () => "file"),
  INDEX_COLUMN_STAFF: entry("text", () => "人数", () => "staff"),
  INDEX_COLUMN_REVIEW: entry("text", () => "要確認", () => "review"),
  INDEX_COLUMN_ERRORS: entry("text", () => "エラー", () => "errors"),
  TEXT_NO_GROUP: entry("text", () => "（空欄）", () => "(blank)"),

  // --- badges
  CMD_BADGES: entry(
    "text",
    () => "名札（姓をひらがなとローマ字で）を印刷用の PDF にします。台紙（10 面など）に並べるか、1 枚ずつトンボ付きで",
    () => "Print name badges (surname in hiragana + romaji) on sheets, or one per page with crop marks",
  ),
  OPT_BADGES_OUTPUT: entry("text", () => "書き出す PDF（--split-by ではフォルダー）", () => "the PDF to write (with --split-by: a folder, the .pdf dropped)"),
  OPT_TEMPLATE: entry(
    "text",
    () => "名札の型：standard（名刺 91×55 mm）、card（カード 85.6×54 mm）、standard-duplex（両面）、band、または型の JSON ファイル",
    () => "built-in template (standard, card, standard-duplex, band) or a template JSON file",
  ),
  OPT_SHEET: entry<{ presets: string }>(
    "text",
    (p) => `台紙：${p.presets}、または台紙の JSON/YAML ファイル。指定がなければ型に合うもの`,
    (p) => `sheet preset (${p.presets}) or a sheet JSON/YAML file; default suits the template`,
  ),
  OPT_PAGE: entry("text", () => "自分で決める台紙：用紙名（A4）か 幅x高さ mm", () => "custom sheet: paper name (A4) or WIDTHxHEIGHT mm"),
  OPT_GRID: entry("text", () => "自分で決める台紙：列数x行数（例 2x5）", () => "custom sheet: COLUMNSxROWS, e.g. 2x5"),
  OPT_CELL: entry("text", () => "自分で決める台紙：1 面の 幅x高さ mm", () => "custom sheet: cell WIDTHxHEIGHT mm"),
  OPT_PITCH: entry("text", () => "自分で決める台紙：面と面の間隔 XxY mm（すき間があるときは面より大きく）", () => "custom sheet: cell-to-cell distance XxY mm (larger than the cell for gaps)"),
  OPT_MARGINS: entry("text", () => "自分で決める台紙：上,左 の余白 mm（指定がなければ中央）", () => "custom sheet: TOP,LEFT margins mm (default: centred)"),
  OPT_BADGES_SPLIT: entry("text", () => "この列（所属 か 施設）ごとに PDF を分けます（一覧 index.csv 付き）", () => "one PDF per group of this column (所属 or 施設) plus index.csv"),
  OPT_OFFSET_X: entry("text", () => "プリンターの調整：右へずらす mm", () => "printer calibration: shift right, mm"),
  OPT_OFFSET_Y: entry("text", () => "プリンターの調整：下へずらす mm", () => "printer calibration: shift down, mm"),
  OPT_BACK_OFFSET_X: entry("text", () => "両面：裏面を右へずらす mm（指定がなければ --offset-x）", () => "duplex: shift of the back pages, mm (default: --offset-x)"),
  OPT_BACK_OFFSET_Y: entry("text", () => "両面：裏面を下へずらす mm（指定がなければ --offset-y）", () => "duplex: shift of the back pages, mm (default: --offset-y)"),
  OPT_SCALE: entry("text", () => "プリンターの調整：ページの中心を基準に拡大・縮小（例 1.005）", () => "printer calibration: scale about the page centre, e.g. 1.005"),
  OPT_START_AT: entry("text", () => "1 枚目の台紙の N 面目から印刷します（使いかけの台紙）", () => "start at cell N of the first sheet (a part-used sheet)"),
  OPT_CROP_MARKS: entry("text", () => "塗り足し 3 mm とトンボ（TrimBox/BleedBox）をつけます（1 ページに 1 枚）", () => "3 mm bleed, Japanese crop marks, TrimBox/BleedBox (one badge per page)"),
  OPT_CUT_GUIDES: entry("text", () => "台紙の余白に細い切り取り線を入れます", () => "thin cut guides in the sheet margins"),
  OPT_DUPLEX: entry("text", () => "裏面を表の裏に合うように並べます（型に裏面があれば既定）", () => "back pages mirrored behind the fronts (default: when the template has a back)"),
  OPT_FONT: entry("text", () => "型の書体を差し替えます：名前=書体ファイル.ttf（何度でも）", () => "replace a template font: NAME=path.ttf (repeatable)"),
  OPT_ALLOW_UNREVIEWED: entry("text", () => "確認が済んでいない読みがあっても印刷します", () => "print even though some readings still need review"),
  BADGES_REFUSED: entry<{ count: number }>(
    "error",
    (p) => `まだ確認が済んでいない読みが ${p.count} 人分あるため、印刷しません：`,
    (p) => `not printing: ${p.count} reading(s) still need review:`,
  ),
  BADGES_REFUSED_HINT: entry<{ roster: string }>(
    "text",
    (p) => `nafuda readings ${p.roster} -o 確認シート.xlsx で確認シートを作り、直してから --overrides 確認シート.xlsx で渡してください。確認しないまま印刷するなら --allow-unreviewed をつけます。`,
    (p) => `Check them with \`nafuda readings ${p.roster} -o review.xlsx\`, correct the sheet and pass it as --overrides, or print anyway with --allow-unreviewed.`,
  ),
  CLI_UNREVIEWED_ROW: entry<{ where: Message; name: string; kana: string; romaji: string; alternatives: readonly string[]; reasons: readonly Message[] }>(
    "text",
    (p) => `  ${p.where}：${p.name} → ${p.kana} / ${p.romaji}${p.alternatives.length > 0 ? `（ほかの読み：${p.alternatives.join("／")}）` : ""}${p.reasons.length > 0 ? ` — ${p.reasons.join(" ")}` : ""}`,
    (p) => `  ${p.where}: ${p.name} → ${p.kana} / ${p.romaji}${p.alternatives.length > 0 ? ` (or ${p.alternatives.join(", ")})` : ""}${p.reasons.length > 0 ? ` — ${p.reasons.join(" ")}` : ""}`,
  ),
  BADGES_SUMMARY: entry<{ badges: number; pages: number; sheet: string; output: string }>(
    "text",
    (p) => `名札 ${p.badges} 枚、${p.pages} ページ（${p.sheet}）→ ${p.output}`,
    (p) => `${p.badges} badges on ${p.pages} page(s) (${p.sheet}) → ${p.output}`,
  ),
  BADGES_SPLIT_SUMMARY: entry<{ badges: number; files: number; by: string; folder: string }>(
    "text",
    (p) => `名札 ${p.badges} 枚を「${p.by}」ごとに PDF ${p.files} 個へ → ${p.folder}（一覧は index.csv）`,
    (p) => `${p.badges} badges in ${p.files} PDF(s) by ${p.by} → ${p.folder} (index.csv)`,
  ),
  BADGES_NONE: entry<{ output: string }>(
    "text",
    (p) => `印刷できる名札がありません。${p.output} は書いていません`,
    (p) => `no badges to print; ${p.output} not written`,
  ),
  BADGES_LEFT_OUT: entry<{ count: number }>(
    "text",
    (p) => `。${p.count} 行は印刷していません（上のエラーを見てください）`,
    (p) => `; ${p.count} row(s) left out (see errors above)`,
  ),
  NOTE_PRINTED_UNREVIEWED: entry<{ count: number }>(
    "note",
    (p) => `確認が済んでいない読み ${p.count} 人分も印刷しました（--allow-unreviewed）。`,
    (p) => `printed ${p.count} reading(s) not yet reviewed (--allow-unreviewed).`,
  ),
  TEXT_PROGRESS_BADGES: entry("text", () => "名札", () => "badges"),

  // --- posters
  CMD_POSTERS: entry(
    "text",
    () => "施設ごとのカスタマーハラスメント対策ポスター（施設ごとに PDF、大きさごとに 1 ページ）と発注一覧を作ります",
    () => "Customer-harassment posters for every facility (one PDF each, a page per size) and the print order",
  ),
  OPT_FACILITIES: entry("text", () => "施設一覧：CSV（UTF-8 か Shift_JIS）か Excel ブック", () => "facility list: CSV (UTF-8 or Shift_JIS) or XLSX"),
  OPT_POLICY: entry("text", () => "方針ファイル（YAML か JSON）。例：examples/policy.yaml", () => "policy file (YAML or JSON), see examples/policy.yaml"),
  OPT_POSTERS_OUTPUT: entry("text", () => "書き出すフォルダー（なければ作ります）", () => "output folder (created if missing)"),
  OPT_SIZES: entry<{ sizes: string }>(
    "text",
    (p) => `一覧の大きさではなく、すべての施設をこの大きさで作ります（${p.sizes}）`,
    (p) => `make these sizes for every facility instead of the list's (${p.sizes})`,
  ),
  OPT_BLEED: entry("text", () => "塗り足し 3 mm（TrimBox/BleedBox）をつけます", () => "add 3 mm bleed (塗り足し) with TrimBox/BleedBox"),
  OPT_POSTER_CROP_MARKS: entry("text", () => "トンボをつけます", () => "add Japanese crop marks (トンボ)"),
  OPT_DATE_STYLE: entry("text", () => "日付の書き方：era（令和6年11月1日）か western（2024年11月1日）。指定がなければ方針ファイルのとおり", () => "令和6年11月1日 (era) or 2024年11月1日 (western); default: the policy's"),
  OPT_BACKGROUND: entry("text", () => "組み込みのデザインの代わりに使う PDF（その上に文字を置きます）", () => "a PDF that replaces the built-in design (text is set over it)"),
  OPT_LAYOUT: entry("text", () => "--background と一緒に：大きさごとに使う PDF のページと、文字を置く場所（YAML/JSON、mm）", () => "with --background: which artwork page each size uses and where the text goes (YAML/JSON, mm)"),
  POSTERS_LAYOUT_NEEDS_BACKGROUND: entry(
    "error",
    () => "--layout は --background の PDF のための指定です。--background も指定してください。",
    () => "--layout describes a --background PDF: give --background too.",
  ),
  POSTERS_UNKNOWN_SIZE: entry<{ word: string; known: string }>(
    "error",
    (p) => `--sizes：「${p.word}」という大きさはありません。使える大きさ：${p.known}。`,
    (p) => `--sizes: unknown size "${p.word}"; known: ${p.known}.`,
  ),
  POSTERS_FILE: entry<{ file: string; sizes: string }>("text", (p) => `  ${p.file}（${p.sizes}）`, (p) => `  ${p.file}  (${p.sizes})`),
  POSTERS_SUMMARY: entry<{ facilities: number; pages: number; copies: number; errors: number; manifest: string; summary: string; output: string }>(
    "text",
    (p) => `${p.facilities} 施設、ポスター ${p.pages} ページ、発注 ${p.copies} 部、エラー ${p.errors} 件。発注一覧：${p.output} の ${p.manifest} と ${p.summary}`,
    (p) => `${p.facilities} facilit${p.facilities === 1 ? "y" : "ies"}, ${p.pages} poster page(s), ${p.copies} copies to order; ${p.errors} error(s). Order: ${p.manifest}, ${p.summary} in ${p.output}`,
  ),

  // --- serve
  CMD_SERVE: entry(
    "text",
    () => "このパソコンの中だけで動く画面（127.0.0.1）を開き、読みの確認と名札・ポスターの作成をします。コマンドは要りません",
    () => "Open a local web page (127.0.0.1 only) to check readings and download badges and posters, no command line needed",
  ),
  OPT_PORT: entry<{ port: number }>("text", (p) => `127.0.0.1 のポート（既定 ${p.port}。使われていれば空いているもの）`, (p) => `port on 127.0.0.1 (default ${p.port}, or a free one if it is taken)`),
  OPT_OPEN: entry("text", () => "いつものブラウザでページを開きます（--no-open なら URL を表示するだけ）", () => "open the page in the default browser (--no-open: just print the URL)"),
  OPT_MAX_UPLOAD: entry("text", () => "受け付けるファイルの最大の大きさ（MB）", () => "largest upload accepted, MB"),
  OPT_SERVE_TEMPLATE: entry(
    "text",
    () => "ページで最初に選ばれている名札の型：standard、card、standard-duplex、band、または自分の型の JSON ファイル（ページの一覧に加わります）",
    () => "the badge template the page starts with: standard, card, standard-duplex, band, or your own template JSON (added to the page's list)",
  ),
  SERVE_TEMPLATE_NOT_FOUND: entry<{ path: string }>(
    "error",
    (p) => `名札の型のファイル「${p.path}」が見つかりません。パスを確かめるか、standard などの名前を指定してください。`,
    (p) => `The badge template file "${p.path}" was not found. Check the path, or give a name such as standard.`,
  ),
  SERVE_BAD_PORT: entry<{ port: string }>(
    "error",
    (p) => `--port ${p.port}：1 から 65535 までのポート番号を指定してください（0 なら空いているものを使います）。`,
    (p) => `--port ${p.port}: give a port number from 1 to 65535 (0 picks a free one).`,
  ),
  SERVE_PORT_IN_USE: entry<{ port: number }>(
    "error",
    (p) => `ポート ${p.port} はほかのプログラムが使っています。--port で別の番号を指定するか、--port をつけずに実行してください。`,
    (p) => `port ${p.port} is in use: choose another with --port, or leave --port out.`,
  ),
  SERVE_CANNOT_START: entry<{ detail: string }>(
    "error",
    (p) => `画面のサーバーを始められません（${p.detail}）。`,
    (p) => `cannot start the server (${p.detail}).`,
  ),
  SERVE_STARTED: entry<{ url: string }>(
    "text",
    (p) => `名札 nafuda のページを開きました: ${p.url}\n（このパソコンの中だけで動きます。ファイルは外に送られません。終わるときは Ctrl+C）`,
    (p) => `nafuda's page is open at ${p.url}\n(it runs on this computer only; no file leaves it. Ctrl+C to stop)`,
  ),
  SERVE_STOPPED: entry("text", () => "止めました。", () => "Stopped."),
  SERVE_BROWSER_FAILED: entry("text", () => "（ブラウザを自動で開けませんでした。上の URL をブラウザに貼り付けてください）", () => "(the browser could not be opened: paste the URL above into it)"),

  // --- demo and init
  CMD_DEMO: entry("text", () => "同梱の例（架空の人と市）で、読み・名札・ポスターを一通り作ります。実行するコマンドも表示します", () => "Run readings, badges and posters on the bundled fictional examples, printing each command"),
  OPT_DEMO_OUTPUT: entry("text", () => "書き出すフォルダー", () => "output folder"),
  DEMO_STEP_FAILED: entry<{ status: string }>("error", (p) => `上の手順が終了コード ${p.status} で止まりました。`, (p) => `the step above exited with ${p.status}.`),
  DEMO_DONE: entry<{ folder: string }>("text", (p) => `できました。確認シート、名札の PDF、ポスターは ${p.folder}/ にあります。`, (p) => `Done: the review sheets, badge PDFs and posters are in ${p.folder}/`),
  CMD_INIT: entry("text", () => "市の設定を始めます：説明つきの nafuda.config.yaml、方針、施設一覧、名札の型を書き出します", () => "Start a city's own setup: a commented nafuda.config.yaml, policy, facility list and badge template to edit"),
  OPT_INIT_FOLDER: entry("text", () => "書き出すフォルダー", () => "where to write the files"),
  OPT_INIT_NAME: entry("text", () => "自治体の名前（例：あおば市）", () => "the municipality's name, e.g. あおば市"),
  OPT_FORCE: entry("text", () => "すでにあるファイルも書き直します", () => "overwrite files that already exist"),
} as const;
