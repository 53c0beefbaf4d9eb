#!/bin/sh
# Builds Argon2id's native memory filling (teken_argon2.c) into OUT_DIR/native/linux-x86_64/ for certificate-service.
# Called by the Maven build (exec-maven-plugin, phase compile) with the classes directory and the JDK's home. Without a
# C compiler or the JNI headers, or on another platform, it says so and succeeds: the service then runs the Java path.
set -eu
out_dir="$1"; java_home="$2"
here="$(cd "$(dirname "$0")" && pwd)"
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "teken-argon2: not built (native filling only for Linux x86-64); the Java path runs"; exit 0
fi
cc="${CC:-cc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "teken-argon2: not built (no C compiler '$cc'); the Java path runs"; exit 0
fi
if [ ! -f "$java_home/include/jni.h" ]; then
  echo "teken-argon2: not built (no jni.h under $java_home/include); the Java path runs"; exit 0
fi
mkdir -p "$out_dir/native/linux-x86_64"
"$cc" -O3 -fPIC -shared -Wall -Wextra -Werror -fno-strict-aliasing \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out_dir/native/linux-x86_64/libteken-argon2.so" "$here/teken_argon2.c"
echo "teken-argon2: built $out_dir/native/linux-x86_64/libteken-argon2.so"
