"""Meetings: who met whom, reported once however many sentences tell of it."""

import datetime

import pytest


def names(meeting):
    return {p.name for p in meeting.participants}


def test_visit_told_twice_is_one_meeting(extracted):
    facts = extracted("İZAZDER Başkanı Perviz Altay, İzmir Büyükşehir Belediye Başkanı Dr. Cemil Tugay ile bir araya "
                      "geldi. Altay, Başkan Tugay'ı makamında ziyaret etti.")
    assert [names(m) for m in facts.meetings] == [{"Perviz Altay", "Cemil Tugay"}]


def test_delegation_stands_for_its_head(extracted):
    facts = extracted("Sincan'ın kardeş belediyesi Chingeltei'den bir heyet geldi. "
                      "Chingeltei'nin heyetine Belediye Genel Sekreteri Naran Çuluun başkanlık etti. Konuk heyeti "
                      "Sincan Belediye Başkanı Mustafa Tuna makamında karşıladı.")
    assert [names(m) for m in facts.meetings] == [{"Naran Çuluun", "Mustafa Tuna"}]


def test_people_who_joined_are_added(extracted):
    facts = extracted("Yıldırım Belediye Başkanı Oktay Yılmaz, Kosova'dan gelen heyeti makamında ağırladı. Heyette "
                      "Mamuşa Belediye Başkan Yardımcısı Hilmi Şala yer aldı.")
    assert [names(m) for m in facts.meetings] == [{"Oktay Yılmaz", "Hilmi Şala"}]


def test_two_calls_on_two_hosts_are_two_meetings(extracted):
    facts = extracted("Türkmenistan’ın Ankara Büyükelçisi Mekan İşanguliyev, Valilikte Vali Ali Fidan ile görüştü. "
                      "Ardından Nevşehir Belediyesi’ne geçen büyükelçi ve heyetini Belediye Başkanı Rasim Arı karşıladı.")
    assert [names(m) for m in facts.meetings] == [{"Mekan İşanguliyev", "Ali Fidan"},
                                                   {"Mekan İşanguliyev", "Rasim Arı"}]


def test_signing_ceremony_takes_the_signing_date(extracted):
    facts = extracted("Kardeş şehir protokolü, 11 Ekim 2021 Pazartesi günü Beykoz Belediyesi’nde imzalandı. "
                      "İstanbul’un Beykoz ilçesi ile Azerbaycan’ın Berde şehri artık kardeş. Protokolü Beykoz "
                      "Belediye Başkanı Murat Aydın ile Berde Belediye Başkanı Sadıq Halilov imzaladı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Murat Aydın", "Sadıq Halilov"}, datetime.date(2021, 10, 11))]


def test_no_date_is_invented(extracted):
    facts = extracted(" date 2025-11-07 Son Mühür / Osman Günden - İzmir Büyükşehir Belediye Başkanı Cemil Tugay, "
                      "Kazakistan Cumhuriyeti İzmir Başkonsolosu Bauyrzhan Akatayev'i misafir etti.")
    assert [m.date for m in facts.meetings] == [None]


def test_a_day_and_month_is_the_last_such_day_before_the_header(extracted):
    facts = extracted(" date 2025-03-13 Tepebaşı / Basın - 12 Mart'ta düzenlenen törende kardeş şehir protokolünü "
                      "Tepebaşı Belediye Başkanı Nilgün Sarıkaya ile Gence Belediye Başkanı Elnur Rzayev imzaladı.")
    assert [m.date for m in facts.meetings] == [datetime.date(2025, 3, 12)]


def test_the_day_of_the_lead_carries_to_the_calls_it_announces(extracted):
    facts = extracted(" date 2025-06-17 Olay / Haber - Japonya'nın İstanbul Başkonsolosu Kenji Morita, dün "
                      "Çanakkale'de bir dizi resmi temasta bulundu. Morita, Çanakkale Valisi Osman Kılınç'ı makamında "
                      "ziyaret etti. Belediyeye geçen Morita'yı Çanakkale Belediye Başkanı Zeynep Aras karşıladı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Kenji Morita", "Osman Kılınç"}, datetime.date(2025, 6, 16)),
        ({"Kenji Morita", "Zeynep Aras"}, datetime.date(2025, 6, 16))]


def test_a_korean_name_is_called_by_its_first_word(extracted):
    facts = extracted(" date 2025-03-05 Manşet / Haber - 3 Mart 2025 Pazartesi günü düzenlenen imza törenine "
                      "Gangneung Belediye Başkanı Choi Dong-hyun başkanlığındaki heyet katıldı. Mutabakat zaptını "
                      "Muratpaşa Belediye Başkanı Ayşegül Tan ile Choi birlikte imzaladı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Ayşegül Tan", "Choi Dong-hyun"}, datetime.date(2025, 3, 3))]


def test_a_renewal_ceremony_takes_its_own_day_not_the_agreements(extracted):
    facts = extracted(" date 2024-05-22 Gazete / Haber - İki belediye arasında 2005 yılında imzalanan kardeş şehir "
                      "protokolü, dün düzenlenen törenle yenilendi. Yenilenen protokole Üsküdar Belediye Başkanı "
                      "Tarık Yeşilova ile Stari Grad Belediyesi’nin başkanı Adnan Begović imza koydu.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Tarık Yeşilova", "Adnan Begović"}, datetime.date(2024, 5, 21))]


