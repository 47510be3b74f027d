"""Proposals, planned events and community figures."""

import pytest


def labels(facts):
    return {plan.label for plan in facts.plans}


def test_enumerated_planned_events(extracted):
    facts = extracted("Altay, yıl boyunca kültürel festivaller, gençlik ve gönüllülük programları, iş forumları, "
                      "B2B buluşmalar ve ticaret heyetlerinin planlandığını aktardı.")
    assert {"kültürel festivaller", "gençlik ve gönüllülük programları", "iş forumları", "B2B buluşmalar"} <= labels(facts)


def test_reciprocal_days(extracted):
    facts = extracted("Kazakistan’da “İzmir Günleri”, İzmir’de ise “Kazakistan Günleri” düzenlenerek kültürün "
                      "tanıtılabileceği ifade edildi.")
    assert {"İzmir Günleri", "Kazakistan Günleri"} <= labels(facts)


def test_proposal_in_direct_speech(extracted):
    facts = extracted("Başkan Tugay şu öneriyi sundu: “Kazakistan Parkı yapalım, birlikte ağaçlandıralım.”")
    assert "Kazakistan Parkı" in labels(facts)


def test_event_named_after_its_occasion(extracted):
    facts = extracted("Büyükelçi, ülkesinin bağımsızlığının 33. yılı dolayısıyla Nevşehir’de düzenlenecek bir dizi "
                      "etkinliğe katılmak üzere kente geldi.")
    assert "ülkesinin bağımsızlığının 33. yılı etkinlikleri" in labels(facts)


def test_a_work_named_after_someone(extracted):
    facts = extracted("Tugay, kentte bir kütüphaneye Kırgız edebiyatının büyük ismi Cengiz Aytmatov'un adını vermek "
                      "istediklerini açıkladı.")
    assert "Cengiz Aytmatov kütüphanesi" in labels(facts)


def test_a_past_naming_is_no_plan(extracted):
    assert extracted("Sincan Belediyesi, Yenikent'teki bir parka Chingeltei Belediyesi'nin adını verdi.").plans == ()


COMMUNITIES = [
    ("İzmir’de 3 bini aşkın Kazak vatandaşın bulunduğunu belirtti.", "KZ", "İzmir", 3000, "atLeast"),
    ("Konya'da okuyan yirmi beşe yakın Özbek öğrenci bulunuyor.", "UZ", "Konya", 25, "about"),
    ("Ordu'da 2 bin 500'den fazla Gürcü yaşıyor.", "GE", "Ordu", 2500, "atLeast"),
    ("Katsumata, Gebze'de yaklaşık 300 Japon'un yaşadığını belirtti.", "JP", "Gebze", 300, "about"),
    ("Antalya'da 3.500 Alman yaşıyor.", "DE", "Antalya", 3500, "exact"),
    ("Alanya'da en az dört bin Alman yaşıyor.", "DE", "Alanya", 4000, "atLeast"),
    ("Nazari, Kayseri'de yaşayan Afganistan uyruklu nüfusun 12 bin 400 civarında olduğunu söyledi.", "AF",
     "Kayseri", 12400, "about"),
    ("Kentteki iki üniversitede okuyan Tacik öğrencilerin sayısının dört yüz elliyi aştığını belirtti. - ISPARTA",
     "TJ", "Isparta", 450, "atLeast"),
    ("Zhou, Manisa'daki fabrikalarda bugün 312 Çin vatandaşının çalıştığını söyledi.", "CN", "Manisa", 312, "exact"),
    ("Batbayar, Sivas Cumhuriyet Üniversitesi'ne kayıtlı 214 Moğol öğrenci bulunduğunu söyledi.", "MN", "Sivas",
     214, "exact"),
    ("Kayseri'deki üniversitelerde okuyan Tunuslu öğrenci sayısının 150'yi geçtiğini belirtti.", "TN", "Kayseri",
     150, "atLeast"),
    # "ilçede": the district whose mayor speaks, not the province the article is from
    (("İnegöl Belediye Başkanı Serkan Uçar, ilçede on iki binin üzerinde Bulgaristan vatandaşının yaşadığını söyledi. "
     "- BURSA"), "BG", "İnegöl", 12000, "atLeast"),
]


