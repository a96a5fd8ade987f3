// The Chinese font the forms are printed in: Noto Sans Hans (OFL-1.1), shipped by the npm
// package @embedpdf/fonts-sc, so `pnpm install` brings it and no machine needs system fonts.
// It covers the 20,000-odd CJK unified ideographs, names' rare characters included; pdfkit
// embeds only the glyphs a document uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

const cache = new Map<string, Buffer>();

function fontBytes(file: string): Buffer {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = readFileSync(path.join(fontDirectory, file));
    cache.set(file, bytes);
  }
  return bytes;
}

export const cjkFonts = {
  regular: () => fontBytes('NotoSansHans-Regular.otf'),
  bold: () => fontBytes('NotoSansHans-Bold.otf'),
};
