"""A generated corpus of hostile input files, each with the outcome the README promises.

Every case is a file (or something in a folder that is not one) and one of:
an exact error line after its path (`:LINE: message` or `: message`), the
papers it stores, or nothing at all (passed over: pipes, sockets, hidden
files). Cases are data, grouped by what they attack; `write_corpus` puts
them in one folder, interleaved with good files, so a case that stopped the
run would show as good papers missing.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import json
import lzma
import os
import socket
import tarfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A paper record without digits: no claims, so the summary line is exact whatever the extractor finds.
DEPTH = 100_000


def paper(key: str, **fields: object) -> dict:
    return {
        "id": f"g-{key}",
        "title": f"Paper {key}",
        "abstract": f"We study the {key} case carefully.",
        **fields,
    }


def jsonl(*rows: dict | str) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()


def good_jsonl(key: str) -> bytes:
    return jsonl(paper(key))


@dataclass(frozen=True)
class Case:
    """One hostile file: `name` in the corpus folder (bytes for a name that is not UTF-8)."""

    name: str | bytes
    make: Callable[[Path], None]
    error: str | None = None  # what follows the path on its `error:` line
    stores: tuple[str, ...] = ()  # ids of the papers it stores
    # Shown in place of the path when it is escaped on the error line (control characters, bad bytes).
    shown: str | None = None


def content(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data)


def _zip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("papers.jsonl", data)
    return buffer.getvalue()


def _tar(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("papers.jsonl")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # the socket file outlives the closed socket
    server.close()


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def _long_path(path: Path) -> None:
    # No file name component may pass 255 bytes, so the path is long through its folders.
    folder = path
    for _ in range(5):
        folder = folder / ("f" * 200)
    folder.mkdir(parents=True)
    (folder / "papers.jsonl").write_bytes(good_jsonl("long-path"))


PAPER = json.dumps(paper("x"))
NOT_UTF8 = "; re-encode the file as UTF-8"

ENCODINGS = [
    Case(
        "enc-latin1.txt",
        content("Abstract: We study cafés.\nAbstract: Café au lait.\n".encode("latin-1")),
        f":1: not UTF-8 text (byte 0xe9){NOT_UTF8}",
    ),
    Case(
        "enc-cp1252.csv",
        content("title,abstract\n\u201cQuoted\u201d,We study quotes.\n".encode("cp1252")),
        f":2: not UTF-8 text (byte 0x93){NOT_UTF8}",
    ),
    Case(
        "enc-utf16le.jsonl",
        content(codecs.BOM_UTF16_LE + PAPER.encode("utf-16-le")),
        ": UTF-16 text; re-encode it as UTF-8",
    ),
    Case(
        "enc-utf16be.txt",
        content(codecs.BOM_UTF16_BE + "Abstract: We study it.".encode("utf-16-be")),
        ": UTF-16 text; re-encode it as UTF-8",
    ),
    Case("enc-utf32.jsonl", content(PAPER.encode("utf-32")), ": UTF-32 text; re-encode it as UTF-8"),
    Case(
        "enc-utf16-no-bom.jsonl",
        content(PAPER.encode("utf-16-le")),
        ": binary file (NUL bytes), not UTF-8 text",
    ),
    # A surrogate spelled in UTF-8 bytes, and a two-byte spelling of "/": both invalid UTF-8.
    Case(
        "enc-surrogate-bytes.jsonl",
        content(good_jsonl("s") + b'{"abstract": "We \xed\xa0\x80 study."}\n'),
        f":2: not UTF-8 text (byte 0xed){NOT_UTF8}",
    ),
    Case(
        "enc-overlong.txt",
        content(b"Abstract: We study \xc0\xaf paths.\n"),
        f":1: not UTF-8 text (byte 0xc0){NOT_UTF8}",
    ),
    Case(
        "enc-lone-surrogate-escape.jsonl",
        content(jsonl('{"abstract": "We study \\ud800 halves."}')),
        ':1: "abstract" holds a lone surrogate (a broken \\u escape)',
    ),
    Case("enc-utf8-bom.jsonl", content(codecs.BOM_UTF8 + good_jsonl("bom")), stores=("g-bom",)),
    Case(
        "enc-nul-escape.jsonl",
        content(jsonl('{"id": "g-nul", "abstract": "We study \\u0000 nothing."}')),
        stores=("g-nul",),
    ),
    Case(
        "enc-cr-only.csv",
        content(b"id,title,abstract\rg-cr,Old Mac,We study carriage returns.\r"),
        ":1: lines end in bare carriage returns (old Mac text); convert them to \\n",
    ),
]

ARCHIVES = [
    Case(
        "arc-papers.jsonl.gz",
        content(_gzip(good_jsonl("gz"))),
        ": gzip-compressed; decompress it first (e.g. `zcat FILE | leaderboard ... -`)",
    ),
    Case("arc-papers.zip", content(_zip(good_jsonl("zip"))), ": a zip archive; extract it first"),
    Case(
        "arc-papers.jsonl.bz2",
        content(bz2.compress(good_jsonl("bz2"))),
        ": bzip2-compressed; decompress it first (e.g. `bzcat FILE | leaderboard ... -`)",
    ),
    Case(
        "arc-papers.jsonl.xz",
        content(lzma.compress(good_jsonl("xz"))),
        ": xz-compressed; decompress it first (e.g. `xzcat FILE | leaderboard ... -`)",
    ),
    Case("arc-papers.tar", content(_tar(good_jsonl("tar"))), ": a tar archive; extract it first"),
    Case(
        "arc-paper.pdf", content(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), ": a PDF; extract its text first"
    ),
]

STRUCTURE = [
    Case(
        "deep-object.jsonl",
        content(jsonl(paper("d1"), '{"a":' * DEPTH + "1" + "}" * DEPTH)),
        ":2: JSON nested too deeply to be a paper record",
    ),
    Case(
        "deep-array.jsonl",
        content(jsonl(paper("d2"), "[" * DEPTH + "]" * DEPTH)),
        ":2: JSON nested too deeply to be a paper record",
    ),
    Case(
        "deep-in-field.jsonl",
        content(
            jsonl({**paper("d3"), "authors": "PLACEHOLDER"}).replace(
                b'"PLACEHOLDER"', b"[" * DEPTH + b"]" * DEPTH
            )
        ),
        ":1: JSON nested too deeply to be a paper record",
    ),
    Case(
        "deep-first-line.jsonl",
        content(b"[" * DEPTH + b"]" * DEPTH + b"\n"),
        ":1: a JSON array; expected JSON Lines (one object per line)",
    ),
    Case(
        "num-huge-int.jsonl",
        content(jsonl('{"id": ' + "9" * 5000 + ', "abstract": "We study it."}')),
        ":1: a JSON number of more than 4,300 digits",
    ),
    Case(
        "num-id-above-64-bits.jsonl",
        content(jsonl('{"id": 123456789012345678901234567890, "abstract": "We study wide ids."}')),
        stores=("123456789012345678901234567890",),
    ),
    Case(
        "num-float-id.jsonl",
        content(jsonl('{"id": 1e400, "abstract": "We study floats."}')),
        ':1: "id" is a JSON number, expected a string or integer',
    ),
    Case(
        "id-too-long.jsonl",
        content(jsonl({"id": "i" * 10_000, "abstract": "We study long ids."})),
        ':1: "id" of 10,000 characters (limit 256); not an id?',
    ),
    Case(
        "id-arxiv-too-long.csv",
        content(b"arxiv_id,abstract\n" + "\u00e9".encode() * 300 + b",We study it.\n"),
        ':2: "arxiv_id" of 300 characters (limit 256); not an id?',
    ),
    Case(
        "id-at-limit.jsonl",
        content(jsonl({"id": "\u00e9" * 256, "abstract": "We study wide letters."})),
        stores=("\u00e9" * 256,),
    ),
    Case(
        "abstract-too-long.jsonl",
        content(jsonl({"abstract": "word " * 30_000})),
        ":1: abstract of 149,999 characters (limit 100,000); a whole paper, or a file without line breaks?",
    ),
    Case(
        "csv-dup-title.csv",
        content(b"title,title,abstract\nA,B,We study doubles.\n"),
        ":1: CSV names column 'title' more than once (columns 1 and 2)",
    ),
    Case(
        "csv-dup-abstract-case.csv",
        content(b"Abstract,title,ABSTRACT\nWe study one.,T,We study two.\n"),
        ":1: CSV names column 'abstract' more than once (columns 1 and 3)",
    ),
    Case(
        "csv-stray-quote.csv",
        content(b'title,abstract\nA,"We study\nB,quotes.\n'),
        ":2: malformed CSV (unexpected end of data)",
    ),
    Case(
        "json-array-file.jsonl",
        content(b'[{"abstract": "We study arrays."}]\n'),
        ":1: a JSON array; expected JSON Lines (one object per line)",
    ),
    Case(
        "json-string-line.jsonl",
        content(jsonl(paper("str"), '"just a string"')),
        ":2: a JSON string, expected an object",
    ),
    Case(
        "bad-date.jsonl",
        content(jsonl({**paper("date"), "date": "0000-13-45"})),
        ":1: unrecognised date '0000-13-45' (expected yyyy-mm-dd or an RFC 2822 date)",
    ),
    Case(
        "html-page.html",
        content(b"<html><body><p>hello</p></body></html>\n"),
        ": cannot tell the format from the name or content; pass one of: "
        "arxiv-listing, abstracts, daily-page, jsonl, csv",
    ),
    Case("blank-lines.jsonl", content(b"\n \n\t\n"), ": no papers found (read as jsonl)"),
    Case("empty.txt", content(b""), ": empty file"),
    Case("binary.dat", content(bytes(range(256)) * 4), ": binary file (NUL bytes), not UTF-8 text"),
    Case(
        "nul-later.jsonl", content(good_jsonl("n1") + b"x" * 70_000 + b"\0\n"), ":2: binary data (NUL byte)"
    ),
    Case(
        "terminal-escapes.jsonl",
        content(
            jsonl({"id": "g-esc", "title": "\x1b[2J\x1b]0;owned\x07", "abstract": "We study \u202eescapes."})
        ),
        stores=("g-esc",),
    ),
]

NAMES = [
    Case(b"name-\xff\xfe.jsonl", content(good_jsonl("latin-name")), stores=("g-latin-name",)),
    Case(
        b"name-\xff-bad.jsonl",
        content(b"{not json\n"),
        ":1: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        shown="name-\\xff-bad.jsonl",
    ),
    Case("name-\nnewline.txt", content(b""), ": empty file", shown="name-\\nnewline.txt"),
    Case("name-\x1b[31mred.txt", content(b""), ": empty file", shown="name-\\x1b[31mred.txt"),
    Case("name-\u202ertl.txt", content(b""), ": empty file", shown="name-\\u202ertl.txt"),
    Case("-name-dash.jsonl", content(good_jsonl("dash")), stores=("g-dash",)),
    Case("name with spaces 🎉.jsonl", content(good_jsonl("emoji")), stores=("g-emoji",)),
    Case(
        "name-long-path",
        _long_path,
        ": file name longer than 1,024 bytes; rename or move it",
        shown="name-long-path/" + "/".join(["f" * 200] * 5) + "/papers.jsonl",
    ),
    Case(".hidden.jsonl", content(b"{not json\n")),
]

SPECIAL_FILES = [
    Case("special-fifo.jsonl", _fifo),
    Case("special-socket.jsonl", _socket),
    Case("special-dev-zero.jsonl", _symlink("/dev/zero")),
    Case(
        "link-dangling.jsonl", _symlink("no-such-target.jsonl"), ": cannot read (No such file or directory)"
    ),
    Case(
        "link-self-loop.jsonl",
        _symlink("link-self-loop.jsonl"),
        ": cannot read (Too many levels of symbolic links)",
    ),
    Case("link-to-own-folder", _symlink(".")),  # the folder itself: its files are read once, not again
    Case("link-to-good.jsonl", _symlink("zz-good-1.jsonl"), stores=("g-good-1",)),
]

CASES = ENCODINGS + ARCHIVES + STRUCTURE + NAMES + SPECIAL_FILES


def name_text(case: Case) -> str:
    return os.fsdecode(case.name)


def write_corpus(folder: Path, cases: list[Case] = CASES) -> None:
    """Every case in `folder`, plus good files whose papers must all be stored whatever comes before."""
    folder.mkdir()
    for case in cases:
        case.make(Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(case.name)))))
    for n in range(3):
        (folder / f"zz-good-{n}.jsonl").write_bytes(good_jsonl(f"good-{n}"))
    (folder / "00-good.jsonl").write_bytes(good_jsonl("first"))


GOOD_IDS = ("g-first", "g-good-0", "g-good-1", "g-good-2")