def test_a_visit_in_a_converb(extracted):
    facts = extracted("Ukrayna’nın İstanbul Başkonsolosu Taras Melnyk, İzmit Belediye Başkanı Serdar Güven’i "
                      "makamında ziyaret ederek teşekkür etti.")
    assert [names(m) for m in facts.meetings] == [{"Taras Melnyk", "Serdar Güven"}]


def test_signing_together_is_meeting(extracted):
    facts = extracted("Protokole Altınordu Belediye Başkanı Av. Serkan Yalçınkaya ile Kobuleti Belediye Başkanı "
                      "Giorgi Beridze imza attı.")
    assert [names(m) for m in facts.meetings] == [{"Serkan Yalçınkaya", "Giorgi Beridze"}]


def test_separate_calls_told_in_one_sentence_are_separate_meetings(extracted):
    facts = extracted(" date 2026-04-16 Denizli / Haber - Tacikistan'ın Ankara Büyükelçisi Şerali Nazarzoda, Denizli'de "
                      "dün Vali Kemal Yurtsever ve Büyükşehir Belediye Başkanı Nurten Akdoğan ile ayrı ayrı görüştü.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Şerali Nazarzoda", "Kemal Yurtsever"}, datetime.date(2026, 4, 15)),
        ({"Şerali Nazarzoda", "Nurten Akdoğan"}, datetime.date(2026, 4, 15))]


def test_a_lead_announcing_a_series_of_calls_is_no_meeting_with_the_visitors_party(extracted):
    facts = extracted("Jonathan Whitfield, Birleşik Krallık'ın Ankara Büyükelçisi, dün Fethiye'de bir dizi temasta "
                      "bulundu. Whitfield'a Fahri Konsolos Margaret Ellison eşlik etti. Büyükelçi daha sonra Fethiye "
                      "Belediye Başkanı Serkan Yavuz'u ziyaret etti.")
    assert [names(m) for m in facts.meetings] == [{"Jonathan Whitfield", "Serkan Yavuz"}]


def test_calls_in_turn_received_in_a_converb_and_hosted(extracted):
    facts = extracted(" date 2025-02-17 Ekspres / Haber - Japonya'nın Ankara Büyükelçisi Mariko Tanabe, 14 Şubat Cuma "
                      "günü Bolu'da bir dizi resmi temasta bulundu. Vali Saadet Yurdakul, konuğunu makamında kabul "
                      "ederek teşekkür etti. Bolu Belediyesi'ne geçen Tanabe, Belediye Başkanı Ozan Kırkpınar ile "
                      "görüştü. BTSO Başkanı Levent Sarıoğlu'nun ev sahipliğindeki görüşmede Tanabe'ye bir sunum "
                      "yapıldı.")
    assert [names(m) for m in facts.meetings] == [{"Mariko Tanabe", "Saadet Yurdakul"},
                                                   {"Mariko Tanabe", "Ozan Kırkpınar"},
                                                   {"Mariko Tanabe", "Levent Sarıoğlu"}]


def test_a_call_told_in_the_pluperfect_with_its_day_is_a_meeting(extracted):
    facts = extracted(" date 2024-11-05 DHA / Haber - Hokim Alisher Yusupov ve heyeti dün de Malatya Valisi Hüseyin "
                      "Akgül'ü makamında ziyaret etmişti.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Alisher Yusupov", "Hüseyin Akgül"}, datetime.date(2024, 11, 4))]


def test_a_meeting_reported_in_the_evidential_past(extracted):
    facts = extracted("İrlanda'nın Ankara Büyükelçisi Declan Byrne, geçen hafta Yalova'ya gelerek Belediye Başkan "
                      "Vekili Orhan Gülsoy ile görüşmüş.")
    assert [names(m) for m in facts.meetings] == [{"Declan Byrne", "Orhan Gülsoy"}]


def test_a_signing_told_again_two_sentences_later_is_one_meeting_dated_by_the_day_of_the_month(extracted):
    facts = extracted(" date 2025-03-07 Mardin Postası / Haber Merkezi - Artuklu ile Antigua Guatemala arasındaki "
                      "kardeş şehir protokolü, ayın 5'inde Artuklu Belediye Başkanı Baran Yıldız ve Antigua Guatemala "
                      "Belediye Başkanı Rodrigo Estuardo Cifuentes tarafından imzalandı. Tören, medresenin avlusunda "
                      "yapıldı. Guatemala'nın Ankara Büyükelçisi Ana Lucía Morales de Paz ile Artuklu Kaymakamı Orhan "
                      "Bilgiç'in de hazır bulunduğu törende protokol, iki nüsha halinde imza altına alındı.")
    assert [(m.date, {p.name for p in m.participants} >= {"Baran Yıldız", "Rodrigo Estuardo Cifuentes"})
            for m in facts.meetings] == [(datetime.date(2025, 3, 5), True)]


