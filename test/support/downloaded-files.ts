// Reading what the API's file routes send, as a person's viewer would: a PDF's pages (size and
// text, by pdf.js), a page rendered by poppler's pdftoppm as a person would print it, and a
// workbook's first sheet (exceljs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import { commandRuns, ensureDebianPackages } from './debian-packages.ts';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/**
 * The pages of a PDF. `separator` joins the text items: '' reads a line as printed; '\n' keeps
 * neighbouring cells apart (digits of a row number after a masked phone must not run together).
 */
export async function pdfPages(bytes: Uint8Array, separator = ''): Promise<PdfPage[]> {
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    pages.push({ width: x1 - x0, height: y1 - y0, text: content.items.map((item) => ('str' in item ? item.str : '')).join(separator) });
  }
  await document.destroy();
  return pages;
}

/** The first sheet of a workbook. */
export async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book.worksheets[0]!;
}

export interface RenderedPage {
  width: number;
  height: number;
  grey: Uint8Array;
  png: string;
}

/**
 * Renders one page as a person would print it: a PNG in test/artifacts/<name>.png to look at,
 * and the same page in grey levels (PGM, read here) for the test to check.
 */
export function renderPage(bytes: Uint8Array, page: number, name: string): RenderedPage {
  if (!commandRuns('pdftoppm', ['-v'])) ensureDebianPackages(['poppler-utils'], '表格 PDF 的渲染检查');
  const directory = fileURLToPath(new URL('../artifacts/', import.meta.url));
  mkdirSync(directory, { recursive: true });
  const pdfFile = path.join(directory, `${name}.pdf`);
  writeFileSync(pdfFile, bytes);
  const pages = ['-f', String(page), '-l', String(page), '-singlefile', pdfFile];
  execFileSync('pdftoppm', ['-r', '70', '-png', ...pages, path.join(directory, name)]);
  execFileSync('pdftoppm', ['-r', '50', '-gray', ...pages, path.join(directory, name)]);
  const pgm = readFileSync(path.join(directory, `${name}.pgm`));
  // Binary PGM: "P5", width, height, maximum grey, one whitespace, then a byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`${name}.pgm is not an 8-bit binary PGM`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, grey: pgm.subarray(header[0].length, header[0].length + width * height), png: path.join(directory, `${name}.png`) };
}

/** The share of dark pixels in a band of the page, given as fractions of its height. */
export function inkIn(page: RenderedPage, from = 0, to = 1): number {
  const [first, last] = [Math.floor(page.height * from), Math.ceil(page.height * to)];
  let dark = 0;
  for (let index = first * page.width; index < last * page.width; index++) if (page.grey[index]! < 128) dark++;
  return dark / ((last - first) * page.width);
}

/** Printed, not blank and not a black slab: some ink in the title band, a few per cent over the page. */
export function expectPrintedPage(page: RenderedPage, titleBand: [number, number]) {
  expect(inkIn(page, ...titleBand), `title band of ${page.png}`).toBeGreaterThan(0.005);
  const overall = inkIn(page);
  expect(overall, page.png).toBeGreaterThan(0.01);
  expect(overall, page.png).toBeLessThan(0.3);
}
