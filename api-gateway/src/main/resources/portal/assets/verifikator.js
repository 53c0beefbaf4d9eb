/* Verifikator TTE: the review queue, one activation with its selfie, approve / reject with a reason, links. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  Teken.requireSession('VERIFIKATOR');
  let current = null;
  let selfieUrl = null;

  const REASONS = { FACE_REVIEW_REQUIRED: 'Swafoto perlu dibandingkan', FACE_MISMATCH: 'Skor kemiripan wajah rendah', NAME_DIFFERS: 'Nama berbeda dengan data kepegawaian',
    KATEGORI_LAINNYA: 'Kategori Lainnya (di luar SIASN)', CONTRACT_STAFF: 'Tenaga kontrak: periksa kontrak dan unit kerjanya' };
  const reasons = (list) => (list || []).map((r) => REASONS[r] || r).join(', ');

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text == null ? '-' : text; row.appendChild(td); return td; }

  let asked = 0;
  async function queue() {
    const mine = ++asked;
    const q = new URLSearchParams({ status: $('filter-status').value });
    const nip = $('filter-nip').value.trim();
    if (nip) q.set('nip', nip);
    const r = await api('GET', '/api/v1/verifier/activations?' + q);
    if (mine !== asked) return; // a later request's answer renders the table
    const body = document.querySelector('#antrian tbody');
    body.replaceChildren();
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
    show('antrian-kosong', r.data.length === 0);
    r.data.forEach((a) => {
      const tr = document.createElement('tr');
      cell(tr, a.namaTerdaftar); cell(tr, a.nip); cell(tr, reasons(a.alasanVerifikasi)); cell(tr, date(a.dikirimPada));
      const b = document.createElement('button');
      b.type = 'button'; b.className = 'secondary'; b.textContent = 'Periksa';
      b.setAttribute('aria-label', 'Periksa aktivasi ' + (a.namaTerdaftar || a.nip));
      b.addEventListener('click', () => open(a.id));
      tr.appendChild(document.createElement('td')).appendChild(b);
      body.appendChild(tr);
    });
  }

  async function open(id) {
    const r = await api('GET', '/api/v1/verifier/activations/' + encodeURIComponent(id));
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
    current = r.data;
    const a = current, i = a.identitas || {}, k = a.kedinasan || {};
    const dl = $('rincian-data');
    dl.replaceChildren();
    [['Status', a.status], ['Nama terdaftar', a.namaTerdaftar], ['NIP', a.nip], ['Email Dinas', a.emailDinas],
      ['Nama Lengkap (KTP)', i.namaLengkap], ['NIK', i.nik], ['Nomor Telepon', i.nomorTelepon], ['Kategori', k.kategori],
      ['NIP/NRP', k.nipNrp], ['Unit Organisasi', k.unitOrganisasi], ['Jabatan', k.jabatan], ['Provinsi', k.provinsi],
      ['Terverifikasi SIASN', k.terverifikasiSiasn ? 'Ya' : 'Tidak'], ['Hasil verifikasi wajah', a.hasilVerifikasiWajah],
      ['Alasan pemeriksaan', reasons(a.alasanVerifikasi)], ...(a.kontrakBerakhir ? [['Kontrak berakhir', date(a.kontrakBerakhir)]] : []),
      ['Dikirim', date(a.dikirimPada)],
      ['Diputuskan oleh', a.diputuskanOleh], ['Alasan keputusan', a.alasanKeputusan]].forEach(([key, v]) => {
      const dt = document.createElement('dt'); dt.textContent = key;
      const dd = document.createElement('dd'); dd.textContent = v == null || v === '' ? '-' : v;
      dl.append(dt, dd);
    });
    show('aksi-keputusan', a.status === 'WAITING_FOR_VERIFICATION');
    show('aksi-tautan', a.status === 'LINK_SENT' || a.status === 'EXPIRED');
    if (selfieUrl) { URL.revokeObjectURL(selfieUrl); selfieUrl = null; }
    show('swafoto-bingkai', false);
    if (a.swafotoTersedia) {
      const s = await api('GET', '/api/v1/verifier/activations/' + encodeURIComponent(id) + '/selfie', { binary: true, headers: { Accept: 'image/*' } });
      if (s.ok && s.blob) { selfieUrl = URL.createObjectURL(s.blob); $('swafoto').src = selfieUrl; show('swafoto-bingkai', true); }
    }
    show('rincian', true);
    $('judul-rincian').focus();
  }

  async function decide(button, path, json, done) {
    await busy(button, async () => {
      const r = await api('POST', '/api/v1/verifier/activations/' + encodeURIComponent(current.id) + path, json ? { json } : {});
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'ok', done);
      await open(current.id);
      await queue();
    });
  }

  $('judul-rincian').tabIndex = -1;
  $('muat-antrian').addEventListener('click', () => busy($('muat-antrian'), queue));
  $('setujui').addEventListener('click', () => decide($('setujui'), '/approve', null, 'Aktivasi disetujui. Tautan passphrase dikirim ke Email Dinas pemohon.'));
  $('tolak').addEventListener('click', () => {
    const alasan = $('alasan').value.trim();
    if (!alasan) { notice('pesan', 'bad', 'Tulis alasan penolakan; alasan dikirim kepada pemohon.'); $('alasan').focus(); return; }
    decide($('tolak'), '/reject', { alasan }, 'Aktivasi ditolak; alasannya dikirim kepada pemohon.');
  });
  $('kirim-ulang').addEventListener('click', () => decide($('kirim-ulang'), '/resend-link', null, 'Tautan aktivasi baru dikirim.'));
  $('batalkan-tautan').addEventListener('click', () => decide($('batalkan-tautan'), '/invalidate-link', null, 'Tautan aktivasi dibatalkan.'));
  queue();
});

/* Certificates of a NIP (suspend, unsuspend, revoke) and the verifiers' audit trail. */
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date, confirm } = Teken;
  if (!Teken.session()) return;
  let nip = '';

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text == null || text === '' ? '-' : text; row.appendChild(td); return td; }
  function action(td, label, cls, work) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = cls; b.textContent = label;
    b.addEventListener('click', () => busy(b, work));
    td.appendChild(b);
  }

  async function certificates() {
    const r = await api('GET', '/api/v1/verifier/certificates?nip=' + encodeURIComponent(nip));
    const body = document.querySelector('#sertifikat tbody');
    body.replaceChildren();
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); show('sertifikat', false); return; }
    show('sertifikat', r.data.length > 0);
    show('sertifikat-kosong', r.data.length === 0);
    show('tindakan-sertifikat', r.data.some((c) => c.status === 'ISSUE' || c.status === 'SUSPEND'));
    r.data.forEach((c) => {
      const tr = document.createElement('tr');
      cell(tr, c.serialNumber);
      cell(tr, c.status + (c.locked ? ' (terkunci)' : '') + (c.revocationReason ? ' - ' + c.revocationReason : ''));
      cell(tr, date(c.validFrom) + ' - ' + date(c.validTo));
      const td = cell(tr, '');
      td.textContent = '';
      const serial = encodeURIComponent(c.serialNumber);
      if (c.status === 'ISSUE') {
        action(td, 'Tangguhkan', 'secondary', () => change(serial, '/suspend', { alasan: $('alasan-sertifikat').value.trim() || null },
          'Tangguhkan sertifikat ' + c.serialNumber + '? Pemilik tidak dapat menandatangani sampai penangguhan dicabut.'));
      }
      if (c.status === 'SUSPEND') {
        action(td, 'Cabut penangguhan', 'secondary', () => change(serial, '/unsuspend', null, 'Aktifkan kembali sertifikat ' + c.serialNumber + '?'));
      }
      if (c.status === 'ISSUE' || c.status === 'SUSPEND') {
        action(td, 'Cabut', 'danger', () => change(serial, '/revoke', { alasan: $('alasan-cabut').value },
          'Cabut sertifikat ' + c.serialNumber + ' secara permanen (' + $('alasan-cabut').value + ')? Tindakan ini tidak dapat dibatalkan.'));
      }
      body.appendChild(tr);
    });
  }

  async function change(serial, path, json, question) {
    if (!(await confirm(question))) return;
    const r = await api('POST', '/api/v1/verifier/certificates/' + serial + path, json ? { json } : {});
    notice('pesan', r.ok ? 'ok' : 'bad', r.ok ? 'Status sertifikat sekarang ' + r.data.status + '.' : r.problem.message);
    await certificates();
  }

  $('form-sertifikat').addEventListener('submit', (e) => {
    e.preventDefault();
    nip = $('sertifikat-nip').value.trim();
    if (!/^[0-9]{18}$/.test(nip)) { notice('pesan', 'bad', 'NIP terdiri dari 18 digit angka.'); $('sertifikat-nip').focus(); return; }
    busy($('cari-sertifikat'), certificates);
  });

  $('muat-audit').addEventListener('click', () => busy($('muat-audit'), () => Teken.listInto('/api/v1/verifier/audit?limit=100', 'audit', ['at', 'actorNip', 'action', 'activationId', 'detail'])));
});

