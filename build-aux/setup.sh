# build-aux/setup.sh: sourced by build-aux/run, build-aux/test and build-aux/bench.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Heimpack needs (apt-get update only when
# something is missing), makes the German locale available for the tests,
# and configures and builds into $HP_BUILD_DIR (default: build/).

set -euo pipefail

HP_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HP_BUILD_DIR=${HP_BUILD_DIR:-$HP_SOURCE_DIR/build}

HP_PACKAGES=(
  # build
  gcc pkg-config meson ninja-build gettext libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev
  libcsv-dev libuchardet-dev libarchive-dev libxml2-dev
  # validation of the data files
  desktop-file-utils appstream
  # headless runs and tests
  xvfb xauth dbus libgl1-mesa-dri locales
  # tests and benchmarks: independent readers and tools
  python3 python3-openpyxl sqlite3 jq time imagemagick
)

hp_log () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

hp_missing_packages () {
  local pkg
  for pkg in "${HP_PACKAGES[@]}" ${HP_EXTRA_PACKAGES:-}; do
    case "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" in
      "install ok installed") ;;
      *) printf '%s\n' "$pkg" ;;
    esac
  done
}

hp_as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else
    echo "Packages are missing and this is not root: run as root, or install: $*" >&2
    return 1
  fi
}

hp_install_packages () {
  local missing
  missing=$(hp_missing_packages)
  if [ -n "$missing" ]; then
    hp_log "Installing missing Debian packages: $(echo $missing)"
    hp_as_root apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive hp_as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi

  # The German locale, for tests of German number formats (and of the
  # libxlsxwriter locale trap).
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    hp_log "Generating the de_DE.UTF-8 locale"
    hp_as_root sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    hp_as_root locale-gen >/dev/null
  fi
}

hp_build () {
  if [ ! -f "$HP_BUILD_DIR/build.ninja" ]; then
    hp_log "Configuring into $HP_BUILD_DIR"
    local setup_log
    setup_log=$(mktemp)
    if ! meson setup "$HP_BUILD_DIR" "$HP_SOURCE_DIR" "$@" > "$setup_log" 2>&1; then
      tail -n 40 "$setup_log" >&2
      rm -f "$setup_log"
      return 1
    fi
    rm -f "$setup_log"
  fi
  hp_log "Building"
  # quiet when it works, the end of the log when it does not
  if ! ninja -C "$HP_BUILD_DIR" > "$HP_BUILD_DIR/build.log" 2>&1; then
    tail -n 60 "$HP_BUILD_DIR/build.log" >&2
    return 1
  fi
}

# The environment to run the programs from the build tree: schemas and
# translations come from there, not from /usr.
hp_devenv () {
  export GSETTINGS_SCHEMA_DIR="$HP_BUILD_DIR/data"
  export HEIMPACK_LOCALEDIR="$HP_BUILD_DIR/po"
}
