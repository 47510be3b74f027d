"""Posts link to the right body, and former office holders hold none."""

import pytest

POSTS = [
    ("Kazakistan Cumhuriyeti İzmir Başkonsolosu Bauyrzhan Akatayev geldi.", "ConsulGeneral", "ConsulateGeneral",
     "KZ", "İzmir"),
    ("Gürcistan’ın Ankara Büyükelçisi Giorgi Janjgava Sinop'a geldi.", "Ambassador", "Embassy", "GE", "Ankara"),
    ("Kırgız Cumhuriyeti İstanbul Başkonsolosu Chyngyz Toktobekoviç İzmir'i ziyaret etti.", "ConsulGeneral",
     "ConsulateGeneral", "KG", "İstanbul"),
    ("Türkiye’yi Kazakistan’da temsil eden Astana Büyükelçisi Mustafa Kapucu törende yer aldı.", "Ambassador",
     "Embassy", "TR", "Astana"),
    ("Kuzey Makedonya’nın Eskişehir Fahri Konsolosu Harun Karacan da yer aldı.", "HonoraryConsul",
     "HonoraryConsulate", "MK", "Eskişehir"),
]


@pytest.mark.parametrize(("text", "role", "kind", "country", "city"), POSTS)
def test_mission_post_names_country_and_seat(extracted, text, role, kind, country, city):
    post = extracted(text).posts[0]
    org = post.organization
    assert (post.role.value, org.kind.value, org.country.code, org.city.label_tr) == (role, kind, country, city)


def test_a_consul_whose_seat_is_unknown_serves_his_country(extracted):
    post = extracted("Macaristan Fahri Konsolosu Osman Şahbaz Fatih'e geldi.").posts[0]
    assert (post.organization.kind.value, post.organization.country.code) == ("ForeignService", "HU")


@pytest.mark.parametrize(("text", "role", "body"), [
    ("İzmir Azerbaycan Derneği (İZAZDER) Başkanı Perviz Altay konuştu.", "President", "İzmir Azerbaycan Derneği"),
    ("İZAZDER Başkanı Perviz Altay geldi. İzmir Azerbaycan Derneği (İZAZDER) kuruldu.", "President",
     "İzmir Azerbaycan Derneği"),
    ("Sinop Esnaf ve Sanatkarlar Odası (ESO) Başkanı Haydar Gündoğdu da vardı.", "President",
     "Sinop Esnaf ve Sanatkarlar Odası"),
    ("TÜRKSOY Genel Sekreteri Sultan Raev törende yer aldı.", "SecretaryGeneral", "TÜRKSOY"),
    # the body in the genitive owns the title past its acronym and an adjective
    ("Görüşmeye, Karabük Türkmenistanlı Öğrenciler Derneği’nin (KATÖDER) yeni başkanı Maral Gurbanova da katıldı.",
     "President", "Karabük Türkmenistanlı Öğrenciler Derneği"),
    ("Konsolos Ünsal'a Aydın Arnavut Kültür ve Yardımlaşma Derneği Başkanı Bekir Kuka eşlik etti.", "President",
     "Aydın Arnavut Kültür ve Yardımlaşma Derneği"),
])
def test_association_and_body_posts(extracted, text, role, body):
    posts = {(p.role.value, p.organization.label) for p in extracted(text).posts}
    assert (role, body) in posts


def test_dernek_baskani_is_the_president_of_the_association_named_before(extracted):
    facts = extracted("Ziyaret Sinop Gürcü Kültür ve Dostluk Derneği’nin programında oldu. "
                      "Dernek Başkanı Selamettin Aydın konuklara teşekkür etti.")
    post = facts.posts[0]
    assert (post.person.name, post.role.value, post.organization.label) == (
        "Selamettin Aydın", "President", "Sinop Gürcü Kültür ve Dostluk Derneği")


def test_a_municipal_title_is_not_of_the_city_an_embassy_is_in(extracted):
    facts = extracted("Malatya Büyükşehir Belediyesi ile Fergana arasında mutabakat imzalandı. Törene Özbekistan'ın "
                      "Ankara Büyükelçiliği Müsteşarı Dilshod Karimov ile Büyükşehir Belediyesi Genel Sekreteri "
                      "Ferhat Taşdemir de katıldı.")
    assert {(p.person.name, p.organization.label) for p in facts.posts} == {("Ferhat Taşdemir", "Malatya Belediyesi")}


@pytest.mark.parametrize("text", [
    "Sinop’un önceki dönem belediye başkanı Hamza İnce de konuklar arasındaydı.",
    ("Protokole o dönem Selçuklu adına Belediye Başkanı Adem Esen, Barlad adına ise Belediye Başkanı "
     "Joan Juverdeanu imza koymuştu."),
    "Kosova'nın eski bakan yardımcılarından Rıfat Krasniç de heyetteydi.",
    "İlk imzalar 2010'da o zamanki Suwon Belediye Başkanı Kim Dae-sung tarafından atılmıştı.",
])
def test_former_office_holders_hold_no_post(extracted, text):
    assert extracted(text).posts == ()


