"""Twinnings: the pair, the kind, the year; wishes and letters of intent are no twinnings."""

import pytest

TWINNINGS = [
    # text, the two cities, kind, signed
    ("İzmir- Bakü kardeş şehir ilişkilerinin 40. yılı kutlandı.", {"İzmir", "Bakü"}, "SisterCityAgreement", None),
    ("1986 yılında imzalanan İzmir-Bakü kardeş şehir protokolü hâlâ yürürlükte.", {"İzmir", "Bakü"},
     "SisterCityAgreement", "1986"),
    ("Altay, Konya'nın kardeş şehri Buhara ile ilişkileri anlattı.", {"Konya", "Buhara"}, "SisterCityAgreement",
     None),
    ("Trabzon, Kazakistan’ın Hazar Denizi kıyısındaki liman kenti Aktau ile kardeş oldu.", {"Trabzon", "Aktau"},
     "SisterCityAgreement", None),
    ("Ordu Büyükşehir Belediye Başkanı Mehmet Hilmi Güler, Gürcistan'ın Batum kenti ile dostluk protokolü imzaladı.",
     {"Ordu", "Batum"}, "FriendshipAgreement", None),
    (("Bursa'nın Osmangazi Belediyesi ile Bulgaristan'ın Sarnitsa Belediyesi arasında bir iyi niyet protokolü "
      "imzalandı."), {"Osmangazi", "Sarnitsa"}, "CooperationAgreement", None),
    ("Selçuklu ile Barlad arasındaki kardeşlik ve iş birliği anlaşması 29 Eylül 2003'te imzalanmıştı.",
     {"Selçuklu", "Barlad"}, "SisterCityAgreement", "2003-09-29"),
    ("Akçaabat, 2019 yılında Kırgızistan'ın Karakol kentiyle kardeş şehir protokolü imzalamıştı.",
     {"Akçaabat", "Karakol"}, "SisterCityAgreement", "2019"),
    ("Giresun Belediyesi ile Litvanya'nın liman kenti Klaipėda arasında dostluk ve iş birliği protokolü imzalandı.",
     {"Giresun", "Klaipėda"}, "FriendshipAgreement", None),
    (("İnegöl Belediyesi, 2016 yılından bu yana kardeş şehir olduğu Karadağ'ın Rožaje Belediyesi'nden gelen heyeti "
     "dün ağırladı."), {"İnegöl", "Rožaje"}, "SisterCityAgreement", "2016"),
    ("Etiyopya'nın Harar kenti, Charleville-Mézières ile uzun yıllardır kardeş şehirdir.",
     {"Harar", "Charleville-Mézières"}, "SisterCityAgreement", None),
    # "Kuba kenti" is Quba in Azerbaijan, though "Kuba" folds as "Küba" (Cuba) does
    ("Melikgazi ile Azerbaycan’ın Kuba kenti arasında dostluk protokolü imzalandı.", {"Melikgazi", "Kuba"},
     "FriendshipAgreement", None),
    # the date right before the signing verb, not one the sentence gives to something else first
    ((" date 2025-02-23 Eskişehir Ekspres / Haber - Başkonsolos, 15-17 Mayıs tarihlerinde kentte Kültür Günleri "
      "düzenleyeceklerini duyurarak Odunpazarı ile Hive arasında 2019 yılında imzalanan kardeş kent protokolünü "
      "hatırlattı."), {"Odunpazarı", "Hive"}, "SisterCityAgreement", "2019"),
    # "Büyükşehir Belediyesi" without its city: the metropolitan municipality named before
    (("Onikişubat'ın bu adımı, Kahramanmaraş Büyükşehir Belediyesi'nin Ürdün ile kurduğu bağların devamı. "
      "Büyükşehir Belediyesi, 2016'dan bu yana Ürdün'ün kuzeyindeki İrbid şehriyle kardeş."),
     {"Kahramanmaraş", "İrbid"}, "SisterCityAgreement", "2016"),
    # no pair named: the cities of the two mayors who signed, in the header's year
    ((" date 2024-05-17 Afyon Ekspres / Haber - Genk Belediye Başkanı Geert Maesen ilçeye geldi. Emirdağ "
      "Belediye Başkanı Kadir Soylu konukları ağırladı. Öğleden sonra meclis salonunda düzenlenen törende dostluk "
      "protokolünü Başkan Soylu ile Başkan Maesen imzaladı."), {"Emirdağ", "Genk"}, "FriendshipAgreement", "2024"),
    # a quoted epithet neither ends the clause nor names a place
    ('Etiyopya\'nın doğusundaki Harar ile "Peygamberler Şehri" Şanlıurfa, resmi bir iş birliğine imza attı.',
     {"Harar", "Şanlıurfa"}, "CooperationAgreement", None),
    # a semicolon ends the clause: the second is a council's approval of a twinning yet to be signed
    (("Meclis, Bulgaristan'ın mizah kenti Gabrovo ile geçen ay imzalanan kardeş şehir protokolünü onayladı; "
      "Azerbaycan'ın tarihi Şeki kentiyle kardeş şehir ilişkisi kurulmasına da yeşil ışık yaktı. - AKŞEHİR"),
     {"Akşehir", "Gabrovo"}, "SisterCityAgreement", None),
    # signed at a foreign town hall: with that town
    ((" date 2025-06-12 Ünye Postası / Murat Yel - Ünye Belediye Başkanı Kadir Aksoylu başkanlığındaki heyet, "
      "Romanya'nın liman kenti Köstence'de bir program gerçekleştirdi. Ziyaretin en önemli ayağı, 9 Haziran "
      "Pazartesi günü Köstence Belediyesi'nde imzalanan iş birliği protokolü oldu."),
     {"Ünye", "Köstence"}, "CooperationAgreement", "2025-06-09"),
    # signed in a foreign town named with its noun: with that town, by the signer's
    (("Ahlat'tan Termez'e köprü\n\n23 Ekim 2024, Çarşamba — Van Gölü Haber / Bitlis\n\nAhlat Belediye Başkanı Ferhat Gündoğan, "
      "Özbekistan'ın güneyindeki tarihi Termez kentinde iş birliği protokolü imzaladı."),
     {"Ahlat", "Termez"}, "CooperationAgreement", "2024"),
    # a signing that names one foreign town twins it with the article's; elsewhere the same name is that town
    (("TEKİRDAĞ (TRAKYA EKSPRES) - Bulgaristan'ın Hasköy (Haskovo) kentinden gelen heyet, Süleymanpaşa Belediye "
      "Başkanı Volkan Ergüder ile görüştü. Kardeş şehir protokolü, 2010 yılında dönemin belediye başkanı ile "
      "Hasköy'ün o zamanki başkanı tarafından imzalanmıştı."),
     {"Süleymanpaşa", "Hasköy"}, "SisterCityAgreement", "2010"),
]