def test_the_delegation_received_is_its_leader_and_its_party_alone_is_no_meeting(extracted):
    facts = extracted("DENİZLİ (EGE KENT) - Pamukkale Belediye Başkan Yardımcısı Cengiz Aktepe başkanlığındaki heyet, "
                      "Ekvador'un Cuenca kentini ziyaret etti. Aktepe'ye ziyarette Pamukkale Belediye Meclisi üyeleri "
                      "Emre Sarı ve Nazlı Ertürk eşlik etti. Türk heyetini belediye sarayında Cuenca Belediye Başkanı "
                      "Mateo Vintimilla Ordóñez ağırladı.")
    assert [{p.name for p in m.participants} >= {"Cengiz Aktepe", "Mateo Vintimilla Ordóñez"}
            for m in facts.meetings] == [True]


def test_the_leader_named_with_his_title_after_baskanlik_eden(extracted):
    facts = extracted("NEVŞEHİR (KAPADOKYA HABER) - Heyete başkanlık eden Vallauris Belediye Başkanı Claire "
                      "Morel-Dufour'a, başkan yardımcısı Julien Baptiste eşlik etti. Heyet, Avanos Kaymakamı Selim "
                      "Yavuzer'i makamında ziyaret etti.")
    assert [names(m) >= {"Claire Morel-Dufour", "Selim Yavuzer"} for m in facts.meetings] == [True]


def test_the_next_day_is_the_day_after_the_one_told(extracted):
    facts = extracted(" date 2025-06-12 Ünye Postası / Murat Yel - Protokol 9 Haziran Pazartesi günü Ünye Belediye "
                      "Başkanı Kadir Aksoylu ile Köstence Belediye Başkanı Radu Mihăilescu tarafından imzalandı. Başkan "
                      "Aksoylu ertesi gün Türkiye'nin Köstence Başkonsolosu Levent Arıkan'ı makamında ziyaret etti.")
    assert {m.date: names(m) for m in facts.meetings}[datetime.date(2025, 6, 10)] == {"Kadir Aksoylu", "Levent Arıkan"}


MEETING_DAYS = [
    # the next sentence gives the day of the meeting
    ((" date 2026-06-12 Ekspres / Haber - Odunpazarı Belediye Başkanı Serkan Yalçıner, Kazan Belediye Başkanı "
      "Rinat Galiullin ile bir araya geldi. 9 Haziran'da gerçekleştirilen görüşmenin ardından bir mutabakat zaptı "
      "imzalandı."), datetime.date(2026, 6, 9)),
    # the next sentence dates the meeting by its noun
    (("ALANYA (Akdeniz Postası) - Konsolos Sergey Kuznetsov, Alanya Kaymakamı Hüseyin Başaran'a nezaket "
      "ziyaretinde bulundu. 20 Kasım 2023 Pazartesi günü Kaymakamlık binasında gerçekleşen görüşmede yabancıların "
      "sorunları ele alındı."), datetime.date(2023, 11, 20)),
    # a day and month takes the year written before when there is no header
    (("Ziyaretin ilk günü olan 11 Kasım 2024 Pazartesi günü heyet Erbil'e ulaştı. Programın ikinci günü olan "
      "12 Kasım Salı günü Erbil Valisi Dara Al-Barzanji ile bir araya gelen Eyyübiye Belediye Başkanı Abdulkadir "
      "Tekin teşekkür etti."), datetime.date(2024, 11, 12)),
    # the same day is the day told before
    ((" date 2024-09-20 Bodrum Haber / Ece Tan - Litvanya'nın fahri konsolosluğu dün açıldı. Açılışın ardından "
      "aynı gün Büyükelçi Laurynas Mikalauskas, Bodrum Belediye Başkanı Tamer Gündoğan'ı makamında ziyaret etti."),
     datetime.date(2024, 9, 19)),
]


@pytest.mark.parametrize(("text", "day"), MEETING_DAYS)
def test_the_day_of_a_meeting(extracted, text, day):
    assert [m.date for m in extracted(text).meetings] == [day]


def test_a_visit_told_with_the_visitor_alone_then_who_received_him(extracted):
    facts = extracted("Ohri'nin belediye başkanı Zoran Velevski ve beraberindeki heyet Eskişehir'e geldi. Velevski ve "
                      "heyeti, 3 Eylül 2025'te Eskişehir Büyükşehir Belediyesi'nin konuğu oldu. Ohrili misafirleri "
                      "Büyükşehir Belediye Başkan Yardımcısı Nurten Akbaba karşıladı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Zoran Velevski", "Nurten Akbaba"}, datetime.date(2025, 9, 3))]


def test_a_visit_dated_by_the_sentence_before_that_names_it(extracted):
    facts = extracted(" date 2025-02-18 Trakya Gündem / Murat Sezer - Dernek başkanı Erol Mehmetoğlu genel kurulda "
                      "seçildi. Yeni yönetim, ilk resmi ziyaretini dün Çorlu Belediye Başkanı Nevzat Arslan'a yaptı. "
                      "Mehmetoğlu'nu ve ekibini makamında ağırlayan Arslan, başarı diledi.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Erol Mehmetoğlu", "Nevzat Arslan"}, datetime.date(2025, 2, 17))]


