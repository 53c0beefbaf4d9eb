/* Masuk: NIP and password -> the access token in this tab's session. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy } = Teken;
  const left = sessionStorage.getItem('teken.notice');
  if (left) { notice('pesan', 'info', left); sessionStorage.removeItem('teken.notice'); }
  if (Teken.session()) { location.replace('/dashboard'); return; }
  $('form-masuk').addEventListener('submit', (e) => {
    e.preventDefault();
    const nip = $('nip').value.trim();
    const password = $('password').value;
    if (!/^[0-9]{18}$/.test(nip)) { notice('pesan', 'bad', 'NIP terdiri dari 18 digit angka.'); $('nip').focus(); return; }
    if (!password) { notice('pesan', 'bad', 'Password wajib diisi.'); $('password').focus(); return; }
    busy($('tombol-masuk'), async () => {
      const r = await api('POST', '/api/v1/auth/login', { json: { nip, password }, auth: false });
      if (!r.ok) {
        notice('pesan', 'bad', r.problem.message);
        $('password').value = '';
        $('password').focus();
        return;
      }
      Teken.signIn(r.data);
      const after = sessionStorage.getItem('teken.after');
      sessionStorage.removeItem('teken.after');
      const roles = r.data.roles || [];
      location.assign(after && after.startsWith('/') && !after.startsWith('//') ? after
        : roles.includes('ASN') ? '/dashboard' : roles.includes('VERIFIKATOR') ? '/verifikator' : roles.includes('ADMIN') ? '/admin' : '/dashboard');
    });
  });
});