@pytest.mark.parametrize(("text", "cities", "kind", "signed"), TWINNINGS)
def test_twinning(extracted, text, cities, kind, signed):
    twinnings = extracted(text).twinnings
    assert [({c.label_tr for c in t.cities}, t.kind.value, t.signed) for t in twinnings] == [(cities, kind, signed)]


def test_a_list_of_partners_twins_each_with_the_subject(extracted):
    facts = extracted("Bulgaristan'dan Omurtag, Kırcaali ve Lofça ile zaten kardeş olan Osmangazi, yeni adımlar attı.")
    assert {frozenset(c.label_tr for c in t.cities) for t in facts.twinnings} == {
        frozenset({"Osmangazi", "Omurtag"}), frozenset({"Osmangazi", "Kırcaali"}), frozenset({"Osmangazi", "Lofça"})}


@pytest.mark.parametrize(("text", "subject", "partners"), [
    # each partner after its country in the genitive; "İlçe" is the article's district
    (("ANKARA (Bülten) - Yenimahalle Belediye Başkanı konuştu. İlçe bugüne kadar Kırgızistan’ın Karakol’u, "
      "Bosna Hersek’in Travnik’i ve Kuzey Makedonya’nın Kumanova’sı ile kardeş şehir protokolü imzalamıştı."),
     "Yenimahalle",
     {"Karakol", "Travnik", "Kumanova"}),
    # "Kiçevo dışında": besides the one told before; "Latin Amerika" is no mention of the United States
    (("Bayraklı’nın Kiçevo dışında Gürcistan’ın Kobuleti ve Senegal’in Saint-Louis kentleriyle de kardeşlik bağı "
      "bulunuyor. Yazın bir Latin Amerika Müzik Festivali düzenlenecek."), "Bayraklı", {"Kobuleti", "Saint-Louis"}),
    # partners under their Turkish names, no country named for them; countries in the ablative and with -ki
    ("Tepebaşı'nın Hasköy dışında Şumnu, Bosna Hersek'ten Zenica ve Prizren ile de kardeşlik bağları bulunuyor.",
     "Tepebaşı", {"Şumnu", "Zenica", "Prizren"}),
    # a partner followed by "kenti"; the Turkish town before a comma is the subject, not one of the list
    ("Bornova, Bosna Hersek'in Tuzla kenti, Gabrova ve Kuzey Makedonya'daki Köprülü ile kardeş şehir.",
     "Bornova", {"Tuzla", "Gabrova", "Köprülü"}),
    # a plural possessive twin noun lists its twins, the last in the ablative
    ("Konya'nın kardeş şehirleri Buhara, Kazan ve Prizren'den gelecek heyetler festivale katılacak.",
     "Konya", {"Buhara", "Kazan", "Prizren"}),
    # a region's name before its partner town
    (("Ordu'nun Altınordu ilçesi ile Gürcistan'ın Acara Özerk Cumhuriyeti'ne bağlı sahil kenti Kobuleti artık "
      "kardeş."), "Altınordu", {"Kobuleti"}),
])
def test_a_list_of_partners_each_after_its_country(extracted, text, subject, partners):
    twinnings = extracted(text).twinnings
    assert {frozenset(c.label_tr for c in t.cities) for t in twinnings} == {
        frozenset({subject, partner}) for partner in partners}
    assert {c.country.code for t in twinnings for c in t.cities if c.label_tr == "Saint-Louis"} <= {"SN"}


