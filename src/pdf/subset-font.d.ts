declare module "subset-font" {
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
    keepAllGlyphs?: boolean;
  }
  function subsetFont(buffer: Buffer | Uint8Array, text: string | null | undefined, options?: SubsetFontOptions): Promise<Buffer>;
  export default subsetFont;
}