def test_calls_in_turn_with_once_and_ardindan_are_separate_meetings(extracted):
    facts = extracted("Şili'nin Ankara Büyükelçisi Rodrigo Alfonso Peñaloza Urrutia, salı günü önce Vali Hülya "
                      "Karabacak'ı, ardından Aydın Büyükşehir Belediye Başkanı Levent Özkoçak'ı makamlarında ziyaret "
                      "etti. Büyükelçi Peñaloza'yı Başkan Özkoçak kapıda karşıladı.")
    assert [names(m) for m in facts.meetings] == [{"Rodrigo Alfonso Peñaloza Urrutia", "Hülya Karabacak"},
                                                   {"Rodrigo Alfonso Peñaloza Urrutia", "Levent Özkoçak"}]


def test_a_stop_on_a_round_of_calls_dates_the_call_told_after_it(extracted):
    facts = extracted(" date 2024-03-14 Doğu Karadeniz Haber / Ayten Çakır - Gürcistan'ın Trabzon Başkonsolosu Levan "
                      "Beridze dün Ortahisar'daydı. Beridze'nin bugünkü durağı ise Akçaabat oldu. Akçaabat Belediye "
                      "Başkanı Osman Nuri Yazıcı'nın konuğu olan başkonsolos, Kobuleti'den selam getirdi.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Levan Beridze", "Osman Nuri Yazıcı"}, datetime.date(2024, 3, 14))]


def test_a_date_written_in_figures_dates_the_signing(extracted):
    facts = extracted("Protokol 14.06.2024 tarihinde Mtskheta Belediyesi'nde imzalandı. Belgeye Mtskheta Belediye "
                      "Başkanı Levan Gvelesiani ile Bergama Belediye Başkanı Nurhan Altınkaya imza koydu.")
    assert [m.date for m in facts.meetings] == [datetime.date(2024, 6, 14)]


def test_a_call_told_then_its_host_receiving_the_guest(extracted):
    facts = extracted(" date 2025-08-08 Doğu Karadeniz Gazetesi / Emre Kalyoncu - Kuveyt'in İstanbul Başkonsolosu "
                      "Fahad Salem Al-Ajmi dün Çaykara Kaymakamı Onur Yeşiltepe ile görüştü. Başkonsolosa Kuveyt'in "
                      "Trabzon Fahri Konsolosu Cemal Hacısalihoğlu eşlik etti. Al-Ajmi, aynı gün Çaykara Belediyesi'ni "
                      "de ziyaret etti. Konuğunu kapıda karşılayan Çaykara'nın belediye başkanı Hüseyin Ekşioğlu "
                      "teşekkür etti.")
    with_mayor = [m for m in facts.meetings if "Hüseyin Ekşioğlu" in names(m)]
    assert [("Fahad Salem Al-Ajmi" in names(m), m.date) for m in with_mayor] == [(True, datetime.date(2025, 8, 7))]


def test_a_chinese_name_is_called_by_its_family_name(extracted):
    facts = extracted("Zhou Minghai, Çin Halk Cumhuriyeti'nin İzmir Başkonsolosu, Manisa'da temaslarda bulundu. "
                      "Zhou önce Manisa Valisi Enver Kocaoğlu ile görüştü.")
    assert ("Zhou Minghai", "ConsulGeneral") in [(p.person.name, p.role.value) for p in facts.posts]
    assert [names(m) for m in facts.meetings] == [{"Zhou Minghai", "Enver Kocaoğlu"}]


def test_the_guest_is_the_visitor_named_in_the_sentence_not_his_companion(extracted):
    facts = extracted("Tacikistan'ın Ankara Büyükelçisi Davlatjon Karimzoda'ya Tacikistan'ın Antalya Fahri Konsolosu "
                      "Mehmet Ali Sarıkaya eşlik etti. Karimzoda dün de Isparta Belediyesi'nin konuğu oldu. Heyeti "
                      "Belediye Başkanı Kenan Yalçınkaya karşıladı.")
    assert [(p.person.name, p.organization.label) for p in facts.posts if p.role.value == "Mayor"] == [
        ("Kenan Yalçınkaya", "Isparta Belediyesi")]
    assert [names(m) >= {"Davlatjon Karimzoda", "Kenan Yalçınkaya"} for m in facts.meetings] == [True]


def test_a_call_takes_the_day_of_the_sentence_before_that_names_the_visitor(extracted):
    facts = extracted("Bursa, 12.04.2024 (Marmara Postası) - Bulgaristan'ın Bursa Başkonsolosu Desislava Todorova, "
                      "ilk resmi ziyaretlerini dün gerçekleştirdi. Todorova'yı makamında kabul eden Vali Kadir Ertürk, "
                      "bağları anlattı. Todorova bugün de İnegöl'deydi. Başkonsolosu makamında ağırlayan İnegöl "
                      "Belediye Başkanı Serkan Uçar, çalışmaları anlattı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Desislava Todorova", "Kadir Ertürk"}, datetime.date(2024, 4, 11)),
        ({"Desislava Todorova", "Serkan Uçar"}, datetime.date(2024, 4, 12))]


