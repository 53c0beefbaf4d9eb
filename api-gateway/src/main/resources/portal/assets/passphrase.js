/* Passphrase at the mailed set/reset link: the policy checked as one types, the agreement, the certificate issued. */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date } = Teken;
  const base = '/api/v1/passphrase-links/' + encodeURIComponent(Teken.linkToken());
  const RULES = {
    length: (p) => p.length >= 8 && p.length <= 128,
    upper: (p) => /\p{Lu}/u.test(p),
    lower: (p) => /\p{Ll}/u.test(p),
    digit: (p) => /\p{Nd}/u.test(p),
    symbol: (p) => /[^\p{L}\p{Nd}]/u.test(p)
  };

  function check() {
    const p = $('passphrase').value;
    let all = true;
    document.querySelectorAll('#aturan li').forEach((li) => {
      const met = RULES[li.dataset.rule](p);
      li.classList.toggle('met', met);
      li.setAttribute('aria-label', li.textContent + (met ? ': terpenuhi' : ': belum'));
      all = all && met;
    });
    const again = $('passphrase-ulang').value;
    const same = again.length > 0 && again === p;
    $('cocok').textContent = again.length === 0 ? '' : same ? 'Passphrase sama.' : 'Passphrase belum sama.';
    $('simpan-passphrase').disabled = !(all && same && $('setuju').checked);
  }
  ['passphrase', 'passphrase-ulang'].forEach((id) => $(id).addEventListener('input', check));
  $('setuju').addEventListener('change', check);

  async function open() {
    const r = await api('GET', base, { auth: false });
    if (!r.ok) {
      notice('pesan', 'bad', r.problem.message + ((r.status === 404 || r.status === 410)
        ? ' Tautan hanya berlaku sekali dan terbatas waktunya. Minta tautan baru dari Dashboard (Reset Passphrase).' : ''));
      return;
    }
    const v = r.data;
    const purpose = { SET: ['Buat Passphrase', 'Buat passphrase untuk sertifikat elektronik Anda. Sertifikat terbit setelah passphrase disimpan.'],
      RESET: ['Reset Passphrase', 'Buat passphrase baru untuk sertifikat elektronik Anda.'],
      RENEW: ['Pembaruan Sertifikat', 'Buat passphrase untuk sertifikat elektronik Anda yang baru.'] }[v.tujuan] || ['Passphrase', ''];
    $('judul').textContent = purpose[0];
    $('tujuan').textContent = purpose[1];
    $('pl-nama').textContent = v.nama || '-';
    $('pl-sampai').textContent = date(v.berlakuSampai);
    $('versi-pp').textContent = 'versi ' + (v.versiPerjanjianPemilik || '-');
    $('ketentuan').textContent = v.ketentuan || '';
    show('ketentuan', !!v.ketentuan);
    show('form-passphrase', true);
    $('passphrase').focus();
  }

  $('form-passphrase').addEventListener('submit', (e) => {
    e.preventDefault();
    check();
    if ($('simpan-passphrase').disabled) return;
    busy($('simpan-passphrase'), async () => {
      const r = await api('POST', base, { json: { passphrase: $('passphrase').value, setujuPerjanjianPemilik: true }, auth: false });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      $('form-passphrase').reset();
      show('form-passphrase', false);
      notice('pesan', 'ok', '');
      const d = r.data || {};
      $('berhasil-teks').textContent = 'Sertifikat elektronik Anda aktif (status ' + (d.status || 'ISSUE') + ')'
        + (d.serialNumber ? ', nomor seri ' + d.serialNumber : '') + (d.validTo ? ', berlaku sampai ' + date(d.validTo) : '') + '.';
      show('berhasil', true);
    });
  });

  open();
});