def test_new_twins_named_in_the_next_sentence(extracted):
    facts = extracted("Konya'nın Selçuklu Belediyesi, iki belediyeyle kardeş kent protokolü imzaladı. "
                      "Yeni kardeşler, Moldova'ya bağlı Kongaz Belediyesi ile Bulgaristan'ın Kırcaali bölgesindeki "
                      "Çernooçene Belediyesi oldu.")
    assert {frozenset(c.label_tr for c in t.cities) for t in facts.twinnings} == {
        frozenset({"Selçuklu", "Kongaz"}), frozenset({"Selçuklu", "Çernooçene"})}


def test_yesterday_under_the_header_date_dates_the_signing(extracted):
    facts = extracted(" date 2025-11-29 Karadeniz / Haber - Trabzon, Aktau ile kardeş oldu. "
                      "İki şehir arasındaki protokol dün Aktau’da imzalandı.")
    assert facts.twinnings[0].signed == "2025-11-28"


def test_a_signing_the_lead_reports_is_of_the_header_year(extracted):
    facts = extracted(" date 2024-11-05 DHA / Haber - Malatya Büyükşehir Belediyesi ile Özbekistan'ın Fergana şehri "
                      "arasında iş birliği mutabakat zaptı imzalandı. Malatya ile Sinop 2010'da kardeş oldu.")
    assert {frozenset(c.label_tr for c in t.cities): t.signed for t in facts.twinnings} == {
        frozenset({"Malatya", "Fergana"}): "2024", frozenset({"Malatya", "Sinop"}): "2010"}


@pytest.mark.parametrize("text", [
    "Srebrenik Belediyesi’nin Edremit ile kardeş olmak istediğini bildiren mektubu verdi.",
    "Yüksel, iki kentin Zaanstad ile Sakarya'nın kardeş şehir olması için adımları atmaya hazır olduklarını söyledi.",
    "Sinop ile Batum’un kardeş şehir olmasına dair belediye meclisi karar aldı.",
    "Bu protokolle Osmangazi, Bulgaristan'ın Sarnitsa kenti ile de kardeş şehir olma yolunda ilk adımı attı.",
    "Macaristan’ın Szekszárd kentinden İstanbul’un Fatih ilçesine bir kardeşlik çağrısıyla geldi.",
    "Büyükelçi, \"Hucend ile Denizli kardeş olmalı\" dedi.",
    "Konyaaltı Belediye Başkanı Tekinalp, \"Mar del Plata ile kardeş şehir olmayı çok isteriz\" dedi.",
    "Konyaaltı Belediye Başkanı, Kumasi ile kardeşliğin gündemde olduğunu söyledi.",
    "Muratpaşa Belediye Meclisi, Uruguay’ın Punta del Este kenti ile kardeş şehir olunmasını oy birliğiyle kabul etti.",
])
def test_a_wished_twinning_is_a_proposal(extracted, text):
    facts = extracted(text)
    assert facts.twinnings == ()
    assert any("kardeş şehir" in plan.label for plan in facts.plans)


@pytest.mark.parametrize("text", [
    "Türkiye ile Azerbaycan arasındaki kardeşliğin altı çizildi.",
    "Kardeşlik yalnızca Ulan Batur'da değil, Sincan'da da kalıcı bir iz bıraktı.",
    "Gömeç ve Isparta belediyeleri de birer kardeş kent bulmak istiyor.",
])
def test_no_twinning_without_two_cities_as_parties(extracted, text):
    assert extracted(text).twinnings == ()


