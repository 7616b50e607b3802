import { readZipEntry, zipEntries } from "../../src/io/zip.js";

/** The entries of a ZIP: name, general-purpose flags, DOS date and time (local header), and the bytes inflated. */
export function unzip(zip: Uint8Array): { name: string; flags: number; dosDate: number; dosTime: number; bytes: Buffer }[] {
  const { entries } = zipEntries(zip, 1000);
  return entries.map((entry) => {
    const chunks: Uint8Array[] = [];
    readZipEntry(zip, entry, 50 * 1024 * 1024, (chunk) => chunks.push(chunk.slice()));
    const at = entry.localOffset;
    return { name: entry.name, flags: entry.flags, dosTime: zip[at + 10]! | (zip[at + 11]! << 8), dosDate: zip[at + 12]! | (zip[at + 13]! << 8), bytes: Buffer.concat(chunks) };
  });
}
