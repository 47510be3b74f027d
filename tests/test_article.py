"""Stage 1: reading articles from text files, JSON Lines and directories."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest

from cityrel import article as article_module
from cityrel.article import (
    article_from_record,
    article_from_text,
    file_key,
    normalise_text,
    read_article,
    read_articles,
    record_key,
)
from cityrel.errors import ArticleError
from cityrel.model import Article

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"

BODY = "İzmir Büyükşehir Belediye Başkanı Dr. Cemil Tugay, Kazakistan Başkonsolosu ile görüştü.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        # newline="" so that "\r\n" in a test case reaches the file as written.
        with path.open("w", encoding="utf-8", newline="") as file:
            file.write(content)
    else:
        path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def articles(paths: object) -> list[Article]:
    found = list(read_articles(paths))  # type: ignore[arg-type]
    assert all(isinstance(item, Article) for item in found), found
    return found  # type: ignore[return-value]


def errors(paths: object) -> list[ArticleError]:
    return [item for item in read_articles(paths) if isinstance(item, ArticleError)]  # type: ignore[arg-type]


# -- The seed articles -----------------------------------------------------


def test_the_kazakhstan_seed_header_is_read() -> None:
    article = read_article(SEEDS / "seed-kazakhstan-consul.txt")
    assert article.key == "seed-kazakhstan-consul"
    assert article.date == datetime.date(2025, 11, 7)
    assert article.publisher == "Son Mühür"
    assert article.author == "Osman Günden"
    assert article.text.startswith(" date 2025-11-07 Son Mühür / Osman Günden - İzmir Büyükşehir")


def test_the_baku_seed_has_a_closing_dateline_and_no_header() -> None:
    article = read_article(SEEDS / "seed-izmir-baku-40.txt")
    assert article.key == "seed-izmir-baku-40"
    assert (article.date, article.publisher, article.author) == (None, None, None)
    assert article.dateline == "İZMİR"
    assert article.text.endswith("takdim etti. - İZMİR")


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_a_seed_text_is_the_file_exactly(path: Path) -> None:
    assert read_article(path).text == path.read_text(encoding="utf-8")


def test_reading_the_seed_directory_gives_both_seeds_in_order() -> None:
    assert [article.key for article in articles(SEEDS)] == ["seed-izmir-baku-40", "seed-kazakhstan-consul"]


# -- Headers ---------------------------------------------------------------

HEADERS = [
    # (first line, date, publisher, author)
    (" date 2025-11-07 Son Mühür / Osman Günden - İzmir Büyükşehir Belediye Başkanı",
     datetime.date(2025, 11, 7), "Son Mühür", "Osman Günden"),
    (" date 2021-10-11 Boğaziçi Postası / Haber Merkezi - İstanbul’un Beykoz ilçesi",
     datetime.date(2021, 10, 11), "Boğaziçi Postası", "Haber Merkezi"),
    (" date 2024-02-29 Karadeniz Ekspres / Selim Aydın - Trabzon, Aktau ile kardeş oldu.",
     datetime.date(2024, 2, 29), "Karadeniz Ekspres", "Selim Aydın"),
    # Without the leading space, with an en dash, without an author.
    ("date 2022-11-07 Bursa Kent / Ayşe Yıldız – Osmangazi Belediyesi", datetime.date(2022, 11, 7),
     "Bursa Kent", "Ayşe Yıldız"),
    (" date 2013-10-03 Konya Yerel - Selçuklu Belediyesi kardeş kent protokolü imzaladı.",
     datetime.date(2013, 10, 3), "Konya Yerel", None),
    # The dash ends the line and the body starts on the next.
    (" date 2012-12-06 Başkent Yerel / Haber Servisi -", datetime.date(2012, 12, 6), "Başkent Yerel",
     "Haber Servisi"),
    # A hyphen inside the body does not end the byline early; the first " - " does.
    (" date 2026-01-29 Körfez Gazetesi / Deniz Arslan - İzmir - Bişkek hattında yeni adım",
     datetime.date(2026, 1, 29), "Körfez Gazetesi", "Deniz Arslan"),
]


@pytest.mark.parametrize(("first_line", "date", "publisher", "author"), HEADERS)
def test_a_header_is_read_and_stays_in_the_text(
    tmp_path: Path, first_line: str, date: datetime.date, publisher: str, author: str | None
) -> None:
    content = first_line + "\n" + BODY
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.date, article.publisher, article.author) == (date, publisher, author)
    assert article.text == content


NOT_HEADERS = [
    # Prose that merely starts like a header, or a header form off the first line.
    "İzmir- Bakü kardeş şehir ilişkilerinin 40. yılı dolayısıyla heyet ziyarette bulundu.\n",
    "Date 2025-11-07 Son Mühür / Osman Günden - büyük harfli 'Date' başlık değildir.\n",
    "date line olmadan: dateline sözcüğü ile başlayan bir cümle - devamı.\n",
    "Başkan konuştu.\n date 2025-11-07 Son Mühür / Osman Günden - bir cümleden sonra başlık değildir.\n",
    "Başlık\nİkinci satır\n date 2025-11-07 Son Mühür / Osman Günden - üçüncü satır başlık değildir.\n",
    " date 2025-11-07 Son Mühür / Osman Günden ama tire yok, bu yüzden başlık değil.\n",
    " date dün Son Mühür / Osman Günden - tarih yerinde tarih yok.\n",
]


@pytest.mark.parametrize("content", NOT_HEADERS)
def test_only_a_first_line_or_one_after_a_headline_is_a_header(tmp_path: Path, content: str) -> None:
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.date, article.publisher, article.author) == (None, None, None)
    assert article.text == content


BAD_HEADER_DATES = [
    (" date 2025-02-30 Son Mühür / Osman Günden - Metin.\n", "not a calendar date"),
    (" date 2025-13-01 Son Mühür / Osman Günden - Metin.\n", "not a calendar date"),
    (" date 2023-02-29 Son Mühür / Osman Günden - Metin.\n", "not a calendar date"),
    (" date 07.11.2025 Son Mühür / Osman Günden - Metin.\n", "not of the form YYYY-MM-DD"),
    (" date 2025-11-7 Son Mühür / Osman Günden - Metin.\n", "not of the form YYYY-MM-DD"),
]


@pytest.mark.parametrize(("content", "reason"), BAD_HEADER_DATES)
def test_a_header_date_that_is_no_date_is_refused(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, "bad-date.txt", content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.source == str(path)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_a_header_without_a_body_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no article text"):
        read_article(write(tmp_path, "a.txt", " date 2025-11-07 Son Mühür / Osman Günden - \n\n"))


# -- Datelines -------------------------------------------------------------

DATELINES = [
    # (content, dateline, publisher)
    (("KONYA (KENT HABER) - Özbekistan'ın Ankara Büyükelçiliğinde konsolos olarak görev yapan Atabek "
      "Turayev, Başkan Altay'a nezaket ziyaretinde bulundu.\n"), "KONYA", "KENT HABER"),
    ("MERSİN (YEREL HABER) - Mezitli Belediyesi ile Çatalköy Belediyesi proje yürütecek.\n", "MERSİN",
     "YEREL HABER"),
    ("BURSA (KENT HABER) - Yıldırım Belediye Başkanı Oktay Yılmaz heyeti ağırladı.\n", "BURSA",
     "KENT HABER"),
    ("ŞANLIURFA (İHA) – Vali heyeti kabul etti.\n", "ŞANLIURFA", "İHA"),
    ("BODRUM/MUĞLA (DHA) - Kardeş kent heyeti geldi.\n", "BODRUM/MUĞLA", "DHA"),
    # a city in capitals alone, no source named
    ("TEKİRDAĞ - Tekirdağ'ın Çorlu ilçesi Mestanlı ile kardeş şehir oldu.\n", "TEKİRDAĞ", None),
    (("Bosna Hersek Fahri Konsolosu Ahmet Kemal Baysak temaslarda bulundu.\nBaysak, yardım edeceğini "
      "söyledi. - BALIKESİR\n"), "BALIKESİR", None),
    ("Şahbaz davet mektubunu takdim ederek belediyeden ayrıldı. - İSTANBUL", "İSTANBUL", None),
    ("Büyükelçi Pervane Medresesi’ni gezdiğini aktardı. - SİNOP\n\n", "SİNOP", None),
    ("Başkan Arı ziyaretten memnun kaldı.\n- NEVŞEHİR\n", "NEVŞEHİR", None),
    # An opening dateline wins over a closing one.
    ("KONYA (KENT HABER) - Heyet geldi. - KONYA\n", "KONYA", "KENT HABER"),
]


@pytest.mark.parametrize(("content", "dateline", "publisher"), DATELINES)
def test_a_dateline_is_read_as_written(
    tmp_path: Path, content: str, dateline: str, publisher: str | None
) -> None:
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.dateline, article.publisher) == (dateline, publisher)
    assert article.text == content


NOT_DATELINES = [
    "İzmir- Bakü kardeş şehir ilişkilerinin 40. yılı kutlandı.\n",
    "Konya (Türkiye) - Heyet geldi.\n",  # not in capitals
    "Heyet ile görüşüldü. İki ülke arasında İzmir - Bakü\n",  # no sentence ends before the dash
    "Başkan Türkmenistan ile iş birliğini anlattı. - teşekkür etti\n",  # not in capitals
    "Toplantı saat 14.00'te başladı - 2025\n",
    "Konya, Karaman ve Aksaray - üç kent ortak fuar açtı.\n",  # a comma, but no date after it
]


@pytest.mark.parametrize("content", NOT_DATELINES)
def test_prose_is_not_taken_for_a_dateline(tmp_path: Path, content: str) -> None:
    assert read_article(write(tmp_path, "a.txt", content)).dateline is None


def test_a_header_and_an_opening_dateline_together(tmp_path: Path) -> None:
    content = " date 2019-04-10 Dünya / Haber Merkezi - KONYA (KENT HABER) - Heyet geldi.\n"
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.date, article.publisher, article.dateline) == (
        datetime.date(2019, 4, 10), "Dünya", "KONYA")


# -- Normalisation: the text as ingested, nothing else -----------------------

ENCODINGS = [
    # (bytes on disk, text)
    (b"Bir\r\nIki\r\n", "Bir\nIki\n"),
    (b"Bir\rIki\r", "Bir\nIki\n"),
    (b"Bir\r\n\r\nIki\n\rUc", "Bir\n\nIki\n\nUc"),
    ("\ufeffİzmir’de görüşme\r\nyapıldı.".encode(), "İzmir’de görüşme\nyapıldı."),
    # Only the BOM is dropped: leading and trailing whitespace, tabs, a second
    # U+FEFF, decomposed letters and other line separators stay as they are.
    ("\ufeff  \tBaşkan\u2028Tugay\u0085 ve \ufeffI\u0307zmir  \n\n".encode(),
     "  \tBaşkan\u2028Tugay\u0085 ve \ufeffI\u0307zmir  \n\n"),
    (" date 2025-11-07 Son Mühür / Osman Günden - Metin\r\nikinci satır\r\n".encode(),
     " date 2025-11-07 Son Mühür / Osman Günden - Metin\nikinci satır\n"),
]


@pytest.mark.parametrize(("data", "text"), ENCODINGS)
def test_the_text_is_the_file_with_bom_dropped_and_line_endings_made_lf(
    tmp_path: Path, data: bytes, text: str
) -> None:
    assert read_article(write(tmp_path, "a.txt", data)).text == text


def test_offsets_in_the_text_point_at_the_quote(tmp_path: Path) -> None:
    data = "\ufeff date 2025-11-07 Son Mühür / Osman Günden - İZMİR’de\r\nCemil Tugay konuştu.\r\n"
    text = read_article(write(tmp_path, "a.txt", data.encode())).text
    start = text.index("Cemil Tugay")
    assert text[start : start + len("Cemil Tugay")] == "Cemil Tugay"
    assert start == len(" date 2025-11-07 Son Mühür / Osman Günden - İZMİR’de\n")


def test_normalise_text() -> None:
    assert normalise_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert normalise_text("a\ufeff") == "a\ufeff"


def test_a_crlf_header_is_read(tmp_path: Path) -> None:
    header = " date 2025-11-07 Son Mühür / Osman Günden -"
    article = read_article(write(tmp_path, "a.txt", header + "\r\nMetin.\r\n"))
    assert (article.author, article.text) == ("Osman Günden", header + "\nMetin.\n")


# -- Refusals --------------------------------------------------------------

REFUSED_FILES = [
    # (name, bytes, words in the reason)
    ("bos.txt", b"", "is empty"),
    ("bosluk.txt", b"  \n\t\r\n \n", "only whitespace"),
    ("bom-only.txt", b"\xef\xbb\xbf", "is empty"),
    ("cp1254.txt", "İzmir'de görüşme yapıldı.".encode("cp1254"), "not UTF-8"),
    ("latin1.txt", "Büyükşehir Belediyesi".encode("latin-1", "replace"), "not UTF-8"),
    ("utf16.txt", "İzmir".encode("utf-16"), "UTF-16"),
    ("resim.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("nul.txt", b"Metin\x00metin", "binary"),
    ("kontrol.txt", bytes(range(1, 9)) * 10 + b"metin", "binary"),
]


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED_FILES, ids=[row[0] for row in REFUSED_FILES])
def test_a_file_that_is_no_article_is_refused_by_name(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.source == str(path)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="cannot be read"):
        read_article(tmp_path / "yok.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "gizli.txt", BODY)
    path.chmod(0)
    try:
        [error] = errors(path)
    finally:
        path.chmod(0o600)
    assert error.source == str(path)
    assert "cannot be read" in error.reason


@pytest.mark.parametrize("name", ["notlar.md", "gold.yaml", "makale"])
def test_read_article_refuses_other_suffixes(tmp_path: Path, name: str) -> None:
    with pytest.raises(ArticleError, match="not a .txt or .jsonl file"):
        read_article(write(tmp_path, name, BODY))


def test_read_article_points_a_jsonl_file_to_read_articles(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="read_articles"):
        read_article(write(tmp_path, "akis.jsonl", jsonl({"text": BODY})))


def test_read_articles_goes_on_past_bad_files(tmp_path: Path) -> None:
    write(tmp_path, "a-bos.txt", b"")
    write(tmp_path, "b-iyi.txt", BODY)
    write(tmp_path, "c-cp1254.txt", "Görüşme".encode("cp1254"))
    write(tmp_path, "d-iyi.txt", "KONYA (KENT HABER) - " + BODY)
    found = list(read_articles(tmp_path))
    assert [type(item).__name__ for item in found] == ["ArticleError", "Article", "ArticleError", "Article"]
    names = ["a-bos.txt", "b-iyi.txt", "c-cp1254.txt", "d-iyi.txt"]
    assert [Path(item.source).name for item in found] == names


def test_read_articles_names_a_path_that_does_not_exist(tmp_path: Path) -> None:
    [error] = errors([tmp_path / "yok"])
    assert error.source == str(tmp_path / "yok")
    assert "no such file" in error.reason


def test_read_articles_refuses_an_explicit_file_of_another_kind(tmp_path: Path) -> None:
    [error] = errors(write(tmp_path, "gold.yaml", "twinnings: []\n"))
    assert "not a .txt or .jsonl file" in error.reason


# -- JSON Lines ------------------------------------------------------------


def test_jsonl_records_become_articles(tmp_path: Path) -> None:
    path = write(tmp_path, "akis.jsonl", jsonl(
        {"url": "https://www.sonmuhur.com/izmir-biskek-is-birliginde-yeni-adim",
         "title": "İzmir-Bişkek hattı", "date": "2026-01-29",
         "text": "Başkan Tugay\r\nheyeti ağırladı. - İZMİR", "source": "Son Mühür"},
        {"title": "Beykoz ve Berde kardeş oldu", "date": "2021-10-11T09:30:00+03:00", "text": BODY,
         "source": None, "author": "Haber Merkezi"},
    ))
    first, second = articles(path)
    assert first.source == f"{path}:1"
    assert first.text == "Başkan Tugay\nheyeti ağırladı. - İZMİR"
    assert (first.url, first.title, first.date, first.publisher, first.dateline) == (
        "https://www.sonmuhur.com/izmir-biskek-is-birliginde-yeni-adim", "İzmir-Bişkek hattı",
        datetime.date(2026, 1, 29), "Son Mühür", "İZMİR")
    assert first.key.startswith("sonmuhur-com-izmir-biskek-is-birliginde-yeni-adim-")
    assert second.source == f"{path}:2"
    assert (second.url, second.date, second.publisher, second.author) == (
        None, datetime.date(2021, 10, 11), None, "Haber Merkezi")
    assert second.key.startswith("beykoz-ve-berde-kardes-oldu-")


def test_jsonl_text_is_normalised_and_nothing_else(tmp_path: Path) -> None:
    text = "\ufeff  Bakü’de\r\ngörüşme\ryapıldı.  \n"
    [article] = articles(write(tmp_path, "a.jsonl", jsonl({"url": "https://a.example/x", "text": text})))
    assert article.text == "  Bakü’de\ngörüşme\nyapıldı.  \n"


def test_jsonl_file_with_bom_crlf_and_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"url": f"https://a.example/{n}", "text": f"Metin {n}."}) for n in (1, 2)]
    data = b"\xef\xbb\xbf" + lines[0].encode() + b"\r\n\r\n   \r\n" + lines[1].encode() + b"\r\n"
    first, second = articles(write(tmp_path, "a.jsonl", data))
    assert (first.source.rsplit(":", 1)[1], second.source.rsplit(":", 1)[1]) == ("1", "4")
    assert (first.text, second.text) == ("Metin 1.", "Metin 2.")


def test_record_fields_are_trimmed_and_blank_ones_left_out(tmp_path: Path) -> None:
    record = {"url": " ", "title": "  Başlık ", "date": "", "source": " \t", "author": None,
              "text": " Metin "}
    [article] = articles(write(tmp_path, "a.jsonl", jsonl(record)))
    assert (article.url, article.title, article.date, article.publisher, article.author) == (
        None, "Başlık", None, None, None)
    assert article.text == " Metin "


def test_a_record_field_wins_over_the_header_in_its_text(tmp_path: Path) -> None:
    record = {"url": "https://a.example/x", "date": "2025-11-08", "source": "Ege Postası",
              "text": " date 2025-11-07 Son Mühür / Osman Günden - Metin."}
    [article] = articles(write(tmp_path, "a.jsonl", jsonl(record)))
    assert (article.date, article.publisher, article.author) == (
        datetime.date(2025, 11, 8), "Ege Postası", "Osman Günden")
    assert article.text == record["text"]
    assert article.text[article.body_start:] == "Metin."  # the header is not read as news


def test_a_header_after_a_headline_is_read_and_the_headline_is_the_title(tmp_path: Path) -> None:
    content = ("Kemalpaşa ile Helvaçauri protokol imzaladı\n\n"
               " date 2024-06-17 Çoruh Haber / Merve Kalkan - Kemalpaşa beldesi kardeş şehir oldu.\n")
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.date, article.publisher, article.author, article.title) == (
        datetime.date(2024, 6, 17), "Çoruh Haber", "Merve Kalkan", "Kemalpaşa ile Helvaçauri protokol imzaladı")
    assert article.text[article.body_start:] == "Kemalpaşa beldesi kardeş şehir oldu.\n"
    assert article.text == content


FRONT_LINES = [
    # (the lines before the news, date, publisher, author, dateline)
    ("Odunpazarı ile Pingyao ekranda buluştu\n\nEskişehir Ekspres | 15.03.2024 | Haber Merkezi\n\n",
     datetime.date(2024, 3, 15), "Eskişehir Ekspres", "Haber Merkezi", None),
    ("Şanlıurfa ile Harar arasında iş birliği imzası\n\nYayın tarihi: 9 Nisan 2025\n\n",
     datetime.date(2025, 4, 9), None, None, None),
    ("Kaymakam Başaran Rus konsolosu ağırladı\n\nALANYA (Akdeniz Postası) - ",
     None, "Akdeniz Postası", None, "ALANYA"),
    ("Şehitkamil'in Asya'daki yeni dostu: Ipoh\n\nGAZİANTEP (24.09.2025) - ",
     datetime.date(2025, 9, 24), None, None, "GAZİANTEP"),
    ("Başkonsolos Todorova'dan ilk temaslar\n\nBursa, 12.04.2024 (Marmara Postası) - ",
     datetime.date(2024, 4, 12), "Marmara Postası", None, "Bursa"),
    ("Şehzadeler ile Şefşavun protokolü yeniledi\n\nMANİSA, 22 Ekim 2024 – ",
     datetime.date(2024, 10, 22), None, None, "MANİSA"),
    ('Büyükelçi Bhatti: "Sakarya ile bağımız güçlü"\n\n date 2025-02-26 Sakarya Postası / Murat Işık - ',
     datetime.date(2025, 2, 26), "Sakarya Postası", "Murat Işık", None),
]


@pytest.mark.parametrize(("front", "date", "publisher", "author", "dateline"), FRONT_LINES)
def test_a_byline_or_dateline_under_a_headline_is_read(
    tmp_path: Path, front: str, date: datetime.date | None, publisher: str | None, author: str | None,
    dateline: str | None
) -> None:
    article = read_article(write(tmp_path, "a.txt", front + "Başkan, konuğunu makamında ağırladı.\n"))
    assert (article.date, article.publisher, article.author, article.dateline) == (date, publisher, author, dateline)
    assert article.title == front.split("\n", 1)[0]
    assert article.text[article.body_start:] == "Başkan, konuğunu makamında ağırladı.\n"


BAD_LINES = [
    # (line, words in the reason)
    ('{"url": "https://a.example/x", "text": "Metin"', "not valid JSON"),
    ("url=https://a.example/x text=Metin", "not valid JSON"),
    ('["Metin"]', "not an object"),
    ('"Metin"', "not an object"),
    ('{"url": "https://a.example/x", "title": "Başlık"}', "no 'text' field"),
    ('{"text": null}', "no 'text' field"),
    ('{"text": 42}', "'text' must be a string"),
    ('{"text": ""}', "is empty"),
    ('{"text": " \\r\\n\\t "}', "only whitespace"),
    ('{"text": "Metin\\u0000metin"}', "binary"),
    ('{"text": "Metin \\ud800"}', "unpaired surrogate"),
    ('{"text": "Metin", "url": ["https://a.example/x"]}', "'url' must be a string"),
    ('{"text": "Metin", "date": "2025-02-30"}', "not a calendar date"),
    ('{"text": "Metin", "date": "30.01.2025"}', "not of the form YYYY-MM-DD"),
    ('{"text": "Metin", "date": 20250130}', "'date' must be a string"),
    ('{"text": " date 2025-02-30 Son Mühür / Osman Günden - Metin"}', "not a calendar date"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_a_bad_jsonl_line_is_refused_by_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"url": "https://a.example/iyi", "text": "İyi metin."})
    path = write(tmp_path, "akis.jsonl", f"{good}\n{line}\n{good.replace('iyi', 'iyi2')}\n")
    first, bad, last = read_articles(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, ArticleError)
    assert bad.source == f"{path}:2"
    assert reason in bad.reason
    assert str(bad).startswith(f"{path}:2: ")


def test_a_badly_encoded_jsonl_line_spoils_only_itself(tmp_path: Path) -> None:
    data = (jsonl({"url": "https://a.example/1", "text": "Bir"}).encode()
            + '{"text": "Görüşme"}\n'.encode("cp1254")
            + jsonl({"url": "https://a.example/3", "text": "Üç"}).encode())
    found = list(read_articles(write(tmp_path, "a.jsonl", data)))
    assert [type(item).__name__ for item in found] == ["Article", "ArticleError", "Article"]
    assert "not UTF-8" in found[1].reason  # type: ignore[union-attr]


@pytest.mark.parametrize(("data", "reason"), [(b"", "is empty"), (b"\n\n  \n", "only whitespace"),
                                              (b'{"text": "a"}\x00\x00\n', "binary")])
def test_an_unusable_jsonl_file_is_one_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "a.jsonl", data)
    [error] = errors(path)
    assert (error.source, reason in error.reason) == (str(path), True)


def test_article_from_record_for_a_service() -> None:
    record = {"url": "https://a.example/x", "text": "Metin\r\n"}
    article = article_from_record(record, source="POST /articles")
    assert (article.source, article.text) == ("POST /articles", "Metin\n")
    with pytest.raises(ArticleError, match="^POST /articles: has no 'text' field$"):
        article_from_record({"title": "Başlık"}, source="POST /articles")


def test_article_from_text() -> None:
    article = article_from_text("\ufeffMERSİN (YEREL HABER) - Metin\r\n", key="k", source="s")
    assert (article.key, article.dateline) == ("k", "MERSİN")
    assert article.text == "MERSİN (YEREL HABER) - Metin\n"


# -- Directories -----------------------------------------------------------


def test_a_directory_is_read_recursively_sorted_txt_and_jsonl_only(tmp_path: Path) -> None:
    write(tmp_path, "c.txt", "C metni.")
    write(tmp_path, "a.txt", "A metni.")
    write(tmp_path, "b/2.jsonl", jsonl({"url": "https://a.example/c", "text": "B2 metni."}))
    write(tmp_path, "b/1.TXT", "B1 metni.")
    write(tmp_path, "b/e.yaml", "twinnings: []\n")
    write(tmp_path, "SOURCES.md", "# Sources\n")
    write(tmp_path, ".git/x.txt", "gizli")
    write(tmp_path, "b/.1.txt", "gizli")
    write(tmp_path, ".gizli.txt", "gizli")
    texts = [article.text for article in articles(tmp_path)]
    assert texts == ["A metni.", "B1 metni.", "B2 metni.", "C metni."]


def test_a_single_path_may_be_given_as_a_string(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    assert [article.key for article in articles(str(tmp_path))] == ["a"]


def test_an_empty_directory_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "notlar.md", "yok\n")
    [error] = errors(tmp_path)
    assert error.source == str(tmp_path)
    assert "no .txt or .jsonl files" in error.reason


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BODY)
    assert len(articles([tmp_path, path, str(path)])) == 1


def test_two_different_articles_under_one_key_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a/izmir-baku.txt", "Birinci metin.")
    write(tmp_path, "b/izmir-baku.txt", "İkinci metin.")
    write(tmp_path, "c/İzmir Bakü.txt", "Birinci metin.")  # the same text: harmless
    first, second, third = read_articles(tmp_path)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(second, ArticleError)
    assert second.source == str(tmp_path / "b" / "izmir-baku.txt")
    assert "izmir-baku" in second.reason and str(tmp_path / "a" / "izmir-baku.txt") in second.reason


# -- Keys ------------------------------------------------------------------

FILE_KEYS = [
    ("data/articles/seed-izmir-baku-40.txt", "seed-izmir-baku-40"),
    ("/elsewhere/seed-izmir-baku-40.txt", "seed-izmir-baku-40"),
    ("corpus/İzmir Bakü 40. Yıl.txt", "izmir-baku-40-yil"),
    ("ŞANLIURFA_Haber.txt", "sanliurfa-haber"),
]


@pytest.mark.parametrize(("path", "key"), FILE_KEYS)
def test_a_file_key_is_the_slug_of_its_stem(path: str, key: str) -> None:
    assert file_key(path) == key


URL_KEYS = [
    # (url, readable start of the key)
    ("https://www.sonmuhur.com/izmir-biskek-is-birliginde-kultur-ve-ticarette-yeni-adim",
     "sonmuhur-com-izmir-biskek-is-birliginde-kultur-ve-ticarette-"),
    ("http://www.tdbb.org.tr/?p=17721&lang=en", "tdbb-org-tr-p-17721-lang-en-"),
    ("https://www.haberturk.com/sinop-haberleri/95924059-gurcistan-ankara-buyukelcisi-janjgava-turkiyenin",
     "haberturk-com-sinop-haberleri-95924059-gurcistan-ankara-"),
    ("balkangunlugu.com.tr/baysak-burhaniye", "balkangunlugu-com-tr-baysak-burhaniye-"),
]


@pytest.mark.parametrize(("url", "start"), URL_KEYS)
def test_a_url_key_is_readable_short_and_iri_safe(url: str, start: str) -> None:
    key = record_key(url=url, title="Başlık", text="Metin")
    assert key.startswith(start)
    assert len(key) <= 60 + 1 + 8
    assert key == record_key(url=url, title="Başka başlık", text="Başka metin")
    assert set(key) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_keys_tell_apart_what_the_slug_cannot() -> None:
    assert record_key(url="https://a.example/haber?id=1", title=None, text="") != record_key(
        url="https://a.example/haber?id=2", title=None, text="")
    long = "https://a.example/" + "cok-uzun-bir-haber-basligi-" * 5
    assert record_key(url=long + "1", title=None, text="") != record_key(url=long + "2", title=None, text="")


def test_a_record_key_falls_back_to_the_title_then_the_text() -> None:
    by_title = record_key(url=None, title="Trabzon  Aktau ile kardeş oldu", text="Metin")
    assert by_title.startswith("trabzon-aktau-ile-kardes-oldu-")
    assert by_title == record_key(url="", title="Trabzon Aktau ile kardeş oldu ", text="Başka metin")
    assert record_key(url=None, title=None, text="Metin").startswith("text-")


def test_keys_are_stable_across_reads(tmp_path: Path) -> None:
    record = {"url": "https://www.sonmuhur.com/izmir-biskek", "text": "Eski metin."}
    first = articles(write(tmp_path, "a.jsonl", jsonl(record)))[0].key
    record["text"] = "Düzeltilmiş metin."
    again = articles(write(tmp_path, "b/a.jsonl", jsonl(record)))[0].key
    assert first == again
    # A fixed value, so that a change to how keys are made cannot pass unnoticed:
    # it would orphan every stored article's graph.
    assert first == "sonmuhur-com-izmir-biskek-2731482a"


# -- The module ------------------------------------------------------------


def test_all_is_sorted_and_public() -> None:
    assert article_module.__all__ == sorted(article_module.__all__)
    assert all(hasattr(article_module, name) for name in article_module.__all__)


def test_a_first_paragraph_ending_in_a_quotation_is_news_not_a_headline(tmp_path: Path) -> None:
    content = 'Başkan Tugay konuklarını ağırladı ve şöyle dedi: "Kardeşiz."\nİkinci paragraf.\n'
    article = read_article(write(tmp_path, "a.txt", content))
    assert (article.title, article.body_start) == (None, 0)
