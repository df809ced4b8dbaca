"""Bytes to text: refuse what is not text, decode what is, in any common encoding.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a mark (recognised by its NUL
pattern); then charset-normalizer's best guess, falling back to cp1252 (the usual encoding of
Western news exported from Windows tools) when every byte is defined there.
"""

from __future__ import annotations

import codecs
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

#: Undefined cp1252 bytes tolerated (as U+FFFD) however short the text: 2 of Horne 2017's title
#: files carry one stray 0x9D each.
MAX_STRAY_BYTES = 2

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

#: charset-normalizer guesses we accept as they are: other scripts (Cyrillic, Greek, Arabic,
#: Hebrew, CJK), where it is reliable. For Latin-script bytes it often says cp1250 where the text
#: is cp1252 ("Peña" read as "Peńa"), so those are read as cp1252, the usual Windows export.
_TRUSTED_GUESSES = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp1253", "iso8859_7",
    "cp1256", "iso8859_6", "cp1255", "iso8859_8", "shift_jis", "cp932", "euc_jp", "gb2312",
    "gb18030", "cp936", "big5", "euc_kr", "cp949",
})


def decode_bytes(data: bytes, path: str) -> str:
    """Decode ``data`` read from ``path`` or raise :class:`InputError` saying why it is not text."""
    if not data:
        raise InputError(path, "empty file")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"binary file ({kind}), not text")
    text = _decode(data, path)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if len(_CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "binary file (control characters), not text")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(path, f"declares {encoding} with a byte-order mark but is not valid {encoding}") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding in _TRUSTED_GUESSES:
        return str(guess)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    # Five byte values are undefined in cp1252; a stray one (seen in real exports) becomes U+FFFD.
    undefined = sum(data.count(byte) for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))
    if undefined <= max(MAX_STRAY_BYTES, MAX_CONTROL_SHARE * len(data)):
        return data.decode("cp1252", errors="replace")
    raise InputError(path, "cannot tell the text encoding (not UTF-8, UTF-16 or cp1252)")


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
