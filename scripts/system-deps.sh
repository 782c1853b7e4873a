#!/bin/sh
# Installs the Debian packages the test suite needs (browser tests, .doc conversion, PDF
# rendering, CJK fonts), only when something is missing, so repeated `make test` runs are fast.
set -e
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
[ -d /usr/share/fonts/opentype/noto ] || need="$need fonts-noto-cjk"
[ -d /usr/share/fonts/truetype/wqy ] || need="$need fonts-wqy-zenhei"
[ -z "$need" ] && exit 0
echo "installing system packages:$need"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q $need || { $SUDO apt-get update -q && $SUDO apt-get install -y -q $need; }