@pytest.mark.parametrize("text", [
    ("Azerbaycan'ın Kars Başkonsolosu Anar Hasanzade veda etti. Doğanay, Hasanzade'den önce bu görevi yürüten "
     "Başkonsolos Elçin Memmedov'u da andı."),
    ("Almanya'nın İzmir Başkonsolosu Matthias Brenner geldi. Brenner, kendisinden önce görev yapan Başkonsolos "
     "Andreas Vogt'u hatırlattı."),
])
def test_a_predecessor_holds_the_post_no_more(extracted, text):
    assert len(extracted(text).posts) == 1


def test_governor_of_the_province_the_article_is_about(extracted):
    facts = extracted("Büyükelçi, Nevşehir Belediyesi’ni ziyaret etti. Valilikte Vali Ali Fidan ile görüştü.")
    post = next(p for p in facts.posts if p.person.name == "Ali Fidan")
    assert (post.role.value, post.organization.city.label_tr) == ("Governor", "Nevşehir")


def test_a_vice_president_of_another_body_is_no_deputy_mayor(extracted):
    facts = extracted("Törene Gagavuzya Halk Topluluğu Başkan Yardımcısı Demian Karaseni katıldı.")
    assert facts.posts == ()


@pytest.mark.parametrize(("text", "person", "role", "organization"), [
    ("Azerbaycan Kültür Bakanı Adil Kerimli İzmir'e geldi.", "Adil Kerimli", "Minister", "Azerbaycan Hükümeti"),
    ("Seferihisar Kaymakamı Ahmet Ali Bey de hazır bulundu.", "Ahmet Ali", "Governor",
     "Seferihisar Kaymakamlığı"),
    ("Türkiye Azerbaycan Dernekleri Federasyonu Genel Başkanı Ali Güler de yer aldı.", "Ali Güler", "President",
     "Türkiye Azerbaycan Dernekleri Federasyonu"),
])
def test_ministers_district_governors_and_chairmen(extracted, text, person, role, organization):
    posts = {(p.person.name, p.role.value, p.organization.label) for p in extracted(text).posts}
    assert (person, role, organization) in posts


def test_an_association_seated_where_the_text_says(extracted):
    facts = extracted("Törende İstanbul merkezli Marmara Boşnak Dernekleri Federasyonu’nun (MABODEF) Genel Başkanı "
                      "Kenan Sarıbaş da hazır bulundu.")
    assert {(p.organization.label, p.organization.city.label_tr) for p in facts.posts} == {
        ("Marmara Boşnak Dernekleri Federasyonu", "İstanbul")}


def test_a_union_of_people_is_an_association_seated_at_its_head_office(extracted):
    facts = extracted("Ünye Belediye Başkanı Kadir Aksoylu, iş birliği için Köstence'deydi. Program, Romanya "
                      "Müslüman Tatar Türkleri Demokrat Birliği'nin Köstence'deki genel merkezine yapılan ziyaretle "
                      "tamamlandı. Heyeti karşılayan Birlik Başkanı Nurhan Seyitcelil, Aksoylu ile birlikte yürüdü.")
    assert {(p.person.name, p.role.value, p.organization.label, p.organization.city.label_tr)
            for p in facts.posts if p.role.value == "President"} == {
        ("Nurhan Seyitcelil", "President", "Romanya Müslüman Tatar Türkleri Demokrat Birliği", "Köstence")}
    assert {p.role.value for p in facts.posts if p.person.name == "Kadir Aksoylu"} == {"Mayor"}


def test_unions_of_municipalities_and_states_are_no_associations(extracted):
    facts = extracted("Türk Dünyası Belediyeler Birliği Genel Sekreteri Ali Kaya, Avrupa Birliği fonlarını anlattı.")
    assert [p.organization.kind.value for p in facts.posts] == ["Organization"]


def test_a_union_that_opens_the_name_of_a_day_is_no_body(extracted):
    facts = extracted("Fahri Konsolos Weber, 3 Ekim Alman Birliği Günü dolayısıyla Alanya'da bir resepsiyon "
                      "vereceklerini duyurdu.")
    assert [m.organization.label for m in facts.organizations if m.organization.kind.value == "Association"] == []


def test_an_opening_word_in_the_locative_is_no_place(extracted):
    facts = extracted("Sakarya Büyükşehir Belediye Başkanı Yusuf Alemdar konuştu. Görüşmede Büyükşehir Belediyesi "
                      "Genel Sekreteri Murat Kocabey de hazır bulundu.")
    assert {(p.person.name, p.organization.label) for p in facts.posts} >= {("Murat Kocabey", "Sakarya Belediyesi")}


@pytest.mark.parametrize("text", [
    ("Akçaabat Belediye Başkanı Levent Çakıroğlu'nun Ankara'daki temasları nedeniyle toplantıyı Başkan Yardımcısı "
    "Hülya Saral yönetti."),
    ("Didim Belediye Başkanı Ahmet Doğrusöz ile Dernek Başkanı Monika Hartmann görüştü. Hartmann'ı Belediye Başkan "
    "Yardımcısı Hülya Saral makamında ağırladı."),
])
def test_a_deputy_mayor_of_the_city_not_of_a_place_or_person_named_before(extracted, text):
    deputies = [p for p in extracted(text).posts if p.role.value == "DeputyMayor"]
    assert [(p.person.name, p.organization.city.label_tr) for p in deputies] == [
        ("Hülya Saral", "Didim" if "Didim" in text else "Akçaabat")]


