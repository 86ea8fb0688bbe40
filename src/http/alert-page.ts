import { randomBytes } from 'node:crypto';
import type { FormPage } from './forms-page.js';

/**
 * The stop-gap allergy form behind the one-time link (the mini-app replaces it): self-contained,
 * a nonce'd inline script posting JSON to /api/alert/<token> (an optional scan as base64 in `scan`).
 * The token stays in the URL only.
 */
const STYLE = `body{font:16px system-ui,sans-serif;max-width:34rem;margin:1rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.6rem 0 .2rem}input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.35rem}
button{font:inherit;padding:.5rem 1.2rem;margin-top:1rem}#result{margin-top:1rem;font-weight:600}.muted{color:#666;font-size:.9rem}`;

const SCRIPT = `const f=document.getElementById('f'),out=document.getElementById('result');
const val=(n)=>{const v=f.elements.namedItem(n).value.trim();return v?v:undefined};
f.addEventListener('submit',async(ev)=>{ev.preventDefault();out.textContent='…';
const body={substance:val('substance')||'',reaction:val('reaction'),severity:val('severity'),criticality:val('criticality')||'',category:val('category'),onset:val('onset'),note:val('note')};
const file=f.elements.namedItem('scan').files[0];
if(file){if(file.size>20971520){out.textContent='Scan over 20 MB. 掃描檔超過 20 MB。';return}
body.scan=await new Promise((ok,ko)=>{const rd=new FileReader();rd.onload=()=>ok(String(rd.result).split(',')[1]||'');rd.onerror=ko;rd.readAsDataURL(file)})}
try{const r=await fetch('/api'+location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});const j=await r.json();
if(!r.ok){out.textContent=j.message||'Error';return}f.hidden=true;
out.textContent='Alert sent for '+j.caseCode+' to '+j.recipients+' clinician(s); recorded for the health record. 已發出警示並送交健康紀錄。'}
catch(e){out.textContent='Network error — please try again. 網絡錯誤，請再試。'}});`;

const opts = (values: string[]) => ['<option value="">—</option>', ...values.map((v) => `<option value="${v}">${v}</option>`)].join('');

export function alertFormPage(caseCode: string): FormPage {
  const nonce = randomBytes(16).toString('base64');
  const fields = `<label for="substance">Substance 致敏物 *</label><input id="substance" name="substance" required maxlength="200" autocomplete="off">
<label for="category">Category 類別</label><select id="category" name="category">${opts(['medication', 'food', 'environment', 'biologic'])}</select>
<label for="reaction">Reaction 反應</label><input id="reaction" name="reaction" maxlength="200" autocomplete="off">
<label for="severity">Severity 嚴重程度</label><select id="severity" name="severity">${opts(['mild', 'moderate', 'severe'])}</select>
<label for="criticality">Criticality 危急程度 *</label><select id="criticality" name="criticality" required>${opts(['high', 'low', 'unable-to-assess'])}</select>
<label for="onset">Onset 發作日期</label><input id="onset" name="onset" type="date">
<label for="note">Note 備註</label><textarea id="note" name="note" maxlength="2000" rows="4"></textarea>
<label for="scan">Scan 掃描檔 (PDF, JPEG or PNG, ≤ 20 MB; burns like the alert, not sent to the health record)</label><input id="scan" name="scan" type="file" accept="application/pdf,image/jpeg,image/png">`;
  const title = `Allergy alert · ${caseCode} 過敏警示`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${title}</h1><form id="f" autocomplete="off">${fields}<button type="submit">Send alert 發出警示</button></form><p id="result" role="status"></p>
<p class="muted">The record goes to the health record first; the chat copy burns 30 s after each recipient opens it. One-time link. 一次性連結。</p>
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
  return { html, csp: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'` };
}
