#!/usr/bin/env bash
# Set-up and everyday commands for the study site, on a fresh Debian machine.
#
#   ./run.sh serve    install what the site needs, then serve it at http://127.0.0.1:8000
#   ./run.sh test     install what the tests need (Python and npm packages; Debian's chromium,
#                     poppler-utils, tesseract-ocr, Node and Java when missing), then run every test
#   ./run.sh build    build the site into site/ (strict), with its PDFs: the classroom edition, or,
#                     when SITE_URL gives a published address, the student edition (which holds no
#                     answers); SITE_EDITION=student or classroom chooses; extra arguments go to mkdocs
#   ./run.sh offline  make the offline copy, build/study-site-offline.zip (--student: the student edition)
#   ./run.sh import FILE --slug SLUG
#                     draft a new worksheet in docs/SLUG/ from a paper sheet: its OCR'd text, a PDF, or
#                     its page images (installs Debian's tesseract-ocr when missing)
#   ./run.sh new SLUG write an empty worksheet to fill in, docs/SLUG/
#
# Extra arguments after "test" go to pytest, e.g. ./run.sh test -k glossary
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PYTHON=${PYTHON:-python3}
export NO_MKDOCS_2_WARNING=1   # Material prints an end-of-life banner otherwise

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian() {  # install_debian PACKAGE...
  echo "Installing $* from Debian..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

need_browser() {  # Debian's chromium, unless CHROMIUM_PATH names another Chromium-based browser
  [ -n "${CHROMIUM_PATH:-}" ] || need_debian chromium chromium
}

need_debian() {  # need_debian COMMAND PACKAGE...: install the packages if COMMAND is missing
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 || install_debian "$@"
}

need_ocr() {  # need_ocr [DATA...]: Debian's Tesseract with its English data and DATA (spa, deu…), and poppler-utils
  need_debian pdftoppm poppler-utils
  local data
  for data in eng "$@"; do
    tesseract --list-langs 2>/dev/null | grep -qx "$data" || install_debian tesseract-ocr "tesseract-ocr-$data"
  done
}

python_env() {  # python_env REQUIREMENTS...: a virtual environment with exact versions
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" 2>/dev/null || {
      install_debian python3-venv
      "$PYTHON" -m venv "$VENV"
    }
  fi
  local requirements=()
  for file in "$@"; do requirements+=(-r "$file"); done
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${requirements[@]}" -c constraints.txt
  # The site's engine, from this folder (pyproject.toml), editable: edits apply at once.
  if [ ! -f "$VENV/.engine-installed" ] || [ pyproject.toml -nt "$VENV/.engine-installed" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e .
    touch "$VENV/.engine-installed"
  fi
}

node_env() {  # node_env: node_modules/ with the exact versions in package-lock.json
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

case "${1:-}" in
  serve)
    python_env requirements.txt
    exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
    ;;
  build)
    shift
    python_env requirements.txt
    need_browser
    # A site at a published address is the student edition, unless told otherwise:
    # on a public site, any student could otherwise read every model answer.
    if [ -z "${SITE_EDITION:-}" ] && [ -n "${SITE_URL:-}" ]; then export SITE_EDITION=student; fi
    SITE_PDFS=${SITE_PDFS:-true} exec "$VENV/bin/mkdocs" build --strict "$@"
    ;;
  test)
    shift
    python_env requirements-test.txt
    need_browser
    need_ocr
    need_debian npm nodejs npm
    need_debian java default-jre-headless
    node_env
    # One process per core; a module's tests stay in one process, in the order
    # tests/conftest.py gives (the slowest first).
    exec "$VENV/bin/python" -m pytest -n auto --dist loadscope --no-loadscope-reorder "$@"
    ;;
  offline)
    shift
    python_env requirements.txt
    need_browser
    exec "$VENV/bin/python" scripts/make_offline.py "$@"
    ;;
  import)
    shift
    python_env requirements.txt requirements-import.txt
    # The Tesseract data of the language asked for (--language es: spa).
    need_ocr "$("$VENV/bin/python" scripts/sheet_import/languages.py "$@")"
    exec "$VENV/bin/python" scripts/import_sheet.py "$@"
    ;;
  new)
    shift
    python_env requirements.txt
    exec "$VENV/bin/python" scripts/new_worksheet.py "$@"
    ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