@pytest.mark.parametrize(("text", "nationality", "city", "count", "qualifier"), COMMUNITIES)
def test_community_figures(extracted, text, nationality, city, count, qualifier):
    found = [(c.nationality.code, c.city.label_tr, c.count, c.qualifier.value) for c in extracted(text).communities]
    assert found == [(nationality, city, count, qualifier)]


@pytest.mark.parametrize("text", [
    "Kosova'da 17 binden fazla Türk yaşıyor.",
    "Prizren, Priştine ve Mitrovitsa'da toplam 17 binin üzerinde Türk'ün yaşadığını belirtti.",
    "İzmir'de kutlanan güne kırk civarında Kırgız öğrencinin katıldığını anlattı.",
    # visitors counted with those who live there; a multiple, not a count
    "Vali, yaz aylarında turistlerle birlikte ilçedeki İngiliz sayısının 20 bin civarına çıktığını söyledi.",
    "Karabük'teki Kazak öğrencilerin sayısının üç katına çıktığını anlattı.",
])
def test_not_a_community_figure(extracted, text):
    assert extracted(text).communities == ()


@pytest.mark.parametrize(("text", "nationality", "city", "count"), [
    ("İzmir'de yaşayan yaklaşık 5 bin Azerbaycanlı ile bir araya geldi.", "AZ", "İzmir", 5000),
    ("Önal, Bayraklı'da 2 bin Ukrayna vatandaşı yaşadığını söyledi.", "UA", "Bayraklı", 2000),
    ("Kayseri'deki üniversitelerde altı yüzü aşkın Kazak öğrencinin eğitim gördüğünü söyledi.", "KZ", "Kayseri",
     600),
    ("Gaziantep’te kırk civarında Slovak vatandaşı yaşıyor.", "SK", "Gaziantep", 40),
    ("Samsun’daki üniversitelerde dört yüze yakın Kırgız öğrencinin okuduğunu belirtti.", "KG", "Samsun", 400),
    ("Kayseri'de yaklaşık üç yüz Endonezyalı yaşıyor.", "ID", "Kayseri", 300),
    ("Konya'da 45 Filipin vatandaşının yaşadığını ekledi.", "PH", "Konya", 45),
    ("Kocaeli'de 80 civarında Kore vatandaşı yaşıyor.", "KR", "Kocaeli", 80),
    ("\"Ankara'daki üniversitelerde beş yüzü aşkın Tacik öğrenci okuyor\" dedi.", "TJ", "Ankara", 500),
    ("Edirne'de Bulgaristan vatandaşlığını da taşıyan 30 bini aşkın kişi yaşıyor.", "BG", "Edirne", 30000),
    ("Manisa'da Yunanistan vatandaşlığı olan yaklaşık iki yüz hemşehrimiz yaşıyor.", "GR", "Manisa", 200),
])
def test_residence_before_the_number_and_citizens_of_a_country(extracted, text, nationality, city, count):
    found = [(c.nationality.code, c.city.label_tr, c.count) for c in extracted(text).communities]
    assert found == [(nationality, city, count)]


def test_the_number_said_of_a_nationality(extracted):
    facts = extracted("Durmaz, Antalya'da ikamet eden Güney Kore vatandaşlarının sayısının bin 200 civarında "
                      "olduğunu söyledi.")
    assert [(c.nationality.code, c.city.label_tr, c.count, c.qualifier.value) for c in facts.communities] == [
        ("KR", "Antalya", 1200, "about")]


@pytest.mark.parametrize(("text", "city", "count", "qualifier"), [
    (("Varnas, Türkiye genelinde 1.500 civarında Litvanya vatandaşının yaşadığını, Giresun'da ise bu sayının on kişi "
     "kadar olduğunu belirtti."), "Giresun", 10, "about"),
    (("Kučević, Türkiye genelinde 9 bini aşkın Karadağ vatandaşının yaşadığını, bunlardan iki bin beş yüz civarının "
     "İnegöl'de bulunduğunu söyledi."), "İnegöl", 2500, "about"),
    (("Aliyeva, \"Ege genelinde 30 binden fazla Azerbaycan vatandaşı yaşıyor. Bunlardan 4 bine yakını Manisa'da.\" "
      "dedi."), "Manisa", 4000, "about"),
])
def test_a_citys_share_of_a_countrywide_figure(extracted, text, city, count, qualifier):
    found = [(c.city.label_tr, c.count, c.qualifier.value) for c in extracted(text).communities]
    assert found == [(city, count, qualifier)]


