#!/usr/bin/env python3
"""Signing benchmark on the running stack, through the gateway.

Signs generated PDFs of about 100 KB, 1 MB and 10 MB, one at a time (POST /api/v1/signatures) and in batches
(POST /api/v1/signatures/batch), and prints per size and mode: median and p99 latency, documents per second, and the
share of the time spent in the passphrase check (certificate-service's sign-hash: key unwrapping with the passphrase
and the RSA signature), taken from the service's Server-Timing header.

The signer is the person ./teken demo made (its .teken/demo/signer.env), or BENCH_NIP / BENCH_PASSWORD /
BENCH_PASSPHRASE. Requests run one after another (a 2-core machine; parallel clients would measure the queue).

  python3 bench/bench.py [--runs 20] [--big-runs 5] [--batch 5] [--batch-runs 5] [--level B-LT] [--sizes 100K,1M,10M]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GATEWAY = os.environ.get("TEKEN_URL", "http://localhost:8080")


def size_of(label):
    units = {"K": 1024, "M": 1024 * 1024}
    return int(float(label[:-1]) * units[label[-1].upper()])


def make_pdf(target_bytes, pages=3, seed=1):
    """A real PDF: `pages` pages of text plus an image-like stream of random (incompressible) bytes to reach the size."""
    rnd = random.Random(seed)
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    filler_len = max(0, target_bytes - 2000 - pages * 600)
    filler = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
                 b"/Length %d >>\nstream\n" % (max(1, filler_len), filler_len) + rnd.randbytes(filler_len) + b"\nendstream")
    kids = []
    for p in range(pages):
        text = b"BT /F1 12 Tf 72 720 Td (Benchmark Teken - halaman %d dari %d) Tj ET" % (p + 1, pages)
        content = add(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>" % (pages_obj, content, font, filler)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def credentials():
    env = {}
    path = os.path.join(ROOT, ".teken", "demo", "signer.env")
    if os.path.exists(path):
        for line in open(path):
            if "=" in line:
                k, v = line.strip().split("=", 1)
                env[k] = v
    nip = os.environ.get("BENCH_NIP", env.get("NIP"))
    password = os.environ.get("BENCH_PASSWORD", env.get("PASSWORD"))
    passphrase = os.environ.get("BENCH_PASSPHRASE", env.get("PASSPHRASE"))
    if not (nip and password and passphrase):
        sys.exit("No signer: run ./teken demo first (it writes .teken/demo/signer.env) or set BENCH_NIP, BENCH_PASSWORD, BENCH_PASSPHRASE")
    return nip, password, passphrase


def login(nip, password):
    request = urllib.request.Request(GATEWAY + "/api/v1/auth/login", data=json.dumps({"nip": nip, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["accessToken"]


def timing(headers):
    """Server-Timing: passphrase;dur=123, sign;dur=456 -> {'passphrase': 123.0, 'sign': 456.0}"""
    out = {}
    for line in headers.splitlines():
        if line.lower().startswith("server-timing:"):
            for part in line.split(":", 1)[1].split(","):
                name, _, dur = part.strip().partition(";dur=")
                try:
                    out[name.strip()] = float(dur)
                except ValueError:
                    pass
    return out


def sign(token, files, passphrase, level, batch):
    """One request with curl; returns (seconds, passphrase ms, sign ms)."""
    with tempfile.TemporaryDirectory() as tmp:
        head, body = os.path.join(tmp, "h"), os.path.join(tmp, "b")
        args = ["curl", "-sS", "-o", body, "-D", head, "-w", "%{http_code} %{time_total}", "-X", "POST",
                GATEWAY + ("/api/v1/signatures/batch" if batch else "/api/v1/signatures"),
                "-H", "Authorization: Bearer " + token, "-F", "passphrase=" + passphrase, "-F", "level=" + level]
        for f in files:
            args += ["-F", ("files" if batch else "file") + "=@" + f + ";type=application/pdf"]
        result = subprocess.run(args, capture_output=True, text=True, check=True)
        status, seconds = result.stdout.split()
        if status != "200":
            sys.exit("signing failed: HTTP %s %s" % (status, open(body, "rb").read()[:300]))
        t = timing(open(head).read())
        return float(seconds), t.get("passphrase", 0.0), t.get("sign", 0.0)


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20, help="single signatures per size (100K, 1M)")
    parser.add_argument("--big-runs", type=int, default=5, help="single signatures of the 10 MB PDF")
    parser.add_argument("--batch", type=int, default=5, help="documents per batch")
    parser.add_argument("--batch-runs", type=int, default=5, help="batches per size")
    parser.add_argument("--level", default="B-LT")
    parser.add_argument("--sizes", default="100K,1M,10M")
    a = parser.parse_args()
    nip, password, passphrase = credentials()
    token = login(nip, password)
    token_at = time.time()
    print("Teken signing benchmark: %s, signer %s, level %s, sequential requests" % (GATEWAY, nip, a.level))
    print("%-6s %-12s %5s %10s %10s %9s %11s" % ("size", "mode", "docs", "median s", "p99 s", "docs/s", "passphrase"))
    with tempfile.TemporaryDirectory() as tmp:
        for label in a.sizes.split(","):
            pdfs = []
            for i in range(max(a.batch, 1)):
                path = os.path.join(tmp, "%s-%d.pdf" % (label, i))
                with open(path, "wb") as f:
                    f.write(make_pdf(size_of(label), seed=i))
                pdfs.append(path)
            runs = a.big_runs if size_of(label) >= 5 * 1024 * 1024 else a.runs
            for mode, batch in (("single", False), ("batch of %d" % a.batch, True)):
                if time.time() - token_at > 600:  # tokens live 15 minutes
                    token, token_at = login(nip, password), time.time()
                latencies, pass_ms, total_ms = [], 0.0, 0.0
                sign(token, pdfs[:a.batch] if batch else pdfs[:1], passphrase, a.level, batch)  # warm-up
                started = time.time()
                count = a.batch_runs if batch else runs
                for r in range(count):
                    files = pdfs[:a.batch] if batch else [pdfs[r % len(pdfs)]]
                    seconds, p, s = sign(token, files, passphrase, a.level, batch)
                    latencies.append(seconds)
                    pass_ms += p
                    total_ms += seconds * 1000
                elapsed = time.time() - started
                docs = count * (a.batch if batch else 1)
                print("%-6s %-12s %5d %10.3f %10.3f %9.2f %10.0f%%" % (label, mode, docs, statistics.median(latencies),
                      percentile(latencies, 99), docs / elapsed, 100 * pass_ms / total_ms if total_ms else 0))
    print("latency = one HTTP request through the gateway (a batch: all its documents); passphrase = share of the request "
          "time spent in certificate-service's sign-hash (passphrase unwrap of the key + RSA), from Server-Timing")


if __name__ == "__main__":
    main()
