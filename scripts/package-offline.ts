/**
 * The offline package: nafuda with every dependency it needs at run time, in one .zip that a city's IT staff copy
 * to PCs without internet (LGWAN) and unpack; no npm, no download on the PC, only Node.js 20+.
 *
 *   npm run package:offline                  → nafuda-offline-<version>.zip in this folder
 *   npm run package:offline -- DIR           → in DIR
 *   npm run package:offline -- DIR FILE.tgz  → from a tarball `npm pack` already made (the package test does this)
 *
 * Made from exactly what `npm pack` publishes (the same files as the registry package), the production
 * dependencies installed from this machine's npm cache (`npm ci` filled it), the Windows launcher nafuda.cmd and a
 * short Japanese guide. The zip's entries carry fixed times, so the same sources give the same bytes.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { zipSync, type Zippable } from "fflate";

const root = resolve(import.meta.dirname, "..");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const outDir = resolve(process.argv[2] ?? root);
const givenTarball = process.argv[3] ? resolve(process.argv[3]) : null;
const name = `nafuda-offline-${version}`;

const GUIDE = `名札 nafuda（オフライン版 ${version}）

インターネットにつながらないパソコン（LGWAN など）で使うための一式です。

用意（情報システム担当の方へ）
1. Node.js 20 以降（LTS 版）をインストールします。
2. この zip をパソコンの好きな場所（例：C:\\nafuda）に展開します。インストールは要りません。
   ネットワークにはつながりません。ファイルはそのパソコンの外に送られません。

使い方（総務課・施設の担当の方へ）
1. 展開したフォルダーの nafuda.cmd をダブルクリックします。
2. ブラウザに「名札 nafuda」の画面が開きます（開かないときは、黒い画面に出る http://127.0.0.1:… をブラウザに貼り付けます）。
3. 画面の手順に沿って、職員名簿（Excel か CSV）を選び、読みを確かめ、名札の PDF をダウンロードします。
4. 終わったら黒い画面を閉じます。

コマンドで使う場合
  node dist\\src\\cli\\main.js --help

詳しくは README.md をご覧ください。
`;

const work = mkdtempSync(join(tmpdir(), "nafuda-offline-"));
try {
  const run = (command: string, args: string[], cwd: string) =>
    execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  // 1. What the registry package holds (prepack builds dist/ first).
  const tarball = givenTarball ?? join(work, run("npm", ["pack", "--silent", "--pack-destination", work], root).trim().split("\n").pop()!);
  run("tar", ["-xzf", tarball, "-C", work], work);
  const pkg = join(work, "package");
  // 2. Its production dependencies at the locked versions, from the npm cache only (the machine that makes the
  //    package needs no network either); the lock file stays in the package as the record of what is inside.
  cpSync(join(root, "package-lock.json"), join(pkg, "package-lock.json"));
  // --omit=optional: pdfjs-dist's native canvas binary is for pdf.js under Node; the page runs pdf.js in the browser.
  run("npm", ["ci", "--omit=dev", "--omit=optional", "--offline", "--ignore-scripts", "--loglevel=error"], pkg);
  // 3. The launcher and the guide.
  cpSync(join(root, "nafuda.cmd"), join(pkg, "nafuda.cmd"));
  writeFileSync(join(pkg, "はじめにお読みください.txt"), "\uFEFF" + GUIDE.replace(/\n/g, "\r\n"));
  // 4. One zip, entries under nafuda-offline-<version>/, times fixed.
  const files: Zippable = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[`${name}/${relative(pkg, path).split(sep).join("/")}`] = [readFileSync(path), { mtime: new Date(Date.UTC(2020, 0, 1)) }];
    }
  };
  walk(pkg);
  mkdirSync(outDir, { recursive: true });
  const zip = join(outDir, `${name}.zip`);
  writeFileSync(zip, zipSync(files, { level: 6 }));
  process.stderr.write(`${zip} (${(statSync(zip).size / 1024 / 1024).toFixed(1)} MB, ${Object.keys(files).length} files)\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

