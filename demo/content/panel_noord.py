"""The citizens' panel of Buurtbudget Noord 2026: set-up, population figures, letters, the pool."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Role

from .accounts import staff
from .editions import NOORD_2026


@dataclass(frozen=True)
class PanelSpec:
    """What the demo's panel recruitment did: ``weights`` skew the pool the way real pools are skewed."""

    edition_slug: str
    facilitator: str
    panel_size: int
    availability_text: str
    age_population: dict[str, int]  # residents aged 16+ per age band
    gender_population: dict[str, int]
    addresses: int  # the address list, if the edition has none yet
    streets: dict[str, tuple[str, ...]]  # per neighbourhood slug
    invitations: int
    responded: int
    open_sign_ups: int
    age_weights: dict[str, float]  # respondents' age bands, relative to the population
    gender_weights: dict[str, float]
    available_share: float
    invitation_seed: int
    draw_seed: int


PANEL_NOORD = PanelSpec(
    edition_slug=NOORD_2026.slug,
    facilitator=staff(Role.FACILITATOR, "noord"),
    panel_size=24,
    availability_text=(
        "Drie zaterdagen in de Tolhuistuin, van 10.00 tot 16.00 uur: de eerste, derde en vijfde "
        "zaterdag van de beslisfase. Je krijgt een vergoeding van € 150 per dag; kinderopvang en "
        "vervoer worden geregeld."
    ),
    # Noord's residents aged 16 and over (about 84,000), by age band and gender: rounded figures
    # in the spirit of the municipality's statistics (OIS), good enough for default quotas.
    age_population={"16-24": 10_900, "25-39": 25_300, "40-64": 32_100, "65-plus": 15_700},
    gender_population={"vrouw": 42_400, "man": 41_100, "anders": 500},
    addresses=1_200,
    streets={
        "volewijck": ("Van der Pekstraat", "Hagedoornweg"),
        "ijplein-vogelbuurt": ("Meeuwenlaan", "Merelstraat"),
        "tuindorp-buiksloot": ("Buiksloterdijk",),
        "nieuwendammerham": ("Johan van Hasseltweg", "Hamerstraat"),
        "noordelijke-ij-oevers-west": ("NDSM-plein", "Tt. Neveritaweg"),
        "noordelijke-ij-oevers-oost": ("Gedempt Hamerkanaal",),
        "tuindorp-nieuwendam": ("Purmerplein", "Zuiderzeeweg"),
        "tuindorp-oostzaan": ("Zamenhofstraat", "Kamperfoelieweg"),
        "oostzanerwerf": ("Wognumerplantsoen", "Oostzanerdijk"),
        "kadoelen": ("Kadoelenweg",),
        "waterlandpleinbuurt": ("Waterlandplein", "Beemsterstraat"),
        "buikslotermeer": ("Buikslotermeerplein", "Loenermark"),
        "banne-buiksloot": ("Bezaanjachtplein", "Banneplein"),
        "nieuwendam-noord": ("Meeuwenplein", "Kleine Kraaienstraat"),
        "waterland": ("Dorpsstraat Holysloot",),
    },
    invitations=900,
    responded=288,
    open_sign_ups=12,
    # Older residents and women answer more often, as they do in every recruitment round.
    age_weights={"16-24": 0.55, "25-39": 0.8, "40-64": 1.1, "65-plus": 1.45},
    gender_weights={"vrouw": 1.25, "man": 0.8, "anders": 1.0},
    available_share=0.84,
    invitation_seed=20_260_115,
    draw_seed=20_260_301,
)

# The demo's panels, by edition slug.
PANELS: dict[str, PanelSpec] = {PANEL_NOORD.edition_slug: PANEL_NOORD}