def test_today_as_nowadays_dates_nothing(extracted):
    facts = extracted(" date 2026-01-29 Körfez / Haber - Başkan Tugay, kardeş şehir İzmir ile Bişkek'in ilişkilerinin "
                      "bugün arzu edilen seviyenin gerisinde kaldığını söyledi.")
    assert [t.signed for t in facts.twinnings] == [None]


def test_signatories_are_the_mayors_who_signed(extracted):
    facts = extracted("İstanbul’un Beykoz ilçesi ile Azerbaycan’ın Berde şehri artık kardeş. Protokolü Beykoz "
                      "Belediye Başkanı Murat Aydın ile Berde Belediye Başkanı Sadıq Halilov imzaladı.")
    assert {p.name for p in facts.twinnings[0].signatories} == {"Murat Aydın", "Sadıq Halilov"}


def test_a_genitive_subject_is_no_container(extracted):
    facts = extracted("Güneş, Iğdır'ın Nahçıvan'ın Şerur şehri ile 2019 yılında kardeş şehir protokolü imzaladığını "
                      "hatırlattı.")
    assert [({c.label_tr for c in t.cities}, t.signed) for t in facts.twinnings] == [({"Iğdır", "Şerur"}, "2019")]


def test_a_protocol_to_be_signed_is_a_proposal(extracted):
    facts = extracted("Başkan Bozbey, Bursa ile Semerkant arasında kardeş şehir protokolü imzalanması için çalışma "
                      "başlattıklarını söyledi.")
    assert facts.twinnings == () and [p.label for p in facts.plans] == ["Bursa-Semerkant kardeş şehir protokolü"]


def test_a_passive_signing_dates_and_makes_the_meeting(extracted):
    facts = extracted("Çankaya Belediyesi, Macaristan'ın Szeged kenti ile kardeş kent oldu. Protokol, Çankaya Belediye "
                      "Başkanı Hüseyin Can Güner ile Szeged Belediye Başkanı László Botka tarafından 5 Mayıs 2025 "
                      "tarihinde imzalandı.")
    assert facts.twinnings[0].signed == "2025-05-05"
    assert {p.name for p in facts.meetings[0].participants} == {"Hüseyin Can Güner", "László Botka"}


def test_x_ile_y_arasinda_pairs_the_two(extracted):
    facts = extracted("Meram Belediye Başkanı Mustafa Kavuş'u ziyaret eden Kırgızistan'ın Ankara Büyükelçisi Ruslan "
                      "Kazakbaev, Meram ile Kırgızistan'ın Oş şehri arasında kardeş şehir ilişkisi kurulmasını önerdi.")
    assert [p.label for p in facts.plans] == ["Meram-Oş kardeş şehir protokolü"]


def test_a_district_named_with_its_province_twins_with_the_partner(extracted):
    facts = extracted("Ordu’nun merkez ilçesi Altınordu ile Gürcistan’ın sahil kenti Kobuleti artık kardeş.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Altınordu", "Kobuleti"}]


def test_a_participle_signing_in_the_lead_is_not_of_the_headers_year_but_of_its_anniversarys(extracted):
    facts = extracted(" date 2025-02-20 Haber / Haber - Kırşehir Belediyesi ile Berlin’in Spandau ilçesi arasında "
                      "imzalanan dostluk anlaşması bu yıl 20. yılını kutluyor.")
    assert [t.signed for t in facts.twinnings] == ["2005"]


def test_a_ceremony_day_does_not_redate_an_older_twinning(extracted):
    facts = extracted(" date 2024-10-29 Haber / Haber - Altınordu ile Gürcistan’ın Kobuleti kenti artık kardeş. "
                      "Kardeş şehir protokolü 27 Ekim’de Altınordu Belediyesi’nde imza altına alındı. "
                      "Altınordu Belediyesi, 2016 yılında Lefke Belediyesi ile kardeş şehir protokolü imzalamıştı.")
    assert {frozenset(c.label_tr for c in t.cities): t.signed for t in facts.twinnings} == {
        frozenset({"Altınordu", "Kobuleti"}): "2024-10-27", frozenset({"Altınordu", "Lefke"}): "2016"}


def test_the_signing_verb_at_the_end_of_the_sentence_dates_the_agreement(extracted):
    facts = extracted(" date 2025-07-03 Gündem / Haber - Trabzon’un merkez ilçesi Ortahisar ile Bahreyn’in tarihi "
                      "kenti Muharrak artık kardeş. Kardeş şehir protokolü önceki gün Muharrak Belediyesi’nde "
                      "düzenlenen törende, iki başkan tarafından imzalandı.")
    assert [t.signed for t in facts.twinnings] == ["2025-07-01"]


