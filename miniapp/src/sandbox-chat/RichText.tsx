import { Fragment, type ReactNode } from 'react';

/** `[label](url)` or a bare http(s) URL. */
const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s)<>\]]+)/g;

/**
 * Bot text as DingTalk would show markdown, kept simple: plain lines, `**bold**` and `#` markers
 * dropped, links clickable (they open the upload, form and viewer pages in a new tab).
 */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {linkify(line.replace(/^#{1,6}\s+/, '').replace(/\*\*(.+?)\*\*/g, '$1'))}
        </Fragment>
      ))}
    </>
  );
}

function linkify(line: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of line.matchAll(LINK)) {
    if (m.index > last) out.push(line.slice(last, m.index));
    const url = m[2] ?? m[3]!;
    out.push(
      <a key={m.index} href={url} target="_blank" rel="noopener noreferrer" data-testid="chat-link">
        {m[1] ?? url}
      </a>,
    );
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}
