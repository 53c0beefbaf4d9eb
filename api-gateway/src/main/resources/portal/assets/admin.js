/* Admin: system clients (the secret shown once), their allow-list, scope and sign TOTP, enable/disable, a new secret, the audit;
   seals of organisation units (create, list, revoke). */
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const { $, api, notice, busy, show, date, confirm } = Teken;
  Teken.requireSession('ADMIN');
  const lines = (id) => $(id).value.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text == null || text === '' ? '-' : text; row.appendChild(td); return td; }

  function secret(client) {
    $('rahasia-nama').textContent = client.username;
    $('rahasia-nilai').value = client.secret;
    show('rahasia', true);
    $('rahasia-nilai').select();
    $('rahasia-nilai').focus();
  }
  $('salin-rahasia').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText($('rahasia-nilai').value); notice('pesan', 'ok', 'Secret disalin.'); }
    catch (e) { $('rahasia-nilai').select(); notice('pesan', 'info', 'Salin secret yang sudah terpilih dengan Ctrl+C.'); }
  });
  function hideSecret() { $('rahasia-nilai').value = ''; $('rahasia-nama').textContent = ''; show('rahasia', false); }
  $('tutup-rahasia').addEventListener('click', hideSecret);

  async function clients() {
    const r = await api('GET', '/api/v1/admin/clients');
    const body = document.querySelector('#klien tbody');
    body.replaceChildren();
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
    show('klien-kosong', r.data.length === 0);
    r.data.forEach((c) => {
      const tr = document.createElement('tr');
      cell(tr, c.username + (c.description ? ' - ' + c.description : ''));
      cell(tr, (c.allowedIps || []).join(', '));
      const s = c.scope || {};
      cell(tr, s.allSigners ? 'Semua pegawai' : [(s.units || []).join(', '), (s.signers || []).length ? (s.signers.length + ' NIP') : ''].filter(Boolean).join('; '));
      cell(tr, (c.enabled ? 'Aktif' : 'Nonaktif' + (c.disabledReason ? ' (' + c.disabledReason + ')' : ''))
        + (c.signTotp === 'WITH_PASSPHRASE' ? '; TOTP + passphrase' : ''));
      const td = document.createElement('td');
      const toggle = document.createElement('button');
      toggle.type = 'button'; toggle.className = 'secondary'; toggle.textContent = c.enabled ? 'Nonaktifkan' : 'Aktifkan';
      toggle.addEventListener('click', () => busy(toggle, async () => {
        const u = await api('PATCH', '/api/v1/admin/clients/' + encodeURIComponent(c.id), { json: { enabled: !c.enabled } });
        notice('pesan', u.ok ? 'ok' : 'bad', u.ok ? c.username + (c.enabled ? ' dinonaktifkan.' : ' diaktifkan.') : u.problem.message);
        await clients();
      }));
      const rotate = document.createElement('button');
      rotate.type = 'button'; rotate.className = 'secondary'; rotate.textContent = 'Secret baru';
      rotate.addEventListener('click', async () => {
        if (!(await confirm('Buat secret baru untuk ' + c.username + '? Secret lama langsung tidak berlaku.'))) return;
        hideSecret();
        busy(rotate, async () => {
          const u = await api('POST', '/api/v1/admin/clients/' + encodeURIComponent(c.id) + '/secret');
          if (!u.ok) { notice('pesan', 'bad', u.problem.message); return; }
          secret(u.data);
          await clients();
        });
      });
      td.append(toggle, rotate);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  $('form-klien').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { username: $('klien-nama').value.trim(), description: $('klien-keterangan').value.trim() || null, allowedIps: lines('klien-ip'),
      scope: { allSigners: $('klien-semua').checked, units: lines('klien-unit'), signers: lines('klien-nip') }, signTotp: $('klien-totp').value };
    if (!body.username || !body.allowedIps.length) { notice('pesan', 'bad', 'Nama pengguna dan alamat IP wajib diisi.'); return; }
    hideSecret();
    busy($('buat-klien'), async () => {
      const r = await api('POST', '/api/v1/admin/clients', { json: body });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      $('form-klien').reset();
      notice('pesan', 'ok', 'Aplikasi ' + r.data.username + ' dibuat.');
      secret(r.data);
      await clients();
    });
  });

  async function seals() {
    const r = await api('GET', '/api/v1/admin/seals');
    const body = document.querySelector('#segel tbody');
    body.replaceChildren();
    if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
    show('segel-kosong', r.data.length === 0);
    r.data.forEach((s) => {
      const tr = document.createElement('tr');
      cell(tr, s.unitName);
      cell(tr, s.idSubscriber);
      cell(tr, s.email);
      cell(tr, s.status + (s.revocationReason ? ' (' + s.revocationReason + ')' : ''));
      cell(tr, date(s.validTo));
      const td = document.createElement('td');
      if (s.status === 'ISSUE') {
        const revoke = document.createElement('button');
        revoke.type = 'button'; revoke.className = 'secondary'; revoke.textContent = 'Cabut';
        revoke.addEventListener('click', async () => {
          if (!(await confirm('Cabut segel ' + s.unitName + '? Sertifikatnya masuk CRL dan tidak dapat dipakai lagi.'))) return;
          busy(revoke, async () => {
            const u = await api('POST', '/api/v1/admin/seals/' + encodeURIComponent(s.idSubscriber) + '/revoke', { json: { alasan: 'cessationOfOperation' } });
            notice('pesan', u.ok ? 'ok' : 'bad', u.ok ? 'Segel ' + s.unitName + ' dicabut.' : u.problem.message);
            await seals();
          });
        });
        td.appendChild(revoke);
      }
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  $('form-segel').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { unitName: $('segel-unit').value.trim(), email: $('segel-email').value.trim() };
    if (!body.unitName || !body.email) { notice('pesan', 'bad', 'Nama unit dan email resmi unit wajib diisi.'); return; }
    busy($('buat-segel'), async () => {
      const r = await api('POST', '/api/v1/admin/seals', { json: body });
      if (!r.ok) { notice('pesan', 'bad', r.problem.message); return; }
      $('form-segel').reset();
      notice('pesan', 'ok', 'Segel ' + r.data.unitName + ' dibuat: idSubscriber ' + r.data.idSubscriber + '.');
      await seals();
    });
  });

  $('muat-audit').addEventListener('click', () => busy($('muat-audit'), () => Teken.listInto('/api/v1/admin/clients/audit?limit=100', 'audit', ['at', 'actorNip', 'action', 'clientUsername', 'detail'])));

  clients();
  seals();
});
