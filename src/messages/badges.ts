import { entry, enList, jaList, type Message } from "./entry.js";

/** " (did you mean "x"?)" from a nested TEXT_DID_YOU_MEAN ("Did you mean "x"?"), for English sentences that go on. */
export const enAside = (suggestion: string | undefined): string => (suggestion ? ` (${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)})` : "");

/** A list of messages, one per line, each indented: for errors that carry several problems. */
const jaLines = (lines: readonly string[]): string => lines.map((line) => `\n  ・${line}`).join("");
const enLines = (lines: readonly string[]): string => lines.map((line) => `\n  - ${line}`).join("");

const SIDE_JA: Record<string, string> = { left: "左", top: "上", right: "右", bottom: "下" };

/** What a sheet number is, as the sheet's messages name it. */
const SHEET_WHAT_JA: Record<string, string> = {
  columns: "列の数（columns）",
  rows: "行の数（rows）",
  "cell width": "枠の幅（cell.width）",
  "cell height": "枠の高さ（cell.height）",
  "page width": "用紙の幅（page.width）",
  "page height": "用紙の高さ（page.height）",
  pitchX: "横の送り（pitchX）",
  pitchY: "縦の送り（pitchY）",
  marginTop: "上の余白（marginTop）",
  marginLeft: "左の余白（marginLeft）",
  bleed: "塗り足し（bleed）",
};

const EXPORT_AGAIN_JA = "デザインのソフトから PDF を書き出し直してください。";
const EXPORT_AGAIN_EN = "export it again from the design program as PDF";

/**
 * Badges, templates, sheets (imposition), fonts, PDF and text fitting: src/badges/, src/geometry/, src/pdf/, src/text/.
 * Codes: TEMPLATE_…, BADGE_…, BADGES_…, BACKGROUND_…, SHEET_…, FONT_…, PDF_…, FIT_…; texts TEXT_….
 */
