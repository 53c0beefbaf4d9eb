#!/usr/bin/env python3
"""What the gateway's system-client check costs, on the running stack (./teken up, then ./teken demo).

A system client (HTTP Basic) asks GET /api/user/status/{nik} many times, one after another:
  direct   - straight to signing-service (it checks the Basic credentials itself);
  gateway  - through the gateway, which checks them with signing-service (POST /internal/v1/system-clients/authentication)
             and forwards the request with its internal identity (X-Teken-Client) instead.
Prints median and p99 latency of each and the difference. The client and NIK come from .teken/demo/signer.env
(written by ./teken demo), or BENCH_CLIENT_USER / BENCH_CLIENT_SECRET / BENCH_NIK.

  python3 bench/client_auth.py [--runs 300]
"""
import argparse
import base64
import os
import statistics
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GATEWAY = os.environ.get("TEKEN_URL", "http://localhost:8080")
SIGNING = os.environ.get("TEKEN_SIGNING_URL", "http://localhost:8084")


def settings():
    env = {}
    path = os.path.join(ROOT, ".teken", "demo", "signer.env")
    if os.path.exists(path):
        for line in open(path):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    user = os.environ.get("BENCH_CLIENT_USER", env.get("CLIENT_USER"))
    secret = os.environ.get("BENCH_CLIENT_SECRET", env.get("CLIENT_SECRET"))
    nik = os.environ.get("BENCH_NIK", env.get("NIK"))
    if not (user and secret and nik):
        sys.exit("no system client: run ./teken demo first (or set BENCH_CLIENT_USER, BENCH_CLIENT_SECRET, BENCH_NIK)")
    return user, secret, nik


def timed(url, auth):
    request = urllib.request.Request(url, headers={"Authorization": auth})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
    return time.perf_counter() - start


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    user, secret, nik = settings()
    auth = "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()
    results = {}
    for name, base in (("direct", SIGNING), ("gateway", GATEWAY)):
        url = f"{base}/api/user/status/{nik}"
        for _ in range(20):
            timed(url, auth)   # warm up
        results[name] = [timed(url, auth) for _ in range(args.runs)]
    print(f"GET /api/user/status/{{nik}} as system client {user}, {args.runs} sequential requests each")
    print(f"{'path':<8} {'median ms':>10} {'p99 ms':>8}")
    for name, values in results.items():
        print(f"{name:<8} {statistics.median(values) * 1000:>10.2f} {percentile(values, 99) * 1000:>8.2f}")
    extra = (statistics.median(results["gateway"]) - statistics.median(results["direct"])) * 1000
    print(f"gateway adds {extra:.2f} ms at the median (routing, the credential check call, the identity header)")


if __name__ == "__main__":
    main()
