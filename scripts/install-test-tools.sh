#!/usr/bin/env bash
# Installs what the tests need beyond npm dependencies: Debian's Chromium (Playwright drives it)
# and the VS Code server bundled in code-server, into the gitignored .tools/ folder.
# Re-running is cheap: each piece is skipped when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
RG_CACHE=vscode-ripgrep-cache-1.15.11

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# CJK glyphs, so that screenshots of Chinese scripts show text rather than boxes.
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-zenhei)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

T=$PWD/.tools
server=$T/node_modules/code-server/lib/vscode/out/server-main.js
if [[ -f $server && -f $T/.installed-$CODE_SERVER_VERSION ]]; then
  echo "test VS Code server already installed in .tools/"
  exit 0
fi
mkdir -p "$T/tmp/$RG_CACHE"
# code-server's ripgrep module downloads a binary unless its cache holds one; Debian's rg serves.
tar czf "$T/tmp/$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
cd "$T"
[[ -f package.json ]] || echo '{"name": "metastudio-test-tools", "private": true}' > package.json
TMPDIR=$T/tmp npm_config_unsafe_perm=true npm_config_yes=true npm_config_engine_strict=false \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
touch "$T/.installed-$CODE_SERVER_VERSION"
echo "test VS Code server installed in .tools/"
