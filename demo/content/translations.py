"""The demo's texts in English, Turkish and Arabic: the pilot districts (Nieuw-West, Zuidoost, Noord),
their editions, the themes, and a few plans whose initiators gave a title and summary in another language.

Keys: ``{language: {field: text}}``, as ``common.translated`` stores them. A language the site does
not offer is left out when the demo loads (``demo.services.translations``).
"""

from __future__ import annotations

Texts = dict[str, dict[str, str]]

DISTRICT_TEXTS: dict[str, Texts] = {
    "nieuw-west": {
        "en": {
            "description": "With more than 165,000 residents, Nieuw-West is Amsterdam's largest district: "
            "the garden cities of Slotermeer, Geuzenveld, Osdorp and Slotervaart, built after the war, "
            "with a lot of green, water and young families."
        },
        "tr": {
            "description": "165.000'den fazla sakiniyle Nieuw-West, Amsterdam'ın en büyük ilçesidir: "
            "savaştan sonra kurulan Slotermeer, Geuzenveld, Osdorp ve Slotervaart bahçe şehirleri. "
            "Bol yeşil, su ve genç aileler."
        },
        "ar": {
            "description": "نيو-ويست هي أكبر منطقة في أمستردام، ويسكنها أكثر من 165000 شخص: "
            "مدن الحدائق سلوترمير وخويزنفلد وأوسدورب وسلوترفارت، بُنيت بعد الحرب، "
            "وفيها مساحات خضراء ومياه وعائلات شابة كثيرة."
        },
    },
    "zuidoost": {
        "en": {
            "description": "Zuidoost has about 90,000 residents of more than 130 nationalities: the "
            "Bijlmermeer with its renewed high-rise, Gaasperdam, the village of Driemond and the area "
            "around the Johan Cruijff ArenA and Amstel III."
        },
        "tr": {
            "description": "Zuidoost'ta 130'dan fazla milletten yaklaşık 90.000 kişi yaşar: yenilenen "
            "yüksek binalarıyla Bijlmermeer, Gaasperdam, Driemond köyü ve Johan Cruijff ArenA ile "
            "Amstel III çevresi."
        },
        "ar": {
            "description": "يسكن زاودوست نحو 90000 شخص من أكثر من 130 جنسية: حي بايلمرمير "
            "بأبراجه المجدَّدة، وخاسبردام، وقرية دريموند، والمنطقة حول ملعب يوهان كرويف أرينا وأمستل III."
        },
    },
    "noord": {
        "en": {
            "description": "Noord, across the IJ, has more than 100,000 residents: the garden villages of "
            "the 1920s, the 1960s neighbourhoods around the Waterlandplein and the Banne, the new "
            "neighbourhoods on the banks of the IJ and the villages of Landelijk Noord."
        },
        "tr": {
            "description": "IJ'nin karşı yakasındaki Noord'da 100.000'den fazla kişi yaşar: 1920'lerin "
            "bahçe köyleri, Waterlandplein ve Banne çevresindeki 1960'ların mahalleleri, IJ kıyısındaki "
            "yeni mahalleler ve Landelijk Noord köyleri."
        },
        "ar": {
            "description": "نورد، على الضفة الأخرى من نهر آي، يسكنها أكثر من 100000 شخص: "
            "قرى الحدائق من عشرينيات القرن الماضي، وأحياء الستينيات حول ساحة واترلاند وحي باني، "
            "والأحياء الجديدة على ضفاف النهر، وقرى نورد الريفية."
        },
    },
}

