#!/usr/bin/env bash
# Print the path of a working Python 3.10 interpreter (Rasa 3.6 needs Python < 3.11).
# Order: PYTHON310 if set, python3.10 on PATH, then pyenv's 3.10 installs. A pyenv shim on PATH
# only works when pyenv selects 3.10, so every candidate is run before it is trusted.
set -u

works() { [ -n "$1" ] && "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
pyenv_root="${PYENV_ROOT:-}"
[ -z "$pyenv_root" ] && command -v pyenv >/dev/null 2>&1 && pyenv_root="$(pyenv root 2>/dev/null)"
[ -z "$pyenv_root" ] && pyenv_root="$HOME/.pyenv"
for dir in $(ls -d "$pyenv_root"/versions/3.10* 2>/dev/null | sort -V -r); do
  candidates+=("$dir/bin/python3.10")
done

for candidate in "${candidates[@]}"; do
  if works "$candidate"; then echo "$candidate"; exit 0; fi
  # A pyenv shim works once told which 3.10 to use.
  if [ -d "$pyenv_root/versions" ]; then
    version=$(ls "$pyenv_root/versions" 2>/dev/null | grep -E '^3\.10' | sort -V | tail -n 1)
    if [ -n "$version" ] && PYENV_VERSION="$version" works "$candidate"; then
      echo "$pyenv_root/versions/$version/bin/python3.10"; exit 0
    fi
  fi
done

cat >&2 <<'MSG'
ERROR: Python 3.10 was not found. Rasa 3.6 needs Python 3.8-3.10; this project uses 3.10.
Install it, for example with pyenv (`pyenv install 3.10.13`) or your system's package manager
(`python3.10` and `python3.10-venv`), or point PYTHON310 at an interpreter:
    make run PYTHON310=/path/to/python3.10
MSG
exit 1
