# Sourced by the benchmark scripts: installs what they run when missing
# (as root, with apt), or says what is missing and stops.
#
#   need_tools SCRIPT COMMAND:PACKAGE...
need_tools() {
  local script=$1 missing=() tool
  shift
  for tool in "$@"; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "$script needs: ${missing[*]} (as root: apt-get install ${missing[*]})" >&2
    exit 1
  fi
}

# The folder cargo puts release builds in: .cargo/config.toml builds for
# the host named as a target, so they land under target/<host>/release.
release_dir() {
  echo "${CARGO_TARGET_DIR:-$PWD/target}/$(rustc --print host-tuple)/release"
}