@pytest.mark.parametrize(("text", "city", "count"), [
    ("Lee'ye göre Erzurum'da eğitim gören ve çalışan Koreli sayısı yaklaşık 60.", "Erzurum", 60),
    ("Yılın büyük bölümünü Trabzon’da geçiren Bahreyn vatandaşlarının sayısı ise 350 civarında.", "Trabzon", 350),
])
def test_the_number_said_after_the_nationality_with_its_qualifier_first(extracted, text, city, count):
    assert [(c.city.label_tr, c.count) for c in extracted(text).communities] == [(city, count)]


def test_the_city_said_right_after_the_figure(extracted):
    facts = extracted("Sivas Belediye Başkanı Kemal Durmaz konuştu. Üniversitede okuyan iki yüzü aşkın Etiyopyalı "
                      "öğrencinin kentte iyi karşılandığını söyledi.")
    assert [(c.city.label_tr, c.count, c.qualifier.value) for c in facts.communities] == [("Sivas", 200, "atLeast")]


def test_an_embassys_seat_is_not_the_city_of_the_article(extracted):
    facts = extracted("Tacikistan'ın Ankara Büyükelçisi Şerali Nazarzoda, Denizli'de Başkan Akdoğan ile görüştü. "
                      "Kentte 120'yi aşkın Tacik öğrenci yaşıyor.")
    assert [(c.city.label_tr, c.count) for c in facts.communities] == [("Denizli", 120)]


def test_our_city_is_the_city_of_the_article(extracted):
    facts = extracted("Mersin Büyükşehir Belediye Başkanı Erdal Yavuz konuştu. "
                      "Kentimizde yaklaşık iki bin Afganistan vatandaşı da yaşıyor.")
    assert [(c.nationality.code, c.city.label_tr, c.count) for c in facts.communities] == [("AF", "Mersin", 2000)]


def test_a_named_kind_of_event_right_before_a_decision(extracted):
    facts = extracted("Görüşmede, gelecek yıl ortak bir kültür festivali düzenlenmesi kararlaştırıldı. "
                      "Kentlerimiz arasında aktif şekilde projeler yapalım.")
    assert labels(facts) == {"gelecek yıl ortak kültür festivali"}


def test_an_event_named_to_say_when_is_no_plan(extracted):
    facts = extracted("Protokol sürecini fuar sırasında başlatmak istediklerini söyledi.")
    assert facts.plans == ()


def test_a_proposed_garden_and_camp(extracted):
    facts = extracted("Tan, \"Muratpaşa'nın kent parkının bir bölümünü Gangneung Bahçesi olarak düzenleyelim\" "
                      "diyerek bir öneride bulundu. Yüksel, her yaz Sakarya'da bir gençlik kampı düzenlenmesini de "
                      "önerdi.")
    assert labels(facts) == {"Gangneung Bahçesi", "yaz Sakarya'da gençlik kampı"}


def test_a_quoted_sentence_about_this_garden_names_no_plan(extracted):
    assert extracted("“Bu bahçe iki halkın dostluğunun simgesi olsun” diyen Aras, öneride bulundu.").plans == ()


def test_the_park_an_event_is_held_in_is_no_plan(extracted):
    facts = extracted("Başkan Yeşilova, 10-16 Haziran tarihlerinde Doğancılar Parkı’nda “Bosna Hersek Kültür "
                      "Haftası” düzenleyeceklerini duyurdu.")
    assert labels(facts) == {"Bosna Hersek Kültür Haftası"}


def test_an_event_spoken_of_in_the_locative_is_no_plan(extracted):
    facts = extracted("Etkinlikler 14-16 Mayıs tarihlerinde gerçekleştirilecek. Üç günlük programda konserler de "
                      "yer alacak.")
    assert "Üç günlük programda" not in labels(facts)


def test_an_exchange_programme_proposed(extracted):
    facts = extracted("Choi, belediye çalışanları arasında bir değişim programı başlatılmasını da önerdi.")
    assert labels(facts) == {"belediye çalışanları arasında değişim programı"}


