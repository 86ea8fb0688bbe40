import type { FastifyReply } from 'fastify';

/** A watermarked view as the browser gets it: inline, never cached, never sniffed as something else. */
export function sendViewPdf(reply: FastifyReply, pdf: Uint8Array, caseCode: string, kind: 'report' | 'burn' = 'report'): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${caseCode}-${kind}.pdf"`)
    .type('application/pdf')
    .send(Buffer.from(pdf));
}