/* "Pihak lain": a verifier enrols contract staff (POST /api/v1/verifier/contract-staff). */
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, confirm } = Teken;
  if (!Teken.session()) return;
  const tanpaNip = () => $('kontrak-tanpa-nip').checked;
  document.querySelectorAll('input[name=kontrak-jenis]').forEach((i) => i.addEventListener('change', () => {
    $('bagian-kontrak-nip').classList.toggle('hidden', tanpaNip());
    $('bagian-kontrak-baru').classList.toggle('hidden', !tanpaNip());
  }));
  $('form-kontrak').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { nik: $('kontrak-nik').value.trim(), emailDinas: $('kontrak-email').value.trim(),
      nomorKontrak: $('kontrak-nomor').value.trim(), kontrakBerakhir: $('kontrak-akhir').value };
    if (tanpaNip()) {
      Object.assign(body, { nama: $('kontrak-nama').value.trim(), unitOrganisasi: $('kontrak-unit').value.trim(), jabatan: $('kontrak-jabatan').value.trim() });
      if (!body.nama || !body.unitOrganisasi) { notice('pesan', 'bad', 'Lengkapi nama lengkap dan unit organisasi.'); $(body.nama ? 'kontrak-unit' : 'kontrak-nama').focus(); return; }
    } else {
      body.nip = $('kontrak-nip').value.trim();
      if (!/^[0-9]{18}$/.test(body.nip)) { notice('pesan', 'bad', 'Nomor pegawai terdiri dari 18 digit angka.'); $('kontrak-nip').focus(); return; }
    }
    if (!/^[0-9]{16}$/.test(body.nik)) { notice('pesan', 'bad', 'NIK terdiri dari 16 digit angka.'); $('kontrak-nik').focus(); return; }
    if (!body.emailDinas || !body.nomorKontrak || !body.kontrakBerakhir) { notice('pesan', 'bad', 'Lengkapi Email Dinas, nomor kontrak dan tanggal berakhir.'); return; }
    const siapa = tanpaNip() ? body.nama + ' (nomor akun baru)' : body.nip;
    if (!(await confirm('Daftarkan ' + siapa + ' sebagai tenaga kontrak sampai ' + body.kontrakBerakhir + '? Tautan aktivasi dikirim ke ' + body.emailDinas + '.'))) return;
    busy($('daftarkan-kontrak'), async () => {
      const r = await api('POST', '/api/v1/verifier/contract-staff', { json: body });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'ok', r.data.message);
      $('form-kontrak').reset();
      $('bagian-kontrak-nip').classList.remove('hidden');
      $('bagian-kontrak-baru').classList.add('hidden');
    });
  });
});
