import { crc32, deflateRawSync } from "node:zlib";
import { storedZip } from "../hardening/zip.js";

/**
 * Small hostile workbooks for the server's hardening tests: a minimal .xlsx (inline strings, one sheet) around the
 * sheet XML given, stored or deflated, and a zip bomb (a sheet part that inflates far past its compressed size
 * while the directory claims a few bytes).
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

function workbookParts(sheetXml: string): Record<string, string> {
  return {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
  };
}

/** An inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The sheet XML of rows of cells (each row: its number and its cells' XML). */
export function sheet(rows: [number, string][]): string {
  return `<worksheet xmlns="${MAIN}"><sheetData>${rows.map(([r, cells]) => `<row r="${r}">${cells}</row>`).join("")}</sheetData></worksheet>`;
}

/** A minimal workbook, every part stored. */
export function workbook(sheetXml: string): Uint8Array {
  return storedZip(workbookParts(sheetXml));
}

/** A ZIP whose parts are deflated, with the sizes in its directory as given (a bomb lies about them). */
export function deflatedZip(files: Record<string, string | Uint8Array>, claimedSize?: (name: string, size: number) => number): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data, { level: 9 });
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const size = claimedSize ? claimedSize(name, data.length) : data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

/**
 * A zip bomb as a workbook: a roster header, then `inflated` bytes of spaces inside the sheet XML (deflate packs
 * them about 1000 to 1), while the directory claims the sheet is 100 bytes.
 */
export function zipBombWorkbook(inflated: number): Uint8Array {
  const head = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell("A1", "氏名")}</row>`;
  const tail = `</sheetData></worksheet>`;
  const xml = head + " ".repeat(inflated) + tail;
  return deflatedZip(workbookParts(xml), (name, size) => (name.endsWith("sheet1.xml") ? 100 : size));
}
