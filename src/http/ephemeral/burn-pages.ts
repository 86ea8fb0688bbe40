import { randomBytes } from 'node:crypto';

/**
 * Stop-gap pages for burn-after-reading (the mini-app replaces them): compose behind the one-time
 * link, and the viewer that shows the content with a countdown and blanks it at zero. Self-contained,
 * nonce'd inline script, no external assets; the token stays in the URL and is never embedded.
 */
export interface BurnPage {
  html: string;
  csp: string;
}

const STYLE = `body{font:16px system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#222}
textarea{width:100%;min-height:10rem;font:inherit;box-sizing:border-box}button{font:inherit;padding:.5rem 1.2rem;margin:.6rem 0}
#msg{white-space:pre-wrap;border:1px solid #ccc;padding:1rem;min-height:4rem}#left{font-weight:700;color:#b00}
iframe{width:100%;height:70vh;border:1px solid #ccc}.muted{color:#666;font-size:.9rem}`;

const COMPOSE = `const t=location.pathname.split('/').pop(),after=Number(new URLSearchParams(location.search).get('after'))||30,out=document.getElementById('s');
document.getElementById('after').textContent=after;
const send=async(path,init)=>{out.textContent='…';try{const r=await fetch('/api/burn/'+t+path+'?after='+after,init);const j=await r.json();
out.textContent=r.ok?'Sent to '+j.recipients+' recipient(s) of '+j.caseCode+'. You can close this page. 已發送。':j.message;if(r.ok)document.getElementById('f').hidden=true}catch(e){out.textContent='Network error 網絡錯誤'}};
document.getElementById('st').onclick=()=>send('/text',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({text:document.getElementById('text').value,burnAfterSeconds:after})});
document.getElementById('sd').onclick=()=>{const f=document.getElementById('file').files[0];if(!f){out.textContent='Choose a file first.';return}send('/document',{method:'POST',headers:{'content-type':'application/octet-stream'},body:f})};`;

const VIEW = `const t=location.pathname.split('/').pop(),box=document.getElementById('msg'),left=document.getElementById('left');let end=0,url='';
const blank=(m)=>{box.textContent=m;if(url)URL.revokeObjectURL(url);left.textContent='0';document.getElementById('go').hidden=true};
const tick=()=>{const s=Math.max(0,Math.ceil((end-Date.now())/1000));left.textContent=s;if(s<=0)blank('🔥 This message has burned. 此訊息已銷毀。');else setTimeout(tick,250)};
document.getElementById('go').onclick=async()=>{const r=await fetch('/api/burn/view/'+t+'/content');
if(!r.ok){const j=await r.json();blank(j.message);return}
document.getElementById('go').hidden=true;
if((r.headers.get('content-type')||'').startsWith('application/json')){const j=await r.json();box.textContent=j.text;end=Date.now()+j.remainingSeconds*1000}
else{end=Date.now()+Number(r.headers.get('x-burn-remaining'))*1000;url=URL.createObjectURL(await r.blob());const f=document.createElement('iframe');f.src=url;box.replaceChildren(f)}
tick()};`;

function page(title: string, body: string, script: string, extraCsp = ''): BurnPage {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${title}</h1>${body}<script nonce="${nonce}">${script}</script></body></html>`;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'${extraCsp}`;
  return { html, csp };
}

export function composePage(): BurnPage {
  return page(
    '🔥 Burn-after-reading 閱後即焚',
    `<div id="f"><p>Each recipient can read it for <span id="after"></span> s after they first open it. 收件人開啟後限時閱讀。</p>
<textarea id="text" maxlength="20000" aria-label="message"></textarea><button id="st">Send text 發送文字</button>
<p>…or a document (PDF, JPEG, PNG) 或上載文件：<input id="file" type="file" accept="application/pdf,image/jpeg,image/png"> <button id="sd">Send document 發送文件</button></p></div>
<p id="s" role="status"></p><p class="muted">One-time link, for you only. 一次性連結。</p>`,
    COMPOSE,
  );
}

export function viewerPage(): BurnPage {
  return page(
    '🔥 Burn-after-reading 閱後即焚',
    `<p>It burns shortly after you open it. 開啟後不久即銷毀。 Time left 剩餘秒數: <span id="left">–</span></p>
<button id="go">Open now 立即開啟</button><div id="msg" aria-live="polite"></div>`,
    VIEW,
    '; frame-src blob:; img-src blob:',
  );
}