def test_a_call_takes_the_day_the_sentence_before_gave_the_visit(extracted):
    facts = extracted("Moğol öğrencilerden ziyaret\n\nSivas Haber Merkezi | 6 Kasım 2025\n\nYeni yönetim ilk resmi "
                      "ziyaretini 3 Kasım'da belediyeye yaptı. Dernek Başkanı Temuulen Batbayar'ı makamında ağırlayan Sivas Belediye Başkanı Orhan "
                      "Tezcan, öğrencileri övdü.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Temuulen Batbayar", "Orhan Tezcan"}, datetime.date(2025, 11, 3))]


def test_a_call_takes_the_day_the_sentence_before_gave_the_visitors(extracted):
    facts = extracted("KAYSERİ (KENT HABER) - Dernek Başkanı Abdulhakim Nazari'nin de aralarında bulunduğu heyet, 4 "
                      "Mart 2024 Pazartesi günü Vali Hüsnü Karataş'ı ziyaret etti. Heyet, iki gün sonra, 6 Mart Çarşamba günü Kayseri Büyükşehir "
                      "Belediyesi'ne geçti. Konukları Büyükşehir Belediye Başkanı Selim Durmaz karşıladı. Nazari, "
                      "Durmaz'dan Afgan ailelerin bir araya gelebileceği bir kültür merkezi talep etti.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Abdulhakim Nazari", "Hüsnü Karataş"}, datetime.date(2024, 3, 4)),
        ({"Abdulhakim Nazari", "Selim Durmaz"}, datetime.date(2024, 3, 6))]


def test_a_weekday_dates_a_call_to_the_last_such_day_and_a_two_word_surname_is_the_full_name(extracted):
    facts = extracted(" date 2025-05-15 Erciyes Haber / Haber - Tunus'un Ankara Büyükelçisi Mounir Ben Salah kente "
                      "geldi. Büyükelçi Ben Salah'ın çarşamba günü Kayseri Valisi Gökhan Ertürk'ü makamında ziyaret "
                      "ettiği bildirildi.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Mounir Ben Salah", "Gökhan Ertürk"}, datetime.date(2025, 5, 14))]


def test_every_monday_is_no_day(extracted):
    facts = extracted(" date 2025-05-15 Erciyes Haber / Haber - Vali Gökhan Ertürk, her pazartesi günü olduğu gibi "
                      "dün de Dernek Başkanı Ali Kaya'yı makamında kabul etti.")
    assert [m.date for m in facts.meetings] == [datetime.date(2025, 5, 14)]


def test_two_calls_told_in_one_sentence_after_ardindan(extracted):
    facts = extracted("Meksika'nın Ankara Büyükelçisi Alejandro Ruiz Cortés Mersin'e geldi. Büyükelçinin salı günü "
                      "Mersin Büyükşehir Belediye Başkanı Ayten Doğru ile görüştüğü, ardından Yenişehir Belediyesi'ne "
                      "geçerek Başkan Emre Aksoy'la bir araya geldiği öğrenildi. Görüşmeye Büyükşehir Belediyesi Dış "
                      "İlişkiler Dairesi Başkanı Gökhan Yalçınkaya da katıldı.")
    met = [names(m) for m in facts.meetings]
    assert len(met) == 2 and {"Alejandro Ruiz Cortés", "Ayten Doğru"} <= met[0] \
        and {"Alejandro Ruiz Cortés", "Emre Aksoy"} <= met[1] and "Emre Aksoy" not in met[0]
    assert {p.person.name: p.organization.label for p in facts.posts}["Gökhan Yalçınkaya"] == "Mersin Belediyesi"


def test_the_guest_word_opening_a_sentence_is_the_visitor_named_in_the_one_before(extracted):
    facts = extracted("Polonya'nın Ankara Büyükelçisi Tomasz Wierzbicki dün Bilecik'e geldi. Büyükelçiye Polonya'nın "
                      "Eskişehir Fahri Konsolosu Cengiz Ataman eşlik etti. Wierzbicki'nin ilk durağı Valilik oldu. "
                      "Heyeti makamında kabul eden Bilecik Valisi Hüsnü Karaosmanoğlu, memnuniyetini dile getirdi.")
    assert [names(m) for m in facts.meetings] == [{"Tomasz Wierzbicki", "Hüsnü Karaosmanoğlu"}]


def test_a_guest_of_the_signing_ceremony_is_no_party_to_the_talks(extracted):
    facts = extracted("Protokol dün Termez Belediyesi'nde düzenlenen törende Ahlat Belediye Başkanı Ferhat Gündoğan ile "
                      "Termez Belediye Başkanı Bahodir Normatov tarafından imzalandı. Törene Türkiye'nin Taşkent "
                      "Büyükelçisi Levent Özdoğan da katıldı.")
    assert [names(m) for m in facts.meetings] == [{"Ferhat Gündoğan", "Bahodir Normatov"}]


def test_a_day_that_only_says_when_something_began_gives_way_to_the_day_of_the_signing(extracted):
    facts = extracted(" date 2024-05-16 Lüleburgaz Belediyesi / Basın - Başkan Tuğba Kocaoğlu başkanlığındaki heyetin "
                      "önceki gün başlayan Slovenya programının en önemli durağı olan imza töreni, dün Ptuj Belediye "
                      "Sarayı'nda gerçekleştirildi. Kardeş şehir protokolüne Lüleburgaz Belediye Başkanı Tuğba "
                      "Kocaoğlu ile Ptuj Belediye Başkanı Andrej Kovačič imza koydu.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Tuğba Kocaoğlu", "Andrej Kovačič"}, datetime.date(2024, 5, 15))]


