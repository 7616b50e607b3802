import { msg, type Message } from "../messages/message.js";

/**
 * Which roster column plays which role, from its header. The aliases are data: add a header that a
 * real roster uses here and every command understands it. Matching ignores case, full-width/half-width
 * (NFKC), spaces, "_" "-" "・" and a trailing note in brackets such as 氏名（漢字）.
 */

export type ColumnRole =
  | "id"
  | "name"
  | "surname"
  | "given"
  | "nameReading"
  | "surnameReading"
  | "romaji"
  | "department"
  | "facility"
  | "title"
  | "workName"
  | "workNameReading"
  | "formerSurname"
  | "formerSurnameReading"
  | "useFormerSurname";

/** The headers each role accepts, as people write them. Order within a role does not matter. */
export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  id: ["職員番号", "社員番号", "職員コード", "職員ID", "社員ID", "番号", "ID", "staff id", "employee id", "staff no"],
  name: ["氏名", "名前", "職員氏名", "漢字氏名", "氏名漢字", "name", "full name", "staff name"],
  surname: ["姓", "苗字", "名字", "氏", "surname", "family name", "last name"],
  given: ["名", "given", "given name", "first name"],
  nameReading: ["フリガナ", "ふりがな", "カナ", "かな", "よみ", "読み", "よみがな", "読み仮名", "氏名フリガナ", "氏名カナ", "氏名よみ", "カナ氏名", "reading", "name reading", "furigana", "kana"],
  surnameReading: ["姓フリガナ", "姓ふりがな", "セイ", "せい", "姓カナ", "姓かな", "姓よみ", "姓読み", "surname reading", "family name reading", "last name reading"],
  romaji: ["ローマ字", "ローマ字表記", "姓ローマ字", "romaji", "surname romaji"],
  department: ["所属", "部署", "課", "所属課", "所属名", "部署名", "課名", "所属部署", "department", "dept", "section"],
  facility: ["施設", "施設名", "勤務地", "勤務先", "勤務場所", "facility", "site", "location"],
  title: ["役職", "職名", "役職名", "職", "title", "job title", "position"],
  // The name used at work (旧姓使用・通称使用): printed instead of the legal name.
  workName: ["通称", "通称名", "職務上の氏名", "職務上氏名", "通称氏名", "使用氏名", "work name", "name used at work"],
  workNameReading: ["通称フリガナ", "通称ふりがな", "通称カナ", "通称よみ", "職務上の氏名フリガナ", "職務上の氏名カナ", "職務上氏名フリガナ", "work name reading"],
  formerSurname: ["旧姓", "旧氏", "former surname", "maiden name"],
  formerSurnameReading: ["旧姓フリガナ", "旧姓ふりがな", "旧姓カナ", "旧姓よみ", "旧氏フリガナ", "旧氏カナ", "former surname reading"],
  useFormerSurname: ["旧姓使用", "旧姓使用の有無", "旧氏使用", "旧姓を使用", "use former surname"],
};

export const COLUMN_ROLES = Object.keys(COLUMN_ALIASES) as ColumnRole[];

const SEPARATORS = /[\s_\-・.:：※*]/gu;
const TRAILING_NOTE = /[([{<【「]([^)\]}>】」]*)[)\]}>】」]$/u;

/** A header reduced to what matching compares: NFKC, lower case, no spaces or separators ("_" "-" "・" "."). */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").toLowerCase().replace(SEPARATORS, "");
}

const lookup: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    for (const alias of COLUMN_ALIASES[role]) {
      const key = normalizeHeader(alias);
      const existing = map.get(key);
      if (existing && existing !== role) throw new Error(`column alias "${alias}" is given to both ${existing} and ${role}`);
      map.set(key, role);
    }
  }
  return map;
})();

/**
 * The role a header plays, or null when it is not one nafuda knows (the column is still kept).
 * A trailing note in brackets is read as part of the name when that makes a known header
 * (氏名（フリガナ） → 氏名フリガナ, 姓(カナ) → 姓カナ) and dropped otherwise (氏名（漢字） → 氏名).
 */
export function roleOfHeader(header: string): ColumnRole | null {
  const key = normalizeHeader(header);
  if (key === "") return null;
  const exact = lookup.get(key);
  if (exact) return exact;
  const note = TRAILING_NOTE.exec(key);
  if (!note) return null;
  const base = key.slice(0, note.index);
  return lookup.get(base + note[1]) ?? (base === "" ? null : (lookup.get(base) ?? null));
}

export interface ColumnMap {
  /** The index (0-based, into headers) of the column playing each role that was found. */
  roles: Partial<Record<ColumnRole, number>>;
  /** Indexes of the columns no role claimed, kept for templates and fields. */
  unknown: number[];
  /** Indexes of columns that match a role already taken by an earlier column (first wins). */
  ignored: { index: number; role: ColumnRole }[];
  /** Notes worth telling, e.g. which of two name columns is used. */
  notes: Message[];
}

/** Maps headers to roles. Two headers for one role: the first (leftmost) wins and a note says so. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = { roles: {}, unknown: [], ignored: [], notes: [] };
  headers.forEach((header, index) => {
    const role = roleOfHeader(header);
    if (role === null) {
      map.unknown.push(index);
      return;
    }
    const taken = map.roles[role];
    if (taken !== undefined) {
      map.ignored.push({ index, role });
      map.notes.push(msg("NOTE_TWO_COLUMNS_FOR_ROLE", {
        first: headers[taken]!, firstColumn: taken + 1, second: header, secondColumn: index + 1, role: msg("TEXT_ROLE", { role }),
      }));
      return;
    }
    map.roles[role] = index;
  });
  return map;
}
