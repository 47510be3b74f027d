"""People: names after titles, honorifics dropped, suffixes cut, surnames resolved."""

import pytest

from cityrel.extract.gazetteer import demonyms
from cityrel.extract.lexicon import place_nouns, plan_heads
from cityrel.extract.text import fold, fold_name, split_suffix
from cityrel.extract.tokens import StemIndex, inflects, tokenize

POSTS = [
    # text, person, role, organisation label
    ("İzmir Büyükşehir Belediye Başkanı Dr. Cemil Tugay açıklama yaptı.", "Cemil Tugay", "Mayor", "İzmir Belediyesi"),
    ("Edremit Belediye Başkanı Av. Tuncay Kılıç’ın konuğu oldu.", "Tuncay Kılıç", "Mayor", "Edremit Belediyesi"),
    ("Sincan Belediye Başkanı Doç. Dr. Mustafa Tuna konuşma yaptı.", "Mustafa Tuna", "Mayor", "Sincan Belediyesi"),
    ("Eskişehir’de Büyükşehir Belediye Başkanı Prof. Dr. Yılmaz Büyükerşen’i ziyaret etti.",
     "Yılmaz Büyükerşen", "Mayor", "Eskişehir Belediyesi"),
    ("Almanya'nın İzmir Başkonsolosu Dr. Hans-Peter Müller geldi.", "Hans-Peter Müller", "ConsulGeneral",
     "Almanya İzmir Başkonsolosluğu"),
    ("Bornova Belediye Başkan Vekili Ayşe Kaya toplantıya katıldı.", "Ayşe Kaya", "Mayor", "Bornova Belediyesi"),
    ("Ürdün'ün Zerka Belediye Başkanı İmad el-Hatib'in ev sahipliğinde tören yapıldı.", "İmad el-Hatib", "Mayor",
     "Zerka Belediyesi"),
    ("Konak Belediye Başkan Yardımcısı Ali Demir konuştu.", "Ali Demir", "DeputyMayor", "Konak Belediyesi"),
    ("Ordu Büyükşehir Belediye Başkan Yardımcısı Hakan Demirtaş da vardı.", "Hakan Demirtaş", "DeputyMayor",
     "Ordu Belediyesi"),
    ("Çatalköy'ün belediye başkanı Mehmet Hulusioğlu ile görüştü.", "Mehmet Hulusioğlu", "Mayor",
     "Çatalköy Belediyesi"),
    ("Gangneung Belediye Başkanı Choi Dong-hyun'u ağırladı.", "Choi Dong-hyun", "Mayor", "Gangneung Belediyesi"),
    ("Rotterdam Belediye Başkanı Mark van der Berg geldi.", "Mark van der Berg", "Mayor", "Rotterdam Belediyesi"),
    ("Samsun Büyükşehir Belediyesi Dış İlişkiler Dairesi Başkanı Gökhan Ateş de hazır bulundu.", "Gökhan Ateş",
     "DepartmentHead", "Samsun Belediyesi"),
]


@pytest.mark.parametrize(("text", "person", "role", "organization"), POSTS)
def test_title_before_name(extracted, text, person, role, organization):
    posts = {(p.person.name, p.role.value, p.organization.label) for p in extracted(text).posts}
    assert (person, role, organization) in posts


def test_surname_second_mention_is_the_same_person(extracted):
    facts = extracted("Bursa'da Yıldırım Belediye Başkanı Oktay Yılmaz, Gürcistan'ın Ankara Büyükelçisi "
                      "Giorgi Janjgava'yı ağırladı. Başkan Yılmaz, konuğuna teşekkür etti. "
                      "Janjgava, Yılmaz ile görüştü.")
    assert {p.name for p in facts.people} == {"Oktay Yılmaz", "Giorgi Janjgava"}


def test_plural_title_introduces_each_name(extracted):
    facts = extracted("Kırgız Cumhuriyeti İstanbul Başkonsolosu Chyngyz Toktobekoviç geldi. Heyette "
                      "başkonsolosluğun muavin konsolosları Esen Almasbekov ile İliyaz Shanyev vardı.")
    consuls = {p.person.name for p in facts.posts if p.role.value == "Consul"}
    assert consuls == {"Esen Almasbekov", "İliyaz Shanyev"}


def test_olarak_gorev_yapan_puts_the_name_after_the_title(extracted):
    facts = extracted("Özbekistan'ın Ankara Büyükelçiliğinde konsolos olarak görev yapan Atabek Turayev, "
                      "Konya Büyükşehir Belediye Başkanı Uğur İbrahim Altay'a nezaket ziyaretinde bulundu.")
    post = next(p for p in facts.posts if p.person.name == "Atabek Turayev")
    assert (post.role.value, post.organization.kind.value) == ("Consul", "Embassy")


