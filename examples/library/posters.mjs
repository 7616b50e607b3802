// @ts-check
// Posters from the library: the city's policy (from its file, or from data), a facility's posters, and the same on
// the city's own artwork. Run it from the package (or after `npm run build`):
//   node examples/library/posters.mjs [output folder]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadPolicy, createPolicy, readFacilities, renderFacilityPosters, loadBackgroundLayout } from "nafuda";

const here = (/** @type {string} */ name) => new URL(`../${name}`, import.meta.url).pathname;
const out = process.argv[2] ?? "out/library-example";
await mkdir(out, { recursive: true });

// The policy file (YAML, checked with the file, line and key of any problem) and the facility list.
const policy = await loadPolicy(here("policy.yaml"));
const { facilities } = await readFacilities(here("facilities.csv"), { policy });
const first = facilities[0];
if (!first) throw new Error("no facility");
await writeFile(join(out, "poster.pdf"), await renderFacilityPosters(policy, first, { dateStyle: "era" }));

// A policy kept as data (a database, a form): checked like the file, one PolicyError listing every problem.
const fromData = createPolicy({
  issuer: "みどり市",
  title: "カスタマーハラスメントに対する基本方針",
  stance: "職員の人格や尊厳を傷つける言動には、組織として毅然と対応します。",
  conduct: [{ label: "暴言・威圧", text: "大声で怒鳴る、人格を否定する" }],
  measures: { "end-conversation": { text: "対応を中止し、退去をお願いすることがあります。" } },
  effectiveDate: "2025-04-01",
});
/** @type {import("nafuda").FacilityInput} */
const counter = { name: "市民課窓口", measures: ["end-conversation"], sizes: ["A4"] };
await writeFile(join(out, "poster-from-data.pdf"), await renderFacilityPosters(fromData, counter));

// On the city's own artwork (a PDF from its designer): the layout file says which page each size uses and where the
// text goes, in mm from the trim's top-left (examples/artwork/layout.yaml; schema templates/posters/layout.schema.json).
const artwork = await readFile(here("artwork/poster-artwork.pdf"));
const layout = await loadBackgroundLayout(here("artwork/layout.yaml"));
const onArtwork = await renderFacilityPosters(policy, first, { background: { pdf: artwork, file: "poster-artwork.pdf", ...layout } });
await writeFile(join(out, "poster-on-artwork.pdf"), onArtwork);

console.log(`${first.sizes.join("+")} posters for ${first.name}, one from data and one on artwork, in ${out}`);
