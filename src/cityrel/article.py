"""Stage 1: read news articles from files and records, normalised for quoting.

Contract
--------
* ``Article.text`` is the article exactly as ingested: decoded as UTF-8, one
  leading BOM dropped, ``\\r\\n`` and lone ``\\r`` made ``\\n``, nothing else
  changed (no stripping, no Unicode normalisation, no other line separators
  touched). Evidence offsets count code points of this string and the scorer
  pairs articles with gold by it, so a header or dateline stays in the text.
* Plain text (``.txt``), as the seed articles are written. Read from the text,
  never cut out of it:

  - a header, only in the form ``" date YYYY-MM-DD Publisher / Author - "``
    (author optional, the body goes on after the dash): date, publisher,
    author. It is the first line, or the line after a headline (a first line
    that does not end as a sentence does), which is then the title and no part
    of the body. A header whose date is not a real calendar date is an error,
    not an ordinary line;
  - under a headline, instead of a header, a short dated byline
    (``"Eskişehir Ekspres | 15.03.2024 | Haber Merkezi"``, ``"Yayın tarihi:
    9 Nisan 2025"``): the date, and the fields beside it as publisher and author;
  - an opening dateline ``"KONYA (KENT HABER) - "`` or ``"KONYA - "`` at the start of the body:
    the city as written, and the source in parentheses as publisher when no
    header names one, or as the date when it is one (``"GAZİANTEP
    (24.09.2025) - "``);
  - else a closing dateline ``"... söyledi. - BALIKESİR"``: the city as written.

* JSON Lines (``.jsonl``): one object per line with ``text`` (required),
  ``url``, ``title``, ``date`` (``YYYY-MM-DD``, or an ISO datetime whose date
  part is kept), ``source`` (the publisher) and ``author``. The text is
  normalised and read as above; the record's own fields win over the text's.
  Blank lines are skipped.
* Keys are stable, IRI-safe slugs: a file's is the slug of its stem
  (``seed-izmir-baku-40``); a record's is the slug of its url's host and path,
  shortened, plus a short hash of the url; without a url, of its title; without
  either, of its text (such a record cannot be replaced by a revised version).
* Every input that cannot be an article is an `ArticleError` naming the file
  (``path:line`` for a JSONL record) and the reason. `read_articles` yields
  errors as values and goes on with the next input; `read_article` raises.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from cityrel.errors import ArticleError
from cityrel.extract.text import slug, written_date
from cityrel.model import Article

__all__ = [
    "SUFFIXES",
    "article_from_record",
    "article_from_text",
    "file_key",
    "normalise_text",
    "read_article",
    "read_articles",
    "record_key",
]

StrPath = str | os.PathLike[str]

SUFFIXES = (".jsonl", ".txt")
"""The suffixes read, in any case; other files are refused, not guessed at."""

_BOM = "\ufeff"
_DASH = "[-–—]"
# A word in letters only, possibly joined by a space, slash or hyphen ("BODRUM/MUĞLA");
# whether it is in capitals is checked afterwards, which no letter class could say for
# every script.
_NAME = r"[^\W\d_]+(?:[ /-][^\W\d_]+)*"
# The date is anything written like one ("2025-02-30", "07.11.2025"), so that a
# malformed date is reported as such instead of the header passing for prose.
_HEADER = re.compile(
    rf"[ \t]*date[ \t]+(?P<date>\d[\d./-]*\d)[ \t]+(?P<byline>\S.*?)[ \t]+{_DASH}(?:[ \t]+|$)"
)
# A headline is a short line that does not end as a sentence, even inside a closing quote (a first
# paragraph ending in '... dedi: "Kardeşiz."' is news); blank lines may part it from what follows.
_HEADLINE = re.compile(
    r"[ \t]*(?P<headline>[^\n]{0,199}\S)(?<![.!?…:;,])(?<![.!?…:;,][\"”’'»)])[ \t]*\n(?:[ \t]*\n)*"
)
# A byline under a headline: a short line that is no sentence ("Ekspres | 15.03.2024 | Haber
# Merkezi", "Yayın tarihi: 9 Nisan 2025"); it is one only if it holds a date.
_BYLINE = re.compile(r"[ \t]*(?P<line>[^\n]{1,100}[^\s.!?…:;,])[ \t]*(?:\n(?:[ \t]*\n)*|\Z)")
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
# An opening dateline: "KONYA (KENT HABER) - ", or with the date after a comma, where the city may be
# written as in prose and the source left out: "Bursa, 12.04.2024 (Marmara Postası) - ",
# "MANİSA, 22 Ekim 2024 - ".
_OPENING_DATELINE = re.compile(
    rf"[ \t]*(?P<city>{_NAME})[ \t]*"
    r"(?:,[ \t]*(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[ \t]+[^\W\d_]+[ \t]+\d{4}))?[ \t]*"
    rf"(?:\((?P<source>[^()\n]{{1,80}})\))?[ \t]*{_DASH}(?:[ \t]+|$)"
)
# A closing dateline follows the end of a sentence, or stands alone on the last line,
# so that a hyphenated phrase ending the text ("İzmir - AB") is not taken for one.
_CLOSING_DATELINE = re.compile(
    rf"(?:(?<=[.!?…\"”’')])[ \t]+|^[ \t]*){_DASH}[ \t]+(?P<city>{_NAME})[ \t]*\Z", re.MULTILINE
)
_KEY_LENGTH = 60
_HASH_LENGTH = 8
# Past this share of control or unassigned characters a decoded file is not prose.
_BINARY_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


# -- Public API ------------------------------------------------------------


def normalise_text(text: str) -> str:
    """The text as ingested: one leading BOM dropped, CRLF and lone CR made LF.

    >>> normalise_text("\\ufeffbir\\r\\niki\\rüç\\n")
    'bir\\niki\\nüç\\n'
    """
    return text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: StrPath) -> Article:
    """Read one ``.txt`` article; raise `ArticleError` if it cannot be one.

    A ``.jsonl`` file holds many articles: read it with `read_articles`.
    """
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        raise ArticleError(str(path), "is a JSON Lines file of many articles; read it with read_articles")
    if path.suffix.lower() != ".txt":
        raise ArticleError(str(path), _wrong_suffix(path))
    return _read_text_file(path)


def read_articles(paths: StrPath | Iterable[StrPath]) -> Iterator[Article | ArticleError]:
    """Read every article under the given files and directories, in order.

    A directory stands for its ``.txt`` and ``.jsonl`` files, recursively, sorted,
    hidden ones left out. Never raises `ArticleError`: each input that cannot be
    read yields one, and reading goes on. A file reached twice is read once. A
    second article under a key already read is refused if its text differs,
    since storing it would replace the first one's graph; a copy with the same
    text is yielded again (storing it changes nothing).
    """
    seen_files: set[Path] = set()
    claimed: dict[str, tuple[str, str]] = {}  # key -> (first source, text digest)
    for path in _expand(paths):
        if isinstance(path, ArticleError):
            yield path
            continue
        if path.resolve() in seen_files:
            continue
        seen_files.add(path.resolve())
        for item in _read_path(path):
            yield _claim_key(item, claimed)


def article_from_text(text: str, *, key: str, source: str) -> Article:
    """An article from decoded text: normalised, checked, header and dateline read."""
    text = normalise_text(text)
    _check_text(text, source)
    return _article(text, key=key, source=source)


def article_from_record(record: Mapping[str, object], *, source: str) -> Article:
    """An article from one JSON object (a JSONL line or a service's request body)."""
    text = _string_field(record, "text", source)
    if text is None:
        raise ArticleError(source, "has no 'text' field")
    url, title = _meta_field(record, "url", source), _meta_field(record, "title", source)
    text = normalise_text(text)
    _check_text(text, source)
    found = _article(text, key=record_key(url=url, title=title, text=text), source=source)
    return replace(
        found,
        date=_record_date(record, source) or found.date,
        title=title or found.title,
        publisher=_meta_field(record, "source", source) or found.publisher,
        author=_meta_field(record, "author", source) or found.author,
        url=url,
    )


def file_key(path: StrPath) -> str:
    """The key of a file's article: the slug of its stem, whatever its directory."""
    return slug(Path(path).stem)


def record_key(*, url: str | None, title: str | None, text: str) -> str:
    """The key of a record's article, from its url, else its title, else its text."""
    if url and url.strip():
        return _keyed(_url_words(url.strip()), url.strip())
    if title and title.strip():
        title = " ".join(title.split())
        return _keyed(title, title)
    return _keyed("text", text)


# -- Paths -----------------------------------------------------------------


def _expand(paths: StrPath | Iterable[StrPath]) -> Iterator[Path | ArticleError]:
    """The files to read: given files as they are, directories as their article files."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _directory_files(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield ArticleError(str(path), "no such file or directory")


def _directory_files(directory: Path) -> Iterator[Path | ArticleError]:
    found = sorted(
        path
        for path in directory.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        # Editor backups, checkouts and notebook checkpoints are not articles.
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )
    if not found:
        yield ArticleError(str(directory), "contains no .txt or .jsonl files")
    yield from found


def _read_path(path: Path) -> Iterator[Article | ArticleError]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ArticleError(str(path), _wrong_suffix(path))
    elif suffix == ".jsonl":
        yield from _read_jsonl(path)
    else:
        try:
            yield _read_text_file(path)
        except ArticleError as error:
            yield error


def _wrong_suffix(path: Path) -> str:
    return f"is not a .txt or .jsonl file (suffix {path.suffix or 'none'!r})"


def _claim_key(item: Article | ArticleError, claimed: dict[str, tuple[str, str]]) -> Article | ArticleError:
    """Refuse a second, different article under a key already read in this run."""
    if isinstance(item, ArticleError):
        return item
    # A digest, not the article, so that a long feed is not held in memory.
    digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
    first_source, first_digest = claimed.setdefault(item.key, (item.source, digest))
    if first_digest != digest:
        return ArticleError(item.source, f"has the key {item.key!r} of {first_source} but another text; "
                            "storing both would replace one article's graph with the other's")
    return item


# -- Plain text ------------------------------------------------------------


def _read_text_file(path: Path) -> Article:
    return article_from_text(_decode(_read_bytes(path), str(path)), key=file_key(path), source=str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(str(path), "is a directory, not a file") from None
    except OSError as error:
        raise ArticleError(str(path), f"cannot be read: {error.strerror or error}") from error


def _decode(data: bytes, source: str) -> str:
    """The bytes as UTF-8 text, refusing what is empty, UTF-16, binary or another encoding."""
    if not data:
        raise ArticleError(source, "is empty (0 bytes)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(source, "is UTF-16 (it opens with a UTF-16 byte order mark); save it as UTF-8")
    if b"\x00" in data:
        raise ArticleError(source, f"is binary, not text (a NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.end].hex(" ")
        raise ArticleError(source, f"is not UTF-8 text (bytes {bad} at offset {error.start}); "
                           "save it as UTF-8") from None


def _check_text(text: str, source: str) -> None:
    """Refuse text that holds no article: empty, whitespace, or control characters."""
    if not text:
        raise ArticleError(source, "is empty")
    if not text.strip():
        raise ArticleError(source, "contains only whitespace")
    if "\x00" in text:
        raise ArticleError(source, "is binary, not text (it contains NUL characters)")
    odd = sum(count for char, count in Counter(text).items() if _is_odd(char))  # each distinct character once
    if odd > _BINARY_SHARE * len(text):
        raise ArticleError(source, f"is binary, not text ({odd} of {len(text)} characters are "
                           "control or unassigned characters)")


def _is_odd(char: str) -> bool:
    return char not in _TEXT_CONTROLS and unicodedata.category(char) in {"Cc", "Cn", "Co", "Cs"}


# -- What the text says about itself ---------------------------------------


@dataclass(frozen=True)
class _Front:
    """What the lines before the news say: a headline, a header or a dated byline."""

    end: int
    """Where the body starts."""
    date: datetime.date | None = None
    publisher: str | None = None
    author: str | None = None
    headline: str | None = None


def _article(text: str, *, key: str, source: str) -> Article:
    """The article with whatever its front lines and datelines say; `text` already normalised."""
    front = _read_front(text, source)
    body = front.end
    if not text[body:].strip():
        raise ArticleError(source, "has a header but no article text after it")
    opening = _OPENING_DATELINE.match(text, body)
    date, dateline, agency, body_end = front.date, None, None, None
    dated = written_date(opening["date"]) if opening and opening["date"] else None
    if opening and (dated or (not opening["date"] and _is_capitals(opening["city"]))):
        dateline, body = opening["city"], opening.end()
        # "GAZİANTEP (24.09.2025) - " dates the article where another would name its agency.
        named = opening["source"]
        if named and (written := written_date(named)) is not None:
            dated = dated or written
        elif named:
            agency = named.strip()
        date = date or dated
    closing = _closing_dateline(text)
    if closing:
        dateline = dateline or closing.group("city")
        body_end = closing.start()
    return Article(
        key=key,
        source=source,
        text=text,
        date=date,
        title=front.headline,
        publisher=front.publisher or agency,
        author=front.author,
        dateline=dateline,
        body_start=body,
        body_end=body_end,
    )


def _read_front(text: str, source: str) -> _Front:
    """The header on the first line; or a headline, then a header or a dated byline if one follows."""
    header = _read_header(text, 0, source)
    if header is not None:
        return header
    title = _HEADLINE.match(text)
    if title is None or not text[title.end():].strip():  # a line alone is the news, not its headline
        return _Front(end=0)
    headline = title["headline"].strip()
    header = _read_header(text, title.end(), source)
    if header is not None:
        return replace(header, headline=headline)
    byline = _BYLINE.match(text, title.end())
    if byline is not None and (date := written_date(byline["line"])) is not None:
        fields = [field.strip() for field in byline["line"].split("|")]
        dated = next(index for index, field in enumerate(fields) if written_date(field))
        return _Front(end=byline.end(), date=date, headline=headline,
                      publisher=fields[dated - 1] if dated > 0 else None,
                      author=fields[dated + 1] if dated + 1 < len(fields) else None)
    return _Front(end=title.end(), headline=headline)


def _read_header(text: str, start: int, source: str) -> _Front | None:
    """The header, if the line at `start` has the header's form."""
    line_end = text.find("\n", start)
    match = _HEADER.match(text, start, len(text) if line_end < 0 else line_end)
    if not match:
        return None
    # The line has the header's form, so a bad date is a broken header, not prose.
    date = _parse_date(match["date"], source, "header date")
    publisher, _, author = (part.strip() for part in match["byline"].partition(" / "))
    if not publisher:
        raise ArticleError(source, "header names no publisher before ' / '")
    return _Front(end=match.end(), date=date, publisher=publisher, author=author or None)


def _closing_dateline(text: str) -> re.Match[str] | None:
    match = _CLOSING_DATELINE.search(text.rstrip())
    return match if match and _is_capitals(match["city"]) else None


def _is_capitals(name: str) -> bool:
    """True for "İZMİR" or "BODRUM/MUĞLA", false for "İzmir" (a sentence's first word)."""
    return name == name.upper() and name != name.lower() and len(name) >= 2


def _parse_date(value: str, source: str, what: str) -> datetime.date:
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise ArticleError(source, f"{what} {value!r} is not of the form YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(match[1])
    except ValueError:
        raise ArticleError(source, f"{what} {value!r} is not a calendar date") from None


# -- JSON Lines ------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[Article | ArticleError]:
    """One article or error per non-blank line; one error if the file is unusable."""
    try:
        data = _read_bytes(path)
        if not data.strip():
            raise ArticleError(str(path), "is empty" if not data else "contains only whitespace")
        if b"\x00" in data:
            raise ArticleError(str(path), f"is binary, not JSON Lines (a NUL byte at offset {data.index(0)})")
    except ArticleError as error:
        yield error
        return
    # Lines are decoded one by one so that one badly encoded record spoils only itself.
    for number, line in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if line.strip():
            try:
                yield _read_record(line, f"{path}:{number}")
            except ArticleError as error:
                yield error


def _read_record(line: bytes, source: str) -> Article:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ArticleError(source, f"is not UTF-8 (bytes {line[error.start:error.end].hex(' ')} "
                           f"at column {error.start + 1})") from None
    except json.JSONDecodeError as error:
        raise ArticleError(source, f"is not valid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise ArticleError(source, f"is a JSON {type(record).__name__}, not an object")
    return article_from_record(record, source=source)


def _string_field(record: Mapping[str, object], name: str, source: str) -> str | None:
    """A field that must be a string if present; null and absent are None."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArticleError(source, f"field {name!r} must be a string, not {type(value).__name__}")
    try:
        # JSON may escape a lone surrogate ("\ud800"), which no store can encode.
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleError(source, f"field {name!r} contains an unpaired surrogate") from None
    return value


def _meta_field(record: Mapping[str, object], name: str, source: str) -> str | None:
    """A field about the article, trimmed (unlike its text); blank is None."""
    value = _string_field(record, name, source)
    return (value.strip() or None) if value is not None else None


def _record_date(record: Mapping[str, object], source: str) -> datetime.date | None:
    value = _meta_field(record, "date", source)
    return _parse_date(value, source, "date") if value else None


# -- Keys ------------------------------------------------------------------


def _url_words(url: str) -> str:
    """Host and path of a url, the part a reader recognises: "sonmuhur.com/izmir-..."."""
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").removeprefix("www.")
    return " ".join(filter(None, (host, parts.path, parts.query)))


def _keyed(words: str, identity: str) -> str:
    """A readable slug of `words`, cut at a word boundary, plus a hash of `identity`."""
    readable = slug(words)
    if len(readable) > _KEY_LENGTH:
        readable = readable[:_KEY_LENGTH].rsplit("-", 1)[0]
    digest = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LENGTH]
    return f"{readable}-{digest}"
