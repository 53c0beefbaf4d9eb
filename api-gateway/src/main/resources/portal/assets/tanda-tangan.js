/* Tanda tangan: one PDF -> the signed PDF, several -> a ZIP; invisible, or a visible QR code / specimen block. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show } = Teken;
  Teken.requireSession();
  const MAX = 20 * 1024 * 1024;
  let lastUrl = null;

  const radio = (name) => document.querySelector('input[name=' + name + ']:checked').value;
  function layout() {
    show('opsi-terlihat', radio('tampilan') === 'visible');
    show('bagian-gambar', radio('jenis') === 'gambar');
    show('bagian-penanda', radio('letak') === 'penanda');
    show('bagian-koordinat', radio('letak') === 'koordinat');
  }
  document.querySelectorAll('input[type=radio]').forEach((r) => r.addEventListener('change', layout));
  layout();

  $('berkas').addEventListener('change', () => {
    const files = Array.from($('berkas').files);
    $('daftar-berkas').textContent = files.length ? files.length + ' berkas: ' + files.map((f) => f.name).join(', ') : '';
  });

  $('form-tte').addEventListener('submit', (e) => {
    e.preventDefault();
    const files = Array.from($('berkas').files);
    if (!files.length) { notice('pesan', 'bad', 'Pilih minimal satu berkas PDF.'); $('berkas').focus(); return; }
    const bad = files.find((f) => !/\.pdf$/i.test(f.name) && f.type !== 'application/pdf');
    if (bad) { notice('pesan', 'bad', 'Berkas ' + bad.name + ' bukan PDF.'); return; }
    const big = files.find((f) => f.size > MAX);
    if (big) { notice('pesan', 'bad', 'Berkas ' + big.name + ' lebih dari 20 MB.'); return; }
    if (files.length > 10) { notice('pesan', 'bad', 'Maksimal 10 berkas sekali tanda tangan.'); return; }
    const passphrase = $('passphrase').value;
    if (!passphrase) { notice('pesan', 'bad', 'Passphrase wajib diisi.'); $('passphrase').focus(); return; }
    const form = new FormData();
    files.forEach((f) => form.append(files.length === 1 ? 'file' : 'files', f, f.name));
    form.append('passphrase', passphrase);
    form.append('tampilan', radio('tampilan'));
    if (radio('tampilan') === 'visible') {
      const image = radio('jenis') === 'gambar';
      form.append('image', image ? 'true' : 'false');
      if (image) {
        const s = $('spesimen').files[0];
        if (!s) { notice('pesan', 'bad', 'Pilih gambar spesimen, atau gunakan kode QR.'); return; }
        if (s.size > 1024 * 1024) { notice('pesan', 'bad', 'Gambar spesimen maksimal 1 MB.'); return; }
        form.append('imageTTD', s, s.name);
      }
      form.append('width', $('lebar').value);
      form.append('height', $('tinggi').value);
      if (radio('letak') === 'penanda') {
        form.append('tag_koordinat', $('penanda').value);
      } else {
        form.append('page', $('halaman').value);
        form.append('originX', $('posisi-x').value);
        form.append('originY', $('posisi-y').value);
      }
    }
    busy($('tombol-tte'), async () => {
      notice('pesan', 'info', 'Menandatangani ' + files.length + ' berkas…');
      const r = await api('POST', files.length === 1 ? '/api/v1/signatures' : '/api/v1/signatures/batch', { body: form, binary: true });
      $('passphrase').value = '';
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'ok', '');
      const name = files.length === 1 ? files[0].name.replace(/\.pdf$/i, '') + '_signed.pdf' : 'dokumen_signed.zip';
      if (lastUrl) URL.revokeObjectURL(lastUrl);
      lastUrl = URL.createObjectURL(r.blob);
      const link = $('unduh');
      link.href = lastUrl;
      link.download = name;
      link.textContent = 'Unduh ' + name;
      const id = r.headers.get('X-Document-Id');
      $('hasil-teks').textContent = files.length === 1
        ? 'Nomor dokumen ' + (id || '-') + ', level ' + (r.headers.get('X-Signature-Level') || '-') + '. Siapa pun dapat memeriksanya di halaman Verifikasi.'
        : files.length + ' dokumen ditandatangani dalam satu berkas ZIP (beserta manifest.json).';
      show('hasil', true);
      link.focus();
    });
  });
});