def test_an_earlier_agreement_of_another_kind_is_kept_apart(extracted):
    facts = extracted(" date 2026-05-21 Kapadokya / Haber - Dün Ürgüp ile Matera arasında kardeş şehir protokolü "
                      "imzalandı. Ürgüp ile Matera arasında 2011 yılında bir dostluk protokolü imzalanmıştı.")
    assert sorted((t.kind.value, t.signed) for t in facts.twinnings) == [
        ("FriendshipAgreement", "2011"), ("SisterCityAgreement", "2026-05-20")]


def test_became_sisters_today_dates_the_twinning(extracted):
    facts = extracted(" date 2025-04-10 Gündem / Haber - Ankara'nın Keçiören ilçesi ile Kırgızistan'ın Talas kenti "
                      "bugün kardeş şehir oldu.")
    assert [t.signed for t in facts.twinnings] == ["2025-04-10"]


def test_a_protocol_being_negotiated_is_no_agreement(extracted):
    facts = extracted("Çorlu Belediye Başkanı, Köstence Belediyesi ile de bir iş birliği protokolü için görüşmelerin "
                      "sürdüğünü açıkladı.")
    assert facts.twinnings == ()


@pytest.mark.parametrize(("text", "partner", "signed"), [
    (("Zeytinburnu Belediye Başkanı konuştu. Yavuzer, geçen yıl Kazakistan'ın Şımkent kenti ile imzaladıkları "
     "mutabakat zaptının sonuçlarını anlattı."), "Şımkent", "2023"),
    (("Karaman Belediye Başkanı konuştu. Kocabaş, 2016 yılında kardeş şehir protokolü imzaladıkları Azerbaycan'ın "
     "Şamahı kentinden de konuk beklediklerini söyledi."), "Şamahı", "2016"),
])
def test_the_article_city_is_the_unnamed_subject(extracted, text, partner, signed):
    facts = extracted(" date 2024-03-19 Haber / Haber - " + text)
    assert [({c.label_tr for c in t.cities} - {partner}, t.signed) for t in facts.twinnings] == [
        ({"Zeytinburnu" if partner == "Şımkent" else "Karaman"}, signed)]


def test_became_sisters_in_the_lead_is_of_the_header_year(extracted):
    facts = extracted(" date 2024-05-16 Haber / Haber - Lüleburgaz, Slovenya'nın en eski kenti Ptuj ile kardeş oldu.")
    assert [t.signed for t in facts.twinnings] == ["2024"]


def test_the_two_cities_of_the_sentence_before(extracted):
    facts = extracted("Kastamonu ile Kırgızistan'ın Oş kenti bugün kardeş oldu. Kastamonu'nun Türk dünyasındaki ilk "
                      "kardeşi ise Azerbaycan'ın Şeki kenti. İki kent arasında 2009 yılında imzalanan kardeş şehir "
                      "protokolü geçen yıl yenilenmişti.")
    assert {frozenset(c.label_tr for c in t.cities): t.signed for t in facts.twinnings}[
        frozenset({"Kastamonu", "Şeki"})] == "2009"


def test_an_old_twinning_and_a_new_protocol_in_one_sentence(extracted):
    facts = extracted(" date 2025-06-05 Ses / Haber - Kuşadası ile Arnavutluk’un liman kenti Dıraç arasındaki 27 yıllık "
                      "kardeşlik, dün imzalanan iş birliği protokolüyle yeni bir döneme girdi.")
    assert sorted((t.kind.value, t.signed) for t in facts.twinnings) == [
        ("CooperationAgreement", "2025-06-04"), ("SisterCityAgreement", "1998")]


@pytest.mark.parametrize(("text", "cities"), [
    # a quotation: someone else's words
    (("Giresun'un 2012 yılında Gürcistan'ın Ozurgeti kentiyle kardeş şehir protokolü imzaladığını hatırlatan "
     "Sarıoğlu, \"Ozurgeti ile yürüttüğümüz projelerin tecrübesini Klaipėda'ya taşıyacağız\" dedi."),
     {"Giresun", "Ozurgeti"}),
    # the verb of a reported clause
    (("Eyüpsultan Belediye Başkanı konuştu. Banda Aceh’in 2014’ten bu yana Malezya’nın Malakka kentiyle kardeş "
     "olduğunu belirten Irwansyah, Eyüpsultan’ı kentin Avrupa’daki ilk ortağı olarak gördüklerini söyledi."),
     {"Banda Aceh", "Malakka"}),
    (("Büyükelçi Lee, Ankara ile Seul'ün 1971'den bu yana kardeş şehir olduğunu, benzer bir bağın Elazığ ile de "
     "kurulabileceğini söyledi."), {"Ankara", "Seul"}),
])
def test_where_the_clause_of_a_twinning_ends(extracted, text, cities):
    assert [{c.label_tr for c in t.cities} for t in extracted(text).twinnings] == [cities]


