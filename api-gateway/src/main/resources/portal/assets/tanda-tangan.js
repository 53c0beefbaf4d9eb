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
    show('bagian-klik', radio('letak') === 'klik');
    if (radio('tampilan') === 'visible' && radio('letak') === 'klik') preview();
  }

  // Placement by a click on the page: the page comes from POST /api/v1/signatures/preview (PNG and its size in points).
  const spot = { page: 0, widthPt: 0, heightPt: 0, x: null, y: null, shownFor: null };
  async function preview() {
    const f = $('berkas').files[0];
    const page = Math.max(1, parseInt($('halaman-klik').value, 10) || 1);
    if (!f) { $('posisi').textContent = 'Pilih berkas PDF untuk menampilkan halamannya.'; return; }
    const key = f.name + ':' + f.size + ':' + f.lastModified + ':' + page;
    if (spot.shownFor === key) return;
    const form = new FormData();
    form.append('file', f, f.name);
    form.append('page', String(page));
    form.append('width', '800');
    $('posisi').textContent = 'Menampilkan halaman ' + page + '…';
    const r = await api('POST', '/api/v1/signatures/preview', { body: form, binary: true, headers: { Accept: 'image/png, application/problem+json' } });
    if (!r.ok) { $('posisi').textContent = r.problem.message; show('tampilan-halaman', false); return; }
    const img = $('gambar-halaman');
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(r.blob);
    Object.assign(spot, { page, widthPt: parseFloat(r.headers.get('X-Page-Width')), heightPt: parseFloat(r.headers.get('X-Page-Height')),
      x: null, y: null, shownFor: key });
    $('halaman-klik').max = r.headers.get('X-Page-Count');
    show('tanda', false);
    show('tampilan-halaman', true);
    $('posisi').textContent = 'Halaman ' + page + ' dari ' + r.headers.get('X-Page-Count') + '. Klik untuk menaruh tanda tangan.';
  }

  function place(xPt, yPt) {
    const w = parseFloat($('lebar').value) || 220, h = parseFloat($('tinggi').value) || 80;
    spot.x = Math.round(Math.max(0, Math.min(spot.widthPt - w, xPt)));
    spot.y = Math.round(Math.max(0, Math.min(spot.heightPt - h, yPt)));
    // In percent of the page, so that the mark stays put when the page is shown at another size (a phone turned).
    const mark = $('tanda');
    mark.style.left = (100 * spot.x / spot.widthPt) + '%';
    mark.style.top = (100 * spot.y / spot.heightPt) + '%';
    mark.style.width = (100 * w / spot.widthPt) + '%';
    mark.style.height = (100 * h / spot.heightPt) + '%';
    show(mark, true);
    $('posisi').textContent = 'Tanda tangan di halaman ' + spot.page + ', ' + spot.x + ' pt dari kiri dan ' + spot.y + ' pt dari atas.';
  }
  $('gambar-halaman').addEventListener('click', (e) => {
    const img = $('gambar-halaman'), box = img.getBoundingClientRect(), k = spot.widthPt / img.clientWidth;
    place((e.clientX - box.left) * k, (e.clientY - box.top) * k);
  });
  $('tampilan-halaman').addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 50 : 10, moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (!moves[e.key] || !spot.widthPt) return;
    e.preventDefault();
    place((spot.x == null ? 72 : spot.x) + moves[e.key][0], (spot.y == null ? 72 : spot.y) + moves[e.key][1]);
  });
  $('halaman-klik').addEventListener('change', preview);
  ['lebar', 'tinggi'].forEach((id) => $(id).addEventListener('change', () => { if (spot.x != null) place(spot.x, spot.y); }));
  document.querySelectorAll('input[type=radio]').forEach((r) => r.addEventListener('change', layout));

  $('berkas').addEventListener('change', () => {
    const files = Array.from($('berkas').files);
    $('daftar-berkas').textContent = files.length ? files.length + ' berkas: ' + files.map((f) => f.name).join(', ') : '';
    spot.shownFor = null;
    layout();
  });

  layout();

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
      if (radio('letak') === 'klik') {
        if (spot.x == null) { notice('pesan', 'bad', 'Klik pada gambar halaman untuk menaruh tanda tangan, atau pilih letak lain.'); return; }
        form.append('page', String(spot.page));
        form.append('originX', String(spot.x));
        form.append('originY', String(spot.y));
      } else if (radio('letak') === 'penanda') {
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
      if (!r.blob) { notice('pesan', 'bad', 'Jawaban server tidak dapat diunduh. Coba lagi.'); return; }
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