def test_the_one_who_accompanies_the_visitor_is_never_the_guest_received(extracted):
    facts = extracted("08.02.2024 | Samsun Haber Postası\n\nUkrayna'nın Ankara Büyükelçisi Vasyl Bondarenko bugün "
                      "Samsun'a geldi. Büyükelçiye program boyunca büyükelçiliğin Konsolos Yardımcısı Iryna Koval "
                      "eşlik etti. Halil Doğan, Samsun Büyükşehir Belediye Başkanı, konuğunu makamında ağırladı.")
    assert [names(m) for m in facts.meetings] == [{"Vasyl Bondarenko", "Halil Doğan"}]


def test_a_delegation_named_by_its_town_is_led_by_that_towns_mayor(extracted):
    facts = extracted(" date 2025-04-25 Antep Postası - Dostluk protokolüne Şahinbey Belediye Başkanı Ali Rıza "
                      "Doğaner ile Telafer Belediye Başkanı Kasım Abbas Bayatlı imza koydu. Irak'ın Gaziantep "
                      "Başkonsolosu Haydar Ali Sultan da törende konuştu. Telafer heyeti, bugün de Gaziantep Valisi "
                      "Ahmet Tuncer Karaman'ı makamında ziyaret etti.")
    assert {(frozenset(names(m)), m.date) for m in facts.meetings} >= {
        (frozenset({"Kasım Abbas Bayatlı", "Ahmet Tuncer Karaman"}), datetime.date(2025, 4, 25))}


def test_an_associations_new_board_calling_is_its_president(extracted):
    facts = extracted("Eskişehir Özbekistan Kültür ve Dayanışma Derneği'nde (ESÖZDER) üyeler başkanlığa Dr. Bahtiyor "
                      "Nazarov'u getirdi. Yeni yönetim kurulunda Dilnoza Karimova ve Hasan Erkmen yer aldı. "
                      "ESÖZDER'in yeni yönetimi, Odunpazarı Belediye Başkanı Levent Özkaraca'yı makamında ziyaret "
                      "etti.")
    assert [names(m) for m in facts.meetings] == [{"Bahtiyor Nazarov", "Levent Özkaraca"}]


def test_the_day_told_after_the_delegation_received_dates_the_visit(extracted):
    facts = extracted(" date 2025-05-14 Adapazarı Postası - Sakarya Büyükşehir Belediyesi, kardeş şehri Kalkandelen'den "
                      "gelen heyeti ağırladı. Kalkandelen Belediye Başkanı Arben Sulejmani ve beraberindeki heyet, dün "
                      "Sakarya Büyükşehir Belediye Başkanı Hakan Ersoylu'yu makamında ziyaret etti.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Arben Sulejmani", "Hakan Ersoylu"}, datetime.date(2025, 5, 13))]


def test_each_call_of_a_round_takes_the_day_of_the_call_before_until_another_day_is_told(extracted):
    facts = extracted(" date 2024-10-22 Pamukkale Postası - Oş Belediye Başkanı Jyrgalbek Sadykov Denizli'de. Sadykov ve "
                      "heyetinin dün ilk durağı Denizli Valiliği oldu. Vali Kemalettin Arslanbaş, konuklarını makamında "
                      "kabul etti. Arslanbaş, \"Oş ile Denizli arasında kurulacak her bağ, iki kardeş ülkenin "
                      "ilişkisine güç katar\" dedi. Sadykov ve beraberindekiler ardından Denizli Büyükşehir Belediye "
                      "Başkanı Nihat Kırbaşoğlu'nu ziyaret etti. Kırbaşoğlu ise teklifi olumlu karşıladığını söyledi. "
                      "Programın ikinci gününde bugün Sadykov başkanlığındaki heyet, Denizli Ticaret Odası'nı ziyaret "
                      "etti. Heyetin son durağı Pamukkale Üniversitesi oldu. Rektör Prof. Dr. Ahmet Tanju Gürel, "
                      "Sadykov'u rektörlük binasında ağırladı.")
    assert {(frozenset(names(m)), m.date) for m in facts.meetings} == {
        (frozenset({"Jyrgalbek Sadykov", "Kemalettin Arslanbaş"}), datetime.date(2024, 10, 21)),
        (frozenset({"Jyrgalbek Sadykov", "Nihat Kırbaşoğlu"}), datetime.date(2024, 10, 21)),
        (frozenset({"Jyrgalbek Sadykov", "Ahmet Tanju Gürel"}), datetime.date(2024, 10, 22))}
    assert facts.twinnings == ()  # "iki kardeş ülke": brother countries, no twinning


def test_a_home_delegation_abroad_is_its_mayor_and_one_guest_told_twice_is_one(extracted):
    facts = extracted(" date 2025-06-14 Kocaeli Manşet - Kartepe Belediye Başkanı Serkan Yurdakul Almanya'da. Kartepe "
                      "heyeti dün akşam da Heilbronn Türk Kültür ve Dayanışma Derneği'nin konuğu oldu. Derneğin Başkanı "
                      "Yusuf Demirtaş, Yurdakul'u ve beraberindekileri dernek lokalinde ağırladı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Serkan Yurdakul", "Yusuf Demirtaş"}, datetime.date(2025, 6, 13))]