def test_a_weekday_is_no_partner(extracted):
    facts = extracted("İki kent arasındaki iş birliği protokolü, 8 Nisan 2025 Salı günü Şanlıurfa Büyükşehir "
                      "Belediyesi'nde Harar ile imzalandı.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Şanlıurfa", "Harar"}]


def test_a_clause_in_ken_ends_the_twinning_clause(extracted):
    facts = extracted("Kars'ın Kağızman ilçesi dün iki başkanı ağırladı. Azerbaycan'ın Gazah şehriyle kardeş şehir "
                      "protokolü imzalanırken, Hollanda'nın Schiedam kentinin belediye başkanı da memleketindeydi.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Kağızman", "Gazah"}]


@pytest.mark.parametrize(("text", "cities"), [
    # the place a partner belongs to
    (("Artvin'in Hopa ilçesine bağlı Kemalpaşa beldesi, Gürcistan'ın Acara bölgesinde yer alan Helvaçauri ile "
      "kardeş şehir oldu."), {"Kemalpaşa", "Helvaçauri"}),
    # a place inside a region's longer name
    (("Bartın ile Almanya'nın Kuzey Ren-Vestfalya eyaletindeki Lünen kenti arasındaki kardeş şehir ilişkisi "
      "yirminci yılını dolduruyor."), {"Bartın", "Lünen"}),
    # a province said with a name before its district
    (("İzmir'in UNESCO Dünya Mirası Listesi'ndeki ilçesi Bergama, Gürcistan'ın tarihi başkenti Mtskheta ile "
      "kardeş şehir oldu."), {"Bergama", "Mtskheta"}),
])
def test_a_place_that_contains_a_party_is_none(extracted, text, cities):
    assert [{c.label_tr for c in t.cities} for t in extracted(text).twinnings] == [cities]


def test_agreeing_to_prepare_a_protocol_is_no_twinning(extracted):
    facts = extracted("Görüşmenin sonunda iki başkan, Tepebaşı ile Ohri arasında bir kardeş şehir protokolü "
                      "hazırlanması konusunda anlaştı.")
    assert facts.twinnings == ()
    assert [p.label for p in facts.plans] == ["Tepebaşı-Ohri kardeş şehir protokolü"]


def test_twins_if_they_were_is_a_wish(extracted):
    facts = extracted('El Amrani\'nin bir önerisi de vardı: "Sakarya ile Kenitra kardeş şehir olursa iki kentin '
                      'gençleri birbirini daha kolay tanır."')
    assert facts.twinnings == ()
    assert [p.kind.value for p in facts.plans] == ["Proposal"]


def test_let_us_be_twins_is_a_wish(extracted):
    facts = extracted("Görele Belediye Başkanı Bayram Keskin, “Gladbeck ile kardeş şehir olalım” dedi.")
    assert facts.twinnings == () and [p.kind.value for p in facts.plans] == ["Proposal"]


def test_a_twinning_as_a_verbal_noun_is_wished(extracted):
    facts = extracted("Büyükelçi Alvear, Antofagasta ile Kayseri’nin kardeş şehir olmasının iki kente de "
                      "kazandıracağını söyleyerek bu yönde bir girişim başlatılmasını önerdi.")
    assert facts.twinnings == () and [p.kind.value for p in facts.plans] == ["Proposal"]


def test_our_twin_cities_listed_each_twin_the_articles_city(extracted):
    facts = extracted('Artvin Belediye Başkanı Nihat Sarıkaya, Gürcistan\'la bağları anlattı. "Kardeş şehirlerimiz '
                      'Batum ve Kutaisi ile her yaz öğrenci değişimi yapıyoruz" dedi.')
    assert {frozenset(c.label_tr for c in t.cities) for t in facts.twinnings} == {
        frozenset({"Artvin", "Batum"}), frozenset({"Artvin", "Kutaisi"})}


def test_someones_town_is_no_place_of_that_name(extracted):
    facts = extracted('Akşehir Belediye Başkanı Tahir Gürbüz, "Nasreddin Hoca\'nın kenti ile Gabrovo\'nun kardeşliği '
                      'çok anlamlı" dedi.')
    assert all("Hoca" not in {c.label_tr for c in t.cities} for t in facts.twinnings)


