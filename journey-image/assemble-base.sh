#!/usr/bin/env bash
# Assembles the image's base in OUTPUT (docs/adr/0023-an-image-without-a-registry.md), which Jib then lays on an
# empty image: a Java runtime made by jlink from the JDK that runs the build (/opt/java), the shared libraries that
# runtime loads, copied from this machine's Debian packages (glibc, zlib, libstdc++, libgcc), glibc's C.UTF-8 locale,
# /etc/os-release, and for each of those packages dpkg's record (/var/lib/dpkg/status.d, where image scanners look)
# and its copyright file. Run by the build (exec-maven-plugin, prepare-package):
#
#   assemble-base.sh JAVA_HOME OUTPUT MODULES
#
# No plugin does this: Maven's jlink plugin wants a modular project, and none copies a runtime's libraries from the
# machine's packages. The output is left as it is when nothing it is made from changed, since jlink takes a while.
set -euo pipefail

java_home=$1
out=$2
modules=$3

if ! command -v dpkg-query >/dev/null; then
  echo "The image's base is taken from this machine's Debian packages, and this machine has no dpkg" >&2
  exit 1
fi

inputs="$java_home|$modules|$(sha256sum "$0" | cut -d' ' -f1)|$(sha256sum "$java_home/lib/modules" | cut -d' ' -f1)"
inputs+="|$(dpkg-query -W -f '${Package}=${Version} ' libc6 libc-bin zlib1g libstdc++6 libgcc-s1 2>/dev/null || true)"
if [ -d "$out" ] && [ "$(cat "$out.inputs" 2>/dev/null)" = "$inputs" ]; then
  echo "The image's base in $out is up to date"
  exit 0
fi
rm -rf "$out" "$out.inputs"

if [ ! -d "$java_home/jmods" ]; then
  echo "$java_home has no jmods, which jlink needs: build with a full JDK (Debian: openjdk-17-jdk-headless)" >&2
  exit 1
fi
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,sv --no-header-files --no-man-pages \
  --exclude-files='glob:/java.desktop/lib/**' --output "$out/opt/java"
# java.desktop is there for java.beans (Spring's property access); its native libraries are left out above, and with
# them the X11, font and image libraries they would need. Debug information stays: stack traces keep line numbers.

# Every library the runtime's programs and libraries load, the dynamic loader among them, at the path it has here.
libraries=$(
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 |
    LD_LIBRARY_PATH="$out/opt/java/lib/server:$out/opt/java/lib" xargs -0 ldd |
    awk -v runtime="$out/" '
      /not found/ { print "missing: " $0 > "/dev/stderr"; failed = 1 }
      $2 == "=>" && $3 ~ /^\// && index($3, runtime) != 1 { print $3 }
      $1 ~ /^\// && $2 ~ /^\(/ { print $1 }
      END { exit failed }' |
    sort -u
) || { echo "The runtime needs a library this machine does not have (above)" >&2; exit 1; }
mapfile -t files <<<"$libraries"
files+=(/usr/lib/locale/C.utf8 /etc/os-release)

# The Debian package that installed a path: as it is named, resolved, and with or without /usr (merged /usr lists a
# library under /lib in one release and /usr/lib in the next).
owner() {
  local path
  for path in "$1" "$(readlink -f "$1")"; do
    for candidate in "$path" "/usr$path" "${path#/usr}"; do
      if found=$(dpkg-query -S "$candidate" 2>/dev/null); then
        echo "${found%%: *}" | cut -d, -f1
        return
      fi
    done
  done
  echo "no Debian package installed $1" >&2
  return 1
}

packages=()
for file in "${files[@]}"; do
  mkdir -p "$out$(dirname "$file")"
  cp -RL "$file" "$out$file" # a copy, not a link: Jib leaves links out of a layer
  packages+=("$(owner "$file")")
done
if jdk_package=$(owner "$java_home/jmods/java.base.jmod" 2>/dev/null); then
  packages+=("$jdk_package")
fi

mkdir -p "$out/var/lib/dpkg/status.d" "$out/tmp"
for package in $(printf '%s\n' "${packages[@]}" | sort -u); do
  name=${package%%:*}
  dpkg-query -s "$package" >"$out/var/lib/dpkg/status.d/$name"
  mkdir -p "$out/usr/share/doc/$name"
  cp -L "/usr/share/doc/$name/copyright" "$out/usr/share/doc/$name/copyright"
done

echo "$inputs" >"$out.inputs"
echo "The image's base is in $out: $(du -sh "$out" | cut -f1), Debian packages:" \
  "$(ls "$out/var/lib/dpkg/status.d" | tr '\n' ' ')"
