#!/bin/sh
# Fails when a C file does not follow .clang-format.
# Usage: check-format.sh SOURCE_ROOT
set -eu

cd "$1"
files=$(find src tests -name '*.[ch]' | sort)
clang-format --dry-run --Werror $files
echo "ok: $(echo "$files" | wc -l) files follow .clang-format"
