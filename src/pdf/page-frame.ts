import type { PDFPage } from 'pdf-lib';

/** A page as the reader sees it: upright size, and the matrix from upright to page user space. */
export interface PageFrame {
  width: number;
  height: number;
  matrix: [number, number, number, number, number, number];
}

/**
 * Scanned documents often carry /Rotate 90 or 270; drawing in raw user space would put the footer
 * up the side of the page. This maps an upright drawing onto the visible (crop) box whatever the
 * rotation.
 */
export function uprightFrame(page: PDFPage): PageFrame {
  const { x, y, width: w, height: h } = page.getCropBox();
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as number;
  switch (Math.round(angle / 90) % 4) {
    case 1:
      return { width: h, height: w, matrix: [0, 1, -1, 0, x + w, y] };
    case 2:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 3:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x, y] };
  }
}