def test_a_day_in_quoted_words_is_the_speakers_and_a_visit_after_the_ceremony_is_of_its_day(extracted):
    facts = extracted(" date 2023-09-09 Serhat Postası - Kağızman dün Gazah'tan gelen başkanı ağırladı. Protokolü "
                      "Kağızman Belediye Başkanı Nurettin Kaya ile Gazah Belediye Başkanı Ramil Hüseynov imzaladı. "
                      "Başkan Kaya, “Bu kardeşlik eskidir. Bugün yalnızca onu tescil ettik” dedi. Törenin ardından "
                      "Başkan Kaya'yı makamında ziyaret eden Schiedam Belediye Başkanı Mehmet Ali Durmaz teşekkür etti.")
    assert {(frozenset(names(m)), m.date) for m in facts.meetings} == {
        (frozenset({"Nurettin Kaya", "Ramil Hüseynov"}), datetime.date(2023, 9, 8)),
        (frozenset({"Nurettin Kaya", "Mehmet Ali Durmaz"}), datetime.date(2023, 9, 8))}


@pytest.mark.parametrize("text", [
    # ready to receive: the infinitive
    ("Başkonsolos Zhou, Shaoxing Belediye Başkanı Chen Guofeng'in Maltepe Belediye Başkanı Ali Rıza Kocaman'ı "
     "ağırlamaya hazır olduğunu iletti."),
    # a joining told long after the meeting, of something else
    ("Norveç'in Alanya Fahri Konsolosu Kari Solheim, Alanya Belediye Başkanı Osman Tarakçı'yı ziyaret etti. Solheim "
     "bir hatıra ormanı önerdi. Tarakçı öneriyi değerlendireceklerini söyledi. Orman için fidanlar hazır. Dernek "
     "geçen yıl da bir festival düzenledi. Festivale 3 bin kişinin katıldığını hatırlatan Dernek Başkanı Bjørn "
     "Haugland teşekkür etti."),
])
def test_no_meeting_beyond_the_one_told(extracted, text):
    assert all(len(names(m)) == 2 for m in extracted(text).meetings)


def test_an_evening_given_in_a_guests_honour_is_a_meeting(extracted):
    facts = extracted("Avusturya Yozgatlılar Kültür ve Yardımlaşma Derneği (AYOKDER) Başkanı Recep Dumlupınar, Yozgat "
                      "Belediye Başkanı Kazım Arslanoğlu onuruna dernek merkezinde bir hemşehri gecesi düzenledi.")
    assert [names(m) for m in facts.meetings] == [{"Recep Dumlupınar", "Kazım Arslanoğlu"}]


def test_signatures_told_before_the_signers_and_a_day_of_last_month(extracted):
    facts = extracted(" date 2024-05-20 Körfez Manşet - İzmit ile Bălți arasındaki iyi niyet protokolü, geçen ayın "
                      "12'sinde video konferansla imzalandı. Ekranın iki ucunda imzaları İzmit Belediye Başkanı Selda "
                      "Korkmaz ile Bălți Belediye Başkanı Nicolae Rusnac attı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Selda Korkmaz", "Nicolae Rusnac"}, datetime.date(2024, 4, 12))]


@pytest.mark.parametrize(("text", "meetings"), [
    # who led the delegation is not among those who accompanied it
    (("TEKİRDAĞ - Macaristan'ın Sárospatak kentinden gelen heyet, Tekirdağ'da temaslarda bulundu. Heyete "
      "Sárospatak Belediye Başkanı Gábor Kertész başkanlık ederken, Macaristan'ın İstanbul Başkonsolosu "
      "Zsófia Horváth da konuklara eşlik etti. İki kent 2008'de kardeş oldu. Rákóczi burada yaşadı. "
      "Evi bugün müze. Konuk heyeti makamında ağırlayan Süleymanpaşa Belediye Başkanı Cengiz "
      "Yalçınkaya, festivali anlattı."),
     [{"Gábor Kertész", "Cengiz Yalçınkaya"}]),
    # a delegation told with its leader paragraphs before is his
    (("ÜNYE - Başkan Aksoylu ve Ünye heyeti dün Türkiye'nin Köstence Başkonsolosu Levent Arıkan'ı "
      "makamında ziyaret etti. Ünye Belediye Başkanı Kadir Aksoylu, Arıkan'a teşekkür etti. Arıkan "
      "kenti anlattı. Köstence'de 3 bin Türk var. Limanı gezdiler. Program, Romanya Müslüman Tatar "
      "Türkleri Demokrat Birliği'nin genel merkezine yapılan ziyaretle tamamlandı. Heyeti kapıda "
      "karşılayan Birlik Başkanı Nurhan Seyitcelil, çalışmalarını anlattı."),
     [{"Kadir Aksoylu", "Levent Arıkan"}, {"Kadir Aksoylu", "Nurhan Seyitcelil"}]),
    # a title in the accusative stands for its holder, received
    (("KARABÜK - Türkmenistan'ın Ankara Büyükelçisi Batır Annayev Karabük'e geldi. Karabük "
      "Üniversitesi Rektörü Kemal Bilgin konuştu. Rektör Bilgin de büyükelçiyi Demir Çelik "
      "Kampüsü'ndeki binada ağırladı."),
     [{"Batır Annayev", "Kemal Bilgin"}]),
])
def test_whom_a_word_for_the_guest_or_a_bare_title_stands_for(extracted, text, meetings):
    assert {frozenset(names(m)) for m in extracted(text).meetings} == {frozenset(people) for people in meetings}