@pytest.mark.parametrize("text", [
    "Sırbistan’ın da festivale katılacağını söyledi.",
    "Yıl boyunca sürecek programın açılışı mayıs ayında yapılacak.",
    # the parts of an event told in the locative
    "Festivalde Batı Trakya mutfağından örnekler, yöresel halk oyunları ve fotoğraf sergisi yer alacak.",
    # a named day kept, to which someone is invited
    "Tugay, İzmir'de kutladıkları Türk Dili Ailesi Günü'ne öğrencileri davet ettiklerini anlattı.",
    # an event named for what something else is for, or that someone will join
    "Belediyenin kutlama için sahne ve ses sistemi desteği vereceği bildirildi.",
    "Başkonsolos Beridze de festivale bizzat katılacağını söyledi.",
    # the event told before, someone invited to it
    "Hoça, Başkan Yeşiltepe'yi şenliğe davet etti.",
])
def test_an_event_taken_part_in_or_opened_is_no_new_plan(extracted, text):
    assert extracted(text).plans == ()


@pytest.mark.parametrize(("text", "label"), [
    ('Varnas, bir "Karadeniz-Baltık Liman Kentleri Forumu"nun gelecek yıl Giresun\'da düzenlenmesini önerdi.',
     "Karadeniz-Baltık Liman Kentleri Forumu"),
    ("Taraflar gelecek yıl nisan ayında Kütahya'da bir Meksika Kültür Haftası düzenlenmesi konusunda anlaştı.",
     "Meksika Kültür Haftası"),
    ("Durmaz, Harar'ın eski kentinde bir Sivas Çeşmesi yaptırmayı önerdi.", "Sivas Çeşmesi"),
    ("Konsolos, Başaran'ı haziran ayında Antalya'da düzenlenecek Rusya Günü resepsiyonuna davet etti.",
     "Rusya Günü resepsiyonu"),
    ("Belediye, Kışla Mahallesi'ndeki eski bir konakta bir Dostluk Evi açacak.", "Dostluk Evi"),
    ("Ayrıca iki kentin ustaları arasında bir değişim programı başlatılacağı açıklandı.",
     "iki kentin ustaları arasında değişim programı"),
    ('Arslan, mayıs ayında "Batı Trakya Kültür ve Lezzet Festivali" düzenleyeceklerini açıkladı.',
     "Batı Trakya Kültür ve Lezzet Festivali"),
    ("Görüşmede 17 Mayıs Norveç Anayasa Günü'nün bu yıl da meydanda kutlanacağı bildirildi.",
     "17 Mayıs Norveç Anayasa Günü"),
    ('Dernek, mayıs ayında Adapazarı\'nda "Fas Kültür Haftası" düzenlemeye hazırlanıyor.', "Fas Kültür Haftası"),
])
def test_plans_in_more_words(extracted, text, label):
    assert labels(extracted(text)) == {label}


@pytest.mark.parametrize(("text", "label"), [
    # not its programme, nor a weekday
    ("Heyet, ekim ayında kentte düzenlenecek “Andong Günleri”nin programını masaya yatırdı.", "Andong Günleri"),
    ("Federasyon yönetim kurulunun 15 Ocak 2012 Pazar günü toplanacağını hatırlattı.",
     "Federasyon yönetim kurulu toplantısı"),
])
def test_only_the_event_itself_is_a_plan(extracted, text, label):
    assert labels(extracted(text)) == {label}


@pytest.mark.parametrize(("text", "label"), [
    ("Şevçuk, semt kütüphanelerinde Ukraynalı çocuklar için iki dilli bir kitap köşesi oluşturulmasını önerdi.",
     "iki dilli kitap köşesi"),
    ("Hüseynzade ise Iğdır'dan Bakü'ye doğrudan uçak seferleri başlatılmasını önerdi.", "doğrudan uçak seferleri"),
    # the thing in the genitive, before where it is to be
    ("Dumlupınar, bir gurbetçi danışma ofisinin Yozgat Belediyesi bünyesinde kurulmasını önerdi.",
     "gurbetçi danışma ofisi"),
    ("Aydoğdu, kadın kooperatifleri arasında ortak bir üretim ve satış projesi başlatılmasını da önerdi.",
     "ortak üretim ve satış projesi"),
    # where it is to be opens its name
    ("Başkan Kaya, Köln'de bir Kaman kültür evi açılmasını teklif etti.", "Köln'de Kaman kültür evi"),
])
def test_an_unnamed_thing_proposed_by_what_is_to_be_done_with_it(extracted, text, label):
    assert labels(extracted(text)) == {label}


