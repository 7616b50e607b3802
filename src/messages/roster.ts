import { entry, enList, jaList, type Message } from "./entry.js";

const SAVE_AS_XLSX_JA = "Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください";
const SAVE_AS_XLSX_EN = 'open it in Excel and save it as "Excel ブック (*.xlsx)"';
const SAVE_AS_CSV_JA = "Excel で開き、「CSV UTF-8 (コンマ区切り)」で保存し直してください";
const SAVE_AS_CSV_EN = 'open it in Excel and save it again as "CSV UTF-8 (コンマ区切り)"';

const ROLE_JA: Record<string, string> = {
  id: "職員番号", name: "氏名", surname: "姓", given: "名", nameReading: "フリガナ（氏名の読み）", surnameReading: "姓フリガナ（姓の読み）",
  romaji: "ローマ字", department: "所属", facility: "施設", title: "役職", workName: "通称（職務上の氏名）", workNameReading: "通称フリガナ",
  formerSurname: "旧姓", formerSurnameReading: "旧姓フリガナ", useFormerSurname: "旧姓使用",
};
const ROLE_EN: Record<string, string> = {
  id: "the staff number (職員番号)", name: "the full name (氏名)", surname: "the surname (姓)", given: "the given name (名)",
  nameReading: "the reading of the name (フリガナ)", surnameReading: "the reading of the surname (姓フリガナ)", romaji: "the romaji (ローマ字)",
  department: "the department (所属)", facility: "the facility (施設)", title: "the title (役職)", workName: "the name used at work (通称)",
  workNameReading: "its reading (通称フリガナ)", formerSurname: "the former surname (旧姓)", formerSurnameReading: "its reading (旧姓フリガナ)",
  useFormerSurname: "whether the former surname is used at work (旧姓使用)",
};