EDITION_TEXTS: dict[str, Texts] = {
    "buurtbudget-nieuw-west-2027": {
        "en": {
            "introduction": "Nieuw-West makes €500,000 available for plans that residents think up, "
            "choose and carry out themselves. Each neighbourhood has its own part of the budget.\n"
            "Do you have an idea for your street or neighbourhood? Submit it now, with a budget of up to "
            "€50,000. Then collect support: the district checks every plan that gets at least 50 likes. "
            "Everyone aged 16 or over who lives in Nieuw-West can vote for five plans in the spring."
        },
        "tr": {
            "introduction": "Nieuw-West, sakinlerin kendi bulduğu, seçtiği ve uyguladığı planlar için "
            "500.000 € ayırıyor. Her mahallenin bütçeden kendi payı var.\n"
            "Sokağınız ya da mahalleniz için bir fikriniz mi var? En fazla 50.000 €'luk bir bütçeyle "
            "şimdi gönderin. Sonra destek toplayın: en az 50 destek alan her planı ilçe inceler. "
            "Nieuw-West'te yaşayan 16 yaş ve üstü herkes ilkbaharda beş plana oy verebilir."
        },
        "ar": {
            "introduction": "تخصص نيو-ويست 500000 يورو لخطط يبتكرها السكان ويختارونها وينفذونها بأنفسهم. "
            "لكل حي جزء خاص به من الميزانية.\n"
            "هل لديك فكرة لشارعك أو حيك؟ قدّمها الآن بميزانية حتى 50000 يورو. ثم اجمع الدعم: "
            "تراجع المنطقة كل خطة تحصل على 50 دعمًا على الأقل. "
            "يمكن لكل من يبلغ 16 عامًا أو أكثر ويسكن في نيو-ويست أن يصوّت لخمس خطط في الربيع."
        },
    },
    "buurtbudget-zuidoost-2026": {
        "en": {
            "introduction": "In Zuidoost, residents decide on €500,000, split over five themes: green, "
            "meeting each other, youth, sport and culture.\n"
            "The district checked all plans, and the district committee chose the plans on the ballot for "
            "each theme. Now it is your turn: everyone aged 12 or over who lives in Zuidoost fills their "
            "own budget with their voting code.\n"
            "Would you rather vote on paper? You can, in the community centres and at the library on the "
            "Bijlmerplein."
        },
        "tr": {
            "introduction": "Zuidoost'ta sakinler, beş temaya bölünmüş 500.000 € hakkında karar veriyor: "
            "yeşil, buluşma, gençlik, spor ve kültür.\n"
            "İlçe tüm planları inceledi; ilçe komisyonu her tema için oy pusulasına girecek planları seçti. "
            "Şimdi sıra sizde: Zuidoost'ta yaşayan 12 yaş ve üstü herkes oy koduyla "
            "kendi bütçesini doldurur.\n"
            "Kâğıtla oy vermek mi istersiniz? Mahalle merkezlerinde ve Bijlmerplein'deki kütüphanede "
            "verebilirsiniz."
        },
        "ar": {
            "introduction": "في زاودوست يقرر السكان كيف تُصرف 500000 يورو، مقسّمة على خمسة مواضيع: "
            "الخضرة، واللقاء، والشباب، والرياضة، والثقافة.\n"
            "راجعت المنطقة كل الخطط، واختارت لجنة المنطقة لكل موضوع الخطط التي تدخل ورقة التصويت. "
            "الآن دورك: كل من يبلغ 12 عامًا أو أكثر ويسكن في زاودوست يملأ ميزانيته برمز التصويت.\n"
            "هل تفضّل التصويت على الورق؟ يمكنك ذلك في المراكز المجتمعية وفي المكتبة في ساحة بايلمر."
        },
    },
    "buurtbudget-noord-2026": {
        "en": {
            "introduction": "This year Noord chose a citizens' panel. 900 addresses were invited by lot; "
            "300 residents signed up, and a panel of 24 people was drawn from them, young and old, women "
            "and men, from every neighbourhood.\n"
            "The panel met on three Saturdays, talked with the initiators and divided €500,000 over the "
            "feasible plans. The chosen plans are now being carried out: follow them here."
        },
        "tr": {
            "introduction": "Noord bu yıl bir vatandaş paneli seçti. 900 adrese kurayla davet gitti; "
            "300 sakin başvurdu ve aralarından kurayla 24 kişilik bir panel seçildi: genç ve yaşlı, "
            "kadın ve erkek, her mahalleden.\n"
            "Panel üç cumartesi toplandı, plan sahipleriyle konuştu ve 500.000 €'yu uygulanabilir "
            "planlara paylaştırdı. Seçilen planlar şimdi uygulanıyor: buradan takip edin."
        },
        "ar": {
            "introduction": "اختارت نورد هذا العام لجنة مواطنين. دُعي 900 عنوان بالقرعة، وسجّل 300 ساكن، "
            "ثم اختيرت منهم بالقرعة لجنة من 24 شخصًا: شبابًا وكبارًا، نساءً ورجالًا، من كل حي.\n"
            "اجتمعت اللجنة في ثلاثة أيام سبت، وتحدثت مع أصحاب المبادرات، ووزّعت 500000 يورو على "
            "الخطط القابلة للتنفيذ. الخطط المختارة قيد التنفيذ الآن: تابعها هنا."
        },
    },
}

