import { randomBytes } from 'node:crypto';

/**
 * A minimal, self-contained upload page for the one-time link (the mini-app replaces it later). Its
 * inline script and style carry a per-response nonce, and `csp` allows only those and same-origin
 * fetches; the handler sends it in place of the app-wide policy (which allows no inline script).
 */
export function uploadPage(): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>ConsultBridge · Upload</title><style nonce="${nonce}">body{font:16px system-ui,sans-serif;margin:2rem;max-width:32rem}button{padding:.5rem 1rem}</style></head>
<body><h1>Upload a report 上載報告</h1><p>PDF, JPEG or PNG, up to 20 MB. The file is encrypted on arrival.</p>
<input id="f" type="file" accept="application/pdf,image/jpeg,image/png"> <button id="b">Upload 上載</button><p id="s" role="status"></p>
<script nonce="${nonce}">
document.getElementById('b').onclick=async()=>{const f=document.getElementById('f').files[0];const s=document.getElementById('s');
if(!f){s.textContent='Choose a file first.';return;}
const r=await fetch('/api/documents/upload/'+location.pathname.split('/').pop(),{method:'POST',headers:{'content-type':'application/octet-stream'},body:f});
const j=await r.json();s.textContent=r.ok?'Shared to case '+j.caseCode+'. You can close this page.':j.message;};
</script></body></html>`;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`;
  return { html, csp };
}