@pytest.mark.parametrize("wish", [
    "Başkan, bu belgeyi önümüzdeki dönemde tam bir kardeş şehir protokolüne dönüştürmek istediklerini söyledi.",
    "Başkan, iki belediyenin bir yıl içinde kardeş şehir protokolü imzalamayı hedeflediğini söyledi.",
])
def test_an_agreement_to_be_made_a_twinning_is_a_proposal_of_the_pair(extracted, wish):
    facts = extracted("Odunpazarı Belediyesi ile Tataristan'ın Kazan kenti arasında iş birliği mutabakat zaptı "
                      "imzalandı. " + wish)
    assert [t.kind.value for t in facts.twinnings] == ["CooperationAgreement"]
    assert "Odunpazarı-Kazan kardeş şehir protokolü" in [plan.label for plan in facts.plans]


def test_a_town_named_with_its_other_name_in_brackets_is_no_pair(extracted):
    facts = extracted("Bulgaristan'ın Hasköy (Haskovo) kentinden gelen heyet, iki şehir arasındaki kardeşliğin "
                      "15. yılı için düzenlenen kutlamaya katıldı.")
    assert all(len({c.key for c in t.cities}) == 2 for t in facts.twinnings)


def test_twins_they_could_be_is_a_proposal(extracted):
    facts = extracted('Başkan Gençtürk, "Bilecik ile Vistül kıyısındaki tarihi Toruń kardeş şehir olabilir" dedi.')
    assert facts.twinnings == () and [p.kind.value for p in facts.plans] == ["Proposal"]


def test_a_name_shown_to_be_a_foreign_town_is_that_town_wherever_it_is_written(extracted):
    facts = extracted("Süleymanpaşa ile Hasköy arasındaki kardeşlik 15 yaşında. Bulgaristan'ın Hasköy kentinden gelen "
                      "heyet kutlamaya katıldı.")
    assert [{c.label_tr: c.country.code for c in t.cities} for t in facts.twinnings] == [
        {"Süleymanpaşa": "TR", "Hasköy": "BG"}]


def test_a_friendship_hoped_to_become_a_twinning_is_a_proposal(extracted):
    facts = extracted("Kırklareli Belediyesi ile Prizren Belediyesi arasında dostluk protokolü imzalandı. Başkan Tekinsoy, "
                      "dostluğun ilerleyen yıllarda kardeş şehir ilişkisine dönüşmesini umduğunu söyledi.")
    assert [t.kind.value for t in facts.twinnings] == ["FriendshipAgreement"]
    assert [(p.kind.value, p.label) for p in facts.plans] == [("Proposal", "Kırklareli-Prizren kardeş şehir protokolü")]


def test_the_document_signed_in_the_next_sentence_dates_the_agreement(extracted):
    facts = extracted("SAKARYA - Sapanca Belediyesi ile Bahreyn Krallığı'nın Muharrak kenti arasında iyi niyet protokolü "
                      "imzalandı. Tesislerde 4 Haziran 2025 Çarşamba günü düzenlenen törende belgeyi Sapanca Belediye "
                      "Başkanı Serkan Bilgiç ile Muharrak Belediye Başkanı Khalid Al-Mannai imzaladı.")
    assert [(t.kind.value, t.signed) for t in facts.twinnings] == [("CooperationAgreement", "2025-06-04")]


def test_an_old_twin_told_as_a_reminder_keeps_no_date_of_the_new_signing(extracted):
    facts = extracted("SAKARYA - Sapanca Belediyesi ile Bahreyn'in Muharrak kenti arasında iyi niyet protokolü "
                      "imzalandı. 4 Haziran 2025 günü belgeyi Sapanca Belediye Başkanı Serkan Bilgiç ile Muharrak "
                      "Belediye Başkanı Khalid Al-Mannai imzaladı. Sapanca'nın tek kardeş şehrinin Bosna "
                      "Hersek'teki Kladanj olduğunu hatırlatan Bilgiç konuştu.")
    assert {(frozenset(c.label_tr for c in t.cities), t.signed) for t in facts.twinnings} == {
        (frozenset({"Sapanca", "Muharrak"}), "2025-06-04"), (frozenset({"Sapanca", "Kladanj"}), None)}