@pytest.mark.parametrize(("text", "label"), [
    ('Kocabaş, Almatı\'da kalıcı bir "Kayseri Evi" açılması fikrini de ortaya attı.', "Kayseri Evi"),
    ("Usmonov, \"İki kentin liseleri arasında bir öğrenci değişim programı başlatalım\" dedi.",
     "İki kentin liseleri arasında öğrenci değişim programı"),
])
def test_an_idea_put_forward_and_a_let_us_are_proposals(extracted, text, label):
    assert {(p.label, p.kind.value) for p in extracted(text).plans} == {(label, "Proposal")}


def test_a_work_to_stand_for_a_twinning_is_wished_not_the_twinning(extracted):
    facts = extracted("Süleymanpaşa ile Sárospatak 2008'de kardeş oldu. Kertész, iki şehrin kardeşliğini "
                      "simgeleyecek ortak bir anıt fikrini ortaya attı.")
    assert not any("kardeş" in plan.label for plan in facts.plans)


@pytest.mark.parametrize("text", [
    "Başkan, iki kent arasında kardeş şehir ilişkisi kurulmasını önerdi.",
    "Okan Yazıcı, Gabrovo'da bir sokağa ad verilmesi için Bulgar dostlara çağrı yapılmasını önerdi.",
])
def test_no_thing_of_its_own_proposed(extracted, text):
    assert all("çağrı" not in label and "ilişkisi" not in label for label in labels(extracted(text)))


def test_an_event_decided_on_is_planned(extracted):
    facts = extracted("Görüşmede, eylül ayında Erzurum'da bir Kore Kültür Haftası düzenlenmesi kararlaştırıldı.")
    assert [(p.label, p.kind.value) for p in facts.plans] == [("Kore Kültür Haftası", "PlannedEvent")]


@pytest.mark.parametrize(("text", "city", "count"), [
    ("Demirağ, Mersin ve çevresinde yaklaşık yüz yirmi Hırvat vatandaşının yaşadığını anlattı.", "Mersin", 120),
    # a people named by its country's short name, and the city said right after the figure
    ("Mrisho, yalnızca Kayseri'de 40 civarında Tanzanyalı öğrencinin bulunduğunu belirtti.", "Kayseri", 40),
    ("Veriler, fabrikalarda çalışan yaklaşık 450 Türkmen işçinin de Karabük'te yaşadığını gösteriyor.", "Karabük", 450),
    # "ilde": the article's own province
    ("KARABÜK (Haber) - Rakamlara göre ilde üç bin iki yüzü aşkın Türkmen öğrenci yükseköğrenim görüyor.",
     "Karabük", 3200),
    (("Haugland, Antalya genelinde ikamet izni bulunan Norveç vatandaşı sayısının 5 bin 132'ye ulaştığını "
      "aktardı."), "Antalya", 5132),
    (("Karabulut, Siirt Üniversitesi’nde öğrenim gören 140’ı aşkın Sudanlı öğrencinin kentin misafiri olduğunu "
     "hatırlattı."), "Siirt", 140),
    ("Rektör, Erzincan Binali Yıldırım Üniversitesi'nde okuyan 30'u aşkın Kazak öğrenci bulunduğunu söyledi.",
     "Erzincan", 30),
])
def test_the_city_that_opens_a_university_s_name(extracted, text, city, count):
    assert [(c.city.label_tr, c.count) for c in extracted(text).communities] == [(city, count)]


def test_a_figure_listed_with_another(extracted):
    facts = extracted("Erkmen, ilçede yaklaşık 150 Meksikalı ile 90 civarında Kolombiyalının yaşadığını anlattı. "
                      "Çankaya Belediye Başkanı Tülin Erkmen teşekkür etti.")
    assert {(c.nationality.code, c.count) for c in facts.communities} >= {("MX", 150)}


def test_figures_listed_each_with_its_qualifier(extracted):
    facts = extracted("Alanya'da ayrıca yaklaşık dokuz bin Ukraynalı ile en az dört bin Alman yaşıyor.")
    assert {(c.nationality.code, c.count, c.qualifier.value) for c in facts.communities} == {
        ("UA", 9000, "about"), ("DE", 4000, "atLeast")}