# By the theme's slug: the demo's editions share their themes.
THEME_TEXTS: dict[str, Texts] = {
    "groen-en-duurzaam": {
        "en": {
            "name": "Green and sustainable",
            "description": "More green, less waste and energy: front gardens, vegetable gardens, trees "
            "and streets ready for a changing climate.",
        },
        "tr": {
            "name": "Yeşil ve sürdürülebilir",
            "description": "Daha çok yeşil, daha az atık ve enerji: ön bahçeler, sebze bahçeleri, "
            "ağaçlar ve iklime dayanıklı sokaklar.",
        },
        "ar": {
            "name": "خضرة واستدامة",
            "description": "خضرة أكثر، ونفايات وطاقة أقل: حدائق أمام البيوت، وحدائق خضار، وأشجار، "
            "وشوارع تتحمل تغيّر المناخ.",
        },
    },
    "samen-en-sociaal": {
        "en": {
            "name": "Together and social",
            "description": "Neighbours who know and help each other: places to meet, language, older "
            "people and loneliness.",
        },
        "tr": {
            "name": "Birlikte ve sosyal",
            "description": "Birbirini tanıyan ve birbirine yardım eden komşular: buluşma yerleri, dil, "
            "yaşlılar ve yalnızlık.",
        },
        "ar": {
            "name": "معًا وتكافل",
            "description": "جيران يعرفون بعضهم ويساعدون بعضهم: أماكن للقاء، واللغة، وكبار السن، والوحدة.",
        },
    },
    "sport-en-bewegen": {
        "en": {
            "name": "Sport and exercise",
            "description": "Playing outside, sport and exercise for all ages.",
        },
        "tr": {"name": "Spor ve hareket", "description": "Her yaş için dışarıda oyun, spor ve hareket."},
        "ar": {"name": "الرياضة والحركة", "description": "اللعب في الخارج والرياضة والحركة لكل الأعمار."},
    },
    "kunst-en-cultuur": {
        "en": {
            "name": "Art and culture",
            "description": "Music, theatre, art in public space and neighbourhood festivals.",
        },
        "tr": {
            "name": "Sanat ve kültür",
            "description": "Müzik, tiyatro, açık alanda sanat ve mahalle şenlikleri.",
        },
        "ar": {"name": "الفن والثقافة", "description": "موسيقى ومسرح وفن في الأماكن العامة ومهرجانات للحي."},
    },
    "veilig-en-schoon": {
        "en": {
            "name": "Safe and clean",
            "description": "Light, a clear view and a clean, intact street where you feel at home.",
        },
        "tr": {
            "name": "Güvenli ve temiz",
            "description": "Işık, açık görüş ve kendinizi evinizde hissettiğiniz temiz, bakımlı bir sokak.",
        },
        "ar": {
            "name": "أمان ونظافة",
            "description": "إضاءة ورؤية واضحة وشارع نظيف وسليم تشعر فيه أنك في بيتك.",
        },
    },
    "jeugd": {
        "en": {
            "name": "Youth",
            "description": "Places and activities for children and young people, "
            "thought up by and with them.",
        },
        "tr": {
            "name": "Gençlik",
            "description": "Çocuklar ve gençler için, onlarla birlikte düşünülmüş yerler ve etkinlikler.",
        },
        "ar": {
            "name": "الشباب",
            "description": "أماكن وأنشطة للأطفال والشباب، يبتكرونها بأنفسهم أو معنا.",
        },
    },
}