def test_a_hyphenated_acronym_names_the_association(extracted):
    facts = extracted("İnegöl Sancak Karadağ Kültür ve Dayanışma Derneği (SANKAR-DER) Başkanı Kenan Bulut konuştu. "
                      "SANKAR-DER Başkanı Bulut teşekkür etti.")
    assert {(p.person.name, p.organization.acronym) for p in facts.posts} == {("Kenan Bulut", "SANKAR-DER")}


@pytest.mark.parametrize(("text", "city", "community"), [
    (("Konuğu Beyoğlu Belediye Başkan Yardımcısı Cem Yurtsever ağırladı. Görüşmeye, merkezi Beyoğlu'nda bulunan Türk-Fas Dostluk ve Kültür Derneği (TÜFAD) Başkanı Leyla Bennani de "
     "katıldı."), "Beyoğlu", "MA"),
    (("Gaziosmanpaşa Belediye Başkanı Hasan Tahsin Usta konuştu. Makedonya Türkleri Kültür ve Dayanışma "
     "Derneği'nin (MATÜDER) Başkanı Nevzat Ohrili de konuştu. Merkezi Gaziosmanpaşa'da bulunan derneğin başkanı Ohrili teşekkür etti."), "Gaziosmanpaşa", "MK"),
    ("Görüşmede Berlin Kırşehirliler Derneği Başkanı Hüseyin Çakır da hazır bulundu.", "Berlin", "TR"),
    ("Alman heyetinde Castrop-Rauxel Türk Kültür Derneği Başkanı Mustafa Kılınç da vardı.", "Castrop-Rauxel", "TR"),
    ("Görüşmede Alanya Britanya Toplumu Derneği Başkanı Emma Scott da hazır bulundu.", "Alanya", "GB"),
])
def test_where_an_association_sits_and_whom_it_gathers(extracted, text, city, community):
    associations = {p.organization for p in extracted(text).posts if p.organization.kind.value == "Association"}
    assert [(a.city.label_tr, a.community.code) for a in associations] == [(city, community)]


def test_turks_from_a_foreign_town_gather_elsewhere(extracted):
    facts = extracted("Bursa'da Prizren Türkleri Derneği Başkanı Ali Kaya konuştu.")
    assert [p.organization.city for p in facts.posts] == [None]


def test_the_then_mayor_holds_no_post(extracted):
    facts = extracted("Lüleburgaz Belediye Başkanı Murat Gerenli konuştu. O protokole Lüleburgaz adına dönemin belediye "
                      "başkanı Cemal Yurtsever imza atmıştı.")
    assert {p.person.name for p in facts.posts} == {"Murat Gerenli"}


def test_a_place_in_the_comitative_owns_no_title_after_it(extracted):
    facts = extracted("Karaman Belediye Başkan Vekili Ayten Kocabaş konuştu. Meclis, Hive ile kardeş şehir ilişkisi "
                      "kurulması için Başkan Vekili Kocabaş'a yetki verdi.")
    assert {(p.person.name, p.organization.label) for p in facts.posts} == {("Ayten Kocabaş", "Karaman Belediyesi")}


def test_a_surname_named_before_is_the_person_not_a_town(extracted):
    facts = extracted("Japonya'nın Ankara Büyükelçisi Mariko Tanabe, Vali ile görüştü. Bolu Belediyesi'ne geçen "
                      "Tanabe, Belediye Başkanı Ozan Kırkpınar ile görüştü.")
    assert ("Ozan Kırkpınar", "Bolu Belediyesi") in {(p.person.name, p.organization.label) for p in facts.posts}


def test_a_consuls_deputy_serves_the_consul_named_before(extracted):
    facts = extracted("ABD'nin Adana Konsolosu Emily Moore, Çukurova Belediyesi'ni ziyaret etti. Konsolos Moore'a "
                      "ziyarette Konsolos Yardımcısı Daniel Ortiz eşlik etti.")
    posts = {(p.person.name, p.role.value, p.organization.country.code) for p in facts.posts}
    assert ("Daniel Ortiz", "Consul", "US") in posts


def test_a_title_in_brackets_after_the_name(extracted):
    facts = extracted("Belediyenin dış ilişkilerini yürüten Rinat Sabirov (Kazan Belediye Başkan Yardımcısı) da "
                      "törende hazır bulundu.")
    assert [(p.person.name, p.role.value, p.organization.label) for p in facts.posts] == [
        ("Rinat Sabirov", "DeputyMayor", "Kazan Belediyesi")]


@pytest.mark.parametrize(("text", "name", "community"), [
    ("Türk-Fin Dostluk Derneği (TÜFİDER) Başkanı Riitta Koskinen Hanım da görüşmeye katıldı.", "Riitta Koskinen",
     "FI"),
    ("Azerbaycan heyetini Iğdır Nahçıvan Kültür ve Dayanışma Derneği Başkanı Araz Aliyev karşıladı.", "Araz Aliyev",
     "AZ"),
])
def test_an_associations_people_and_a_form_of_address_after_a_name(extracted, text, name, community):
    assert [(p.person.name, p.organization.community.code) for p in extracted(text).posts] == [(name, community)]


def test_a_title_ending_a_line_takes_no_name_from_the_next(extracted):
    facts = extracted("Kağızman Belediye Başkanı Nurettin Kaya törene katıldı.\n\nSchiedam'dan hemşehri başkan\n\n"
                      "Günün bir diğer konuğu Schiedam Belediye Başkanı Mehmet Ali Durmaz'dı.")
    assert {p.person.name for p in facts.posts} == {"Nurettin Kaya", "Mehmet Ali Durmaz"}


