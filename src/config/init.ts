import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledPath } from "../package-root.js";
import { ensureOutputFolder, writeFileAtomic } from "../io/atomic-write.js";
import { msg, type CodedMessage } from "../messages/message.js";
import { starterFacilitiesCsv, starterPolicyYaml } from "../posters/starter.js";

/** The starter config `nafuda init` writes: every key, commented, with the city's name filled in. */
export function starterConfig(municipality: string): string {
  return `# nafuda の設定ファイル（${municipality}）
# Settings for nafuda. Every value is a default: an option on the command line wins.
# Paths are relative to this file. Check it with: nafuda readings --help (wrong keys are reported with a suggestion).

municipality: ${JSON.stringify(municipality)}

# ローマ字: passport（旅券式ヘボン: Sato, Ono）, hepburn（Satō）, kunrei（Satô）, kana（satou）
# case: title（Matsuno）または upper（MATSUNO）
romaji:
  system: passport
  case: title

readings:
  # 確認済みの読み（見直したレビューシート）。毎年これを使えば、同じことを二度聞きません。
  # The confirmed readings file (the corrected review sheet).
  overrides: confirmed-readings.csv

badges:
  # 組み込み: standard（名刺 91×55）, card（ID-1 85.6×54）, standard-duplex（両面）; または自分のJSON
  template: templates/badge.json
  # 組み込み: a4-10up, a4-8up-card, a4-1up, single; または自分のシート定義ファイル
  sheet: a4-10up
  # フォントを差し替えるとき（テンプレートのフォント名 → TTF/OTF のパス）
  # fonts:
  #   BIZUDPGothic-Bold: fonts/MyCity-Bold.ttf

posters:
  policy: policy.yaml
  # sizes: [A4, A3]       # 施設一覧のサイズを上書きするとき
  dateStyle: era          # era（令和6年11月1日）または western（2024年11月1日）
  bleed: false            # 印刷会社に出すときは true（塗り足し3mm）
  cropMarks: false        # 印刷会社に出すときは true（トンボ）

# -o を付けずに実行したときの出力先（review.csv, badges.pdf, posters/）
output: out
`;
}

export interface InitResult { written: string[]; skipped: string[] }

/**
 * Writes a starter config and example files for a new city into `folder`: the config, a policy file and a
 * facility list to edit, and a copy of the standard badge template to adapt. Existing files are never
 * overwritten unless `force` is set.
 */
export async function initProject(folder: string, municipality: string, force = false): Promise<InitResult> {
  const files: [string, string][] = [
    ["nafuda.config.yaml", starterConfig(municipality)],
    ["policy.yaml", starterPolicyYaml(municipality)],
    ["facilities.csv", starterFacilitiesCsv(municipality)],
    ["templates/badge.json", readFileSync(bundledPath("templates", "badges", "standard.json"), "utf8").replace('"name": "standard"', '"name": "badge"')],
    ["confirmed-readings.csv", "\uFEFF職員番号,氏名,かな,ローマ字,要確認\r\n"],
  ];
  const result: InitResult = { written: [], skipped: [] };
  await ensureOutputFolder(folder);
  for (const [name, content] of files) {
    const target = join(folder, name);
    if (existsSync(target) && !force) { result.skipped.push(name); continue; }
    await writeFileAtomic(target, content);
    result.written.push(name);
  }
  return result;
}

/**
 * What `nafuda init` tells the person after initProject, as catalogue messages (the CLI prints them in the run's
 * language): each file written, each file kept, then what to do next in `folder` (as the person typed it).
 */
export function initMessages(result: InitResult, folder: string): CodedMessage[] {
  return [
    ...result.written.map((file) => msg("TEXT_INIT_WROTE", { file })),
    ...result.skipped.map((file) => msg("TEXT_INIT_KEPT", { file })),
    msg("TEXT_INIT_NEXT", { folder }),
  ];
}
