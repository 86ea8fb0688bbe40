import { z } from 'zod';

/**
 * Keyset paging of the console's lists (issue 15 item 2): newest first, `?cursor=` is the previous
 * page's `nextCursor` (null on the last page). A list keyed by a growing row id pages by that id; one
 * keyed by time pages by an opaque `<time>.<id>` cursor (src/usecases/cases/cases-cursor.ts). A cursor
 * that does not read is a 400 with code `request.invalid`.
 */
export const idCursor = z.string().regex(/^\d{1,15}$/).describe('`nextCursor` of the previous page (a row id)');
export const timeCursor = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).describe('`nextCursor` of the previous page (opaque)');