@pytest.mark.parametrize("text", [
    ("Gürcistan'ın Trabzon Başkonsolosu Irakli Nadiradze, Belediye Başkanı Hüseyin Aktaş'ı makamında ziyaret "
     "etti. - FINDIKLI"),
    ("FINDIKLI (KARADENİZ AJANS) - Gürcistan'ın Trabzon Başkonsolosu Irakli Nadiradze, Belediye Başkanı Hüseyin "
     "Aktaş'ı makamında ziyaret etti."),
])
def test_a_mayor_named_by_title_alone_serves_the_datelines_town_not_a_consulates_seat(extracted, text):
    posts = {p.person.name: p.organization.label for p in extracted(text).posts}
    assert posts["Hüseyin Aktaş"] == "Fındıklı Belediyesi"


def test_a_malaysian_honorific_is_no_part_of_the_name(extracted):
    facts = extracted("Protokol, Ipoh Belediye Başkanı Datuk Khairul Anuar Hashim tarafından imzalandı.")
    assert [p.person.name for p in facts.posts] == ["Khairul Anuar Hashim"]


def test_an_association_seated_where_merkezi_x_olan_says_and_a_mayor_met_by_his_guests(extracted):
    facts = extracted("KAYSERİ (KENT HABER) - Merkezi Kayseri olan Afganistan Türkmenleri Kültür ve Yardımlaşma "
                      "Derneği'nin yönetimi ziyaretlere başladı. Konukları Büyükşehir Belediye Başkanı Selim Durmaz "
                      "karşıladı.")
    assert [(m.organization.label, m.organization.city.label_tr) for m in facts.organizations
            if m.organization.kind.value == "Association"] == [
        ("Afganistan Türkmenleri Kültür ve Yardımlaşma Derneği", "Kayseri")]
    assert [(p.person.name, p.organization.label) for p in facts.posts] == [("Selim Durmaz", "Kayseri Belediyesi")]


@pytest.mark.parametrize(("text", "municipality"), [
    ("Aralık Belediye Başkanı Orhan Yıldız, Sederek'e bir ziyaret gerçekleştirdi.", "Aralık Belediyesi"),
    ("Çarşamba Belediye Başkanı Halit Doğan, konuklarını 12 Aralık Çarşamba günü ağırladı.", "Çarşamba Belediyesi"),
])
def test_a_month_or_weekday_that_is_a_towns_name_before_its_title(extracted, text, municipality):
    assert [p.organization.label for p in extracted(text).posts] == [municipality]


def test_the_head_of_a_body_known_only_by_its_letters_is_no_mayor(extracted):
    facts = extracted("İZAZDER Başkanı Perviz Altay, İzmir Büyükşehir Belediye Başkanı Dr. Cemil Tugay ile bir araya "
                      "geldi.")
    assert [p.person.name for p in facts.posts] == ["Cemil Tugay"]


def test_a_title_then_olan_then_the_name(extracted):
    facts = extracted("Görüşmeye, 2021'den bu yana Pingyao'nun belediye başkanı olan Zhao Mingyuan katıldı.")
    assert [(p.person.name, p.organization.label) for p in facts.posts] == [("Zhao Mingyuan", "Pingyao Belediyesi")]


def test_a_district_opening_a_sentence_opens_the_associations_name(extracted):
    facts = extracted("Manyas Kafkas Kültür ve Dayanışma Derneği'nin (MAKADER) başkanı Aydın Berzeg, dün Manyas "
                      "Belediye Başkanı Cem Dursunoğlu'nu ziyaret etti.")
    assert [m.organization.label for m in facts.organizations if m.organization.kind.value == "Association"] == [
        "Manyas Kafkas Kültür ve Dayanışma Derneği"]


def test_an_opening_word_in_the_ablative_is_no_town(extracted):
    facts = extracted("Avanos Kaymakamı Selim Yavuzer konukları ağırladı. Ardından Belediye Başkanı Ramazan Taşdelen "
                      "heyeti karşıladı.")
    assert {p.person.name: p.organization.label for p in facts.posts}["Ramazan Taşdelen"] == "Avanos Belediyesi"


def test_a_title_after_the_name_with_olarak_and_no_participle(extracted):
    facts = extracted("Kari Haugland, Norveç'in Antalya fahri konsolosu olarak göreve başlamasının ardından ilk "
                      "resmi temaslarını Alanya'da yaptı.")
    assert [(p.person.name, p.role.value, p.organization.city.label_tr) for p in facts.posts] == [
        ("Kari Haugland", "HonoraryConsul", "Antalya")]


