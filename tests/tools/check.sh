# Sourced by the tools tests: a scratch directory removed on exit, and
# helpers that fail the test with a message.
set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TMP=$(mktemp -d /tmp/bootnet-tools.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

# need_tool NAME...: every tool is installed (tools/fetch-deps installs them).
need_tool() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null || fail "$t is missing (run tools/fetch-deps)"
	done
}

# expect_in TEXT REGEX WHAT: TEXT matches REGEX, else fail naming WHAT.
expect_in() {
	grep -Eq -- "$2" <<<"$1" || { echo "$1"; fail "$3: no '$2'"; }
}