@pytest.mark.parametrize(("text", "home", "partner", "country"), [
    # the town's other name in brackets before "ile"; its country from the province it belongs to, named once
    (("TEKİRDAĞ - Tekirdağ'ın Çorlu ilçesi, Bulgaristan'ın Kırcaali iline bağlı Mestanlı (Momçilgrad) ile "
      "kardeş şehir oldu. Protokole Mestanlı Belediye Başkanı Erhan Ahmedov imza attı."), "Çorlu", "Mestanlı", "BG"),
    # an epithet before "kenti" is no town: the town is the name after it
    ("Tokat'ın Zile ilçesi ile Azerbaycan'ın tarihi İpek Yolu kenti Şeki arasında kardeş şehir protokolü imzalandı.",
     "Zile", "Şeki", "AZ"),
])
def test_the_partner_whatever_is_written_beside_its_name(extracted, text, home, partner, country):
    assert [{(c.label_tr, c.country.code if c.country else None) for c in t.cities}
            for t in extracted(text).twinnings] == [{(home, "TR"), (partner, country)}]


def test_our_twin_in_a_mayors_words_is_his_citys_twin(extracted):
    facts = extracted("TRABZON (HABER) - Heyet Akçaabat Belediyesi'ni ziyaret etti. Trabzon Büyükşehir Belediye Başkanı "
                      "Orhan Hacısalihoğlu konuştu. Kardeş şehir Batum ile ilişkilerin canlandırılması gerektiğini "
                      "söyleyen Başkan Hacısalihoğlu teşekkür etti.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Trabzon", "Batum"}]


def test_a_protocol_the_twin_was_made_by_is_of_the_twinnings_kind(extracted):
    facts = extracted("BALIKESİR (HABER) - Karesi Belediye Başkanı Doğangün Balkanlara gitti. Heyetin ilk durağı, "
                      "Karesi'nin 2017'de imzalanan protokolle kardeş kenti olan Gostivar oldu.")
    assert [({c.label_tr for c in t.cities}, t.kind.value, t.signed) for t in facts.twinnings] == [
        ({"Karesi", "Gostivar"}, "SisterCityAgreement", "2017")]


def test_the_two_who_signed_not_the_two_towns_told_before(extracted):
    facts = extracted("BALIKESİR (HABER) - Karesi'nin 2017'den beri kardeş kenti olan Gostivar'a gidildi. 11 Eylül "
                      "2024 günü Prizren Belediyesi'nde Karesi Belediye Başkanı Doğangün ile Prizren Belediye Başkanı "
                      "Ardian Gjonbalaj, iki kent arasında iş birliği mutabakat zaptı imzaladı.")
    assert ({"Karesi", "Prizren"}, "CooperationAgreement") in [
        ({c.label_tr for c in t.cities}, t.kind.value) for t in facts.twinnings]
    assert ({"Karesi", "Gostivar"}, "CooperationAgreement") not in [
        ({c.label_tr for c in t.cities}, t.kind.value) for t in facts.twinnings]


def test_to_become_twins_is_a_wish(extracted):
    facts = extracted("Yeşiltepe, \"Prizren ile kardeş şehir olmak için resmi girişimlerimizi bu yıl başlatacağız\" "
                      "dedi. Bayrampaşa Belediye Başkanı Levent Yeşiltepe teşekkür etti.")
    assert facts.twinnings == ()


def test_the_province_a_partner_belongs_to_is_no_party(extracted):
    facts = extracted("AMASYA (HABER) - Merzifon Belediye Başkanı Alp Kargı konuştu. İlçe, Romanya'nın Köstence iline "
                      "bağlı Mecidiye ile kardeşlik protokolü imzalamıştı.")
    assert [{c.label_tr for c in t.cities} for t in facts.twinnings] == [{"Merzifon", "Mecidiye"}]


@pytest.mark.parametrize(("text", "signed"), [
    (("AMASRA (BARTIN) - Amasra ile İtalya'nın Camogli kasabası arasındaki kardeş kent ilişkisinin 20. yılı, 14 "
      "Haziran 2025 Cumartesi günü Amasra'da düzenlenen törenle kutlandı."), "2005"),
    ((" date 2025-06-13 Eskişehir Ekspres / Hande Kurt - Tepebaşı ile Güney Kore'nin Suwon kenti arasındaki "
      "kardeşlik, on beşinci yılında yeni bir imzayla tazelendi."), "2010"),
    # the window names the signing's year itself
    (("İZMİR - İzmir ile Bakü arasında 1986 yılında imzalanan kardeş şehir protokolünün 2026 yılında 40. yılını "
      "dolduracağını hatırlattı."), "1986"),
])
def test_the_anniversary_kept_dates_the_twinning(extracted, text, signed):
    assert [t.signed for t in extracted(text).twinnings] == [signed]