@pytest.mark.parametrize(("text", "posts"), [
    # a vote for the head of the body just named, and a board in the dative with a comma list
    (("Çorlu Batı Trakya Türkleri Kültür ve Dayanışma Derneği (ÇOBATDER), genel kurulunu yaptı. Seçimde üyeler, "
      "başkanlığa Erol Mehmetoğlu'nu getirdi. Yönetim kuruluna Fatma Ahmetoğlu, Rıdvan Çakır ve Gülay Sadıkoğlu "
      "seçildi. Kürsüye gelen yeni başkan Mehmetoğlu da Batı Trakya'da soydaşların yaşadığını hatırlattı."),
     {("Erol Mehmetoğlu", "President", "ÇOBATDER"), ("Fatma Ahmetoğlu", "BoardMember", "ÇOBATDER"),
      ("Rıdvan Çakır", "BoardMember", "ÇOBATDER"), ("Gülay Sadıkoğlu", "BoardMember", "ÇOBATDER")}),
    # the one elected named before the office, a board in the locative, and a president before ("önceki")
    (("Alanya Ukrayna Kültür ve Dayanışma Derneği'nde (ALUKDER) genel kurul yapıldı. Genel kurulda, kurucu "
      "üyelerden Oksana Melnyk oy birliğiyle başkanlığa seçildi. Melnyk başkanlığındaki yeni yönetim kurulunda "
      "Hasan Çelebi, Taras Shevchuk ve Olena Tkachenko görev aldı. Genel kurulda önceki başkan Bondarenko'ya "
      "plaket verildi."),
     {("Oksana Melnyk", "President", "ALUKDER"), ("Hasan Çelebi", "BoardMember", "ALUKDER"),
      ("Taras Shevchuk", "BoardMember", "ALUKDER"), ("Olena Tkachenko", "BoardMember", "ALUKDER")}),
    # offices in -lık in the dative, one after a clause that describes the one elected
    (("Denizli Kosova Türkleri Kültür ve Dayanışma Derneği (DEKOSDER) kuruldu. Genel kurulda ilk yönetim "
      "belirlendi. Kurucu başkanlığa, yirmi yılı aşkın süredir kentte tekstil işiyle uğraşan Fikret Rama seçildi. "
      "Yönetim kurulunda başkan yardımcılıklarına Selvije Durmiş ile Nazmi Şaban, genel sekreterliğe ise Ylber "
      "Hajdari getirildi. Büyükelçi ise Rama'nın çalışmalarını övdü."),
     {("Fikret Rama", "President", "DEKOSDER"), ("Selvije Durmiş", "BoardMember", "DEKOSDER"),
      ("Nazmi Şaban", "BoardMember", "DEKOSDER"), ("Ylber Hajdari", "SecretaryGeneral", "DEKOSDER")}),
    # words that describe the one elected, with no comma before them, and the board listed before its name;
    # the bare "Başkan" after that is the new president, no mayor
    (("Salihli Kazak Türkleri Kültür ve Dayanışma Derneği'nin (SAKAD) genel kurulu yapıldı. Delegelerin "
      "oylarıyla başkanlığa genç iş insanı Erlan Tekin getirildi. Seçimde Gülnar Demir, Asan Kurt ve Ayşegül "
      "Yerlan yönetim kuruluna seçildi. Delegelere teşekkür eden Başkan Erlan Tekin, Nevruz'u andı."),
     {("Erlan Tekin", "President", "SAKAD"), ("Gülnar Demir", "BoardMember", "SAKAD"),
      ("Asan Kurt", "BoardMember", "SAKAD"), ("Ayşegül Yerlan", "BoardMember", "SAKAD")}),
    # "başkanlığa seçilen X", the one elected; a body in the locative before the office is no name; lower-case
    # titles after the names, as what they are to be
    (("Avcılar Özbekistan Kültür ve Dayanışma Derneği'nin (AVÖZDER) 3. Olağan Genel Kurulu'nda başkanlığa "
      "seçilen Dilnoza Karimova'ya başarılar dilendi. Yeni yönetim kurulunda Bekzod Tursunov sekreter, Feruza "
      "Yusupova sayman olarak görev yapacak."),
     {("Dilnoza Karimova", "President", "AVÖZDER"), ("Bekzod Tursunov", "BoardMember", "AVÖZDER"),
      ("Feruza Yusupova", "BoardMember", "AVÖZDER")}),
    # the board shares out its offices: a bare deputy chair's is the body's, and a list with "ise" before a title
    (("Alanya Türk-Norveç Dostluk ve Kültür Derneği (ATNDER) genel kurulunu yaptı. Genel kurulun ardından "
      "yönetim kurulu görev dağılımını belirledi. Buna göre Başkan Yardımcısı Mehmet Çakır, Sayman Bjørn Eriksen "
      "oldu; Tor Andersen ile Ayten Koç ise yönetim kurulu üyesi olarak görev yapacak."),
     {("Mehmet Çakır", "BoardMember", "ATNDER"), ("Bjørn Eriksen", "BoardMember", "ATNDER"),
      ("Tor Andersen", "BoardMember", "ATNDER"), ("Ayten Koç", "BoardMember", "ATNDER")}),
    # the president named "besides" the board is no member of it again; an office given past a description
    # that names a university
    (("Eskişehir Özbekistan Kültür ve Dayanışma Derneği'nde (ESÖZDER) üyeler başkanlığa Dr. Bahtiyor Nazarov'u "
      "getirdi. Yeni yönetim kurulunda Nazarov'un yanı sıra Dilnoza Karimova ve Hasan Erkmen yer aldı. Derneğin "
      "genel sekreterliğine ise Anadolu Üniversitesi'nde doktora öğrencisi olan Jasur Abdullayev seçildi."),
     {("Bahtiyor Nazarov", "President", "ESÖZDER"),
      ("Dilnoza Karimova", "BoardMember", "ESÖZDER"), ("Hasan Erkmen", "BoardMember", "ESÖZDER"),
      ("Jasur Abdullayev", "SecretaryGeneral", "ESÖZDER")}),
])
def test_those_elected_to_the_offices_of_the_body_just_named(extracted, text, posts):
    assert {(p.person.name, p.role.value, p.organization.acronym) for p in extracted(text).posts} == posts


