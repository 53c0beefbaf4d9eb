/* Teken portal: what every page shares. Only the public JSON API of this origin; the access token lives in this tab's
 * sessionStorage (never in a cookie, a URL or a log), sent as a Bearer header. */
'use strict';
const Teken = (() => {
  const KEY = 'teken.session';

  function session() {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      if (s && s.expiresAt && Date.parse(s.expiresAt) > Date.now()) return s;
    } catch (e) { /* a damaged entry is no session */ }
    sessionStorage.removeItem(KEY);
    return null;
  }

  function signIn(login) {
    sessionStorage.setItem(KEY, JSON.stringify({ token: login.accessToken, roles: login.roles || [], expiresAt: login.expiresAt }));
  }

  /** Keluar: the token is revoked on the server (every service refuses it from then on), then forgotten here. */
  async function signOut() {
    if (session()) {
      await api('POST', '/api/v1/auth/logout').catch(() => null);
    }
    sessionStorage.removeItem(KEY);
    location.assign('/');
  }

  /** The session, or off to the sign-in page (which comes back here afterwards). */
  function requireSession(role) {
    const s = session();
    if (!s) {
      sessionStorage.setItem('teken.after', location.pathname);
      location.replace('/');
      throw new Error('not signed in');
    }
    if (role && !s.roles.includes(role)) {
      location.replace('/dashboard');
      throw new Error('role');
    }
    return s;
  }

  /** fetch against the API: {status, ok, data (JSON or null), blob, headers, problem: {code, message}} */
  async function api(method, path, opts = {}) {
    // A binary answer is asked for as such: the batch route answers JSON (base64) to whoever accepts JSON.
    const accept = opts.binary ? 'application/pdf, application/zip, image/png, image/jpeg, application/problem+json'
      : 'application/json, application/problem+json';
    const headers = Object.assign({ Accept: accept }, opts.headers || {});
    let body = opts.body;
    if (opts.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(opts.json); }
    const s = session();
    if (opts.auth !== false && s) headers.Authorization = 'Bearer ' + s.token;
    let res;
    try {
      res = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    } catch (e) {
      return { status: 0, ok: false, problem: { code: 'NETWORK', message: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.' } };
    }
    const type = res.headers.get('Content-Type') || '';
    const out = { status: res.status, ok: res.ok, headers: res.headers, data: null };
    if (type.includes('json')) {
      out.data = await res.json().catch(() => null);
    } else if (opts.binary) {
      out.blob = await res.blob();
    } else {
      await res.text();
    }
    if (!res.ok) out.problem = problem(res, out.data);
    if (res.status === 401 && s && opts.auth !== false && !opts.keepSessionOn401) {
      sessionStorage.removeItem(KEY);
      sessionStorage.setItem('teken.notice', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
      location.replace('/');
    }
    return out;
  }

  /** A person's words for a refusal: the API's own (Indonesian) detail, a few codes said more plainly. */
  function problem(res, p) {
    const code = (p && (p.code || p.error)) || 'HTTP_' + res.status;
    const retry = Number(res.headers.get('Retry-After') || 0);
    const plain = {
      INVALID_CREDENTIALS: 'NIP atau password salah.',
      TOO_MANY_ATTEMPTS: 'Terlalu banyak percobaan.' + (retry ? ' Coba lagi dalam ' + minutes(retry) + '.' : ' Coba lagi nanti.'),
      TOO_MANY_REQUESTS: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
      PAYLOAD_TOO_LARGE: 'Berkas terlalu besar.',
      UNAUTHENTICATED: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
      SERVICE_UNAVAILABLE: 'Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.'
    };
    let message = plain[code] || (p && (p.detail || p.error_description || p.title || p.message)) || null;
    if (!message) message = res.status >= 500 ? 'Layanan sedang mengalami gangguan. Coba lagi beberapa saat lagi.' : 'Permintaan tidak dapat diproses (HTTP ' + res.status + ').';
    return { code, message, retryAfter: retry };
  }

  function minutes(seconds) {
    return seconds < 90 ? seconds + ' detik' : Math.ceil(seconds / 60) + ' menit';
  }

  const $ = (id) => document.getElementById(id);

  function show(el, yes = true) { (typeof el === 'string' ? $(el) : el).classList.toggle('hidden', !yes); }

  /** A notice box: kind ok | bad | info | warn; '' hides it. Text only (never HTML). */
  function notice(el, kind, text) {
    el = typeof el === 'string' ? $(el) : el;
    el.className = 'notice ' + kind + (text ? '' : ' hidden');
    el.textContent = text || '';
    el.setAttribute('role', kind === 'bad' ? 'alert' : 'status');
    if (text) el.scrollIntoView({ block: 'nearest' });
  }

  /** The token of a mailed link: the last part of this page's address. */
  function linkToken() {
    const parts = location.pathname.split('/').filter(Boolean);
    return parts.length >= 2 ? parts[parts.length - 1] : '';
  }

  function date(iso) {
    if (!iso) return '-';
    return new Date(iso).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }) + ' WIB';
  }

  /** Buttons disabled while a call runs (no double submit). */
  async function busy(button, work) {
    if (button.disabled) return;
    button.disabled = true;
    const label = button.textContent;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Memproses…';
    try { return await work(); } finally { button.disabled = false; button.textContent = label; button.removeAttribute('aria-busy'); }
  }

  /** The header's menu for a signed-in person. */
  function menu() {
    const s = session();
    const nav = document.querySelector('header.top nav');
    if (!nav) return;
    if (!s) {
      // Signed out: the public pages and the way in.
      const links = [['/verify', 'Verifikasi'], ['/', 'Masuk']].map(([href, label]) => {
        const a = document.createElement('a'); a.href = href; a.textContent = label; return a;
      });
      nav.replaceChildren(...links);
      nav.querySelectorAll('a').forEach((a) => { if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page'); });
      return;
    }
    nav.querySelectorAll('[data-role]').forEach((a) => show(a, s.roles.includes(a.dataset.role)));
    nav.querySelectorAll('a').forEach((a) => { if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page'); });
    const out = $('keluar');
    if (out) out.addEventListener('click', signOut);
  }

  /** A verification's conclusion in words. */
  function conclusion(c) {
    return { VALID: 'Dokumen valid', INVALID: 'Dokumen tidak valid', NO_SIGNATURE: 'Dokumen belum ditandatangani secara elektronik',
      INDETERMINATE: 'Keabsahan belum dapat dipastikan' }[c] || 'Hasil verifikasi: ' + c;
  }

  /** The page's confirmation dialog (#konfirmasi): true when the person chose "Iya". */
  function confirm(text) {
    const d = $('konfirmasi');
    $('konfirmasi-teks').textContent = text;
    d.returnValue = '';
    return new Promise((resolve) => {
      d.addEventListener('close', () => resolve(d.returnValue === 'iya'), { once: true });
      d.showModal();
      $('konfirmasi-batal').focus();
    });
  }

  /** GET path (a list), one row per entry in tbody of #tableId with the given fields (a date for "at"); errors to #pesan. */
  async function listInto(path, tableId, fields) {
    const r = await api('GET', path);
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); return null; }
    r.data.forEach((entry) => {
      const tr = document.createElement('tr');
      fields.forEach((f) => {
        const td = document.createElement('td');
        const v = f === 'at' ? date(entry.at) : entry[f];
        td.textContent = v == null || v === '' ? '-' : v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    show(tableId, true);
    return r.data;
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url; a.download = name; a.rel = 'noopener';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return url;
  }

  document.addEventListener('DOMContentLoaded', menu);
  return { session, signIn, signOut, requireSession, api, $, show, notice, linkToken, date, busy, download, minutes, confirm, listInto, conclusion };
})();
