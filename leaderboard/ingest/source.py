"""Reading one input (a file or stdin) as UTF-8 text, streamed or whole.

Every check that is about bytes rather than papers lives here: unreadable
files, binary data, wrong encodings and oversized pages all become an
IngestError naming the file and, where known, the line.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import BinaryIO

from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.names import MAX_SOURCE_BYTES, source_name
from leaderboard.ingest.paths import STDIN

# Enough to see several records of every format, including an arXiv listing
# whose first entry carries a 10 KB author list.
HEAD_BYTES = 64 * 1024
# Text pages are parsed whole; anything this large is a dump that belongs in JSONL or CSV.
MAX_PAGE_BYTES = 200 * 1024 * 1024
# One JSONL record or CSV line; a longer "line" is a file without line breaks,
# which would otherwise be read whole into memory.
MAX_LINE_BYTES = 64 * 1024 * 1024

_FOREIGN_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "UTF-32 text; re-encode it as UTF-8"),
    (codecs.BOM_UTF32_BE, "UTF-32 text; re-encode it as UTF-8"),
    (codecs.BOM_UTF16_LE, "UTF-16 text; re-encode it as UTF-8"),
    (codecs.BOM_UTF16_BE, "UTF-16 text; re-encode it as UTF-8"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first (e.g. `zcat FILE | leaderboard ... -`)"),
    (b"PK\x03\x04", "a zip archive; extract it first"),
    (b"BZh", "bzip2-compressed; decompress it first (e.g. `bzcat FILE | leaderboard ... -`)"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first (e.g. `xzcat FILE | leaderboard ... -`)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed; decompress it first (e.g. `zstdcat FILE | leaderboard ... -`)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive; extract it first"),
    (b"%PDF-", "a PDF; extract its text first"),
)
# A tar archive says so at byte 257 of its first header.
TAR_MAGIC = (257, b"ustar")


class TextSource:
    """One input opened for reading; use as a context manager.

    The first HEAD_BYTES are read up front (format detection needs them, and
    stdin cannot be reopened), then replayed in front of the rest.
    """

    def __init__(self, path: str, on_read: Callable[[int], None] | None = None) -> None:
        self.path = path
        # The name papers are stored under (its source), and errors quote.
        self.name = source_name(path)
        if len(self.name.encode("utf-8")) > MAX_SOURCE_BYTES:
            limit = f"{MAX_SOURCE_BYTES:,} bytes"
            raise IngestError(path, None, f"file name longer than {limit}; rename or move it")
        self._owns_file = path != STDIN
        self._file = _open_binary(path)
        try:
            self.head = self._file.read(HEAD_BYTES)
        except OSError as exc:
            self._file.close()
            raise IngestError(path, None, f"cannot read ({exc.strerror or exc})") from exc
        self._stream = io.BufferedReader(_Replay(self.head, self._file, on_read))
        self._check_head()

    def __enter__(self) -> TextSource:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        # stdin belongs to the process; closing it would break a later reader.
        if self._owns_file:
            self._file.close()

    def head_text(self) -> str:
        """The head as text, for format detection only (a character cut at the end is dropped)."""
        return self.head.decode("utf-8-sig", errors="ignore")

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield (1-based line number, line) with line endings kept, one line in memory at a time."""
        number = 0
        while raw := self._stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise IngestError(
                    self.path,
                    number,
                    f"line longer than {MAX_LINE_BYTES // 2**20} MB; not one record per line?",
                )
            yield number, self._decode_line(raw, number)

    def read_page(self) -> str:
        """The whole input as text with "\\n" line endings; refused above MAX_PAGE_BYTES."""
        data = self._stream.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise IngestError(
                self.path,
                None,
                f"text page larger than {MAX_PAGE_BYTES // 2**20} MB; "
                "convert it to JSONL or CSV, which are streamed",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise IngestError(self.path, line, _not_utf8(data[exc.start])) from None
        if "\0" in text:
            raise IngestError(self.path, text.count("\n", 0, text.index("\0")) + 1, "binary data (NUL byte)")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._check_line_lengths(text)
        return text

    def _check_line_lengths(self, text: str) -> None:
        # A page parser would otherwise split a line of many megabytes into millions of
        # words before finding it is no paper (100 MB took 7 s and 1.8 GB of memory).
        start, number = 0, 1
        while (end := text.find("\n", start)) != -1 or start < len(text):
            end = len(text) if end == -1 else end
            if end - start > MAX_LINE_BYTES:
                raise IngestError(
                    self.path,
                    number,
                    f"line longer than {MAX_LINE_BYTES // 2**20} MB; text without line breaks?",
                )
            start, number = end + 1, number + 1

    def _check_head(self) -> None:
        if not self.head:
            raise IngestError(self.path, None, "empty file")
        for signature, message in _FOREIGN_SIGNATURES:
            if self.head.startswith(signature):
                raise IngestError(self.path, None, message)
        offset, magic = TAR_MAGIC
        if self.head[offset : offset + len(magic)] == magic:
            raise IngestError(self.path, None, "a tar archive; extract it first")
        if b"\0" in self.head:
            raise IngestError(self.path, None, "binary file (NUL bytes), not UTF-8 text")

    def _decode_line(self, raw: bytes, number: int) -> str:
        if b"\0" in raw:
            raise IngestError(self.path, number, "binary data (NUL byte)")
        try:
            return raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError(self.path, number, _not_utf8(raw[exc.start])) from None


def _not_utf8(byte: int) -> str:
    return f"not UTF-8 text (byte 0x{byte:02x}); re-encode the file as UTF-8"


def _stdin_bytes() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    # Only in-memory stand-ins (io.StringIO in tests, notebooks) lack a byte buffer,
    # and their text is already in memory.
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _open_binary(path: str) -> BinaryIO:
    if path == STDIN:
        return _stdin_bytes()
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by TextSource.close
    except IsADirectoryError:
        raise IngestError(path, None, "is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(path, None, f"cannot read ({exc.strerror or exc})") from None


class _Replay(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of that stream; `on_read` hears how
    many bytes each read passed on (progress by bytes)."""

    def __init__(self, head: bytes, rest: BinaryIO, on_read: Callable[[int], None] | None = None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
        else:
            data = self._rest.read(len(buffer))
            size = len(data)
            buffer[:size] = data
        if self._on_read is not None:
            self._on_read(size)
        return size