def test_a_metropolitan_title_without_a_city_is_the_metropolitan_municipality_named_before(extracted):
    facts = extracted("Tepebaşı Belediye Başkanı Serdar Güleryüz heyeti ağırladı. Heyet ertesi gün Eskişehir "
                      "Büyükşehir Belediyesi'nin konuğu oldu. Misafirleri Büyükşehir Belediye Başkan Yardımcısı Nurten "
                      "Akbaba karşıladı.")
    assert {p.person.name: p.organization.city.label_tr for p in facts.posts}["Nurten Akbaba"] == "Eskişehir"


@pytest.mark.parametrize("text", [
    ("Aydın Büyükşehir Belediye Başkanı Levent Özkoçak konuğunu ağırladı. Büyükelçi ise Başkan'a And Dağları'ndan "
     "getirilmiş bir taş hediye etti."),
    ("Aydın Büyükşehir Belediye Başkanı Levent Özkoçak, Özbekistan İstanbul Başkonsolosluğu heyetini ağırladı."
     "\n\nBaşkonsolostan Kültür Günleri müjdesi\n\nKonuşmasını Türkçe yaptı."),
])
def test_a_title_with_its_own_case_ending_takes_no_name_after_it(extracted, text):
    assert [p.person.name for p in extracted(text).posts] == ["Levent Özkoçak"]


def test_an_occasion_opening_the_sentence_is_no_part_of_the_name_before_a_bracketed_title(extracted):
    facts = extracted("Törende Hüseyin Taşkıran (Polonya'nın Nevşehir Fahri Konsolosu) da hazır bulundu.")
    assert [p.person.name for p in facts.posts] == ["Hüseyin Taşkıran"]


def test_a_consul_called_by_the_bare_title_serves_the_consulate_named_before(extracted):
    facts = extracted("Estonya'nın Kuşadası Fahri Konsolosluğu dün açıldı. Törende konuşan Fahri Konsolos Mert "
                      "Aksoy, ilk hedefini anlattı.")
    post = next(p for p in facts.posts if p.person.name == "Mert Aksoy")
    assert (post.role.value, post.organization.kind.value, post.organization.country.code,
            post.organization.city.label_tr) == ("HonoraryConsul", "HonoraryConsulate", "EE", "Kuşadası")


def test_a_post_named_before_its_title_is_quoted_from_the_name_to_the_title(extracted):
    facts = extracted("Tekin, 2019'dan bu yana Pakistan'ın Konya Fahri Konsolosu olarak görev yapıyor. Konsolosluk "
                      "yeni binasına taşındı.")
    assert [p.evidence[0].quote for p in facts.posts] == ["Tekin, 2019'dan bu yana Pakistan'ın Konya Fahri Konsolosu"]


def test_a_month_that_opens_a_full_name_is_a_given_name(extracted):
    facts = extracted("Telafer Belediye Başkanı Kasım Abbas Bayatlı ile Eylül Kaya 15 Kasım Cuma günü görüştü.")
    assert {(p.person.name, p.role.value) for p in facts.posts} == {("Kasım Abbas Bayatlı", "Mayor")}


def test_a_president_who_does_not_run_again_holds_no_post(extracted):
    facts = extracted("Alanya Türk-Norveç Dostluk ve Kültür Derneği genel kurulunu yaptı. Derneğin kurucu başkanı Arne "
                      "Lunde'nin yeniden aday olmadığı seçimde, emekli öğretmen Ingrid Halvorsen oy çokluğuyla "
                      "başkanlığa getirildi.")
    assert {p.person.name for p in facts.posts} == {"Ingrid Halvorsen"}


def test_a_councillors_party_before_the_title_and_a_second_mention_near_another_town(extracted):
    facts = extracted("YALOVA - Belediye Başkan Vekili Serkan Ateş konuştu. CHP Meclis Üyesi Gülten Akyazı da söz aldı. "
                      "Yalova ile Japon sahil kenti Atami arasındaki bağı hatırlatan Başkan Vekili Ateş teşekkür etti.")
    assert {(p.person.name, p.role.value, p.organization.label) for p in facts.posts} == {
        ("Serkan Ateş", "Mayor", "Yalova Belediyesi"), ("Gülten Akyazı", "CouncilMember", "Yalova Belediyesi")}


def test_an_honorary_consulate_is_one_body(extracted):
    facts = extracted("Litvanya Cumhuriyeti'nin Bursa Fahri Konsolosluğu'na atanan sanayici Cemal Tokgözoğlu, Bursa "
                      "Valisi Hüsnü Kavaklıoğlu'nu ziyaret etti.")
    bodies = [m.organization for m in facts.organizations]
    assert {o.kind.value for o in bodies if o.country and o.country.code == "LT"} == {"HonoraryConsulate"}


