// Drawing the official forms with pdfkit: the embedded Chinese font, bordered table rows whose
// height follows their text, long text that runs on over pages, tables whose header row is
// repeated after a page break, and page numbers.
import PDFDocument from 'pdfkit';
import { cjkFonts } from './cjk-font.ts';

export interface FormPdfOptions {
  size: 'A4' | 'A3';
  landscape?: boolean;
  /** The document's title in its properties. */
  title: string;
  margin?: number;
  fontSize?: number;
}

export type Align = 'left' | 'center' | 'right';

export interface Cell {
  text?: string;
  /** Share of the row's width; a row's shares add up to 1. */
  width: number;
  align?: Align;
  bold?: boolean;
  /** Tick boxes as on the paper form (「好 □ 较好 □ 一般 □」), the chosen one ticked. */
  choices?: { options: string[]; chosen: string | null };
}

export interface RowOptions {
  minHeight?: number;
  fontSize?: number;
  /** Draw only within this part of the line (for rows beside a merged cell). */
  width?: number;
  /** Grey background, for the header row of a list. */
  shaded?: boolean;
}

export interface Column {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: Align;
}

const padding = { x: 4, y: 3 };
const boxSize = 7.5;
const footerHeight = 16;

export class FormPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly fontSize: number;
  y: number;
  /** Runs after every page break, e.g. to repeat a table's header row. */
  private onPageBreak: (() => void) | null = null;
  private readonly output: Promise<Buffer>;

  constructor(options: FormPdfOptions) {
    const margin = options.margin ?? 42;
    this.fontSize = options.fontSize ?? 10;
    this.doc = new PDFDocument({
      size: options.size,
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: { top: margin, left: margin, right: margin, bottom: margin + footerHeight },
      bufferPages: true,
      info: { Title: options.title, Author: '新疆维吾尔自治区人力资源和社会保障厅', Creator: '新疆少数民族科技骨干特殊培养管理系统' },
    });
    this.doc.registerFont('regular', cjkFonts.regular());
    this.doc.registerFont('bold', cjkFonts.bold());
    this.doc.font('regular').fontSize(this.fontSize);
    const chunks: Buffer[] = [];
    this.output = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.y = this.doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
    this.onPageBreak?.();
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  space(height: number): void {
    this.y += height;
  }

  /** A line (or paragraph) of free text across the page. */
  text(text: string, options: { size?: number; bold?: boolean; align?: Align; gapAfter?: number; x?: number; width?: number } = {}): void {
    const width = options.width ?? this.width - (options.x ?? 0);
    this.setFont(options.bold, options.size);
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height);
    this.doc.text(text, this.left + (options.x ?? 0), this.y, { width, align: options.align ?? 'left' });
    this.y += height + (options.gapAfter ?? 4);
  }

  title(text: string, size = 18): void {
    this.text(text, { size, bold: true, align: 'center', gapAfter: 12 });
  }

  /** Fill-in lines spread over the width, e.g. 单位主要领导签名 / 单位公章 / 日期; equal slots unless `shares` says. */
  spread(parts: string[], options: { size?: number; gapAfter?: number; shares?: number[] } = {}): void {
    this.setFont(false, options.size);
    const shares = options.shares ?? parts.map(() => 1 / parts.length);
    const slots = shares.map((share) => share * this.width);
    const height = Math.max(...parts.map((part, index) => this.doc.heightOfString(part, { width: slots[index]! - 6 })));
    this.ensure(height);
    let x = this.left;
    parts.forEach((part, index) => {
      this.doc.text(part, x, this.y, { width: slots[index]! - 6 });
      x += slots[index]!;
    });
    this.y += height + (options.gapAfter ?? 6);
  }

  /** One bordered row of cells; its height is that of its tallest cell. */
  row(cells: Cell[], options: RowOptions = {}): void {
    const height = this.rowHeight(cells, options);
    this.ensure(height);
    this.drawRow(cells, this.y, height, options);
    this.y += height;
  }

  /**
   * Rows beside one cell that spans all of them on the right, like the photo box of form 2.
   * The side cell is drawn by `drawSide` inside its frame.
   */
  rowsBeside(rows: Cell[][], sideWidth: number, drawSide: (x: number, y: number, width: number, height: number) => void, options: RowOptions = {}): void {
    const width = this.width - sideWidth;
    const heights = rows.map((cells) => this.rowHeight(cells, { ...options, width }));
    const total = heights.reduce((sum, h) => sum + h, 0);
    this.ensure(total);
    const top = this.y;
    rows.forEach((cells, index) => {
      this.drawRow(cells, this.y, heights[index]!, { ...options, width });
      this.y += heights[index]!;
    });
    const x = this.left + width;
    this.doc.lineWidth(0.6).rect(x, top, sideWidth, total).stroke();
    drawSide(x, top, sideWidth, total);
  }

  /** A list with a header row that is repeated on every page the list runs over. */
  table(columns: Column[], rows: string[][], options: RowOptions & { headerFontSize?: number; emptyText?: string } = {}): void {
    const header = (): void =>
      this.row(
        columns.map((column) => ({ text: column.header, width: column.width, align: 'center' as const, bold: true })),
        { ...options, shaded: true, fontSize: options.headerFontSize ?? options.fontSize },
      );
    header();
    this.onPageBreak = header;
    try {
      if (!rows.length) {
        this.row([{ text: options.emptyText ?? '无', width: 1, align: 'center' }], options);
      }
      for (const row of rows) {
        this.row(
          columns.map((column, index) => ({ text: row[index] ?? '', width: column.width, align: column.align ?? 'center' })),
          options,
        );
      }
    } finally {
      this.onPageBreak = null;
    }
  }

  /** A full-width bordered box of free text (study goals, remarks) that runs on over pages. */
  textBlock(text: string, options: { minHeight?: number; fontSize?: number } = {}): void {
    this.setFont(false, options.fontSize);
    const width = this.width - 2 * padding.x;
    const lineHeight = this.doc.heightOfString('字', { width });
    let rest = text.trim() || '无';
    for (;;) {
      const needed = Math.max(options.minHeight ?? 0, this.doc.heightOfString(rest, { width }) + 2 * padding.y + 4);
      if (this.y + needed <= this.bottom) {
        this.box(this.y, needed, rest, width);
        this.y += needed;
        return;
      }
      if (this.bottom - this.y < 3 * lineHeight + 2 * padding.y) {
        this.newPage();
        continue;
      }
      const available = this.bottom - this.y - 2 * padding.y - 4;
      const characters = [...rest];
      let fits = 0;
      let tooMany = characters.length;
      while (tooMany - fits > 1) {
        const middle = Math.floor((fits + tooMany) / 2);
        if (this.doc.heightOfString(characters.slice(0, middle).join(''), { width }) <= available) fits = middle;
        else tooMany = middle;
      }
      this.box(this.y, this.bottom - this.y, characters.slice(0, fits).join(''), width);
      rest = characters.slice(fits).join('');
      this.newPage();
    }
  }

  /** Writes page numbers and returns the file's bytes. */
  /** `pageNumbers: false` for a one-page document that is not a form (a certificate). */
  async finish({ pageNumbers = true }: { pageNumbers?: boolean } = {}): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; pageNumbers && index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const { margins } = this.doc.page;
      // The footer sits inside the bottom margin; without this pdfkit would open a new page.
      const bottom = margins.bottom;
      margins.bottom = 0;
      this.setFont(false, 8);
      this.doc.text(`第 ${index + 1} 页，共 ${range.count} 页`, margins.left, this.doc.page.height - bottom + 4, {
        width: this.doc.page.width - margins.left - margins.right,
        align: 'center',
      });
      margins.bottom = bottom;
    }
    this.doc.end();
    return this.output;
  }

  private setFont(bold = false, size = this.fontSize): void {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  private cellWidths(cells: Cell[], rowWidth: number): number[] {
    return cells.map((cell) => cell.width * rowWidth);
  }

  private rowHeight(cells: Cell[], options: RowOptions): number {
    const widths = this.cellWidths(cells, options.width ?? this.width);
    const contentHeights = cells.map((cell, index) => this.cellContentHeight(cell, widths[index]! - 2 * padding.x, options.fontSize));
    return Math.max(options.minHeight ?? 22, Math.max(...contentHeights) + 2 * padding.y + 2);
  }

  private cellContentHeight(cell: Cell, width: number, fontSize?: number): number {
    this.setFont(cell.bold, fontSize);
    if (cell.choices) return this.choiceLines(cell.choices.options, width).length * this.doc.currentLineHeight(true);
    return cell.text ? this.doc.heightOfString(cell.text, { width }) : 0;
  }

  private drawRow(cells: Cell[], top: number, height: number, options: RowOptions): void {
    const widths = this.cellWidths(cells, options.width ?? this.width);
    let x = this.left;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      if (options.shaded) this.doc.rect(x, top, width, height).fillColor('#eeeeee').fill().fillColor('black');
      this.doc.lineWidth(0.6).rect(x, top, width, height).stroke();
      const inner = width - 2 * padding.x;
      const contentHeight = this.cellContentHeight(cell, inner, options.fontSize);
      const textTop = top + (height - contentHeight) / 2;
      if (cell.choices) this.drawChoices(cell.choices, x + padding.x, textTop, inner, cell.align ?? 'center');
      else if (cell.text) this.doc.text(cell.text, x + padding.x, textTop, { width: inner, align: cell.align ?? 'center' });
      x += width;
    });
  }

  private box(top: number, height: number, text: string, width: number): void {
    this.doc.lineWidth(0.6).rect(this.left, top, this.width, height).stroke();
    this.doc.text(text, this.left + padding.x, top + padding.y + 2, { width });
  }

  /** Options laid out in as few lines as the width allows. */
  private choiceLines(options: string[], width: number): string[][] {
    const lines: string[][] = [[]];
    let used = 0;
    for (const option of options) {
      const itemWidth = this.choiceWidth(option);
      if (used + itemWidth > width && lines[lines.length - 1]!.length) {
        lines.push([]);
        used = 0;
      }
      lines[lines.length - 1]!.push(option);
      used += itemWidth;
    }
    return lines;
  }

  private choiceWidth(option: string): number {
    return this.doc.widthOfString(option) + 3 + boxSize + 8;
  }

  private drawChoices(choices: { options: string[]; chosen: string | null }, x: number, top: number, width: number, align: Align): void {
    const lineHeight = this.doc.currentLineHeight(true);
    this.choiceLines(choices.options, width).forEach((line, index) => {
      const lineWidth = line.reduce((sum, option) => sum + this.choiceWidth(option), 0) - 8;
      let cursor = align === 'left' ? x : x + (width - lineWidth) / 2;
      const y = top + index * lineHeight;
      for (const option of line) {
        this.doc.text(option, cursor, y, { lineBreak: false });
        cursor += this.doc.widthOfString(option) + 3;
        const boxTop = y + (lineHeight - boxSize) / 2;
        this.doc.lineWidth(0.6).rect(cursor, boxTop, boxSize, boxSize).stroke();
        if (option === choices.chosen) {
          this.doc
            .lineWidth(1.1)
            .moveTo(cursor + 1.3, boxTop + boxSize * 0.5)
            .lineTo(cursor + boxSize * 0.42, boxTop + boxSize - 1.4)
            .lineTo(cursor + boxSize - 1, boxTop + 1.2)
            .stroke();
        }
        cursor += boxSize + 8;
      }
    });
  }
}
