"""Bytes to text: refuse what is not text, decode what is, in any common encoding.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a mark (recognised by its NUL
pattern); then charset-normalizer's best guess, falling back to cp1252 (the usual encoding of
Western news exported from Windows tools) when every byte is defined there.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from charset_normalizer import from_bytes

from analyzer.errors import InputError

#: Magic numbers of files people drop into an article folder by mistake.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of control characters (other than tab and line breaks) above which decoded "text" is
#: really binary data; real articles have none, mis-decoded binaries have many.
MAX_CONTROL_SHARE = 0.01

#: Share of NUL bytes and control characters above which an HTML page is refused as binary data.
#: Below it they are dropped, as browsers do: real pages carry stray NULs and C0 controls (a CMS
#: bug, a truncated upload) that a browser never shows, and refusing the page lost its article.
MAX_HTML_CONTROL_SHARE = 0.1

#: Undefined cp1252 bytes tolerated (as U+FFFD) however short the text: 2 of Horne 2017's title
#: files carry one stray 0x9D each.
MAX_STRAY_BYTES = 2

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: A JSON string may hold DEL and the C1 controls raw (``json.dumps(ensure_ascii=False)`` and
#: pandas write U+0085 so) but never a C0 control, so JSON Lines are judged by C0 controls alone.
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")

#: charset-normalizer guesses we accept as they are: other scripts (Cyrillic, Greek, Arabic,
#: Hebrew, CJK), where it is reliable. For Latin-script bytes it often says cp1250 where the text
#: is cp1252 ("Peña" read as "Peńa"), so those are read as cp1252, the usual Windows export.
_TRUSTED_GUESSES = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp1253", "iso8859_7",
    "cp1256", "iso8859_6", "cp1255", "iso8859_8", "shift_jis", "cp932", "euc_jp", "gb2312",
    "gb18030", "cp936", "big5", "euc_kr", "cp949",
})  # fmt: skip


#: How browsers read a page's declared charset (WHATWG Encoding standard and the HTML meta
#: prescan): Latin-1 and ASCII labels mean windows-1252, whose curly quotes (0x93, 0x94) pages
#: declaring ISO-8859-1 really use; a UTF-16/32 label in a page read as bytes means UTF-8.
_DECLARED_AS = {
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii",
         "us-ascii", "cp819", "ibm819", "iso-ir-100", "windows-1252", "x-cp1252"),
        "cp1252",
    ),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620"), "cp874"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be"), "utf-8"),
}  # fmt: skip


#: Python codecs no browser offers; a page declaring one is sniffed instead (UTF-7 was an XSS
#: trick, the escape codecs would turn "\\u202e" written in the page into the real character).
_NOT_WEB_CODECS = frozenset({"utf_7", "punycode", "idna", "unicode_escape", "raw_unicode_escape"})


def declared_codec(label: str) -> str:
    """The codec a browser would use for a page declaring ``label`` (LookupError if none)."""
    label = label.strip().lower()
    codec = _DECLARED_AS.get(label, label)
    if codecs.lookup(codec).name.replace("-", "_") in _NOT_WEB_CODECS:
        raise LookupError(f"{label} is not a web encoding")
    return codec


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``path`` or raise :class:`InputError` saying why it is not text.

    ``declared`` is an encoding the file names for itself (an HTML ``<meta charset>``); it is
    tried after a byte-order mark and before sniffing, and ignored when the bytes contradict it.
    """
    return unicodedata.normalize("NFC", _text_of(data, path, declared, _CONTROL_CHARS))


def decode_page_bytes(data: bytes, path: str, declared: str | None = None) -> tuple[str, int]:
    """Decode an HTML page as a browser would: NUL bytes and control characters are dropped.

    Returns the text and how many characters were dropped. A page is refused (``InputError``)
    only when it is not text at all: a binary signature, or controls past
    ``MAX_HTML_CONTROL_SHARE`` of its characters.
    """
    nuls = 0
    if b"\x00" in data and not _is_wide_unicode(data):
        nuls = data.count(b"\x00")
        if nuls > MAX_HTML_CONTROL_SHARE * len(data):
            raise InputError(path, "binary file (contains NUL bytes), not text")
        data = data.replace(b"\x00", b"")
    text = _text_of(data, path, declared, _CONTROL_CHARS, MAX_HTML_CONTROL_SHARE)
    text, dropped = _CONTROL_CHARS.subn("", text)
    return unicodedata.normalize("NFC", text), nuls + dropped


def _is_wide_unicode(data: bytes) -> bool:
    """UTF-16 or UTF-32 (marked, or UTF-16 recognised by its NUL pattern): NULs belong there."""
    return any(data.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8") or (
        _utf16_without_bom(data) is not None
    )


