/* /verify/{id}, the page a signature's QR code opens: what Teken recorded, and a check of the file one received. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  const hex = (serial) => (/^[0-9]+$/.test(serial || '') ? BigInt(serial).toString(16).toUpperCase() : serial);
  let recorded = null;

  async function open() {
    const r = await api('GET', '/verify/' + encodeURIComponent(id), { auth: false });
    if (!r.ok) {
      notice('pesan', 'bad', r.status === 404
        ? 'Dokumen tidak ditemukan: kode QR ini tidak menunjuk dokumen yang ditandatangani melalui Teken. Dokumen mungkin palsu, atau tautannya rusak.'
        : r.problem.message);
      return;
    }
    recorded = r.data;
    $('dok-penanda').textContent = recorded.signerName || '-';
    $('dok-waktu').textContent = date(recorded.signedAt);
    $('dok-serial').textContent = hex(recorded.certificateSerialNumber) || '-';
    $('dok-level').textContent = recorded.padesLevel || '-';
    $('dok-id').textContent = recorded.documentId || id;
    $('dok-sha').textContent = recorded.documentSha256 || '-';
    show('dokumen', true);
    show('form-cocok', true);
  }

  async function sha256(buffer) {
    if (!window.crypto || !crypto.subtle) return null;
    const h = await crypto.subtle.digest('SHA-256', buffer);
    return Array.from(new Uint8Array(h)).map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  $('form-cocok').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = $('berkas').files[0];
    if (!f) { notice('pesan', 'bad', 'Pilih berkas PDF.'); $('berkas').focus(); return; }
    if (f.size > 20 * 1024 * 1024) { notice('pesan', 'bad', 'Berkas lebih dari 20 MB.'); return; }
    busy($('tombol-cocok'), async () => {
      const buffer = await f.arrayBuffer();
      const digest = await sha256(buffer);
      const form = new FormData();
      form.append('file', new Blob([buffer], { type: 'application/pdf' }), f.name);
      const r = await api('POST', '/api/v1/verifications', { body: form, auth: false });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'info', '');
      const d = r.data;
      $('hasil-judul').textContent = Teken.conclusion(d.conclusion);
      const same = digest === null ? null : digest === (recorded.documentSha256 || '').toLowerCase();
      $('hasil-sama').textContent = same === null ? '' : same
        ? 'Berkas ini sama persis dengan dokumen yang ditandatangani pada kode QR ini.'
        : 'Berkas ini bukan salinan persis dokumen pada kode QR ini (sidik jari berbeda).';
      $('hasil-sama').className = same === false ? 'notice warn' : same ? 'notice ok' : '';
      $('hasil-ringkasan').textContent = (d.summary || '') + ' (' + d.signatureCount + ' tanda tangan'
        + ((d.signatures || []).length ? ': ' + d.signatures.map((s) => s.signerName + ', ' + date(s.signingTime)).join('; ') : '') + ')';
      show('hasil', true);
    });
  });

  open();
});