def test_two_officers_of_one_body_call_on_each_host_together(extracted):
    facts = extracted("KAYSERİ (HABER) - Kazakistan Türk Girişimciler Birliği (KATGİB), Kayseri'de temasta bulundu. "
                      "Almatı merkezli birliğin Başkanı Levent Oğuzhan ve Genel Sekreteri Tuba Erkmen, önce Kayseri "
                      "Ticaret Odası (KTO) Başkanı Ömer Gündoğdu'yu, ardından Kayseri Büyükşehir Belediye Başkanı "
                      "Selim Kocabaş'ı ziyaret etti.")
    assert ("Tuba Erkmen", "SecretaryGeneral", "KATGİB") in {
        (p.person.name, p.role.value, p.organization.acronym) for p in facts.posts}
    assert {frozenset(names(m)) for m in facts.meetings} == {
        frozenset({"Levent Oğuzhan", "Tuba Erkmen", "Ömer Gündoğdu"}),
        frozenset({"Levent Oğuzhan", "Tuba Erkmen", "Selim Kocabaş"})}


def test_a_first_stop_told_alone_gives_the_call_after_it_its_day(extracted):
    facts = extracted(" date 2024-10-17 Marmara Yerel / Haber Merkezi - Hollanda Krallığı’nın İstanbul Başkonsolosu "
                      "Hendrik Veldkamp, Kocaeli’de valilik, belediyeler ve iş dünyasıyla bir araya geldi. İki günlük "
                      "programda başkonsolosa Konsolos Yardımcısı Pieter Smit eşlik etti.\n\nVeldkamp’ın ilk durağı dün "
                      "Kocaeli Valiliği oldu. Başkonsolosu makamında kabul eden Vali Nurettin Aksoy, yatırımları "
                      "anlattı.")
    assert [(names(m), m.date) for m in facts.meetings] == [
        ({"Hendrik Veldkamp", "Nurettin Aksoy"}, datetime.date(2024, 10, 16))]


def test_a_call_before_the_ceremony_is_of_its_day(extracted):
    facts = extracted(" date 2025-04-10 Başkent Gündem / Elif Sarı - Keçiören ile Talas bugün kardeş şehir oldu. "
                      "Keçiören Belediyesi'nde düzenlenen törende protokolü Keçiören Belediye Başkanı Tuncay Özdemir "
                      "ile Talas Belediye Başkanı Bakytbek Asanaliev imzaladı. Törene Kırgızistan'ın Ankara "
                      "Büyükelçisi Ulanbek Toktogulov da katıldı.\n\nTörenden önce Büyükelçi Toktogulov, Başkan "
                      "Özdemir'i makamında ziyaret etti.")
    assert ({"Ulanbek Toktogulov", "Tuncay Özdemir"}, datetime.date(2025, 4, 10)) in [
        (names(m), m.date) for m in facts.meetings]


@pytest.mark.parametrize("text", [
    # background in the pluperfect
    ("Protokole o dönem Selçuklu adına Belediye Başkanı Adem Esen, Barlad adına ise Belediye Başkanı "
     "Joan Juverdeanu imza koymuştu."),
    # a foreign delegation and its country's consul alone
    ("Konuk heyete Hasköy Belediye Başkanı Stanislav Dechev başkanlık etti. Heyette Hasköy Belediye "
     "Meclisi üyesi Daniela Petrova yer aldı. Bulgaristan'ın Edirne Başkonsolosu Vasil Iliev de "
     "törende hazır bulundu."),
    # "kabul" after a clause is agreeing, not receiving
    ("KTSO Başkanı Mustafa Erenler, ticaretin protokolün en zayıf halkası olduğunu kabul ederek "
     "Yogyakarta Belediye Başkan Yardımcısı Sri Wahyuni Prasetyo'ya bir iş heyetiyle geleceklerini "
     "söyledi."),
    # those who accompany a delegation, before any call
    ("Bulgaristan'ın Kırcaali Valisi Stefan Minev Gürsu'ya geldi. Bulgaristan'ın Bursa Başkonsolosu "
     "Radost Petrova ile Dernek Başkanı Rasim Kılınç'ın eşlik ettiği heyet, programına kaymakamlıkta "
     "başladı."),
    # visits told as a habit
    ("MUĞLA - Almanya'nın İzmir Başkonsolosu Matthias Brenner konuştu. Brenner, kendisinden önce görev "
     "yapan Başkonsolos Andreas Vogt'un da Muğla'yı sık sık ziyaret ettiğini hatırlattı."),
])
def test_no_meeting_where_none_took_place(extracted, text):
    assert extracted(text).meetings == ()
