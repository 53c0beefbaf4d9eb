/* Lupa Password: ask for the mailed link (/lupa-password), or set the new password at the link (/lupa-password/{token}). */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy } = Teken;
  const ask = $('form-lupa');
  if (ask) {
    ask.addEventListener('submit', (e) => {
      e.preventDefault();
      const nip = $('nip').value.trim();
      if (!/^[0-9]{18}$/.test(nip)) { notice('pesan', 'bad', 'NIP terdiri dari 18 digit angka.'); $('nip').focus(); return; }
      busy($('tombol-kirim'), async () => {
        const r = await api('POST', '/api/v1/auth/password-reset', { json: { nip }, auth: false });
        if (r.ok) {
          notice('pesan', 'ok', 'Jika NIP terdaftar, tautan untuk membuat password baru telah dikirim ke Email SIASN Anda. Periksa juga folder spam.');
          ask.reset();
        } else {
          notice('pesan', 'bad', r.problem.message);
        }
      });
    });
    return;
  }
  const token = Teken.linkToken();
  $('form-password').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = $('password-baru').value;
    if (p.length < 8) { notice('pesan', 'bad', 'Password minimal 8 karakter.'); $('password-baru').focus(); return; }
    if (p !== $('password-ulang').value) { notice('pesan', 'bad', 'Kedua password tidak sama.'); $('password-ulang').focus(); return; }
    busy($('tombol-simpan'), async () => {
      const r = await api('POST', '/api/v1/auth/password-reset/' + encodeURIComponent(token), { json: { newPassword: p }, auth: false });
      if (r.ok) {
        Teken.show('form-password', false);
        notice('pesan', 'ok', 'Password tersimpan. Silakan masuk dengan NIP dan password baru Anda.');
        return;
      }
      const gone = ['RESET_LINK_EXPIRED', 'RESET_LINK_USED', 'RESET_LINK_UNKNOWN'].includes(r.problem.code);
      notice('pesan', 'bad', r.problem.message + (gone ? ' Minta tautan baru melalui Lupa Password.' : ''));
      if (gone) Teken.show('form-password', false);
    });
  });
});
