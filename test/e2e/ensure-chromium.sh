#!/usr/bin/env bash
# Run before the tests (npm's pretest): the browser tests drive Debian's Chromium with
# Chinese fonts. Installs both from Debian's packages when missing and allowed (root with
# apt-get), else says what to install. A browser download by a test tool is never used.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing ${need[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "pretest: the browser tests need ${need[*]}: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
