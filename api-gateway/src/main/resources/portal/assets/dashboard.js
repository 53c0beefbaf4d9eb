/* Dashboard > Sertifikat Elektronik: the profile, the certificate's status and what to do next. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date, confirm } = Teken;
  Teken.requireSession();

  const NEXT = {
    NOT_REGISTERED: 'Anda belum memiliki sertifikat elektronik. Verifikasi NIK Anda lalu lakukan Registrasi Sertifikat di bawah.',
    NEW: 'Registrasi diterima. Buka tautan aktivasi yang dikirim ke Email Dinas Anda. Jika tautan sudah kedaluwarsa, lakukan registrasi kembali di bawah.',
    WAITING_FOR_VERIFICATION: 'Aktivasi Anda sedang diperiksa Verifikator TTE. Hasilnya dikirim ke Email Dinas Anda.',
    NO_CERTIFICATE: 'Aktivasi berhasil. Buka tautan di Email Dinas Anda untuk membuat passphrase; sertifikat terbit setelah passphrase dibuat.',
    ISSUE: 'Sertifikat aktif: Anda dapat menandatangani dokumen.',
    EXPIRED: 'Masa berlaku sertifikat telah habis. Ajukan pembaruan sertifikat.',
    RENEW: 'Pembaruan sertifikat sedang diproses. Ikuti tautan yang dikirim ke Email Dinas Anda.',
    SUSPEND: 'Sertifikat ditangguhkan. Hubungi Verifikator TTE.',
    REVOKE: 'Sertifikat telah dicabut. Hubungi Verifikator TTE untuk pengajuan baru.'
  };

  // Contract staff (not PNS/PPPK) are registered and renewed by a Verifikator TTE, never by themselves.
  const BY_VERIFIER = 'Sebagai tenaga kontrak, registrasi dan pembaruan sertifikat Anda dilakukan oleh Verifikator TTE (Diskominfo). '
    + 'Hubungi Verifikator TTE dengan nomor kontrak Anda bila tautan aktivasi kedaluwarsa, kontrak diperpanjang, atau sertifikat berakhir.';

  async function load() {
    const [me, cert] = await Promise.all([api('GET', '/api/v1/me'), api('GET', '/api/v1/me/certificate')]);
    if (me.ok) {
      $('profil-nama').textContent = me.data.nama || '-';
      $('profil-nip').textContent = me.data.nip || '-';
      $('profil-instansi').textContent = me.data.instansi || '-';
      $('profil-unit').textContent = me.data.unitOrganisasi || '-';
      $('profil-jabatan').textContent = me.data.jabatan || '-';
      if (!$('email-siasn').value) $('email-siasn').value = me.data.emailSiasn || '';
    }
    if (!cert.ok) { notice('pesan', 'bad', cert.problem.message); return; }
    const c = cert.data;
    const s = $('status');
    s.textContent = c.status;
    s.className = 'status ' + c.status;
    $('keterangan').textContent = c.keterangan || '';
    notice('catatan', 'warn', c.catatan ? 'Catatan Verifikator: ' + c.catatan : '');
    const selfService = !me.ok || me.data.statusKepegawaian === 'PNS' || me.data.statusKepegawaian === 'PPPK';
    const byVerifier = !selfService && ['NOT_REGISTERED', 'NEW', 'EXPIRED', 'REVOKE'].includes(c.status);
    const next = byVerifier ? (c.status === 'NEW' ? NEXT.NEW.replace(/ Jika tautan.*$/, ' ') : '') + BY_VERIFIER : NEXT[c.status];
    $('langkah').textContent = next || '';
    show('langkah', !!next);
    show('rincian', !!(c.serialNumber || c.emailDinas));
    $('serial').textContent = c.serialNumber || '-';
    $('berlaku-dari').textContent = date(c.validFrom);
    $('berlaku-sampai').textContent = date(c.validTo);
    $('email-dinas').textContent = c.emailDinas || '-';
    show('aksi-terbit', c.status === 'ISSUE');
    const dueSoon = c.status === 'ISSUE' && c.validTo && Date.parse(c.validTo) - Date.now() < 30 * 86400000;
    show('aksi-perbarui', selfService && (c.status === 'EXPIRED' || dueSoon));
    show('daftar', selfService && (c.status === 'NOT_REGISTERED' || c.status === 'NEW' || c.status === 'REVOKE'));
  }

  $('form-nik').addEventListener('submit', (e) => {
    e.preventDefault();
    const nik = $('nik').value.trim();
    if (!/^[0-9]{16}$/.test(nik)) { notice('hasil-nik', 'bad', 'NIK terdiri dari 16 digit angka.'); $('nik').focus(); return; }
    busy($('tombol-nik'), async () => {
      const r = await api('POST', '/api/v1/me/certificate/nik-verification', { json: { nik } });
      if (!r.ok || !r.data.valid) {
        notice('hasil-nik', 'bad', r.ok ? (r.data.message || 'NIK tidak dapat diverifikasi.') : r.problem.message);
        show('form-registrasi', false);
        return;
      }
      notice('hasil-nik', 'ok', (r.data.message || 'NIK terverifikasi.') + (r.data.nama ? ' (' + r.data.nama + ')' : ''));
      show('form-registrasi', true);
      $('email-dinas-baru').focus();
    });
  });

  $('form-registrasi').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { nik: $('nik').value.trim(), emailSiasn: $('email-siasn').value.trim(), emailDinas: $('email-dinas-baru').value.trim() };
    if (!body.emailSiasn || !body.emailDinas) { notice('pesan', 'bad', 'Email SIASN dan Email Dinas wajib diisi.'); return; }
    if (!(await confirm('Apakah Anda yakin data yang dimasukkan sudah benar? Tautan aktivasi akan dikirim ke ' + body.emailDinas + '.'))) return;
    busy($('tombol-registrasi'), async () => {
      const r = await api('POST', '/api/v1/me/certificate/registration', { json: body });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      notice('pesan', 'ok', r.data.message || 'Registrasi berhasil. Silakan cek Email Dinas Anda untuk melanjutkan aktivasi.');
      $('form-registrasi').reset();
      show('form-registrasi', false);
      notice('hasil-nik', 'ok', '');
      $('form-nik').reset();
      await load();
    });
  });

  $('tombol-reset').addEventListener('click', async () => {
    if (!(await confirm('Reset passphrase? Tautan untuk membuat passphrase baru akan dikirim ke Email Dinas Anda.'))) return;
    busy($('tombol-reset'), async () => {
      const r = await api('POST', '/api/v1/me/certificate/passphrase-reset');
      notice('pesan', r.ok ? 'ok' : 'bad', r.ok ? ((r.data && r.data.message) || 'Tautan reset passphrase telah dikirim ke Email Dinas Anda.') : r.problem.message);
    });
  });

  $('tombol-perbarui').addEventListener('click', async () => {
    if (!(await confirm('Ajukan pembaruan sertifikat? Tautan pembaruan dikirim ke Email Dinas Anda.'))) return;
    busy($('tombol-perbarui'), async () => {
      const r = await api('POST', '/api/v1/me/certificate/renewal');
      notice('pesan', r.ok ? 'ok' : 'bad', r.ok ? ((r.data && r.data.message) || 'Tautan pembaruan telah dikirim.') : r.problem.message);
      if (r.ok) await load();
    });
  });

  load();
});
