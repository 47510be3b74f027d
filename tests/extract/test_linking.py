"""Entity linking: GeoNames for cities (country-checked), ISO codes for countries; no link over a wrong one."""

import pytest

from cityrel.extract.gazetteer import countries_by_name, demonym_of, resolve_city


@pytest.mark.parametrize(("name", "context", "geonames_id"), [
    ("Bakü", frozenset(), 587084),
    ("Bişkek", frozenset(), 1528675),
    ("Üsküp", frozenset({"MK"}), 785842),
    ("Sinop", frozenset(), 739600),  # the Turkish one, not the larger Brazilian town
    ("Barlad", frozenset({"RO"}), 684802),
    # Turkish names GeoNames lacks (lang/tr/exonyms.tsv)
    ("Çadır-Lunga", frozenset({"MD"}), 618450),
    ("İskeçe", frozenset({"GR"}), 733840),
])
def test_city_links_to_geonames(name, context, geonames_id):
    assert resolve_city(name, context, require_known=True).geonames_id == geonames_id


@pytest.mark.parametrize("name", ["Dış", "Ziyaret", "Kültür"])
def test_common_words_are_no_places_when_bare(name):
    assert resolve_city(name, frozenset(), require_known=True, bare=True) is None


@pytest.mark.parametrize(("name", "code"), [
    ("kazakistan", "KZ"), ("kirgiz cumhuriyeti", "KG"), ("kosova", "XK"), ("bosna hersek", "BA"),
    ("kuzey makedonya cumhuriyeti", "MK"), ("gurcistan", "GE"),
])
def test_country_names_in_turkish(name, code):
    assert countries_by_name()[name].code == code


def test_northern_cyprus_has_no_code():
    assert countries_by_name()["kktc"].code is None


@pytest.mark.parametrize(("key", "code"), [("kazak", "KZ"), ("azerbaycanlilar", "AZ"), ("kirgiz", "KG"),
                                           ("turkleri", "TR"), ("ozbek", "UZ")])
def test_demonyms(key, code):
    assert demonym_of(key).code == code


def test_quotes_are_exact_substrings_of_the_text(extracted):
    text = "İZAZDER Başkanı Perviz Altay, İzmir Büyükşehir Belediye Başkanı Dr. Cemil Tugay'ı ziyaret etti."
    facts = extracted(text)
    spans = [s for post in facts.posts for s in post.evidence] + [s for m in facts.meetings for s in m.evidence]
    assert spans and all(text[s.start:s.end] == s.quote for s in spans)


@pytest.mark.parametrize("district", ["Beyoğlu", "Keçiören", "Efeler", "Ortahisar"])
def test_a_turkish_district_geonames_lacks_is_a_turkish_place(extracted, district):
    facts = extracted(f"{district} Belediye Başkanı Ali Kaya konuştu.")
    city = facts.posts[0].organization.city
    assert (city.label_tr, city.country.code, city.geonames_id) == (district, "TR", None)


def test_a_place_name_with_a_particle(extracted):
    facts = extracted("Arjantin'in Mar del Plata kenti ile Konyaaltı kardeş şehir oldu.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Mar del Plata", "Konyaaltı"}]
