/* Aktivasi at the mailed link: identity -> Data Kedinasan -> swafoto (camera, or a file) -> consents -> submit. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  const token = encodeURIComponent(Teken.linkToken());
  const base = '/api/v1/activations/' + token;
  const ORDER = ['IDENTITY', 'EMPLOYMENT', 'SELFIE', 'SUBMIT'];
  let stream = null;
  let photo = null;
  let checked = false;

  function go(step) {
    ORDER.forEach((s) => show('step-' + s, s === step));
    document.querySelectorAll('#langkah li').forEach((li) => {
      const i = ORDER.indexOf(li.dataset.step), at = ORDER.indexOf(step);
      li.className = i < at ? 'done' : i === at ? 'current' : '';
      if (i === at) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
    notice('pesan', 'info', '');
    if (step === 'SELFIE') startCamera(); else stopCamera();
    if (step === 'SUBMIT') loadTexts();
    const first = document.querySelector('#step-' + step + ' input:not([readonly]), #step-' + step + ' button');
    if (first) first.focus();
  }

  function finished(status, message) {
    ORDER.forEach((s) => show('step-' + s, false));
    show('langkah', false);
    stopCamera();
    const ok = status === 'ACTIVATED' || status === 'NO_CERTIFICATE';
    $('selesai-judul').textContent = ok ? 'Aktivasi Berhasil' : status === 'WAITING_FOR_VERIFICATION' ? 'Menunggu verifikasi' : 'Aktivasi ' + status;
    $('selesai-teks').textContent = message || (ok
      ? 'Tautan untuk membuat passphrase telah dikirim ke Email Dinas Anda.'
      : 'Data Anda diperiksa oleh Verifikator TTE. Hasilnya dikirim ke Email Dinas Anda.');
    show('selesai', true);
  }

  function refused(r) {
    const gone = r.status === 404 || r.status === 410;
    notice('pesan', 'bad', r.problem.message + (gone ? ' Tautan aktivasi hanya berlaku sekali dan terbatas waktunya: masuk ke Dashboard lalu lakukan registrasi kembali untuk mendapat tautan baru.' : ''));
    if (gone) { ORDER.forEach((s) => show('step-' + s, false)); show('langkah', false); stopCamera(); }
  }

  async function open() {
    const r = await api('GET', base, { auth: false });
    if (!r.ok) { refused(r); return; }
    const v = r.data;
    $('akt-nama').textContent = v.nama || '-';
    $('akt-instansi').textContent = v.instansi || '-';
    $('instansi').value = v.instansi || '';
    $('akt-email').textContent = v.emailDinas || '-';
    $('akt-sampai').textContent = date(v.berlakuSampai);
    $('versi-kp').textContent = 'versi ' + (v.versiKebijakanPrivasi || '-');
    $('versi-pp').textContent = 'versi ' + (v.versiPerjanjianPemilik || '-');
    show('ringkasan', true);
    if (!v.langkahBerikutnya) { finished(v.status); return; }
    show('langkah', true);
    go(v.langkahBerikutnya);
  }

  $('step-IDENTITY').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { namaLengkap: $('nama-lengkap').value.trim(), nik: $('nik').value.trim(), nomorTelepon: $('telepon').value.trim() };
    if (!body.namaLengkap) { notice('pesan', 'bad', 'Nama Lengkap wajib diisi.'); $('nama-lengkap').focus(); return; }
    if (!/^[0-9]{16}$/.test(body.nik)) { notice('pesan', 'bad', 'NIK terdiri dari 16 digit angka.'); $('nik').focus(); return; }
    busy($('simpan-identitas'), async () => {
      const r = await api('PUT', base + '/identity', { json: body, auth: false });
      if (!r.ok) { refused(r); return; }
      go(r.data.langkahBerikutnya || 'EMPLOYMENT');
    });
  });

  function kategori() { return document.querySelector('input[name=kategori]:checked').value; }
  document.querySelectorAll('input[name=kategori]').forEach((i) => i.addEventListener('change', () => {
    show('bagian-asn', kategori() === 'ASN_POLRI');
    show('bagian-lainnya', kategori() === 'LAINNYA');
  }));
  $('nip-nrp').addEventListener('input', () => { checked = false; show('hasil-siasn', false); });

  async function employment() {
    const body = kategori() === 'ASN_POLRI'
      ? { kategori: 'ASN_POLRI', nipNrp: $('nip-nrp').value.trim() }
      : { kategori: 'LAINNYA', nipNrp: '', unitOrganisasi: $('unit').value.trim(), jabatan: $('jabatan').value.trim() };
    if (body.kategori === 'ASN_POLRI' && !/^([0-9]{18}|[0-9]{8})$/.test(body.nipNrp)) {
      notice('pesan', 'bad', 'NIP terdiri dari 18 digit atau NRP 8 digit angka.'); $('nip-nrp').focus(); return null;
    }
    const r = await api('PUT', base + '/employment', { json: body, auth: false });
    if (!r.ok) {
      if (r.status === 404) {
        notice('pesan', 'bad', 'NIP/NRP tidak ditemukan. Periksa kembali NIP/NRP Anda. Jika data kepegawaian Anda belum tercatat, hubungi pengelola kepegawaian (BKPSDM); jika Anda bukan ASN/POLRI, pilih kategori Lainnya.');
      } else {
        refused(r);
      }
      return null;
    }
    return r.data;
  }

  $('cek-nip').addEventListener('click', () => busy($('cek-nip'), async () => {
    const d = await employment();
    if (!d) return;
    checked = true;
    $('siasn-unit').textContent = d.unitOrganisasi || '-';
    $('siasn-jabatan').textContent = d.jabatan || '-';
    $('siasn-provinsi').textContent = d.provinsi || '-';
    show('hasil-siasn', true);
    notice('pesan', 'ok', 'Data kepegawaian ditemukan. Periksa lalu tekan Lanjut.');
  }));

  $('step-EMPLOYMENT').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('simpan-kedinasan'), async () => {
      if (kategori() === 'ASN_POLRI' && checked) { go('SELFIE'); return; }
      const d = await employment();
      if (d) go(d.langkahBerikutnya || 'SELFIE');
    });
  });

  async function startCamera() {
    if (stream || photo) return;
    const status = $('kamera-status');
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      status.textContent = 'Kamera tidak tersedia di peramban ini. Unggah foto sebagai gantinya.';
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
      $('kamera').srcObject = stream;
      $('ambil-foto').disabled = false;
      status.textContent = 'Kamera aktif. Posisikan wajah di tengah lalu tekan Ambil foto.';
    } catch (err) {
      status.textContent = 'Kamera tidak dapat dipakai (' + (err && err.name === 'NotAllowedError' ? 'izin ditolak' : 'tidak ditemukan') + '). Unggah foto sebagai gantinya.';
    }
  }

  function stopCamera() {
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    $('ambil-foto').disabled = true;
  }

  $('ambil-foto').addEventListener('click', () => {
    const v = $('kamera');
    if (!v.videoWidth) { $('kamera-status').textContent = 'Kamera belum siap, coba lagi sebentar lagi.'; return; }
    const c = document.createElement('canvas');
    c.width = v.videoWidth; c.height = v.videoHeight;
    c.getContext('2d').drawImage(v, 0, 0);
    c.toBlob((blob) => {
      photo = blob;
      $('foto').src = URL.createObjectURL(blob);
      show('foto', true); show('kamera', false);
      show('ulangi-foto', true); show('kirim-foto', true); show('ambil-foto', false);
      stopCamera();
      $('kamera-status').textContent = 'Periksa foto: wajah jelas dan tidak buram? Tekan Gunakan foto ini, atau Ulangi.';
      $('kirim-foto').focus();
    }, 'image/jpeg', 0.92);
  });

  function retake() {
    photo = null;
    show('foto', false); show('kamera', true);
    show('ulangi-foto', false); show('kirim-foto', false); show('ambil-foto', true);
    startCamera();
  }
  $('ulangi-foto').addEventListener('click', retake);

  async function sendSelfie(blob, button) {
    const r = await api('PUT', base + '/selfie', { body: blob, headers: { 'Content-Type': blob.type || 'image/jpeg' }, auth: false });
    if (!r.ok) {
      notice('pesan', 'bad', r.problem.message + ' Silakan ambil foto ulang.');
      if (r.status !== 404 && r.status !== 410) { retake(); } else { refused(r); }
      return;
    }
    go(r.data.langkahBerikutnya || 'SUBMIT');
  }
  $('kirim-foto').addEventListener('click', () => busy($('kirim-foto'), () => sendSelfie(photo)));

  $('unggah-foto').addEventListener('change', () => {
    const f = $('unggah-foto').files[0];
    if (!f) return;
    if (!['image/jpeg', 'image/png'].includes(f.type)) { notice('pesan', 'bad', 'Foto harus berformat JPEG atau PNG.'); return; }
    if (f.size > 5 * 1024 * 1024) { notice('pesan', 'bad', 'Foto maksimal 5 MB.'); return; }
    stopCamera();
    sendSelfie(f);
  });

  async function loadTexts() {
    for (const [page, box] of [['/kebijakan-privasi', 'teks-kp'], ['/perjanjian-pemilik', 'teks-pp']]) {
      if ($(box).childElementCount) continue;
      try {
        const html = await (await fetch(page, { credentials: 'omit' })).text();
        const article = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
        if (article) Array.from(article.children).forEach((n) => $(box).appendChild(document.importNode(n, true)));
      } catch (e) { $(box).textContent = 'Teks tidak dapat dimuat; buka tautannya di atas.'; }
    }
  }

  ['setuju-kp', 'setuju-pp'].forEach((id) => $(id).addEventListener('change', () => notice('pesan', 'info', '')));

  $('step-SUBMIT').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!$('setuju-kp').checked || !$('setuju-pp').checked) {
      notice('pesan', 'bad', 'Centang kedua persetujuan untuk melanjutkan.');
      return;
    }
    busy($('kirim-aktivasi'), async () => {
      const r = await api('POST', base + '/submit', { json: { setujuKebijakanPrivasi: true, setujuPerjanjianPemilik: true }, auth: false });
      if (!r.ok) { refused(r); return; }
      finished(r.data.status, r.data.message);
    });
  });

  open();
});
