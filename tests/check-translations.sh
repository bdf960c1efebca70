#!/bin/sh
# Fails when a message in the sources is untranslated or fuzzy in any language
# of po/LINGUAS, or when a file with translatable strings is missing from
# po/POTFILES.in. Usage: check-translations.sh SOURCE_ROOT
set -eu

cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Every file that marks strings for translation must be in POTFILES.in.
for file in $(find src ui data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) | sort); do
  if grep -qE '(\b_\(|\bN_\(|\bC_\(|translatable="yes"|<summary>|^(Name|Comment|Keywords|GenericName)=)' "$file" &&
     ! grep -qxF "$file" po/POTFILES.in; then
    echo "not ok: $file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for file in $(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in); do
  [ -f "$file" ] || { echo "not ok: po/POTFILES.in lists a missing file: $file"; status=1; }
done

# The same extraction as meson's i18n 'glib' preset.
xgettext --files-from=po/POTFILES.in --directory=. --output="$tmp/messages.pot" \
  --from-code=UTF-8 --add-comments --package-name=kuajie \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format

count=$(grep -c '^msgid ' "$tmp/messages.pot")
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  msgmerge --quiet --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/messages.pot"
  stats=$(msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
  *untranslated* | *fuzzy*)
    echo "not ok: $lang: $stats"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | sed 's/^/  untranslated: /' | tail -n +2
    msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | sed 's/^/  fuzzy: /' | tail -n +2
    status=1
    ;;
  *)
    echo "ok: $lang: $stats ($count messages in the sources)"
    ;;
  esac
done
exit $status
