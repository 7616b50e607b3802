import { crc32, deflateRawSync } from "node:zlib";

export interface ZipOptions {
  /** Deflate the parts (method 8, as Excel writes them) instead of storing them (method 0). */
  deflate?: boolean;
  /** The size the directory claims for a part (a zip bomb lies about it); default the true size. */
  claimedSize?: (name: string, size: number) => number;
}

/** A minimal ZIP archive of the given files: enough to fake a workbook, a broken .xlsx or a zip bomb. */
export function zipOf(files: Record<string, string | Uint8Array>, options: ZipOptions = {}): Uint8Array {
  const method = options.deflate ? 8 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = options.deflate ? deflateRawSync(data, { level: 9 }) : data;
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const size = options.claimedSize ? options.claimedSize(name, data.length) : data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
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

/** A stored (uncompressed) ZIP of the given files. */
export const storedZip = (files: Record<string, string | Uint8Array>): Uint8Array => zipOf(files);

/** A deflated ZIP of the given files, as Excel writes them: for zip bombs and large sheets. */
export const deflatedZip = (files: Record<string, string | Uint8Array>, claimedSize?: ZipOptions["claimedSize"]): Uint8Array =>
  zipOf(files, { deflate: true, ...(claimedSize ? { claimedSize } : {}) });

/** The parts of a one-sheet workbook around `sheetXml` (a <worksheet> document), for hand-made hostile sheets. */
export function workbookParts(sheetXml: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  return {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": sheetXml,
    ...extra,
  };
}

/** A <worksheet> with the given <row> elements. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}
