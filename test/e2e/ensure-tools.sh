#!/usr/bin/env bash
# Run before the tests (npm's pretest): the browser tests drive Debian's Chromium with
# Chinese fonts, and one runs the README's nginx example in Debian's nginx; the print test turns
# its PDFs into PNGs with poppler's pdftoppm. Installs them from
# Debian's packages when missing and allowed (root with apt-get), else says what to install.
# A browser download by a test tool is never used. Without nginx only that one test is skipped
# (under CI=true it fails instead).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
optional=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || optional+=(nginx)
command -v pdftoppm >/dev/null 2>&1 || optional+=(poppler-utils)
all=("${need[@]}" "${optional[@]}")
[ ${#all[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing ${all[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${all[@]}" >/dev/null
elif [ ${#need[@]} -gt 0 ]; then
  echo "pretest: the browser tests need ${all[*]}: sudo apt-get install ${all[*]}" >&2
  exit 1
else
  echo "pretest: optional, not installed: ${optional[*]} (nginx: the README's nginx example is tested; poppler-utils: printed pages as PNGs): sudo apt-get install ${optional[*]}" >&2
fi
