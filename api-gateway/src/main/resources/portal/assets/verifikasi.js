/* Verifikasi: upload a signed PDF; the report of every signature in words. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  /** The serial as the dashboard and the certificate show it (hexadecimal). */
  const hex = (serial) => (/^[0-9]+$/.test(serial || '') ? BigInt(serial).toString(16).toUpperCase() : serial);
  const INDICATION = { TOTAL_PASSED: 'Valid', INDETERMINATE: 'Belum dapat dipastikan', TOTAL_FAILED: 'Tidak valid' };

  $('form-verifikasi').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = $('berkas').files[0];
    if (!f) { notice('pesan', 'bad', 'Pilih berkas PDF.'); $('berkas').focus(); return; }
    if (f.size > 20 * 1024 * 1024) { notice('pesan', 'bad', 'Berkas lebih dari 20 MB.'); return; }
    const form = new FormData();
    form.append('file', f, f.name);
    busy($('tombol-verifikasi'), async () => {
      show('hasil', false);
      const r = await api('POST', '/api/v1/verifications', { body: form, auth: false });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'info', '');
      const d = r.data;
      $('hasil-judul').textContent = Teken.conclusion(d.conclusion);
      $('hasil-ringkasan').textContent = (d.summary || '') + ' (' + d.signatureCount + ' tanda tangan)';
      const box = $('hasil-tanda-tangan');
      box.replaceChildren();
      (d.signatures || []).forEach((s, i) => {
        const dl = document.createElement('dl');
        dl.className = 'facts';
        const rows = [['Tanda tangan', String(i + 1)], ['Penanda tangan', s.signerName], ['Waktu', date(s.signingTime)],
          ['Hasil', (INDICATION[s.indication] || s.indication) + (s.subIndication ? ' (' + s.subIndication + ')' : '')],
          ['Dokumen utuh', s.integrityValid ? 'Ya' : 'Tidak'], ['Sertifikat terpercaya', s.chainTrusted ? 'Ya' : 'Tidak'],
          ['Sertifikat dicabut', s.certificateRevoked ? 'Ya' : 'Tidak'], ['Level', s.padesLevel], ['Nomor seri sertifikat', hex(s.certificateSerialNumber)]];
        rows.forEach(([k, v]) => {
          const dt = document.createElement('dt'); dt.textContent = k;
          const dd = document.createElement('dd'); dd.textContent = v == null ? '-' : v;
          dl.append(dt, dd);
        });
        box.appendChild(dl);
      });
      show('hasil', true);
    });
  });
});