export const BADGES_MESSAGES = {
  // --- shared shapes
  /** One item of a list of problems, with its place (a row, a file) in front when there is one. */
  TEXT_PLACED_ITEM: entry<{ where: Message; text: Message }>(
    "text",
    (p) => (p.where ? `${p.where}：${p.text}` : p.text),
    (p) => (p.where ? `${p.where}: ${p.text}` : p.text),
  ),
  /** One problem of a template or sheet file, after the key it is about (fields[0].sizePt.min). */
  TEXT_KEY_ISSUE: entry<{ key?: string; text: Message }>(
    "text",
    (p) => (p.key ? `「${p.key}」：${p.text}` : p.text),
    (p) => (p.key ? `${p.key}: ${p.text}` : p.text),
  ),

  // --- templates (src/badges/template.ts)
  TEMPLATE_INVALID: entry<{ count: number; problems: Message[] }>(
    "error",
    (p) => `名札の型（テンプレート）に直すところが ${p.count} か所あります。直してから、もう一度実行してください。${jaLines(p.problems)}`,
    (p) => `the template is not valid:${enLines(p.problems)}`,
  ),
  TEMPLATE_NOT_OBJECT: entry(
    "error",
    () => "名札の型は JSON のオブジェクト（{ … }）で書いてください。",
    () => "the template must be a JSON object",
  ),
  TEMPLATE_FIELD_NOT_OBJECT: entry(
    "error",
    () => "欄は { \"source\": …, \"font\": …, \"sizePt\": … } の形で書いてください。",
    () => "must be an object",
  ),
  TEMPLATE_UNKNOWN_KEY: entry<{ known: string[]; suggestion?: Message }>(
    "error",
    (p) => `知らないキーです。${p.suggestion ?? ""}使えるキー：${jaList(p.known)}。`,
    (p) => `unknown key${enAside(p.suggestion)} (known: ${p.known.join(", ")})`,
  ),
  TEMPLATE_NOT_A_NUMBER: entry<{ got: string }>(
    "error",
    (p) => `数で書いてください（今は ${p.got}）。`,
    (p) => `must be a number (got ${p.got})`,
  ),
  TEMPLATE_NOT_POSITION: entry<{ got: string }>(
    "error",
    (p) => `0 以上の数（mm）で書いてください（今は ${p.got}）。`,
    (p) => `must be a number ≥ 0 (mm) (got ${p.got})`,
  ),
  TEMPLATE_NOT_LENGTH: entry<{ got: string }>(
    "error",
    (p) => `0 より大きい数（mm）で書いてください（今は ${p.got}）。`,
    (p) => `must be a number > 0 (mm) (got ${p.got})`,
  ),
  TEMPLATE_BAD_CONDENSE: entry<{ got: string }>(
    "error",
    (p) => `0 より大きく 1 以下の数で書いてください（例：0.75。今は ${p.got}）。`,
    (p) => `must be a number in (0, 1], e.g. 0.75 (got ${p.got})`,
  ),
  TEMPLATE_BAD_LETTER_SPACING: entry<{ got: string }>(
    "error",
    (p) => `-0.5 から 2 までの数（em）で書いてください（今は ${p.got}）。`,
    (p) => `must be a number of em between -0.5 and 2 (got ${p.got})`,
  ),
  TEMPLATE_BAD_SOURCE: entry(
    "error",
    () => "「kana」「romaji」「surname」「name」のどれかか、名簿の列の見出しを書いてください。",
    () => 'must be "kana", "romaji", "surname", "name" or a roster column name',
  ),
  TEMPLATE_BAD_FONT: entry(
    "error",
    () => "組み込みのフォントの名前か、フォントファイル（.ttf / .otf）の場所を書いてください。",
    () => "must be a bundled font name or a font file path",
  ),
  TEMPLATE_NOT_TEXT: entry("error", () => "文字列（\"…\"）で書いてください。", () => "must be a string"),
  TEMPLATE_PARTIAL_BOX: entry(
    "error",
    () => "枠は x, y, width, height（mm）を四つとも書くか、どれも書かないでください。",
    () => "give all of x, y, width, height (mm) or none",
  ),
  TEMPLATE_NO_BOX: entry<{ name: string }>(
    "error",
    (p) => `枠（x, y, width, height。mm）がありません。枠を書くか、「${p.name}」という名前のフォーム欄がある背景 PDF を指定してください。`,
    (p) => `needs a box (x, y, width, height in mm), or a background PDF with a form field named ${JSON.stringify(p.name)}`,
  ),
  TEMPLATE_BAD_SIZE_RANGE: entry(
    "error",
    () => "文字の大きさは { \"max\": pt, \"min\": pt } の形で書いてください。",
    () => 'must be { "max": pt, "min": pt }',
  ),
  TEMPLATE_NOT_SIZE_PT: entry<{ got: string }>(
    "error",
    (p) => `0 より大きい数（pt）で書いてください（今は ${p.got}）。`,
    (p) => `must be a number > 0 (pt) (got ${p.got})`,
  ),
  TEMPLATE_SIZE_MIN_ABOVE_MAX: entry<{ min: number; max: number }>(
    "error",
    (p) => `min ${p.min} が max ${p.max} より大きくなっています。min は max 以下にしてください。`,
    (p) => `min ${p.min} is larger than max ${p.max}`,
  ),
  TEMPLATE_BAD_ALIGN: entry("error", () => "「left」「center」「right」のどれかを書いてください。", () => 'must be "left", "center" or "right"'),
  TEMPLATE_BAD_VALIGN: entry("error", () => "「top」「middle」「bottom」のどれかを書いてください。", () => 'must be "top", "middle" or "bottom"'),
  TEMPLATE_BAD_COLOUR: entry<{ got: string }>(
    "error",
    (p) => `色は「#RRGGBB」か「cmyk(c,m,y,k)」（百分率）で書いてください（今は ${p.got}）。`,
    (p) => `must be "#RRGGBB" or "cmyk(c,m,y,k)" in percent (got ${p.got})`,
  ),
  TEMPLATE_BAD_BACKGROUND: entry("error", () => "背景 PDF のファイルの場所を書いてください。", () => "must be a PDF file path"),
  TEMPLATE_NO_FIELDS: entry("error", () => "印字する欄（fields）を一つ以上書いてください。", () => "must be a non-empty list of fields"),
  TEMPLATE_BAD_BADGE_SIZE: entry<{ dimension: "width" | "height"; got: string }>(
    "error",
    (p) => `名札の${p.dimension === "width" ? "幅" : "高さ"}を mm の数（0 より大きく 2000 以下）で書いてください（今は ${p.got}）。`,
    (p) => `must be the badge ${p.dimension} in mm (got ${p.got})`,
  ),
  TEMPLATE_BAD_BACK: entry(
    "error",
    () => "裏面（back）は「same」か { \"background\"?, \"fields\" } で書いてください。",
    () => 'must be "same" or { "background"?, "fields" }',
  ),
  TEMPLATE_BOX_OUTSIDE: entry<{ source: string; x: number; y: number; width: number; height: number; badgeWidth: number; badgeHeight: number }>(
    "error",
    (p) => `「${p.source}」の枠（${p.x},${p.y} から ${p.width} × ${p.height} mm）が ${p.badgeWidth} × ${p.badgeHeight} mm の名札からはみ出しています。枠を名札の中に収めてください。`,
    (p) => `the ${p.source} box ${p.x},${p.y} ${p.width} × ${p.height} mm reaches outside the ${p.badgeWidth} × ${p.badgeHeight} mm badge`,
  ),
  TEMPLATE_UNKNOWN_BUILTIN: entry<{ name: string; builtins: string[] }>(
    "error",
    (p) => `「${p.name}」という組み込みの名札の型はありません。組み込み：${jaList(p.builtins)}。自分で作った型なら、.json ファイルの場所を指定してください。`,
    (p) => `no built-in template "${p.name}"; built in: ${p.builtins.join(", ")} (or give a .json path)`,
  ),
  TEMPLATE_NOT_FOUND: entry(
    "error",
    () => "名札の型のファイルがありません。場所とファイル名を確かめてください（組み込みの型なら standard のように名前だけを書きます）。",
    () => "the template file does not exist: check the path (a built-in template is given by its name alone, e.g. standard)",
  ),
  TEMPLATE_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `名札の型のファイルが大きすぎます（${p.size}、上限 ${p.limit}）。名札の型の .json ファイルか確かめてください。`,
    (p) => `the template file is too large (${p.size}; the limit is ${p.limit}): check that this is a template .json file`,
  ),
  TEMPLATE_BAD_JSON: entry<{ detail: string }>(
    "error",
    (p) => `JSON として読めません（${p.detail}）。カンマ、括弧、引用符を確かめてください。`,
    (p) => `not valid JSON (${p.detail}): check the commas, brackets and quotes`,
  ),
  TEMPLATE_NO_FORM_FIELD: entry<{ template: string; field: string }>(
    "error",
    (p) => `名札の型「${p.template}」の欄「${p.field}」に枠がなく、背景 PDF にもその名前のフォーム欄がありません。枠（x, y, width, height）を書くか、背景 PDF に「${p.field}」という名前のテキスト欄を作ってください。`,
    (p) => `Template ${p.template}: field ${p.field} has no box and the background PDF has no form field named ${p.field}`,
  ),

  // --- printing badges (src/badges/render-badges.ts, split.ts, fields.ts)
  BADGES_UNPRINTABLE: entry<{ count: number; rows: Message[] }>(
    "error",
    (p) => `印刷できない名札が ${p.count} 枚あります。${jaLines(p.rows)}`,
    (p) => `${p.count} badge(s) cannot be printed:${enLines(p.rows)}`,
  ),
  BADGE_MISSING_GLYPH: entry<{ name: string; problems: Message[] }>(
    "error",
    (p) => `${p.name}：${p.problems.join("。")}。この名札は印刷しません。その字のあるフォントを選ぶか、名簿の字を直してください（例：標準の字体にする）。`,
    (p) => `${p.name}: ${p.problems.join("; ")} — choose a font that has it, or correct the roster (e.g. a standard form of the character)`,
  ),
  TEXT_BADGE_GLYPH_PROBLEM: entry<{ source: string; text: string; font: string; chars: string[] }>(
    "text",
    (p) => `「${p.source}」の「${p.text}」：フォント ${p.font} に ${p.chars.join("、")} の字がありません`,
    (p) => `${p.source} "${p.text}": the font ${p.font} has no glyph for ${p.chars.join(", ")}`,
  ),
  WARN_BADGE_CONDENSED: entry<{ source: string; text: string; percent: number; sizePt: number; boxWidth: number }>(
    "warning",
    (p) => `「${p.text}」は、いちばん小さい ${p.sizePt} pt でも幅 ${p.boxWidth} mm の枠に入らないため、横幅を ${p.percent}% まで縮めました（名札の型の下限より細くなっています）。印刷して読めるか確かめてください。`,
    (p) => `${p.source} "${p.text}" is condensed to ${p.percent}% at ${p.sizePt} pt to fit its ${p.boxWidth} mm box`,
  ),
  BADGES_SPLIT_UNKNOWN_COLUMN: entry<{ column: string; columns: string[] }>(
    "error",
    (p) => `名簿に「${p.column}」の列がないため、名札を分けられません。--split-by には名簿の列の見出し（所属、施設など）を書いてください。名簿の列：${p.columns.length > 0 ? jaList(p.columns) : "なし"}。`,
    (p) => `the roster has no column "${p.column}" to split the badges by: give --split-by a column header of the roster (e.g. 所属 or 施設); its columns: ${p.columns.length > 0 ? enList(p.columns) : "none"}`,
  ),
  TEXT_SPLIT_INDEX_FILE: entry("text", () => "ファイル", () => "file"),
  TEXT_SPLIT_INDEX_BADGES: entry("text", () => "名札の数", () => "badges"),
  TEXT_SPLIT_INDEX_PAGES: entry("text", () => "ページ数", () => "pages"),

  // --- background PDFs (src/pdf/artwork-pdf.ts, src/badges/background.ts)
  TEXT_ROLE_TEMPLATE_BACKGROUND: entry("text", () => "名札の型の背景 PDF", () => "the template's background PDF"),
  TEXT_ROLE_OPTION_PDF: entry<{ option: string }>("text", (p) => `${p.option} で指定した PDF`, (p) => `the ${p.option} PDF`),
  BACKGROUND_NOT_FOUND: entry<{ role: Message }>(
    "error",
    (p) => `${p.role}がありません。場所を確かめてください（nafuda を実行するフォルダーから見た場所です）。`,
    (p) => `${p.role} does not exist: check the path (it is relative to the folder you run nafuda in)`,
  ),
  BACKGROUND_UNREADABLE: entry<{ role: Message; reason: Message }>(
    "error",
    (p) => `${p.role}を読めません。${p.reason}`,
    (p) => `cannot read ${p.role}: ${p.reason}`,
  ),
  BACKGROUND_TOO_LARGE: entry<{ role: Message; size: string; limit: string }>(
    "error",
    (p) => `${p.role}が大きすぎます（${p.size}、上限 ${p.limit}）。画像の解像度を下げて書き出し直すか、別のファイルでないか確かめてください。`,
    (p) => `${p.role} is too large (${p.size}; the limit is ${p.limit}): export it again with smaller images, or check that this is the right file`,
  ),
  BACKGROUND_ENCRYPTED: entry<{ role: Message }>(
    "error",
    (p) => `${p.role}は暗号化されています（パスワードか制限がかかっています）。パスワードや制限なしで保存し直し（例：新しい PDF に印刷する）、そのファイルを使ってください。`,
    (p) => `${p.role} is encrypted (a password or permissions are set): save it again without a password or restrictions (e.g. print it to a new PDF) and use that file`,
  ),
  BACKGROUND_DAMAGED: entry<{ role: Message; detail: string }>(
    "error",
    (p) => `${p.role}を読めません。壊れているか、PDF ではありません（${p.detail}）。${EXPORT_AGAIN_JA}`,
    (p) => `${p.role} cannot be read — it is damaged or not a PDF (${p.detail}): ${EXPORT_AGAIN_EN}`,
  ),
  BACKGROUND_NO_PAGES: entry<{ role: Message }>(
    "error",
    (p) => `${p.role}にページがありません。1 ページ目に絵柄を置いて書き出し直してください。`,
    (p) => `${p.role} has no pages: export it again with the artwork on page 1`,
  ),
  BACKGROUND_BROKEN_PAGE_TREE: entry<{ role: Message }>(
    "error",
    (p) => `${p.role}は壊れています（ページのつながりが輪になっていて、ページをたどり終えられません）。${EXPORT_AGAIN_JA}`,
    (p) => `${p.role} is damaged: its page tree loops back on itself, so its pages cannot be found. ${EXPORT_AGAIN_EN}`,
  ),
  BACKGROUND_NO_MEDIABOX: entry<{ role: Message }>(
    "error",
    (p) => `${p.role}は壊れています（1 ページ目に大きさ（MediaBox）がありません）。${EXPORT_AGAIN_JA}`,
    (p) => `${p.role} is damaged: page 1 has no size (MediaBox). ${EXPORT_AGAIN_EN}`,
  ),
  BACKGROUND_BAD_PAGE_SIZE: entry<{ role: Message; box: string; width: string; height: string }>(
    "error",
    (p) => `${p.role}の 1 ページ目の大きさ（${p.box}）が正しくありません（幅 ${p.width} pt、高さ ${p.height} pt。どちらも 3〜14400 pt の数が要ります）。${EXPORT_AGAIN_JA}`,
    (p) => `${p.role} is damaged: page 1's ${p.box} is ${p.width} × ${p.height} pt (each side must be a number from 3 to 14400 pt). ${EXPORT_AGAIN_EN}`,
  ),
  BACKGROUND_BAD_FIELD_BOX: entry<{ role: Message; field: string }>(
    "error",
    (p) => `${p.role}のフォーム欄「${p.field}」の位置と大きさが数になっていません（壊れています）。${EXPORT_AGAIN_JA}`,
    (p) => `${p.role} is damaged: the form field "${p.field}" has no usable position and size. ${EXPORT_AGAIN_EN}`,
  ),

  // --- sheets (src/geometry/sheets.ts, units.ts, src/badges/sheet-option.ts)
  SHEET_UNKNOWN_PRESET: entry<{ name: string; presets: string[] }>(
    "error",
    (p) => `「${p.name}」という用紙の割り付け（シート）はありません。使えるもの：${jaList(p.presets)}。`,
    (p) => `Unknown sheet "${p.name}"; presets: ${p.presets.join(", ")}`,
  ),
  SHEET_NOT_POSITIVE: entry<{ sheet: string; what: string; got: string }>(
    "error",
    (p) => `シート「${p.sheet}」の${SHEET_WHAT_JA[p.what] ?? p.what}は、0 より大きい数にしてください（今は ${p.got}）。`,
    (p) => `${p.sheet}: ${p.what} must be a positive number (got ${p.got})`,
  ),
  SHEET_NOT_A_NUMBER: entry<{ sheet: string; what: string; got: string }>(
    "error",
    (p) => `シート「${p.sheet}」の${SHEET_WHAT_JA[p.what] ?? p.what}は、数（mm）で書いてください（今は ${p.got}）。`,
    (p) => `${p.sheet}: ${p.what} must be a number of mm (got ${p.got})`,
  ),
  SHEET_CROP_MARKS_ONE_UP: entry<{ sheet: string; columns: number; rows: number }>(
    "error",
    (p) => `トンボは、1 ページに名札 1 枚のときだけ付けられます（シート「${p.sheet}」は ${p.columns} × ${p.rows} 面で、塗り足しとトンボの場所がありません）。--sheet a4-1up か single にするか、トンボの代わりにカットガイドを使ってください。`,
    (p) => `${p.sheet}: crop marks need one badge per page (cells of a ${p.columns} × ${p.rows} sheet have no room for bleed and marks); use --sheet a4-1up or single, or cut guides`,
  ),
  SHEET_BADGE_TOO_BIG: entry<{ badgeWidth: number; badgeHeight: number; sheet: string; cellWidth: number; cellHeight: number }>(
    "error",
    (p) => `名札は ${p.badgeWidth} × ${p.badgeHeight} mm ですが、シート「${p.sheet}」の枠は ${p.cellWidth} × ${p.cellHeight} mm で、入りません。その大きさの名札の型にするか、別のシートを選んでください。`,
    (p) => `The badge is ${p.badgeWidth} × ${p.badgeHeight} mm but sheet ${p.sheet} has cells of ${p.cellWidth} × ${p.cellHeight} mm: it does not fit. Choose a template of that size or another sheet.`,
  ),
  SHEET_PITCH_OVERLAP: entry<{ sheet: string; pitchX: number; pitchY: number; cellWidth: number; cellHeight: number }>(
    "error",
    (p) => `シート「${p.sheet}」の送り ${p.pitchX} × ${p.pitchY} mm が枠 ${p.cellWidth} × ${p.cellHeight} mm より小さく、枠が重なります。送りを枠の大きさ以上にしてください。`,
    (p) => `${p.sheet}: pitch ${p.pitchX} × ${p.pitchY} mm is smaller than the cell ${p.cellWidth} × ${p.cellHeight} mm: cells would overlap`,
  ),
  SHEET_TOO_BIG_FOR_PAGE: entry<{
    sheet: string; pageWidth: number; pageHeight: number; columns: number; rows: number; cellWidth: number; cellHeight: number;
    pitchX: number; pitchY: number; marginLeft: number; marginTop: number; markRoom?: number; needWidth: number; needHeight: number;
  }>(
    "error",
    (p) =>
      `シート「${p.sheet}」が ${p.pageWidth} × ${p.pageHeight} mm の用紙に収まりません。${p.cellWidth} × ${p.cellHeight} mm の枠 ${p.columns} × ${p.rows} 面を送り ${p.pitchX} × ${p.pitchY} mm、` +
      `余白 左 ${p.marginLeft}・上 ${p.marginTop} mm${p.markRoom !== undefined ? `、塗り足しとトンボに ${p.markRoom} mm` : ""} で並べると ${p.needWidth} × ${p.needHeight} mm 要ります。面の数、送り、余白を見直すか、大きい用紙にしてください。`,
    (p) =>
      `Sheet ${p.sheet} does not fit its ${p.pageWidth} × ${p.pageHeight} mm page: ${p.columns} × ${p.rows} cells of ${p.cellWidth} × ${p.cellHeight} mm at a pitch of ${p.pitchX} × ${p.pitchY} mm ` +
      `with margins left ${p.marginLeft} top ${p.marginTop}${p.markRoom !== undefined ? ` and ${p.markRoom} mm for bleed and crop marks` : ""} need ${p.needWidth} × ${p.needHeight} mm`,
  ),
  SHEET_OFF_PAGE: entry<{ offsetX: number; offsetY: number; scale: number; badge: number; sheet: string; distance: string; edge: string; pageWidth: number; pageHeight: number }>(
    "error",
    (p) =>
      `プリンターの補正（右へ ${p.offsetX} mm、下へ ${p.offsetY} mm、倍率 ${p.scale}）で、シート「${p.sheet}」の ${p.badge} 枚目の名札が ${p.pageWidth} × ${p.pageHeight} mm の用紙の${SIDE_JA[p.edge] ?? p.edge}端から ${p.distance} mm はみ出します。ずらす量か倍率を小さくしてください。`,
    (p) =>
      `the printer calibration (offset ${p.offsetX} mm right, ${p.offsetY} mm down, scale ${p.scale}) puts badge ${p.badge} of sheet ${p.sheet} ${p.distance} mm past the ${p.edge} edge of the ${p.pageWidth} × ${p.pageHeight} mm page: use a smaller offset or scale`,
  ),
  SHEET_BAD_SCALE: entry<{ got: string }>(
    "error",
    (p) => `倍率（--scale）は 0 より大きい数にしてください（例：1.005。今は ${p.got}）。`,
    (p) => `scale must be a positive number (got ${p.got})`,
  ),
  SHEET_BAD_OFFSET: entry<{ option: string; got: string }>(
    "error",
    (p) => `${p.option} は数（mm）で書いてください（今は ${p.got}）。`,
    (p) => `${p.option} must be a number of mm (got ${p.got})`,
  ),
  SHEET_BAD_START_AT: entry<{ max: number; sheet: string; got: string }>(
    "error",
    (p) => `--start-at は 1 から ${p.max} までの枠の番号にしてください（シート「${p.sheet}」。今は ${p.got}）。`,
    (p) => `--start-at must be a cell number from 1 to ${p.max} on sheet ${p.sheet} (got ${p.got})`,
  ),
  SHEET_UNKNOWN_PAPER: entry<{ name: string; papers: string[] }>(
    "error",
    (p) => `「${p.name}」という用紙の大きさはありません。使えるもの：${jaList(p.papers)}。または 幅x高さ（mm、例：210x297）で書いてください。`,
    (p) => `unknown paper size "${p.name}"; known: ${p.papers.join(", ")} — or give WIDTHxHEIGHT in mm`,
  ),
  SHEET_OPTION_PAIR: entry<{ option: string; got: string }>(
    "error",
    (p) => `${p.option} 「${p.got}」：91x55 のように、二つの数で書いてください。`,
    (p) => `${p.option} "${p.got}": write two numbers like 91x55`,
  ),
  SHEET_NOT_FOUND: entry<{ sheet: string; presets: string[] }>(
    "error",
    (p) => `--sheet 「${p.sheet}」：組み込みのシート（${jaList(p.presets)}）でも、ファイルでもありません。名前かファイルの場所を確かめてください。`,
    (p) => `--sheet ${p.sheet}: not a preset (${p.presets.join(", ")}) and not a file`,
  ),
  SHEET_FILE_INVALID: entry<{ count: number; problems: Message[] }>(
    "error",
    (p) => `シートの定義に直すところが ${p.count} か所あります。${jaLines(p.problems)}`,
    (p) => `the sheet file is not valid:${enLines(p.problems)}`,
  ),
  SHEET_FILE_NOT_OBJECT: entry(
    "error",
    () => "シートの定義は、キーと値の組（JSON のオブジェクトか YAML の対応）で書いてください。",
    () => "the sheet file must hold an object",
  ),
  SHEET_FILE_UNKNOWN_KEY: entry<{ known: string[]; suggestion?: Message }>(
    "error",
    (p) => `知らないキーです。${p.suggestion ?? ""}使えるキー：${jaList(p.known)}。`,
    (p) => `unknown key${enAside(p.suggestion)} (known: ${p.known.join(", ")})`,
  ),
  SHEET_FILE_NOT_NUMBER: entry<{ unit?: string }>(
    "error",
    (p) => `数${p.unit ? `（${p.unit}）` : ""}で書いてください。`,
    (p) => `must be a number${p.unit ? ` (${p.unit})` : ""}`,
  ),
  SHEET_FILE_SYNTAX: entry<{ format: string; detail: string }>(
    "error",
    (p) => `${p.format} として読めません（${p.detail}）。字下げ、コロン、カンマ、括弧を確かめてください。`,
    (p) => `not valid ${p.format} (${p.detail})`,
  ),
  SHEET_FILE_NOT_FOUND: entry(
    "error",
    () => "シートの定義ファイルがありません。場所とファイル名を確かめてください。",
    () => "the sheet file does not exist: check the path",
  ),
  SHEET_FILE_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `シートの定義ファイルが大きすぎます（${p.size}、上限 ${p.limit}）。シートの定義（JSON か YAML）か確かめてください。`,
    (p) => `the sheet file is too large (${p.size}; the limit is ${p.limit}): check that this is a sheet file (JSON or YAML)`,
  ),

  // --- fonts (src/pdf/fonts.ts, sfnt.ts)
  FONT_OPTION_FORMAT: entry<{ entry: string }>(
    "error",
    (p) => `--font 「${p.entry}」：「名前=ファイル.ttf」の形で書いてください（名前は名札の型に書いたフォントの名前です）。`,
    (p) => `--font ${p.entry}: write NAME=path.ttf (NAME as the template names it)`,
  ),
  FONT_NOT_BUNDLED: entry<{ name: string; bundled: string[] }>(
    "error",
    (p) => `「${p.name}」は組み込みのフォントではありません。組み込み：${jaList(p.bundled)}。ほかのフォントは TTF/OTF ファイルの場所で指定してください。`,
    (p) => `"${p.name}" is not a bundled font; bundled: ${p.bundled.join(", ")} (or give a path to a TTF/OTF file)`,
  ),
  FONT_NOT_FOUND: entry<{ name: string; bundled: string[] }>(
    "error",
    (p) => `フォント「${p.name}」が見つかりません。ファイルでもなく、組み込みのフォント（${jaList(p.bundled)}）でもありません。フォントファイルの場所か、組み込みのフォントの名前を書いてください。`,
    (p) => `Font "${p.name}" not found: not a file, and not one of the bundled fonts (${p.bundled.join(", ")})`,
  ),
  FONT_FILE_NOT_FOUND: entry(
    "error",
    () => "フォントファイルがありません。場所とファイル名（.ttf / .otf）を確かめてください。",
    () => "the font file does not exist: check the path and the file name (.ttf or .otf)",
  ),
  FONT_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `フォントファイルが大きすぎます（${p.size}、上限 ${p.limit}）。フォントファイル（.ttf / .otf）か確かめてください。`,
    (p) => `the font file is too large (${p.size}; the limit is ${p.limit}): check that this is a font file (.ttf or .otf)`,
  ),
  FONT_WOFF: entry(
    "error",
    () => "WOFF 形式のフォント（ウェブ用）は使えません。同じフォントの TTF か OTF のファイルを指定してください。",
    () => "WOFF fonts are not supported: give the TTF or OTF file",
  ),
  FONT_NOT_SFNT: entry(
    "error",
    () => "TrueType/OpenType のフォント（.ttf / .otf）ではありません。フォントファイルを指定し直してください。",
    () => "not a TrueType/OpenType font: give a .ttf or .otf file",
  ),
  FONT_MISSING_TABLES: entry(
    "error",
    () => "フォントに必要な部分（head、hhea、cmap）がありません。壊れているか、完全なフォントではありません。フォントを入れ直すか、別のフォントを指定してください。",
    () => "the font has no head, hhea or cmap table: it is damaged or not a complete font. Install it again or choose another font",
  ),
  FONT_NO_UNICODE_CMAP: entry(
    "error",
    () => "フォントに Unicode の文字の対応表（cmap 形式 4 か 12）がありません。日本語の文字を出せないので、別のフォントを指定してください。",
    () => "the font has no Unicode cmap (format 4 or 12): choose another font",
  ),
  FONT_DAMAGED: entry<{ detail: string }>(
    "error",
    (p) => `フォントファイルが壊れているか、途中で切れています（${p.detail}）。フォントを入れ直すか、別のフォントを指定してください。`,
    (p) => `the font file is damaged or cut short (${p.detail}): install the font again or choose another one`,
  ),
  FONT_MISSING_GLYPH: entry<{ font: string; chars: string[] }>(
    "error",
    (p) => `フォント ${p.font} に ${p.chars.join("、")} の字がありません。その字のあるフォントを選ぶか、文字を直してください。`,
    (p) => `${p.font} has no glyph for ${p.chars.join(", ")}`,
  ),

  // --- PDF numbers and text fitting (src/pdf/deterministic.ts, src/text/fit-text.ts)
  PDF_NOT_FINITE: entry<{ got: string }>(
    "error",
    (p) => `PDF に書けない数（${p.got}）になりました。ずらす量、倍率、大きさなど、指定した数を確かめてください。直らないときは nafuda の不具合として知らせてください。`,
    (p) => `a number that a PDF cannot hold (${p.got}) came up: check the numbers given (offsets, scale, sizes); if they are fine, this is a bug in nafuda`,
  ),
  FIT_BAD_SIZE_RANGE: entry<{ min: string; max: string }>(
    "error",
    (p) => `文字の大きさの範囲 ${p.min}〜${p.max} pt が正しくありません。どちらも 0 より大きい数で、min は max 以下にしてください。`,
    (p) => `fitText: size range ${p.min}–${p.max} pt is not valid`,
  ),
  FIT_BAD_CONDENSE: entry<{ got: string }>(
    "error",
    (p) => `縮める下限（minCondense）${p.got} が正しくありません。0 より大きく 1 以下の数にしてください。`,
    (p) => `fitText: minCondense ${p.got} must be in (0, 1]`,
  ),
  FIT_NOT_FINITE: entry<{ what: string; got: string }>(
    "error",
    (p) => `文字を枠に合わせる計算に、数でない値が渡されました（${p.what}：${p.got}）。枠の大きさと文字の大きさを確かめてください。`,
    (p) => `fitText: ${p.what} must be a finite number (got ${p.got})`,
  ),
} as const;
