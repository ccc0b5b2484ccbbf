"""Compile every locale/*/LC_MESSAGES/*.po into its .mo, with msgfmt when present, else in Python.

`make install` runs this, so a fresh clone needs no gettext tools; Django's compilemessages
needs GNU gettext, which a resident's laptop often lacks.
"""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _unquote(chunk: str) -> str:
    return str(ast.literal_eval(chunk))


def parse_po(path: Path) -> dict[str, str]:
    """msgid → msgstr for translated, non-fuzzy entries (plural forms joined with NUL)."""
    messages: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    current = ""
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = [k for k in entry if k.startswith("msgstr[")]
                msgstr = "\0".join("".join(entry[k]) for k in sorted(forms))
            else:
                msgstr = "".join(entry.get("msgstr", []))
            ctxt = entry.get("msgctxt")
            if ctxt is not None:
                msgid = "".join(ctxt) + "\x04" + msgid
            if msgstr.replace("\0", "") or msgid == "":
                messages[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            entry.setdefault(current, []).append(_unquote(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in {"msgctxt", "msgid"} and "msgstr" in entry:
            flush()
        current = keyword
        entry[current] = [_unquote(rest)]
    flush()
    return messages


def write_mo(messages: dict[str, str], path: Path) -> None:
    keys = sorted(messages)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        k, v = key.encode(), messages[key].encode()
        offsets.append((len(ids), len(k), len(strs), len(v)))
        ids += k + b"\0"
        strs += v + b"\0"
    n = len(keys)
    key_start = 7 * 4 + 16 * n
    value_start = key_start + len(ids)
    table = []
    for o1, l1, o2, l2 in offsets:
        table.append((l1, o1 + key_start, l2, o2 + value_start))
    output = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    output += b"".join(struct.pack("ii", length, offset) for length, offset, _, _ in table)
    output += b"".join(struct.pack("ii", length, offset) for _, _, length, offset in table)
    path.write_bytes(output + ids + strs)


def main() -> int:
    msgfmt = shutil.which("msgfmt")
    for po in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        if msgfmt:
            subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=True)
        else:
            write_mo(parse_po(po), mo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
