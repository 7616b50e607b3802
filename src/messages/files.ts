import { entry, jaList, type Message } from "./entry.js";
import { enAside } from "./badges.js";

const UNCHANGED_JA = (name: string) => `何も書き込んでいません。前からある ${name} はそのままです。`;
const UNCHANGED_EN = (name: string) => `Nothing was written; a previous ${name} is unchanged.`;

/**
 * The config file and `nafuda init` (src/config/), and the files nafuda writes (src/io/atomic-write.ts).
 * Codes: CONFIG_…, OUTPUT_…; texts TEXT_INIT_….
 */
export const FILES_MESSAGES = {
  // --- output files (src/io/atomic-write.ts); the place names the file, never the hidden temporary one
  OUTPUT_IS_FOLDER: entry<{ name: string }>(
    "error",
    (p) => `フォルダーなので書き込めません。ファイルの場所を指定してください（例：out/review.csv）。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: it is a folder. Give the path of a file (e.g. out/review.csv). ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_PATH_NOT_FOLDER: entry<{ name: string }>(
    "error",
    (p) => `途中にフォルダーではなくファイルがあるため、書き込めません。場所を確かめてください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: part of the path is a file, not a folder. Check the path. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_NO_PERMISSION: entry<{ name: string; folder: string }>(
    "error",
    (p) => `${p.folder} に書き込む権限がないか、ファイルがほかのソフト（Excel など）で開かれています。閉じるか、別のフォルダーを選んでください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: no permission to write in ${p.folder}, or the file is open in another program (Excel?). Close it, or choose another folder. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_LOCKED: entry<{ name: string }>(
    "error",
    (p) => `ファイルがほかのソフト（Excel など）で開かれています。閉じてから、もう一度実行してください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: the file is open in another program (Excel?). Close it and run again. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_READ_ONLY: entry<{ name: string }>(
    "error",
    (p) => `書き込みのできないディスクです。別のフォルダーを選んでください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: the folder is on a read-only disk. Choose another folder. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_DISK_FULL: entry<{ name: string }>(
    "error",
    (p) => `ディスクがいっぱいです。空きを作ってから、もう一度実行してください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: the disk is full. Free some space and run again. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_NO_FOLDER: entry<{ name: string }>(
    "error",
    (p) => `その場所にフォルダーを作れません。場所を確かめてください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: the folder cannot be made there. Check the path. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_FAILED: entry<{ name: string; reason: string }>(
    "error",
    (p) => `書き込めませんでした（${p.reason}）。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: ${p.reason}. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_NOT_REGULAR: entry<{ name: string }>(
    "error",
    (p) => `ふつうのファイルではありません（装置、パイプ、ソケットなど）。置き換えずにやめました。保存するファイルの場所（例：out/badges.pdf）を指定してください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: it is not a regular file (a device, a pipe or a socket), so it is not replaced. Give the path of a file to save (e.g. out/badges.pdf). ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_IS_SYMLINK: entry<{ name: string }>(
    "error",
    (p) => `シンボリックリンク（ほかの場所を指す印）なので、置き換えずにやめました。保存するファイルそのものの場所を指定してください。${UNCHANGED_JA(p.name)}`,
    (p) => `cannot write it: it is a symbolic link, so it is not replaced. Give the path of the file itself. ${UNCHANGED_EN(p.name)}`,
  ),
  OUTPUT_FOLDER_NOT_FOLDER: entry(
    "error",
    () => "出力先のフォルダーとして指定した場所に、フォルダーではないもの（ファイルなど）があります。別の名前のフォルダーを指定してください。何も書き込んでいません。",
    () => "the output folder is not a folder (something else of that name exists): give the path of a folder. Nothing was written.",
  ),

  // --- the config file (src/config/config.ts)
  CONFIG_INVALID: entry<{ count: number; issues: Message[] }>(
    "error",
    (p) => `設定ファイルに直すところが ${p.count} か所あります。${p.issues.map((issue) => `\n  ・${issue}`).join("")}`,
    (p) => `${p.count} problems:${p.issues.map((issue) => `\n  ${issue}`).join("")}`,
  ),
  CONFIG_NOT_MAPPING: entry(
    "error",
    () => "設定ファイルには「キー: 値」の組を書いてください（nafuda init が作る見本のとおりに）。",
    () => "the file must hold a mapping of keys (see nafuda init)",
  ),
  CONFIG_UNKNOWN_KEY: entry<{ valid: string[]; section?: string; suggestion?: Message }>(
    "error",
    (p) => `知らないキーです。${p.suggestion ?? ""}${p.section ? `「${p.section}」の中で` : ""}使えるキー：${jaList(p.valid)}。`,
    (p) => `unknown key${enAside(p.suggestion)}; valid keys${p.section ? ` in ${p.section}` : ""}: ${p.valid.join(", ")}`,
  ),
  CONFIG_NOT_TEXT: entry("error", () => "空でない文字で書いてください。", () => "must be a non-empty text"),
  CONFIG_NOT_FLAG: entry("error", () => "true か false で書いてください。", () => "must be true or false"),
  CONFIG_NOT_ONE_OF: entry<{ choices: string[]; suggestion?: Message }>(
    "error",
    (p) => `${jaList(p.choices)}のどれかを書いてください。${p.suggestion ?? ""}`,
    (p) => `must be one of ${p.choices.join(", ")}${enAside(p.suggestion)}`,
  ),
  CONFIG_NOT_TEXT_LIST: entry("error", () => "文字の並び（例：[A4, A3]）で書いてください。", () => "must be a list of texts, e.g. [A4, A3]"),
  CONFIG_NOT_FONT_MAP: entry(
    "error",
    () => "フォントの名前からフォントファイルへの対応（例：BIZUDPGothic-Bold: fonts/MyCity-Bold.ttf）で書いてください。",
    () => "must map names to font files",
  ),
  CONFIG_NOT_SECTION: entry<{ keys: string[] }>(
    "error",
    (p) => `下にキー（${jaList(p.keys)}）を字下げして並べる段落にしてください。`,
    (p) => `must be a section with keys ${p.keys.join(", ")}`,
  ),
  CONFIG_SYNTAX: entry<{ detail: string }>(
    "error",
    (p) => `YAML（または JSON）として読めません（${p.detail}）。字下げ、コロン、括弧、引用符を確かめてください。`,
    (p) => `cannot be read as YAML or JSON (${p.detail})`,
  ),
  CONFIG_DUPLICATE_KEY: entry(
    "error",
    () => "同じキーが二度書かれています。一つにまとめてください。",
    () => "a key is given twice (keys must be unique): keep one",
  ),
  CONFIG_NOT_FOUND: entry(
    "error",
    () => "設定ファイルがありません。--config に指定した場所を確かめてください。",
    () => "the config file does not exist: check the path given to --config",
  ),
  CONFIG_TOO_LARGE: entry<{ size: string; limit: string }>(
    "error",
    (p) => `設定ファイルが大きすぎます（${p.size}、上限 ${p.limit}）。nafuda.config.yaml か確かめてください。`,
    (p) => `the config file is too large (${p.size}; the limit is ${p.limit}): check that this is nafuda.config.yaml`,
  ),

  // --- nafuda init (src/config/init.ts): what it tells the person; the files' own comments are content
  TEXT_INIT_WROTE: entry<{ file: string }>("text", (p) => `${p.file} を書きました`, (p) => `wrote ${p.file}`),
  TEXT_INIT_KEPT: entry<{ file: string }>(
    "text",
    (p) => `${p.file} はすでにあるので、そのままにしました（上書きするには --force）`,
    (p) => `kept ${p.file} (exists; --force to overwrite)`,
  ),
  TEXT_INIT_NEXT: entry<{ folder: string }>(
    "text",
    (p) => `次に policy.yaml と facilities.csv を直し、${p.folder} で nafuda readings <名簿> を実行してください。`,
    (p) => `Next: edit policy.yaml and facilities.csv, then run nafuda readings <roster> in ${p.folder}`,
  ),
} as const;
