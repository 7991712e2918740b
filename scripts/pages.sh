#!/usr/bin/env bash
# Turns reports into PNG pages for looking at them: .docx/.xlsx through LibreOffice, .html through headless
# Chromium, .pdf as is; every page with `pdftoppm -png -r 60` into OUT/<name.ext>/page-NN.png (the PDF next to it).
#   scripts/pages.sh OUT FILE...        e.g. scripts/pages.sh /tmp/pages out/*.pdf out/*.html
# A .docx converted here gets LibreOffice's own font fallback; `juesuan render --format pdf` (what readers get)
# tells LibreOffice which Chinese fonts stand in for the GB/T 9704 ones, so look at that PDF.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: scripts/pages.sh OUT_DIR FILE..." >&2
    exit 2
fi
out=$1
shift
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for file in "$@"; do
    name=$(basename "$file")
    stem=${name%.*}
    ext=${name##*.}
    pdf="$out/$stem.$ext.pdf"
    case "$ext" in
    pdf) cp "$file" "$pdf" ;;
    docx | xlsx)
        soffice "-env:UserInstallation=file://$profile/lo" --headless --norestore --convert-to pdf \
            --outdir "$profile/pdf" "$file" >/dev/null
        mv "$profile/pdf/$stem.pdf" "$pdf"
        ;;
    html | htm)
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --user-data-dir="$profile/chromium" --print-to-pdf="$pdf" "file://$(realpath "$file")" 2>/dev/null
        ;;
    *)
        echo "scripts/pages.sh: $file: not .docx, .xlsx, .html or .pdf" >&2
        exit 2
        ;;
    esac
    rm -rf "${out:?}/$stem.$ext"
    mkdir -p "$out/$stem.$ext"
    pdftoppm -png -r 60 "$pdf" "$out/$stem.$ext/page"
    echo "$out/$stem.$ext: $(ls "$out/$stem.$ext" | wc -l) pages"
done