@pytest.mark.parametrize(("text", "name", "city"), [
    ("Avusturya Yozgatlılar Kültür ve Yardımlaşma Derneği (AYOKDER) Başkanı Recep Dumlupınar konuştu.",
     "Avusturya Yozgatlılar Kültür ve Yardımlaşma Derneği", None),
    # the premises say where a body sits whose name says no city
    (("Avusturya Yozgatlılar Kültür ve Yardımlaşma Derneği (AYOKDER) Başkanı Recep Dumlupınar, Viyana'nın "
      "Favoriten semtindeki dernek merkezinde bir gece düzenledi."),
     "Avusturya Yozgatlılar Kültür ve Yardımlaşma Derneği", "Viyana"),
    ("Linz merkezli Yukarı Avusturya Türk Kültür Dernekleri Birliği'nin Başkanı Necati Yaman konuştu.",
     "Yukarı Avusturya Türk Kültür Dernekleri Birliği", "Linz"),
])
def test_turks_gathered_abroad_and_a_union_of_associations(extracted, text, name, city):
    association = next(m.organization for m in extracted(text).organizations if m.organization.label == name)
    assert (association.kind.value, association.community.code) == ("Association", "TR")
    assert (association.city.label_tr if association.city else None) == city


def test_a_foreign_regions_governor_and_a_kyrgyz_patronymic(extracted):
    facts = extracted("TERMEZ - Ahlat Belediye Başkanı Ferhat Gündoğan, Özbekistan'ın Surhanderya Bölgesi Valisi Ulugbek "
                      "Kasımov ile görüştü. Oş Belediye Başkanı Taalaibek Mamyt uulu da oradaydı.")
    assert {(p.person.name, p.role.value, p.organization.label) for p in facts.posts} >= {
        ("Ulugbek Kasımov", "Governor", "Surhanderya Valiliği"), ("Taalaibek Mamyt uulu", "Mayor", "Oş Belediyesi")}


def test_the_new_president_named_before_his_title_and_the_board_of_the_association_not_its_federation(extracted):
    facts = extracted("İZMİR - İzmir Boşnak Kültür ve Dayanışma Derneği'nin (İZBOŞDER) genel kurulu yapıldı. Seçimde Av. "
                      "Kenan Begoviç derneğin yeni başkanı oldu. Kongreye Türkiye Boşnak Dernekleri Federasyonu'nun "
                      "Genel Başkanı Nedim Karaca da katıldı. Görüşmeye o sırada henüz başkan olan Mehmedoviç de eşlik "
                      "etti. Yönetim kurulu görev dağılımını yaptı. Buna göre saymanlığa Merve Alicagiç getirildi.")
    assert {(p.person.name, p.role.value, p.organization.acronym or p.organization.label) for p in facts.posts} == {
        ("Kenan Begoviç", "President", "İZBOŞDER"), ("Merve Alicagiç", "BoardMember", "İZBOŞDER"),
        ("Nedim Karaca", "President", "Türkiye Boşnak Dernekleri Federasyonu")}


@pytest.mark.parametrize(("text", "not_a_holder"), [
    # a title in the dative stands for its holder; the place after it is what he was shown
    (("Brezilya'nın İstanbul Başkonsolosu Rafael Campos, Çorlu Belediye Başkanı Hakan Sarıyıldız'ı ziyaret etti. "
      "Başkan Sarıyıldız, başkonsolosa Çorlu'yu tanıtan bir kitap hediye etti."), "Çorlu"),
    # an adviser holds no post of the contract
    ("Çorlu Belediye Başkanı Hakan Sarıyıldız konuştu. Ziyarette Başkan Danışmanı Tarık Yalçın da hazır bulundu.",
     "Danışmanı Tarık Yalçın"),
    # a deputy governor holds no post of the contract
    ("Törende Eskişehir Vali Yardımcısı Mert Sönmez de hazır bulundu.", "Yardımcısı Mert Sönmez"),
    # an event's name is no one's name
    (("Selçuklu Belediye Başkanı Ahmet Pekyatırmacı konuştu. İkinci gün Selçuklu Kongre Merkezi'nde \"Kardeş "
      "Şehirler Belediye Başkanları Forumu\" toplanacak."), "Forumu"),
])
def test_no_post_for_what_is_not_a_holder(extracted, text, not_a_holder):
    assert not_a_holder not in {p.person.name for p in extracted(text).posts}


def test_a_hometown_association_visiting_with_its_federation(extracted):
    facts = extracted(" date 2025-07-22 Sivas Yeni Gün - Zaandam'da yaşayan Şarkışlalıları bir araya getiren Zaanstad "
                      "Şarkışlalılar Kültür ve Yardımlaşma Derneği (ZAŞDER) Başkanı Hüseyin Bayraktutan, dün memleketi "
                      "Şarkışla'da Belediye Başkanı Fatih Kocabaş'ı ziyaret etti. Heyette, merkezi Fransa'nın Lyon "
                      "kentinde bulunan Avrupa Şarkışlalılar Federasyonu'nun başkanı Cengiz Arıkan da yer aldı. "
                      "Bayraktutan'a ziyarette derneğin yönetim kurulu üyeleri Nurcan Öztürk ile Kemal Yazgan eşlik "
                      "etti. Başkan Kocabaş teşekkür etti.")
    assert {(p.person.name, p.role.value, p.organization.acronym or p.organization.label) for p in facts.posts} == {
        ("Hüseyin Bayraktutan", "President", "ZAŞDER"), ("Fatih Kocabaş", "Mayor", "Şarkışla Belediyesi"),
        ("Cengiz Arıkan", "President", "Avrupa Şarkışlalılar Federasyonu"), ("Nurcan Öztürk", "BoardMember", "ZAŞDER"),
        ("Kemal Yazgan", "BoardMember", "ZAŞDER")}
    federation = next(m.organization for m in facts.organizations
                      if m.organization.label == "Avrupa Şarkışlalılar Federasyonu")
    assert federation.city is not None and federation.city.label_tr == "Lyon"


