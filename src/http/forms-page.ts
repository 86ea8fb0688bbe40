import { randomBytes } from 'node:crypto';
import type { InstitutionRow } from '../domain/directory/directory-repository.js';

/**
 * The stop-gap form pages behind the older one-time token links (the bot now links to the mini-app's
 * form screens instead; these answer links sent before): one
 * self-contained HTML document, no external assets, a nonce'd inline script that posts JSON to the
 * matching /api/forms route. The token stays in the URL only; the page never embeds it.
 */
export interface FormPage {
  html: string;
  /** Content-Security-Policy allowing only this page's own script and same-origin fetches. */
  csp: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px system-ui,sans-serif;max-width:34rem;margin:1rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.6rem 0 .2rem}input,select{font:inherit;width:100%;box-sizing:border-box;padding:.35rem}
fieldset{margin:1rem 0;border:1px solid #ccc}button{font:inherit;padding:.5rem 1.2rem;margin-top:1rem}
#result{margin-top:1rem;font-weight:600}.muted{color:#666;font-size:.9rem}`;

/** Posts the form as JSON to /api/<same path>; shows the code and the next step, or the error message. */
const SCRIPT = `const f=document.getElementById('f'),out=document.getElementById('result');
const val=(n)=>{const e=f.elements.namedItem(n);const v=e&&e.value.trim();return v?v:undefined};
f.addEventListener('submit',async(ev)=>{ev.preventDefault();out.textContent='…';
const consents=[...f.querySelectorAll('[data-inst]')].map((r)=>({institutionCode:r.dataset.inst,status:r.querySelector('select').value,reference:r.querySelector('input').value.trim()||undefined})).filter((c)=>c.status);
const body=f.dataset.kind==='case-open'?{hkid:val('hkid')||'',nameEn:val('nameEn'),nameZh:val('nameZh'),dateOfBirth:val('dateOfBirth')||'',consents}:{consents};
try{const res=await fetch('/api'+location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await res.json();if(!res.ok){out.textContent=j.message||'Error';return}
f.hidden=true;out.textContent=j.created===false?'This patient already has case '+j.caseCode+'. I have sent you how to use it, 1:1. 此病人已有個案 '+j.caseCode+'，詳情已私訊給你。':(j.caseCode+' ✔ Done — you can close this page. 已完成，可關閉此頁。');
}catch(e){out.textContent='Network error — please try again. 網絡錯誤，請再試。'}});`;

function consentRows(institutions: InstitutionRow[]): string {
  const rows = institutions.map(
    (i) => `<div data-inst="${escapeHtml(i.code)}"><label>${escapeHtml(i.nameEn)}${i.nameZh ? ` ${escapeHtml(i.nameZh)}` : ''} (${escapeHtml(i.code)})</label>
<select aria-label="consent"><option value="">— not recorded 未記錄 —</option><option value="granted">granted 同意</option><option value="withdrawn">withdrawn 撤回</option></select>
<input aria-label="reference" placeholder="reference (optional) 參考（選填）" maxlength="200" autocomplete="off"></div>`,
  );
  return `<fieldset><legend>Sharing consent by institution 各醫療機構的分享同意</legend>${rows.join('\n')}</fieldset>`;
}

function page(title: string, kind: string, fields: string): FormPage {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><form id="f" data-kind="${kind}" autocomplete="off">${fields}
<button type="submit">Submit 提交</button></form><p id="result" role="status"></p>
<p class="muted">One-time link: it works once, for you only. 一次性連結，只限你本人使用一次。</p>
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`;
  return { html, csp };
}

/** Patient identity and consents for a new case. */
export function caseOpenPage(institutions: InstitutionRow[]): FormPage {
  const fields = `<label for="hkid">HKID 香港身份證號碼</label><input id="hkid" name="hkid" required maxlength="24" autocomplete="off">
<label for="nameEn">English name 英文姓名</label><input id="nameEn" name="nameEn" maxlength="120" autocomplete="off">
<label for="nameZh">Chinese name 中文姓名</label><input id="nameZh" name="nameZh" maxlength="60" autocomplete="off">
<label for="dateOfBirth">Date of birth 出生日期</label><input id="dateOfBirth" name="dateOfBirth" type="date" required>
${consentRows(institutions)}`;
  return page('Open a case 開案', 'case-open', fields);
}

/** Consent statuses for an existing case (named by its code only). */
export function consentPage(caseCode: string, institutions: InstitutionRow[]): FormPage {
  return page(`Consent · ${caseCode} 同意`, 'consent', consentRows(institutions));
}

/** A link that cannot be used (expired, used, unknown): say so and what to do. */
export function linkErrorPage(message: string): FormPage {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ConsultBridge</title></head><body>
<p>${escapeHtml(message)}</p><p>Ask ConsultBridge in the group for a new link. 請在群組中向 ConsultBridge 索取新連結。</p></body></html>`;
  return { html, csp: "default-src 'none'; frame-ancestors 'none'" };
}
