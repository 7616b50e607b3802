import { entry, enList, jaList, type Message } from "./entry.js";

/**
 * Print output (issue 13): the print-shop mode (PDF/X-1a:2003), bleed and crop marks, the document date, artwork that
 * a print shop cannot take, fonts PDF/X cannot carry, one size per file, and the calibration sheet
 * (src/pdf/pdfx.ts, print-objects.ts, colour.ts; src/posters/draw.ts; src/badges/calibrate.ts).
 */
export const PRINT_MESSAGES = {
  // --- errors
  PRINT_MARKS_NEED_BLEED: entry<{ printShop: boolean }>(
    "error",
    (p) =>
      `${p.printShop ? "印刷会社向け（--print-shop）" : "トンボ（--crop-marks）"}には塗り足しが必要です。塗り足しなしでは、仕上がり線まである色の帯が断裁でずれたとき白い筋が出ます。` +
      `塗り足しを 0 mm にせず、3 mm（既定）のように 1 mm 以上にしてください。${p.printShop ? "" : "トンボが要らないときは「--crop-marks」を外してください。"}`,
    (p) =>
      `${p.printShop ? "print-shop output (--print-shop)" : "crop marks (--crop-marks)"} need bleed: without it, the colour that reaches the trim leaves a white edge when the cut is a little off. ` +
      `Give a bleed of 1 mm or more (3 mm is the default) rather than 0.${p.printShop ? "" : " Leave out --crop-marks if you want no marks."}`,
  ),
  PRINT_BAD_DATE: entry<{ value: string; from: "--date" | "SOURCE_DATE_EPOCH" }>(
    "error",
    (p) =>
      p.from === "--date"
        ? `文書の日付「${p.value}」が読めません。「2025-04-01」か「2025-04-01T09:00:00+09:00」の形で書いてください。`
        : `環境変数 SOURCE_DATE_EPOCH の値「${p.value}」が読めません。1970 年からの秒数（例：1735689600）にするか、「--date 2025-04-01」を指定してください。`,
    (p) =>
      p.from === "--date"
        ? `the document date "${p.value}" cannot be read: write it as 2025-04-01 or 2025-04-01T09:00:00+09:00.`
        : `SOURCE_DATE_EPOCH "${p.value}" cannot be read: set it to seconds since 1970 (e.g. 1735689600), or give --date 2025-04-01.`,
  ),
  FONT_CFF_NOT_PDFX: entry<{ font: string }>(
    "error",
    (p) =>
      `フォント「${p.font}」は PostScript（CFF）アウトラインの OpenType（.otf）です。印刷会社向けの PDF/X-1a（PDF 1.4）には、この形のまま入れられません。` +
      `TrueType アウトラインのフォント（.ttf。同梱の BIZ UD ゴシックなど）を指定するか、「--print-shop」を外してください。`,
    (p) =>
      `the font "${p.font}" is an OpenType font with PostScript (CFF) outlines (.otf): PDF/X-1a (a PDF 1.4 file) cannot carry it as it is. ` +
      `Use a font with TrueType outlines (.ttf, such as the bundled BIZ UD Gothic), or leave out --print-shop.`,
  ),
  BACKGROUND_NOT_PRINT_READY: entry<{ role: Message; found: string[] }>(
    "error",
    (p) =>
      `${p.role}は印刷会社向け（PDF/X-1a）に使えません。${jaList(p.found)}が含まれています（RGB の色や透明は、印刷会社で色が変わったり抜けたりします）。` +
      `デザインソフトで「PDF/X-1a」（CMYK、透明の分割・統合あり）として書き出し直してから指定してください。`,
    (p) =>
      `the ${p.role} cannot be used for print-shop output (PDF/X-1a): it holds ${enList(p.found)} (RGB colour and transparency change or drop out at the print shop). ` +
      `Export it again from the design program as PDF/X-1a (CMYK, transparency flattened) and give that file.`,
  ),
  FACILITY_BAD_CODE: entry<{ code: string }>(
    "error",
    (p) => `施設コード「${p.code}」はファイル名に使えません。半角の英数字・「-」・「_」で 1〜32 文字にしてください（例：F003、honcho-1）。`,
    (p) => `the facility code "${p.code}" cannot be a file name: use 1 to 32 ASCII letters, digits, - and _ (e.g. F003, honcho-1).`,
  ),
  FACILITY_DUPLICATE_CODE: entry<{ code: string; row: number }>(
    "error",
    (p) => `施設コード「${p.code}」は ${p.row} 行目と同じです。施設ごとに違うコードにしてください。`,
    (p) => `the facility code "${p.code}" is the same as row ${p.row}'s: give each facility its own code.`,
  ),
  CALIBRATE_NO_CELLS: entry<{ sheet: string }>(
    "error",
    (p) => `用紙「${p.sheet}」には名札の枠がありません。面付けの用紙（a4-10up、a4-8up-card など）を指定してください。`,
    (p) => `the sheet "${p.sheet}" has no badge cells: give a multi-up sheet (a4-10up, a4-8up-card, …).`,
  ),

  // --- the CLI's words
  OPT_PRINT_SHOP: entry(
    "text",
    () => "印刷会社向け：PDF/X-1a:2003（Japan Color 2001 Coated、黒文字はスミ 1 色でノセ）。塗り足し 3 mm とトンボが既定で付きます",
    () => "for a print shop: PDF/X-1a:2003 (Japan Color 2001 Coated, black text in K only, overprinting); 3 mm bleed and crop marks by default",
  ),
  OPT_DATE: entry(
    "text",
    () => "印刷会社向け PDF の作成日（例：2025-04-01）。指定がなければ SOURCE_DATE_EPOCH、それもなければ 2020-01-01（時計は使いません）",
    () => "the date print-shop PDFs carry (e.g. 2025-04-01); default SOURCE_DATE_EPOCH, else 2020-01-01 (never the clock)",
  ),
  OPT_ONE_SIZE_PER_FILE: entry(
    "text",
    () => "大きさごとに別の PDF にし、半角のファイル名にします（施設コード列、なければ行番号：F003_A3.pdf）。施設名は発注一覧に残ります",
    () => "one PDF per size with ASCII file names (the 施設コード column, else the row: F003_A3.pdf); the facility's name stays in the manifest",
  ),
  OPT_POSTER_LAYOUT: entry(
    "text",
    () => "A4・A3 の作り：office（事務所のプリンター向け。帯も文字も用紙の端から 5 mm 内側、既定）か full-bleed（端まで。塗り足し・印刷会社向けでは常にこちら）",
    () => "A4 and A3 layout: office (for an office printer: bands and text 5 mm inside the paper's edge; default) or full-bleed (to the edge; always with bleed or --print-shop)",
  ),
  CMD_CALIBRATE: entry(
    "text",
    () => "印刷位置の調整シートを作ります（1 回試し刷りして、--offset-x/-y と --scale の値を決めます）",
    () => "A calibration sheet: print it once, measure, and it tells which --offset-x/-y and --scale to set",
  ),
  OPT_CALIBRATE_OUTPUT: entry("text", () => "書き出す PDF（既定 calibrate.pdf）", () => "the PDF to write (default calibrate.pdf)"),
  CALIBRATE_WRITTEN: entry<{ output: string; sheet: string }>(
    "text",
    (p) => `調整シート（${p.sheet}）を ${p.output} に書き出しました。「実際のサイズ」（100%）で印刷し、シートの手順どおりに測ってください。`,
    (p) => `Wrote the calibration sheet (${p.sheet}) to ${p.output}. Print it at actual size (100 %) and measure as the sheet says.`,
  ),

  // --- the calibration sheet's own words (src/badges/calibrate.ts)
  TEXT_CALIBRATE_TITLE: entry<{ sheet: string }>("text", (p) => `印刷位置の調整シート（${p.sheet}）`, (p) => `Calibration sheet (${p.sheet})`),
  TEXT_CALIBRATE_STEP_PRINT: entry(
    "text",
    () => "1. このシートを、名札と同じ用紙・同じプリンターで「実際のサイズ」（100%、「用紙に合わせる」はオフ）で印刷します。",
    () => "1. Print this sheet on the badge paper, on the same printer, at actual size (100 %; \"fit to page\" off).",
  ),
  TEXT_CALIBRATE_STEP_SCALE: entry<{ length: number; option: string }>(
    "text",
    (p) => `2. 目盛り A〜B（${p.length} mm のはず）を定規で測ります。--scale = ${p.length} ÷ 測った長さ（例：${p.option}）。`,
    (p) => `2. Measure the ruler from A to B with a ruler (it should be ${p.length} mm). --scale = ${p.length} ÷ what you measured (e.g. ${p.option}).`,
  ),
  TEXT_CALIBRATE_STEP_OFFSET: entry<{ x: number; y: number }>(
    "text",
    (p) => `3. 左上のしるし ◎ の中心から、用紙の左端（${p.x} mm のはず）と上端（${p.y} mm のはず）までを測ります。`,
    (p) => `3. Measure from the centre of the top-left target ◎ to the paper's left edge (should be ${p.x} mm) and top edge (should be ${p.y} mm).`,
  ),
  TEXT_CALIBRATE_STEP_SET: entry<{ x: number; y: number }>(
    "text",
    (p) => `   --offset-x = ${p.x} − 左端まで、--offset-y = ${p.y} − 上端まで（右・下にずれていれば負の数）。`,
    (p) => `   --offset-x = ${p.x} − to the left edge, --offset-y = ${p.y} − to the top edge (negative when the print sits right of or below where it should).`,
  ),
  TEXT_CALIBRATE_STEP_CHECK: entry(
    "text",
    () => "4. 決めた値をつけてこのシートをもう一度作り（nafuda calibrate --offset-x … --scale …）、しるしが枠の角に合うか確かめます。",
    () => "4. Make this sheet again with those values (nafuda calibrate --offset-x … --scale …) and check that the targets sit on the cells' corners.",
  ),
  TEXT_CALIBRATE_EXPECTED: entry<{ x: number; y: number }>(
    "text",
    (p) => `左端から ${p.x} mm・上端から ${p.y} mm`,
    (p) => `${p.x} mm from the left, ${p.y} mm from the top`,
  ),
  TEXT_CALIBRATE_NOW: entry<{ x: number; y: number; scale: number }>(
    "text",
    (p) => `この印刷の設定：--offset-x ${p.x} --offset-y ${p.y} --scale ${p.scale}`,
    (p) => `Printed with: --offset-x ${p.x} --offset-y ${p.y} --scale ${p.scale}`,
  ),
} as const;