def test_a_foreign_municipality_of_two_words_gazetteer_does_not_know(extracted):
    facts = extracted("ANKARA - Üsküp'e bağlı Gazi Baba Belediyesi'nin başkanı Dragan Mitrevski, Keçiören Belediyesi'nin "
                      "konuğu oldu. Mitrevski'ye Gazi Baba Belediye Meclisi üyesi Ilir Bexheti eşlik etti. Keçiören "
                      "Makedonya Türkleri Derneği Genel Sekreteri Orhan Mustafa da Gazi Baba'daki okullara kitap "
                      "gönderecek. Gazi Baba ile kardeşliğimiz sürüyor.")
    assert {(p.person.name, p.role.value, p.organization.city.label_tr if p.organization.city else None)
            for p in facts.posts if p.role.value in ("Mayor", "CouncilMember")} == {
        ("Dragan Mitrevski", "Mayor", "Gazi Baba"), ("Ilir Bexheti", "CouncilMember", "Gazi Baba")}
    assert "Orhan Mustafa" in {p.person.name for p in facts.posts}
    assert {c.label_tr for t in facts.twinnings for c in t.cities} == {"Gazi Baba", "Keçiören"}


def test_a_surname_two_share_after_a_title_is_the_one_who_held_it(extracted):
    facts = extracted("KAYSERİ - Kızılkaya, Talas Belediye Başkanı Mustafa Yalçın'ın konuğu oldu. Kızılkaya'ya derneğin "
                      "yönetim kurulu üyesi Ahmet Yalçın eşlik etti. Başkan Yalçın, ilçeyi anlattı.")
    assert {(p.person.name, p.role.value) for p in facts.posts if p.role.value == "Mayor"} == {
        ("Mustafa Yalçın", "Mayor")}


def test_a_councils_deputy_chair_is_one_of_its_members(extracted):
    facts = extracted("Görüşmede Samsun Büyükşehir Belediye Meclisi Başkanvekili Oya Sarıkaya da hazır bulundu.")
    assert {(p.person.name, p.role.value, p.organization.city.label_tr) for p in facts.posts} == {
        ("Oya Sarıkaya", "CouncilMember", "Samsun")}


def test_the_metropolitan_municipality_of_a_districts_article_is_its_provinces(extracted):
    facts = extracted("TRABZON (KARADENİZ GÜNDEM) - Gürcistan'ın Ankara Büyükelçisi Zurab Beridze, Valilik, Büyükşehir "
                      "Belediyesi ve Akçaabat Belediyesi'ni ziyaret etti. Ertesi gün Beridze'yi Büyükşehir Belediye "
                      "Başkanı Orhan Hacısalihoğlu karşıladı. Görüşmede Büyükşehir Belediyesi Genel Sekreteri Nurcan "
                      "Bayraktar da hazır bulundu. Akçaabat Belediye Başkanı Erol Kalkavan da konuştu.")
    assert {(p.person.name, p.organization.city.label_tr) for p in facts.posts} == {
        ("Zurab Beridze", "Ankara"), ("Orhan Hacısalihoğlu", "Trabzon"), ("Nurcan Bayraktar", "Trabzon"),
        ("Erol Kalkavan", "Akçaabat")}


@pytest.mark.parametrize(("text", "province"), [
    ("Başkonsolos Dimitrova dün Edirne İl Genel Meclisi Başkanı Remzi Aydoğdu ile görüştü.", "Edirne"),
    ("Görüşmede Kars İl Genel Meclisi Üyesi Ali Kaya da hazır bulundu.", "Kars"),
])
def test_a_provincial_councils_chair_and_members_sit_on_the_provinces_own_administration(
        extracted, text, province):
    assert {(p.role.value, p.organization.kind.value, p.organization.label) for p in extracted(text).posts
            if p.role.value == "CouncilMember"} == {
        ("CouncilMember", "ProvincialAdministration", f"{province} İl Özel İdaresi")}


def test_a_bare_ambassador_serves_the_one_foreign_country_the_article_speaks_of(extracted):
    facts = extracted("KUŞADASI (HABER) - Estonya'nın Kuşadası Fahri Konsolosu Mert Aydın göreve başladı. Büyükelçi "
                      "Tarmo Kask'ın ilkbaharda ilçeye gelmesi planlanıyor.")
    assert ("Tarmo Kask", "Ambassador", "EE") in {
        (p.person.name, p.role.value, p.organization.country.code) for p in facts.posts}


def test_a_bare_ambassador_named_by_one_of_his_surnames_is_no_new_holder(extracted):
    facts = extracted("Uruguay'ın Ankara Büyükelçisi Gabriela Ferreira Núñez geldi. Büyükelçi Ferreira, Tezcan'la "
                      "görüştü.")
    assert {p.person.name for p in facts.posts} == {"Gabriela Ferreira Núñez"}