def test_variant_spelling_in_brackets_is_an_alternative_label(extracted):
    facts = extracted("Kırgız Cumhuriyeti İstanbul Başkonsolosu Chyngyz (Çıngız) Toktobekoviç İzmir'e geldi.")
    person = next(p.person for p in facts.posts)
    assert person.name.startswith("Chyngyz") and "Çıngız Toktobekoviç" in person.alt_names


@pytest.mark.parametrize(("token", "stem", "suffix"), [
    ("Bakü’nün", "Bakü", "nün"), ("İzmir'de", "İzmir", "de"), ("Toktobekoviç'i", "Toktobekoviç", "i"),
    ("Tugay", "Tugay", ""),
])
def test_apostrophe_suffix_is_split_off(token, stem, suffix):
    assert split_suffix(token) == (stem, suffix)


@pytest.mark.parametrize(("text", "folded"), [
    ("İZMİR", "izmir"), ("Işık", "isik"), ("Büyükşehir", "buyuksehir"), ("ÇAĞRI", "cagri"),
])
def test_turkish_folding(text, folded):
    assert fold(text) == folded


def test_folding_a_name_drops_suffix_and_punctuation():
    assert fold_name("Dr. Cemil Tugay'ı") == "dr cemil tugay"


@pytest.mark.parametrize(("key", "stem", "expected"), [
    ("baskani", "baskan", True), ("baskanlarindan", "baskan", True), ("baskanlik", "baskan", False),
    ("dernegi", "dernek", True), ("buyukelciligi", "buyukelci", False), ("konsoloslari", "konsolos", True),
])
def test_inflection_not_derivation(key, stem, expected):
    assert inflects(key, stem) is expected


@pytest.mark.parametrize("stems", [demonyms, place_nouns, plan_heads])
def test_stem_index_finds_the_stem_that_trying_each_in_order_finds(stems):
    keys = {stem + ending for stem in stems() for ending in ("", "i", "lari", "nda", "ndaki", "ler", "lik", "x")}
    keys |= {key[:-1] + "gi" for key in stems() if key.endswith("k")} | {"", "a", "izmir"}
    index = StemIndex(stems())
    for key in keys:
        first = next((value for stem, value in stems().items() if inflects(key, stem)), None)
        found = index.match(key)
        assert (found[0] if found else None) == first, key


@pytest.mark.parametrize(("text", "post"), [
    (("Kazakistan'ın yeni büyükelçisi Yerbolat Sembayev, ülkesinin Ankara Büyükelçisi olarak ilk kez Konya'yı "
      "ziyaret etti."), ("Yerbolat Sembayev", "Ambassador", "Kazakistan Ankara Büyükelçiliği")),
    # a title word in the genitive inside the title
    (("Kocaeli Kore Kültür Derneği de yeni etkinliklere hazırlanıyor. Park Min-ji, derneğin başkanı olarak "
      "festival düzenleyeceklerini duyurdu."), ("Park Min-ji", "President", "Kocaeli Kore Kültür Derneği")),
])
def test_name_before_the_title_in_apposition(extracted, text, post):
    assert [(p.person.name, p.role.value, p.organization.label) for p in extracted(text).posts] == [post]


def test_olarak_with_a_description_before_the_name(extracted):
    facts = extracted("Açılışta Slovakya’nın Gaziantep fahri konsolosu olarak atanan Gaziantepli iş insanı Cengiz "
                      "Alparslan konuştu.")
    assert {p.person.name for p in facts.posts} == {"Cengiz Alparslan"}


def test_an_akim_is_the_mayor_of_the_city_named_first(extracted):
    facts = extracted("Erzincan, Kazakistan’ın Kızılorda şehri ile kardeş oldu. Protokole Kızılorda adına ise şehrin "
                      "Akimi Nurlan Seitkaliyev imza koydu. Aktaş, “Korkut Ata "
                      "Parkı” yapılmasını önerdiğini, Akim Seitkaliyev’in de bunu memnuniyetle karşıladığını söyledi.")
    assert {(p.person.name, p.role.value, p.organization.label) for p in facts.posts} == {
        ("Nurlan Seitkaliyev", "Mayor", "Kızılorda Belediyesi")}


def test_a_hyphenated_surname_named_again(extracted):
    facts = extracted("Kuveyt’in İstanbul Başkonsolosu Talal Mubarak Al-Enezi, Hatay Büyükşehir Belediye Başkanı "
                      "Mehmet Ali Karaoğlan’ı ziyaret etti. Başkonsolos Al-Enezi teşekkür etti.")
    assert {p.person.name for p in facts.posts} == {"Talal Mubarak Al-Enezi", "Mehmet Ali Karaoğlan"}


def test_a_place_that_opens_a_buildings_name_ends_the_name_before_it(extracted):
    facts = extracted("Heyeti Çiğli Belediye Başkanı Gökhan Ersoy Çiğli Kültür Merkezi’nde karşıladı.")
    assert {p.person.name for p in facts.posts} == {"Gökhan Ersoy"}


