"""The demo's postcode tables: a postcode or two per neighbourhood of the pilot districts.

Zuidoost has none on purpose: its postcodes are found through its vote's address list (the lookup's
fallback). One Osdorp postcode is split by house number, so the demo shows the house-number question.
Postcodes and streets are realistic for Amsterdam but not checked against the official register.
"""

from __future__ import annotations

# (postcode, neighbourhood name, street, first house number, last house number)
Line = tuple[str, str, str, int | None, int | None]

POSTCODES: dict[str, tuple[Line, ...]] = {
    "nieuw-west": (
        ("1063 AA", "Slotermeer-Noordoost", "Burgemeester de Vlugtlaan", None, None),
        ("1064 AA", "Slotermeer-Zuidwest", "Slotermeerlaan", None, None),
        ("1067 AB", "Geuzenveld", "Lodewijk van Deysselstraat", None, None),
        ("1067 GA", "Eendracht", "Sloterweg", None, None),
        ("1068 MA", "Lutkemeer/Ookmeer", "Ookmeerweg", None, None),
        ("1068 AC", "Osdorp-Oost", "Pieter Calandlaan", 1, 99),
        ("1068 AC", "Osdorp-Midden", "Pieter Calandlaan", 100, 299),
        ("1069 AA", "De Punt", "Baden Powellweg", None, None),
        ("1066 AA", "Middelveldsche Akerpolder", "Johan Huizingalaan", None, None),
        ("1065 AA", "Slotervaart Noord", "August Allebéplein", None, None),
        ("1058 AA", "Overtoomse Veld", "Jan Tooropstraat", None, None),
        ("1058 JA", "Westlandgracht", "Postjesweg", None, None),
        ("1062 AA", "Slotervaart Zuid", "Louwesweg", None, None),
        ("1066 CA", "Sloten/Nieuw-Sloten", "Nieuw-Sloten", None, None),
    ),
    "noord": (
        ("1031 AA", "Volewijck", "Van der Pekstraat", None, None),
        ("1032 AA", "IJplein/Vogelbuurt", "Meeuwenlaan", None, None),
        ("1033 AA", "Tuindorp Buiksloot", "Buikslotermeerplein", None, None),
        ("1025 AA", "Nieuwendammerham", "Nieuwendammerdijk", None, None),
        ("1034 AA", "Tuindorp Oostzaan", "Zamenhofstraat", None, None),
        ("1035 AA", "Oostzanerwerf", "Oostzanerdijk", None, None),
        ("1036 AA", "Kadoelen", "Kadoelenweg", None, None),
        ("1024 AA", "Waterlandpleinbuurt", "Waterlandplein", None, None),
        ("1025 BA", "Buikslotermeer", "Loenermark", None, None),
        ("1023 AA", "Banne Buiksloot", "Ilpendammerstraat", None, None),
        ("1027 AA", "Waterland", "Durgerdammerdijk", None, None),
    ),
}
