package id.teken.signing.adapter.in.rest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The verification page a QR code opens: plain HTML and a little script, no external resources, escaped values. */
final class VerifyPage {

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'WIB'", Locale.forLanguageTag("id"))
            .withZone(ZoneId.of("Asia/Jakarta"));

    private VerifyPage() {
    }

    static String render(VerifyPageDataResource.SignedDocumentView d) {
        return head("Verifikasi Dokumen") + """
                <main>
                <h1>Dokumen Bertanda Tangan Elektronik</h1>
                <p class="ok">&#10003; Dokumen ini tercatat ditandatangani secara elektronik melalui Teken.</p>
                <dl>
                <dt>Penanda tangan</dt><dd>%s</dd>
                <dt>Waktu tanda tangan</dt><dd>%s</dd>
                <dt>Nomor seri sertifikat</dt><dd class="mono">%s</dd>
                <dt>Level tanda tangan</dt><dd>%s</dd>
                <dt>ID dokumen</dt><dd class="mono">%s</dd>
                <dt>Sidik jari (SHA-256) berkas</dt><dd class="mono">%s</dd>
                </dl>
                <h2>Periksa berkas Anda</h2>
                <p>Unggah PDF yang Anda terima untuk memastikan isinya tidak berubah dan tanda tangannya sah.
                Berkas hanya diperiksa, tidak disimpan.</p>
                <form id="f"><input type="file" id="file" accept="application/pdf,.pdf" required>
                <button type="submit">Verifikasi</button></form>
                <div id="out" aria-live="polite"></div>
                </main>
                <script>
                const expected = "%s";
                const esc = s => String(s ?? "-").replace(/[&<>"']/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;","'":"&#39;"}[c]));
                document.getElementById("f").addEventListener("submit", async e => {
                  e.preventDefault();
                  const out = document.getElementById("out");
                  const file = document.getElementById("file").files[0];
                  if (!file) return;
                  out.textContent = "Memeriksa...";
                  const buf = await file.arrayBuffer();
                  let same = null;
                  if (window.crypto && crypto.subtle) {
                    const h = await crypto.subtle.digest("SHA-256", buf);
                    same = Array.from(new Uint8Array(h)).map(b => b.toString(16).padStart(2, "0")).join("") === expected;
                  }
                  const form = new FormData(); form.append("file", new Blob([buf], {type: "application/pdf"}), file.name);
                  try {
                    const r = await fetch("/api/v1/verifications", {method: "POST", body: form});
                    const j = await r.json();
                    if (!r.ok) { out.innerHTML = '<p class="bad">' + esc(j.detail || j.title) + '</p>'; return; }
                    let html = '<p class="' + (j.conclusion === "VALID" ? "ok" : "bad") + '">' + esc(j.summary) + '</p>';
                    if (same !== null) html += same ? '<p class="ok">Berkas ini sama persis dengan dokumen yang ditandatangani.</p>'
                        : '<p class="warn">Berkas ini bukan salinan persis dokumen pada kode QR ini (sidik jari berbeda).</p>';
                    html += '<ul>' + (j.signatures || []).map(s => '<li>' + esc(s.signerName) + ' &middot; ' + esc(s.signingTime)
                        + ' &middot; ' + esc(s.padesLevel) + ' &middot; ' + (s.integrityValid ? 'utuh' : 'berubah') + '</li>').join('') + '</ul>';
                    out.innerHTML = html;
                  } catch (err) { out.innerHTML = '<p class="bad">Verifikasi gagal. Coba lagi.</p>'; }
                });
                </script>
                </body></html>
                """.formatted(esc(d.signerName()), d.signedAt() == null ? "-" : WIB.format(d.signedAt()), esc(d.certificateSerialNumber()),
                esc(d.padesLevel()), esc(d.documentId()), esc(d.documentSha256()), esc(d.documentSha256()));
    }

    static String notFound() {
        return head("Dokumen tidak ditemukan") + """
                <main><h1>Dokumen tidak ditemukan</h1>
                <p class="bad">Kode QR ini tidak menunjuk dokumen yang ditandatangani melalui Teken.
                Dokumen mungkin palsu, atau tautannya rusak.</p></main></body></html>
                """;
    }

    private static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="id"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s - Teken Pemkab Ponorogo</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
                main{max-width:40rem;margin:0 auto;padding:1rem 1.25rem 2rem;background:#fff;min-height:100vh;box-sizing:border-box}
                h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:2rem}
                dt{font-weight:600;margin-top:.75rem}dd{margin:0;word-break:break-all}
                .mono{font-family:ui-monospace,monospace;font-size:.85rem}
                .ok{color:#0a6b2d;font-weight:600}.bad{color:#a11a1a;font-weight:600}.warn{color:#8a5a00;font-weight:600}
                input,button{font-size:1rem;margin:.5rem 0;display:block;width:100%%}button{padding:.7rem;background:#0b4f9c;color:#fff;border:0;border-radius:.4rem}
                </style></head><body>
                """.formatted(esc(title));
    }

    static String esc(String s) {
        if (s == null) {
            return "-";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