def test_a_hyphenated_city(extracted):
    facts = extracted("Almanya'nın Castrop-Rauxel kenti ile İzmir'in Çiğli ilçesi kardeş şehir protokolü imzaladı.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Castrop-Rauxel", "Çiğli"}]


@pytest.mark.parametrize(("text", "name"), [
    ("Meksika'nın Ankara Büyükelçisi María de los Ángeles Ortiz de la Vega'nın ziyareti sürdü.",
     "María de los Ángeles Ortiz de la Vega"),
    ("Muharrak Belediye Başkanı Salman bin Abdulla Al-Hindi törene katıldı.", "Salman bin Abdulla Al-Hindi"),
])
def test_particles_do_not_count_towards_a_names_length(extracted, text, name):
    assert [p.person.name for p in extracted(text).posts] == [name]


def test_de_after_a_name_is_too_not_a_particle(extracted):
    facts = extracted("Çiğli Belediye Başkan Yardımcısı Ali Aras da Japon heyetini karşıladı.")
    assert [p.person.name for p in facts.posts] == ["Ali Aras"]


def test_a_closing_quote_before_a_case_ending_is_a_token_of_its_own():
    tokens = tokenize("“İzmir Günleri”ne katıldı")
    assert [t.text for t in tokens] == ["“", "İzmir", "Günleri", "”", "ne", "katıldı"]


@pytest.mark.parametrize(("text", "name"), [
    ("Zaanstad Belediye Başkan Yardımcısı Sanne de Vries konuştu.", "Sanne de Vries"),
    ("Çiğli Belediye Başkan Yardımcısı Ali Aras da Kazak heyetini karşıladı.", "Ali Aras"),
    ("Çiğli Belediye Başkan Yardımcısı Ali Aras da İzmir'e gitti.", "Ali Aras"),
    ("Bulgaristan'dan heyet geldi. Edirne Belediye Başkanı Ali Aras da Eski Zağra'nın dileğini aktardı.",
     "Ali Aras"),
])
def test_de_is_a_particle_before_a_surname_and_too_before_anything_else(extracted, text, name):
    assert [p.person.name for p in extracted(text).posts] == [name]


def test_de_before_the_surname_of_someone_named_before_is_too(extracted):
    facts = extracted("Çorum Belediye Başkanı Kemal Özdoğan, Resne Belediye Başkanı Goran Stojkovski ile görüştü. "
                      "Başkan Stojkovski de Özdoğan'a bir maket armağan etti.")
    assert {p.person.name for p in facts.posts} == {"Kemal Özdoğan", "Goran Stojkovski"}


def test_a_family_name_written_first_is_the_second_mention(extracted):
    facts = extracted("Çin'in İzmir Başkonsolosu Zhao Minghui, Kütahya Belediye Başkanı Adnan Yalçınkaya'yı ziyaret "
                      "etti. Zhao, iki kentin çini geleneğini anlattı.")
    assert {p.name for m in facts.meetings for p in m.participants} == {"Zhao Minghui", "Adnan Yalçınkaya"}


def test_a_full_name_written_without_a_title_completes_a_titled_surname(extracted):
    facts = extracted("İş insanı Cem Aktunç, Litvanya tarafından fahri konsolos olarak atandı. Büyükelçi Laurynas "
                      "Mikalauskas ve Fahri Konsolos Aktunç, Bodrum Belediye Başkanı Tamer Gündoğan'ı ziyaret etti.")
    assert {p.name for m in facts.meetings for p in m.participants} == {
        "Cem Aktunç", "Laurynas Mikalauskas", "Tamer Gündoğan"}


def test_a_country_in_the_genitive_after_a_title_owns_the_next_title(extracted):
    facts = extracted("Katar'ın Ankara Büyükelçisi Salem Al-Kuwari geldi. Ziyarette büyükelçiye Katar’ın İstanbul "
                      "Başkonsolosu Abdullah Nasser Al-Marri eşlik etti.")
    assert {p.name for p in facts.people} == {"Salem Al-Kuwari", "Abdullah Nasser Al-Marri"}


def test_a_surname_and_words_of_time_before_a_title_with_olarak(extracted):
    facts = extracted("Meram Belediye Başkanı Hakan Doğru ile Ali Rıza Tekin görüştü. Tekin, 2019'dan bu yana "
                      "Pakistan'ın Konya Fahri Konsolosu olarak görev yapıyor.")
    assert [(p.person.name, p.role.value, p.organization.label) for p in facts.posts if p.role.value != "Mayor"] == [
        ("Ali Rıza Tekin", "HonoraryConsul", "Pakistan Konya Fahri Konsolosluğu")]


def test_a_name_ends_before_the_name_of_a_harbour_or_square(extracted):
    facts = extracted("Amasra Belediye Başkanı Turgut Aksoy Büyük Liman'a bakan kültür merkezinde konukları karşıladı.")
    assert [p.person.name for p in facts.posts] == ["Turgut Aksoy"]
