/* Persetujuan tanda tangan at the mailed link (BSrE's sign TOTP): what a system client asks, approved with the passphrase. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  const base = '/api/v1/signing-approvals/' + encodeURIComponent(Teken.linkToken());

  function approved(text) {
    show('form-persetujuan', false);
    $('disetujui-teks').textContent = text;
    show('disetujui', true);
  }

  async function open() {
    const r = await api('GET', base, { auth: false });
    if (!r.ok) {
      notice('pesan', 'bad', r.problem.message + ((r.status === 404 || r.status === 410)
        ? ' Tautan hanya berlaku untuk satu permintaan dan terbatas waktunya; minta aplikasi mengirim TOTP baru.' : ''));
      return;
    }
    const v = r.data;
    if (v.status === 'DISETUJUI') {
      approved('Permintaan ini sudah Anda setujui. Berikan kode TOTP dari email kepada aplikasi ' + v.aplikasi + '.');
      return;
    }
    $('permintaan').textContent = 'Aplikasi "' + v.aplikasi + '" meminta izin menandatangani ' + v.jumlahDokumen
      + ' dokumen atas nama Anda dengan sertifikat elektronik Anda.';
    $('ps-nama').textContent = v.nama;
    $('ps-aplikasi').textContent = v.aplikasi;
    $('ps-jumlah').textContent = String(v.jumlahDokumen);
    $('ps-sampai').textContent = date(v.berlakuSampai);
    show('form-persetujuan', true);
    $('passphrase').focus();
  }

  $('form-persetujuan').addEventListener('submit', (e) => {
    e.preventDefault();
    const passphrase = $('passphrase').value;
    if (!passphrase) { notice('pesan', 'bad', 'Masukkan passphrase Anda.'); $('passphrase').focus(); return; }
    busy($('setujui'), async () => {
      const r = await api('POST', base, { auth: false, json: { passphrase } });
      $('passphrase').value = '';
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'ok', '');
      approved(r.data.message);
    });
  });

  open();
});