def test_a_share_of_a_figure_within_a_districts_bounds(extracted):
    facts = extracted("Trabzon'da ikamet izniyle yaşayan Gürcistan vatandaşlarının sayısının 4 bin 200 civarında "
                      "olduğunu belirten Beridze, bunların bin beş yüzü aşkın kısmının Ortahisar sınırları içinde "
                      "oturduğunu anlattı.")
    assert [(c.city.label_tr, c.count) for c in facts.communities] == [("Trabzon", 4200), ("Ortahisar", 1500)]


@pytest.mark.parametrize(("text", "nationality", "city", "count"), [
    (("İngiltere'nin İzmir Başkonsolosu Helen Whitmore, Fethiye Belediye Başkanı Gülay Erdem'in konuğu oldu. "
      "Whitmore, \"Fethiye'de kalıcı olarak yaşayan yaklaşık dört bin vatandaşımız var\" dedi."), "GB", "Fethiye", 4000),
    (("Ukrayna'nın Ankara Büyükelçisi Vasyl Bondarenko rakamları paylaştı: \"Samsun'da 1.236 vatandaşımız yaşıyor, "
      "bunların 800'den fazlası Atakum'da.\""), "UA", "Samsun", 1236),
])
def test_our_citizens_in_a_foreign_envoys_words_are_his_countrys(extracted, text, nationality, city, count):
    assert [(c.nationality.code, c.city.label_tr, c.count) for c in extracted(text).communities][:1] == [
        (nationality, city, count)]


def test_the_items_of_a_programme_are_each_a_planned_event(extracted):
    facts = extracted("Dernek Başkanı Bondarenko, eylül ayında Ukrayna Kültür Haftası düzenleyeceklerini açıkladı. "
                      "Haftanın programında bir çocuk resim sergisi, bir bandura konseri ve geleneksel Ukrayna nakışı "
                      "atölyesi yer alacak.")
    assert {"çocuk resim sergisi", "bandura konseri", "geleneksel Ukrayna nakışı atölyesi"} <= {
        p.label for p in facts.plans if p.kind.value == "PlannedEvent"}


def test_the_city_a_figure_is_in_is_the_one_named_just_before(extracted):
    facts = extracted("Şahinbey Belediye Başkanı Ali Rıza Doğaner konuştu. Başkonsolos Sultan, Gaziantep'in Iraklılar "
                      "için ikinci bir yuva haline geldiğini söyledi. Göç İdaresi kayıtlarına göre kentte 11 bin 846 "
                      "Irak vatandaşının yaşadığını aktaran Sultan, Gaziantep'in ayrıca 400 bini aşkın Suriyeliye "
                      "kucak açtığını hatırlattı.")
    assert {(c.nationality.code, c.city.label_tr, c.count) for c in facts.communities} == {
        ("IQ", "Gaziantep", 11846), ("SY", "Gaziantep", 400000)}


def test_a_generic_event_named_by_a_quoted_name_and_a_street_to_be_named(extracted):
    facts = extracted("Yeni yönetimin ilk büyük etkinliğinin 18 Mayıs'ta düzenlenecek \"Özbek Pilavı Şenliği\" "
                      "olacağını duyurdu. Nazarov, ilçedeki bir sokağa Ali Şir Nevai'nin adının verilmesini önerdi.")
    assert {p.label for p in facts.plans} == {"Özbek Pilavı Şenliği", "Ali Şir Nevai sokağı"}


def test_statues_and_busts_of_someone_and_a_wished_twinning_named_twice(extracted):
    facts = extracted("GAZİANTEP - Gaziantep Büyükşehir Belediye Başkanı Ayşe Demirci konuştu. Slovakya'nın tarihi kenti "
                      "Nitra'yı daha önce tanıma fırsatı bulduğunu belirten Demirci, \"Nitra ile Gaziantep'in kardeş "
                      "şehir olmasını çok isteriz\" dedi. Konsolos, Gaziantep'te uygun bir meydana İbn Battuta büstü "
                      "dikilmesini önerdi. Manas'ın bir heykelinin kentte dikilmesini öneren Demirci teşekkür etti.")
    assert {p.label for p in facts.plans} == {"Gaziantep-Nitra kardeş şehir protokolü", "İbn Battuta büstü",
                                              "Manas heykeli"}


def test_a_count_of_people_of_a_nationality_given_after_it(extracted):
    facts = extracted("KAYSERİ - Kayseri Valisi Gökmen Çiçek konuştu. Vali Çiçek, ikamet izniyle kentte yaşayan Afganistan "
                      "uyruklu kişi sayısının 11 bin 260 olduğunu belirtti.")
    assert {(c.nationality.code, c.city.label_tr, c.count) for c in facts.communities} == {("AF", "Kayseri", 11260)}