/** Reading files and tables (rosters, facility lists, confirmed readings): src/roster/. */
export const ROSTER_MESSAGES = {
  TEXT_ROLE: entry<{ role: string }>("text", (p) => ROLE_JA[p.role] ?? p.role, (p) => ROLE_EN[p.role] ?? p.role),

  // --- the file itself
  FILE_NOT_FOUND: entry(
    "error",
    () => "ファイルがありません。場所とファイル名（拡張子 .csv や .xlsx も）を確かめてください。",
    () => "the file does not exist. Check the path and the file name (and its extension: .csv or .xlsx).",
  ),
  FILE_IS_FOLDER: entry(
    "error",
    () => "これはフォルダーです。ファイルそのものを指定してください。",
    () => "this is a folder, not a file. Give the path of the file itself.",
  ),
  FILE_NOT_REGULAR: entry(
    "error",
    () => "ふつうのファイルではありません（装置やパイプなど）。保存したファイルを指定してください。",
    () => "this is not a regular file (a device or a pipe). Give the path of a saved file.",
  ),
  FILE_NO_PERMISSION: entry(
    "error",
    () => "ファイルを読む権限がありません。読める場所にコピーするか、権限をもらってください。",
    () => "the file cannot be read (no permission). Copy it somewhere you can read, or ask for access.",
  ),
  FILE_LOCKED: entry(
    "error",
    () => "ファイルが使用中です（Excel で開いたままかもしれません）。Excel で閉じてから、もう一度実行してください。",
    () => "the file is locked, probably open in Excel. Close it in Excel and try again.",
  ),
  FILE_UNREADABLE: entry<{ reason: string }>(
    "error",
    (p) => `ファイルを読めません（${p.reason}）。`,
    (p) => `the file cannot be read (${p.reason}).`,
  ),
  FILE_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `ファイルが大きすぎます（${p.size}、上限 ${p.limit}）。名簿なら 20 万人分でもこの上限に収まります。別のファイルを選んでいないか確かめるか、所属ごとに分けてください。`,
    (p) => `the file is too large (${p.size}; the limit is ${p.limit}, room for a roster of 200,000 staff). Check that this is the right file, or split it by section.`,
  ),

  // --- text encodings
  TEXT_NOT_JAPANESE_ENCODING: entry(
    "error",
    () => `日本語の文字コード（UTF-8、Shift_JIS、EUC-JP、UTF-16）の文字として読めません。${SAVE_AS_CSV_JA}。`,
    () => `the file is not text in a Japanese encoding (UTF-8, Shift_JIS/CP932, EUC-JP or UTF-16): ${SAVE_AS_CSV_EN}, then try again.`,
  ),
  TEXT_BAD_BOM: entry<{ encoding: string }>(
    "error",
    (p) => `ファイルの先頭は ${p.encoding} の印（BOM）ですが、中身が ${p.encoding} として正しくありません（壊れているか、途中で切れています）。${SAVE_AS_CSV_JA}。`,
    (p) => `the file starts with a ${p.encoding} byte-order mark but is not valid ${p.encoding} text (damaged or cut short?): ${SAVE_AS_CSV_EN}.`,
  ),
  WARN_ROW_OTHER_ENCODING: entry<{ encoding: string; fileEncoding: string }>(
    "warning",
    (p) => `この行だけ文字コードが ${p.encoding} でした（ほかの行は ${p.fileEncoding}）。${p.encoding} として読みましたが、かなと名前が正しいか確かめ、名簿を一つの文字コードで保存し直してください。`,
    (p) => `this row alone is in ${p.encoding} (the other rows are ${p.fileEncoding}). It was read as ${p.encoding}: check its name and reading, and save the roster again in one encoding.`,
  ),
  ROW_UNDECODABLE: entry<{ fileEncoding: string }>(
    "error",
    (p) => `この行は ${p.fileEncoding} としても Shift_JIS としても読めない文字を含むため、除きました（ほかの行は読みました）。名簿のこの行を打ち直してください。`,
    (p) => `this row holds bytes that are neither ${p.fileEncoding} nor Shift_JIS, so it was left out (the other rows were read). Retype this row in the roster.`,
  ),
  MOJIBAKE_REPLACEMENT: entry<{ text: string }>(
    "text",
    (p) => `「${p.text}」に U+FFFD（読めなかった文字の代わりに入る記号）があります`,
    (p) => `"${p.text}" holds � (U+FFFD), the mark a program leaves where it could not read a character`,
  ),
  MOJIBAKE_PROBABLY: entry<{ text: string; original: string }>(
    "text",
    (p) => `「${p.text}」はおそらく「${p.original}」でした`,
    (p) => `"${p.text}" was probably "${p.original}"`,
  ),

  // --- formats
  TABLE_OLD_XLS: entry(
    "error",
    () => `古い形式の Excel ファイル（.xls）か、パスワード付きのファイルは読めません。Excel で開き、パスワードがあれば外して、「名前を付けて保存」で「Excel ブック (*.xlsx)」か「CSV UTF-8 (コンマ区切り)」を選んで保存し直してください。`,
    () => `this is an old-style Excel workbook (.xls) or a password-protected workbook, which cannot be read. Open it in Excel, remove any password, and save it as "Excel ブック (*.xlsx)" or "CSV UTF-8 (コンマ区切り)".`,
  ),
  TABLE_RENAMED_NOT_XLSX: entry<{ extension: string; looksLikeText: boolean }>(
    "error",
    (p) => `ファイル名は ${p.extension} ですが、中身は Excel ブックではありません${p.looksLikeText ? "（CSV などの文字のファイルの名前を変えたもののようです）" : ""}。本当の拡張子（.csv）に戻すか、${SAVE_AS_XLSX_JA}。`,
    (p) => `the name ends in ${p.extension} but the file is not an Excel workbook${p.looksLikeText ? " (it looks like a CSV or text file that was renamed)" : ""}. Give it its real extension (.csv), or ${SAVE_AS_XLSX_EN}.`,
  ),
  TABLE_NOT_XLSX: entry(
    "error",
    () => `Excel ブック（.xlsx）ではありません。${SAVE_AS_XLSX_JA}。CSV でもかまいません。`,
    () => `the file is not an Excel workbook (.xlsx): ${SAVE_AS_XLSX_EN}, or give a CSV file.`,
  ),
  TABLE_XLSX_DAMAGED: entry<{ detail: string }>(
    "error",
    (p) => `Excel ブックを読めません（${p.detail}）。壊れているか、本当の .xlsx ではないようです。${SAVE_AS_XLSX_JA}。「CSV UTF-8 (コンマ区切り)」で保存したものでもかまいません。`,
    (p) => `the Excel workbook cannot be read (${p.detail}). It may be damaged or not really an .xlsx: ${SAVE_AS_XLSX_EN}, or save the sheet as "CSV UTF-8 (コンマ区切り)".`,
  ),
  TABLE_XLSX_TOO_MANY_ENTRIES: entry<{ count: number; limit: number }>(
    "error",
    (p) => `Excel ブックの中の部品が多すぎます（${p.count} 個、上限 ${p.limit} 個）。ふつうの名簿ではありません。${SAVE_AS_CSV_JA}。`,
    (p) => `the workbook holds too many parts (${p.count}; the limit is ${p.limit}): not an ordinary roster. ${SAVE_AS_CSV_EN}.`,
  ),
  TABLE_XLSX_TOO_LARGE_INFLATED: entry<{ part: string; limit: string }>(
    "error",
    (p) => `Excel ブックの中身（${p.part}）が、展開すると ${p.limit} を超えます。名簿としては大きすぎるため読みません。別のファイルでないか確かめ、必要なら所属ごとに分けてください。`,
    (p) => `part ${p.part} of the workbook inflates beyond ${p.limit}, too large for a roster, so it is not read. Check that this is the right file, or split it by section.`,
  ),
  TABLE_XLSX_BAD_CELL: entry<{ ref: string }>(
    "error",
    (p) => `Excel ブックのセル番地「${p.ref}」が正しくありません（Excel のシートは XFD 列・1048576 行まで）。壊れたファイルです。${SAVE_AS_XLSX_JA}。`,
    (p) => `the workbook names a cell "${p.ref}" that no sheet can have (Excel ends at column XFD, row 1048576): the file is damaged. ${SAVE_AS_XLSX_EN}.`,
  ),
  TABLE_XLSX_NO_SHEETS: entry(
    "error",
    () => "Excel ブックにシートがありません。",
    () => "the workbook has no sheets.",
  ),
  TABLE_XLSX_NO_SHEET_NUMBER: entry<{ number: number; count: number; sheets: string[] }>(
    "error",
    (p) => `${p.number} 番目のシートはありません。このブックのシートは ${p.count} 枚で、1 から数えます：${jaList(p.sheets)}。`,
    (p) => `there is no sheet number ${p.number}: the workbook has ${p.count} sheet(s), numbered from 1: ${enList(p.sheets)}.`,
  ),
  TABLE_XLSX_NO_SHEET_NAMED: entry<{ name: string; sheets: string[] }>(
    "error",
    (p) => `「${p.name}」という名前のシートはありません。このブックのシート：${jaList(p.sheets)}。`,
    (p) => `there is no sheet named "${p.name}". The workbook's sheets are: ${enList(p.sheets)}.`,
  ),
  TABLE_CSV_QUOTE_NOT_CLOSED: entry<{ line: number }>(
    "error",
    (p) => `${p.line} 行目のセルが「"」で始まっていますが、閉じる「"」がないまま最後まで続いています。そのセルの「"」を閉じるか、消してください。`,
    (p) => `a double quote (") on line ${p.line} opens a cell that is never closed (reading reached the end of the file). Close the quote in that cell or remove it.`,
  ),
  TABLE_JSON_INVALID: entry<{ detail: string }>(
    "error",
    (p) => `JSON として正しくありません（${p.detail}）。JSON の表は、1 行を 1 つのオブジェクトにした配列です：[{"氏名": "…"}, …]。`,
    (p) => `the file is not valid JSON (${p.detail}). A JSON table is an array of objects: [{"氏名": "…"}, …].`,
  ),
  TABLE_JSON_NOT_ARRAY: entry(
    "error",
    () => `JSON の表は、1 行を 1 つのオブジェクトにした配列にしてください：[{"氏名": "…", "所属": "…"}, …]。`,
    () => `a JSON table must be an array of objects, one per row: [{"氏名": "…", "所属": "…"}, …].`,
  ),
  ROW_JSON_NOT_OBJECT: entry(
    "error",
    () => `この項目はオブジェクト（{"氏名": "…"}）ではないため、除きました。ほかの項目は読みました。`,
    () => `this item of the array is not an object ({"氏名": "…"}): it was left out; the other items were read.`,
  ),

  // --- limits
  TABLE_TOO_MANY_ROWS: entry<{ limit: number }>(
    "error",
    (p) => `行が多すぎます（上限 ${p.limit.toLocaleString("en-US")} 行）。所属ごとなどに分けてください。`,
    (p) => `the table has too many rows (the limit is ${p.limit.toLocaleString("en-US")}). Split it, e.g. by section.`,
  ),
  TABLE_TOO_MANY_COLUMNS: entry<{ count?: number; limit: number }>(
    "error",
    (p) => `列が多すぎます（${p.count !== undefined ? `${p.count.toLocaleString("en-US")} 列、` : ""}上限 ${p.limit.toLocaleString("en-US")} 列）。名簿に要らない列を消すか、別のファイルでないか確かめてください。`,
    (p) => `the table has too many columns (${p.count !== undefined ? `${p.count.toLocaleString("en-US")}; ` : ""}the limit is ${p.limit.toLocaleString("en-US")}). Remove the columns that are not needed, or check that this is the right file.`,
  ),
  TABLE_TOO_MANY_CELLS: entry<{ limit: number }>(
    "error",
    (p) => `セルが多すぎます（行 × 列で上限 ${p.limit.toLocaleString("en-US")}）。要らない列を消すか、所属ごとに分けてください。`,
    (p) => `the table has too many cells (rows × columns; the limit is ${p.limit.toLocaleString("en-US")}). Remove the columns that are not needed, or split it by section.`,
  ),
  ROW_CELL_TOO_LONG: entry<{ length: number; limit: number }>(
    "error",
    (p) => `セルの文字が多すぎます（${p.length.toLocaleString("en-US")} 文字、上限は Excel と同じ ${p.limit.toLocaleString("en-US")} 文字）。この行は除きました。ほかの行は読みました。`,
    (p) => `a cell holds too many characters (${p.length.toLocaleString("en-US")}; the limit is Excel's own, ${p.limit.toLocaleString("en-US")}). This row was left out; the other rows were read.`,
  ),
  ROW_TOO_WIDE: entry<{ limit: number }>(
    "error",
    (p) => `この行は ${p.limit.toLocaleString("en-US")} 列を超えて値があるため、除きました。ほかの行は読みました。`,
    (p) => `this row has values beyond column ${p.limit.toLocaleString("en-US")}, so it was left out; the other rows were read.`,
  ),
  ROW_EXTRA_FIELDS: entry<{ fields: number; headerFields: number; column: number; value: string; format: string; line?: number }>(
    "error",
    (p) => `この行${p.line !== undefined ? `（ファイルの ${p.line} 行目）` : ""}は値が ${p.fields} 個ありますが、見出しは ${p.headerFields} 個です。${p.column} 列目（「${p.value}」）に見出しがありません。` +
      (p.format === "csv" ? "氏名などのセルに「,」が引用符なしで入っていないか確かめてください。" : "隣の列にはみ出したセルがないか確かめてください。") +
      "この行は除きました。ほかの行は読みました。",
    (p) => `this row${p.line !== undefined ? ` (line ${p.line} of the file)` : ""} has ${p.fields} fields but the header has ${p.headerFields}: column ${p.column} ("${p.value}") has no header` +
      (p.format === "csv" ? ": check for an unquoted comma in the name or another cell." : ": check for a cell that spills into the next column.") +
      " This row was left out; the other rows were read.",
  ),
  TABLE_EMPTY: entry(
    "error",
    () => "ファイルが空です（見出しの行もデータもありません）。",
    () => "the file has no header row and no data: it is empty.",
  ),

  // --- rosters
  ROSTER_EMPTY: entry(
    "error",
    () => "ファイルが空です（見出しの行も職員もありません）。名簿そのもの（空の書き出しではないもの）か確かめるか、Excel からもう一度書き出してください。",
    () => "the file is empty: it has no header row and no staff. Check that this is the roster itself (not an empty export), or export the roster from Excel again.",
  ),
  ROSTER_GARBLED_HEADER: entry<{ description: Message }>(
    "error",
    (p) => `文字化けしています：見出しの${p.description}。別の文字コードで読んだプログラムが保存し直したため、日本語がすべて壊れています。元のファイルを使うか（nafuda は Shift_JIS も UTF-8 も読めます）、名簿を「CSV UTF-8 (コンマ区切り)」で書き出し直してください。`,
    (p) => `the text is garbled (文字化け): the header ${p.description}. The file was opened by a program that read it in the wrong encoding and saved again, which damaged every Japanese character. Use the original file (nafuda reads Shift_JIS and UTF-8 alike), or export the roster again as "CSV UTF-8 (コンマ区切り)".`,
  ),
  ROSTER_NO_NAME_COLUMN: entry<{ headers: string[]; nameAliases: string; surnameAliases: string }>(
    "error",
    (p) => `氏名の列が見つかりません。見出しの行：${p.headers.length > 0 ? jaList(p.headers) : "なし"}。見出しを「氏名」にしてください（ほかに ${p.nameAliases} も使えます）。姓と名が別の列なら「姓」（${p.surnameAliases}）と「名」にしてください。`,
    (p) => `no column holds the staff names. The header row has: ${p.headers.length > 0 ? enList(p.headers) : "none"}. Name the column with the full name 氏名 (also accepted: ${p.nameAliases}), or give the surname in a column named 姓 (also: ${p.surnameAliases}) and the given name in 名.`,
  ),
  ROW_NAME_EMPTY: entry(
    "error",
    () => "氏名が空です。氏名を入れるか、この行を削除してください。",
    () => "the name is empty: fill it in or delete the row.",
  ),
  ROW_GARBLED: entry<{ description: Message }>(
    "error",
    (p) => `文字化けしています：${p.description}。別の文字コードで読んだプログラムが保存した名簿です。このセルを直すか、元のファイルを使ってください。この行は除きました。ほかの行は読みました。`,
    (p) => `the text is garbled (文字化け): ${p.description}. The roster was saved by a program that read it in the wrong encoding. Correct this cell in the roster, or use the original file. This row was left out; the other rows were read.`,
  ),
  NOTE_GAIJI: entry<{ name: string }>(
    "note",
    (p) => `氏名「${p.name}」に外字（その文字を作ったパソコンでしか出ない文字）があります。名簿で標準の漢字（または 髙・﨑 のような近い異体字）に置き換えてください。`,
    (p) => `the name "${p.name}" holds a user-defined character (外字) that only the computer it was typed on can show. Replace it with the standard kanji (or its nearest variant such as 髙 or 﨑) in the roster.`,
  ),
  NOTE_DUPLICATE_ID: entry<{ id: string; rows: string }>(
    "note",
    (p) => `職員番号 ${p.id} が ${p.rows} 行目にあります。別の人か確かめてください。`,
    (p) => `the staff number ${p.id} appears on rows ${p.rows}: check that these are different people.`,
  ),
  NOTE_TWO_COLUMNS_FOR_ROLE: entry<{ first: string; firstColumn: number; second: string; secondColumn: number; role: Message }>(
    "note",
    (p) => `「${p.first}」（${p.firstColumn} 列目）と「${p.second}」（${p.secondColumn} 列目）はどちらも${p.role}の列に見えます。「${p.first}」を使い、「${p.second}」はほかの列として残します。違っていたら、どちらかの見出しを変えてください。`,
    (p) => `columns "${p.first}" (column ${p.firstColumn}) and "${p.second}" (column ${p.secondColumn}) both look like ${p.role}: "${p.first}" is used and "${p.second}" is only kept as an extra column. Rename one of them if that is wrong.`,
  ),
} as const;