# By the plan's (Dutch) title: what its initiators wrote in other languages.
PLAN_TEXTS: dict[str, Texts] = {
    "Moestuin De Groene Akker in Geuzenveld": {
        "en": {
            "title": "Vegetable garden De Groene Akker in Geuzenveld",
            "summary": "A shared vegetable garden on the empty field behind the Lodewijk van "
            "Deysselstraat, with raised beds so that older people and wheelchair users can garden too.",
        },
        "tr": {
            "title": "Geuzenveld'de De Groene Akker sebze bahçesi",
            "summary": "Lodewijk van Deysselstraat'ın arkasındaki boş alanda ortak bir sebze bahçesi; "
            "yaşlılar ve tekerlekli sandalye kullananlar da bahçıvanlık yapabilsin diye yüksek kasalarla.",
        },
        "ar": {
            "title": "حديقة الخضار دي خرونه آكر في خويزنفلد",
            "summary": "حديقة خضار مشتركة في الأرض الفارغة خلف شارع لوديفيك فان دايسل، "
            "بأحواض مرتفعة حتى يستطيع كبار السن ومستخدمو الكراسي المتحركة الزراعة أيضًا.",
        },
    },
    "Buurtkamer in de plint van de Pieter Calandlaan": {
        "tr": {
            "title": "Pieter Calandlaan'da mahalle odası",
            "summary": "Boş bir dükkânda mahalle için bir oturma odası: kahve, gazete, formlar için "
            "yardım saati ve kimsenin yalnız oturmak zorunda olmadığı bir yer.",
        },
        "ar": {
            "title": "غرفة للحي في الطابق الأرضي بشارع بيتر كالاند",
            "summary": "غرفة جلوس للحي في متجر فارغ: قهوة وجريدة، وساعة مساعدة في ملء الاستمارات، "
            "ومكان لا يضطر فيه أحد إلى الجلوس وحيدًا.",
        },
    },
    "Taalcafé Slotervaart": {
        "en": {
            "title": "Language café Slotervaart",
            "summary": "Practise Dutch at the kitchen table two evenings a week, with volunteers from "
            "the neighbourhood and care for the children.",
        },
        "tr": {
            "title": "Slotervaart dil kafesi",
            "summary": "Haftada iki akşam mutfak masasında Hollandaca pratik; mahalleden gönüllüler "
            "ve çocuklar için bakım ile.",
        },
        "ar": {
            "title": "مقهى اللغة في سلوترفارت",
            "summary": "تدرّب على اللغة الهولندية حول طاولة المطبخ مساءين في الأسبوع، "
            "مع متطوعين من الحي ورعاية للأطفال.",
        },
    },
    "Voedselbos in de Bijlmer": {
        "en": {
            "title": "Food forest in the Bijlmer",
            "summary": "An edible forest of nut trees, fruit trees and berry bushes in the Bijlmer, where "
            "schools have lessons and everyone may pick.",
        },
        "tr": {
            "title": "Bijlmer'de yiyecek ormanı",
            "summary": "Bijlmer'de ceviz, meyve ağaçları ve dut çalılarından oluşan yenilebilir bir orman; "
            "okullar burada ders yapar, herkes toplayabilir.",
        },
    },
}

# By (edition slug, phase kind): the district's own words for a phase, in Dutch and other languages.
PHASE_TEXTS: dict[tuple[str, str], tuple[str, Texts]] = {
    ("buurtbudget-nieuw-west-2027", "plans"): (
        "Hulp bij je plan? Kom naar het inloopspreekuur in buurthuis De Honingraat, elke woensdag van "
        "14.00 tot 16.00 uur.",
        {
            "en": {
                "description": "Need help with your plan? Come to the drop-in hour at community centre "
                "De Honingraat, every Wednesday from 2 to 4 pm."
            },
            "tr": {
                "description": "Planınız için yardım mı lazım? Her çarşamba 14.00-16.00 arası De Honingraat "
                "mahalle merkezindeki randevusuz görüşme saatine gelin."
            },
            "ar": {
                "description": "هل تحتاج مساعدة في خطتك؟ تعال إلى ساعة الاستقبال المفتوحة في المركز المجتمعي "
                "دي هونينغرات، كل أربعاء من الساعة 14:00 إلى 16:00."
            },
        },
    ),
    ("buurtbudget-zuidoost-2026", "decision"): (
        "Stemmen met hulp kan in buurthuis Kwakoe en in de bibliotheek aan het Bijlmerplein.",
        {
            "en": {
                "description": "You can vote with help at community centre Kwakoe and at the library on "
                "the Bijlmerplein."
            },
            "tr": {
                "description": "Kwakoe mahalle merkezinde ve Bijlmerplein'deki kütüphanede yardımla oy "
                "verebilirsiniz."
            },
            "ar": {
                "description": "يمكنك التصويت بمساعدة في المركز المجتمعي كواكوه وفي المكتبة في ساحة بايلمر."
            },
        },
    ),
}