@pytest.mark.parametrize(("text", "city"), [
    (("İNEGÖL - İnegöl Kaymakamı Tuncay Akalın, ilçede geçici koruma statüsündeki Suriyelilerin sayısının "
      "11 bin 480 olduğunu kaydetti."), "İnegöl"),
    ("Vali, Şahinbey'deki Suriyelilerin sayısının 11 bin 480 olduğunu kaydetti.", "Şahinbey"),
])
def test_the_number_of_a_nationality_in_a_place_is_of_those_living_there(extracted, text, city):
    assert {(c.nationality.code, c.city.label_tr, c.count) for c in extracted(text).communities} == {
        ("SY", city, 11480)}


@pytest.mark.parametrize(("text", "nationality", "city", "count"), [
    # "there are": a figure of those who live there
    (('ANTALYA - Muratpaşa Belediye Başkanı Deniz Karaca, "Muratpaşa\'da ise yaklaşık yedi bin Ukraynalı komşumuz '
      'var" dedi.'), "UA", "Muratpaşa", 7000),
    # the place as a municipality in the locative
    ("Demirci, Brüksel'in Schaerbeek belediyesinde on beş bin civarında Türk'ün yaşadığını söyledi.", "TR",
     "Schaerbeek", 15000),
    # words between the number noun and the count
    (("Başkonsolos Beridze, Trabzon'da ikamet izniyle yaşayan Gürcistan vatandaşlarının sayısının bugün "
      "itibarıyla tam 6 bin 214 olduğunu açıkladı."), "GE", "Trabzon", 6214),
    # those who hold its passport
    ("Başkan Doğangün de Karesi'de Kuzey Makedonya pasaportu taşıyan 2 bini aşkın hemşehrinin yaşadığını söyledi.",
     "MK", "Karesi", 2000),
    # "throughout the province", said by its governor
    (("MUĞLA (HABER) - Muğla Valisi İdris Tunçdemir konuştu. Vali Tunçdemir, il genelinde ikamet izni bulunan "
      "Alman vatandaşı sayısının 4 bin 212 olduğunu belirtti."), "DE", "Muğla", 4212),
])
def test_more_ways_to_say_how_many_live_where(extracted, text, nationality, city, count):
    assert {(c.nationality.code, c.city.label_tr, c.count) for c in extracted(text).communities} == {
        (nationality, city, count)}


def test_our_citizens_in_the_words_of_an_association_abroad_are_not_its_host_countrys(extracted):
    facts = extracted("KAYSERİ - Almatı merkezli Kazakistan Türk Girişimciler Birliği'nin Başkanı Levent Oğuzhan "
                      "konuştu. Oğuzhan, \"Almatı'da dört bin civarında vatandaşımız var\" dedi.")
    assert [c.nationality.code for c in facts.communities] != ["KZ"]


def test_whom_an_invitation_is_from_is_no_part_of_the_event(extracted):
    assert not any("Ahmedov" in label for label in labels(extracted("Ahmedov'dan bal festivaline davet")))


def test_a_work_where_someone_is_is_no_plan(extracted):
    facts = extracted("Doğangün, Gostivar'daki Türk okullarında okuyan çocuklar için kentte bir Türkçe çocuk kütüphanesi "
                      "açılmasını önerdi.")
    assert not any("okul" in label for label in labels(facts))


@pytest.mark.parametrize(("text", "label"), [
    ('Başkan Ergin, Karşıyaka\'da "Ege\'nin İki Yakası" adlı bir fotoğraf sergisi açacaklarını duyurdu.',
     "Ege'nin İki Yakası fotoğraf sergisi"),
    ('Başkonsolos, "Karadeniz Sofrası" adlı ortak bir gastronomi festivali düzenlenmesini de önerdi.',
     "Karadeniz Sofrası ortak gastronomi festivali"),
    # what a report is according to is no part of the event
    (("Organizasyon komitesinin verdiği bilgiye göre festival eylülde düzenlenecek ve \"Dostluk Kupası\" yarışı "
      "yapılacak."), "Dostluk Kupası"),
])
def test_a_quoted_name_given_to_an_event_is_its_label(extracted, text, label):
    assert labels(extracted(text)) == {label}