def decode_json_lines(data: bytes, path: str) -> str:
    """Decode a JSON Lines file, not yet NFC-normalised.

    The reader normalises each decoded value instead: a string spelled with escapes
    (``"e\\u0301"``) then reads the same as the same string written raw.
    """
    return _text_of(data, path, None, _C0_CONTROLS)


def stream_codec(head: bytes, path: str) -> tuple[str, str]:
    """The codec (and error mode) to read a whole stream with, judged from its first bytes.

    For collections read record by record: a byte-order mark, UTF-16 by its NUL pattern, else
    UTF-8 when the head is UTF-8 (cut at its last line break, so a character split by the cut
    does not count against it), else the legacy guess :func:`decode_bytes` would make. Raises
    :class:`InputError` for an empty or binary head.
    """
    if not head:
        raise InputError(path, "empty file")
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise InputError(path, f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _with_bom(encoding), "strict"
    even = head[: len(head) - len(head) % 2]
    if _utf16_without_bom(even) is not None:
        return ("utf-16-le" if even[1:2] == b"\x00" else "utf-16-be"), "strict"
    if b"\x00" in head:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    cut = head.rfind(b"\n") + 1
    whole_lines = head[:cut] if cut else head
    if any(_is_utf8(whole_lines[: len(whole_lines) - trim]) for trim in range(4)):
        return "utf-8", "strict"
    return _legacy_codec(whole_lines, path)


def _with_bom(encoding: str) -> str:
    """A codec that reads and drops the byte-order mark ``encoding`` was recognised by."""
    return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
            "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[encoding]  # fmt: skip


def _text_of(
    data: bytes,
    path: str,
    declared: str | None,
    controls: re.Pattern[str],
    max_control_share: float = MAX_CONTROL_SHARE,
) -> str:
    if not data:
        raise InputError(path, "empty file")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"binary file ({kind}), not text")
    try:
        text = _decode(data, path, declared)
    except (UnicodeDecodeError, LookupError) as error:  # a guessed codec that fails after all
        raise InputError(path, f"cannot decode the text ({error.__class__.__name__})") from error
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if len(controls.findall(text)) > max_control_share * len(text):
        raise InputError(path, "binary file (control characters), not text")
    return text


def _decode(data: bytes, path: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    path, f"declares {encoding} with a byte-order mark but is not valid {encoding}"
                ) from error
    # A wrong declaration is common (pages re-saved as UTF-8 keep their old meta tag), and
    # non-ASCII bytes that form valid UTF-8 are almost never legacy text by chance: trust those.
    if declared and (data.isascii() or not _is_utf8(data)):
        try:
            return data.decode(declared_codec(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # the bytes contradict the declaration; sniff instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    lines = data.splitlines(keepends=True)
    if any(not line.isascii() and _is_utf8(line) for line in lines):
        # Mixed encodings: a file pasted together from several sources, some lines UTF-8 and the
        # rest a legacy encoding. Each line is read in its own encoding, so neither part turns
        # into mojibake ("cafÃ©").
        legacy = [line for line in lines if not _is_utf8(line)]
        encoding, errors = _legacy_codec(b"".join(legacy), path)
        return "".join(
            line.decode("utf-8") if _is_utf8(line) else line.decode(encoding, errors)
            for line in lines
        )
    encoding, errors = _legacy_codec(data, path)
    return data.decode(encoding, errors)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _legacy_codec(data: bytes, path: str) -> tuple[str, str]:
    """The encoding (and error mode) of text that is not UTF-8 or UTF-16."""
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding in _TRUSTED_GUESSES:
        return guess.encoding, "strict"
    if _is_cp1252(data):
        return "cp1252", "strict"
    # Five byte values are undefined in cp1252; a stray one (seen in real exports) becomes U+FFFD.
    undefined = sum(data.count(byte) for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))
    if undefined <= max(MAX_STRAY_BYTES, MAX_CONTROL_SHARE * len(data)):
        return "cp1252", "replace"
    raise InputError(path, "cannot tell the text encoding (not UTF-8, UTF-16 or cp1252)")


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; decode it when that pattern holds."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    encoding = "utf-16-le" if odd_nuls > 0.3 and even_nuls < 0.05 else None
    if even_nuls > 0.3 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def replace_lone_surrogates(value: str) -> str:
    """JSON escapes can spell half an emoji ("\\ud83d"); such a lone surrogate cannot be written
    as UTF-8 and would crash the scorecard writer, so it becomes U+FFFD like any undecodable byte."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can be written anywhere (CSV, terminal, JSON).

    A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates, which no
    UTF-8 writer accepts: the scorecard would fail for the whole batch. They are written as
    ``\\xNN`` instead, so the name stays recognisable.
    """
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return replace_lone_surrogates(os.fspath(path))
