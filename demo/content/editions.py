"""The eight demo editions, each caught in a different phase whenever the demo is loaded."""

from __future__ import annotations

from editions.models import (
    AggregationRule,
    BallotFormat,
    DecisionModel,
    HybridOrder,
    Satisfaction,
    UnspentMoney,
)
from editions.phases import PhaseKind

from .specs import EditionSpec, PhaseSpan, SubBudgetSpec, ThemeSpec, eur

GROEN = ThemeSpec(
    "Groen en duurzaam",
    "Meer groen, minder afval en energie: geveltuinen, moestuinen, bomen en klimaatbestendige straten.",
)
SOCIAAL = ThemeSpec(
    "Samen en sociaal",
    "Buren die elkaar kennen en helpen: ontmoetingsplekken, taal, ouderen en eenzaamheid.",
)
SPORT = ThemeSpec("Sport en bewegen", "Buiten spelen, sporten en bewegen voor alle leeftijden.")
CULTUUR = ThemeSpec("Kunst en cultuur", "Muziek, theater, kunst in de openbare ruimte en buurtfestivals.")
VEILIG = ThemeSpec("Veilig en schoon", "Licht, overzicht en een schone, hele straat waar je je thuis voelt.")
JEUGD = ThemeSpec("Jeugd", "Plekken en activiteiten voor kinderen en jongeren, door en met hen bedacht.")

NIEUW_WEST_2027 = EditionSpec(
    slug="buurtbudget-nieuw-west-2027",
    district_slug="nieuw-west",
    name="Buurtbudget Nieuw-West 2027",
    year=2027,
    introduction=(
        "Stadsdeel Nieuw-West stelt € 500.000 beschikbaar voor plannen die bewoners zelf bedenken, "
        "kiezen en uitvoeren. Elke wijk heeft een eigen deel van het budget, naar het aantal "
        "inwoners, zodat ook de kleinere wijken aan bod komen.\n\n"
        "Heb je een idee voor je straat of wijk? Dien het nu in, met een begroting tot € 50.000. "
        "Daarna verzamel je steun: steunen minstens 50 bewoners je plan, dan controleert het stadsdeel "
        "of het kan. Iedereen van 16 jaar en ouder die in Nieuw-West woont, mag in het voorjaar stemmen "
        "op vijf plannen."
    ),
    total_budget_cents=eur(500_000),
    max_plan_cost_cents=eur(50_000),
    min_age=16,
    decision_model=DecisionModel.ONLINE_VOTE,
    ballot_format=BallotFormat.APPROVAL,
    ballot_max_choices=5,
    aggregation_rule=AggregationRule.GREEDY,
    support_threshold=50,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, VEILIG, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -60, -43),
        PhaseSpan(PhaseKind.IDEAS, -42, -22),
        PhaseSpan(PhaseKind.PLANS, -21, 27),
        PhaseSpan(PhaseKind.SUPPORT, 28, 48),
        PhaseSpan(PhaseKind.REVIEW, 49, 90),
        PhaseSpan(PhaseKind.DECISION, 91, 111),
        PhaseSpan(PhaseKind.RESULT, 112, 125),
        PhaseSpan(PhaseKind.EXECUTION, 126, 490),
    ),
    current_phase=PhaseKind.PLANS,
    sub_budgets=(
        SubBudgetSpec(eur(44_000), neighbourhood_slug="slotermeer-noordoost"),
        SubBudgetSpec(eur(45_000), neighbourhood_slug="slotermeer-zuidwest"),
        SubBudgetSpec(eur(50_000), neighbourhood_slug="geuzenveld"),
        SubBudgetSpec(eur(19_000), neighbourhood_slug="eendracht"),
        SubBudgetSpec(eur(23_000), neighbourhood_slug="lutkemeer-ookmeer"),
        SubBudgetSpec(eur(45_000), neighbourhood_slug="osdorp-oost"),
        SubBudgetSpec(eur(36_000), neighbourhood_slug="osdorp-midden"),
        SubBudgetSpec(eur(25_000), neighbourhood_slug="de-punt"),
        SubBudgetSpec(eur(37_000), neighbourhood_slug="middelveldsche-akerpolder"),
        SubBudgetSpec(eur(38_000), neighbourhood_slug="slotervaart-noord"),
        SubBudgetSpec(eur(34_000), neighbourhood_slug="overtoomse-veld"),
        SubBudgetSpec(eur(25_000), neighbourhood_slug="westlandgracht"),
        SubBudgetSpec(eur(13_000), neighbourhood_slug="sloterdijk-nieuw-west"),
        SubBudgetSpec(eur(35_000), neighbourhood_slug="slotervaart-zuid"),
        SubBudgetSpec(eur(31_000), neighbourhood_slug="sloten-nieuw-sloten"),
    ),
)

ZUIDOOST_2026 = EditionSpec(
    slug="buurtbudget-zuidoost-2026",
    district_slug="zuidoost",
    name="Buurtbudget Zuidoost 2026",
    year=2026,
    introduction=(
        "In Zuidoost beslissen bewoners over € 500.000. Het budget is verdeeld over vijf thema's, "
        "die de stadsdeelcommissie samen met bewoners koos: groen, ontmoeting, jeugd, sport en cultuur.\n\n"
        "Het stadsdeel heeft alle plannen getoetst en de stadsdeelcommissie heeft per thema de "
        "plannen gekozen die op de stemlijst komen. Nu is het jouw beurt: iedereen vanaf 12 jaar die in "
        "Zuidoost woont, vult met de eigen stemcode een eigen begroting. Kies plannen tot het budget van een "
        "thema op is; de regel Eerlijk delen zorgt dat elke groep stemmers een eerlijk deel krijgt.\n\n"
        "Liever op papier stemmen? Dat kan in de buurthuizen en de bibliotheek aan het Bijlmerplein."
    ),
    total_budget_cents=eur(500_000),
    max_plan_cost_cents=eur(75_000),
    min_age=12,
    decision_model=DecisionModel.ONLINE_VOTE,
    ballot_format=BallotFormat.KNAPSACK,
    ballot_max_choices=None,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, JEUGD, SPORT, CULTUUR),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -200, -171),
        PhaseSpan(PhaseKind.PLANS, -170, -113),
        PhaseSpan(PhaseKind.REVIEW, -112, -57),
        PhaseSpan(PhaseKind.SHORTLIST, -56, -12),
        PhaseSpan(PhaseKind.DECISION, -11, 10),
        PhaseSpan(PhaseKind.RESULT, 11, 24),
        PhaseSpan(PhaseKind.EXECUTION, 25, 390),
    ),
    current_phase=PhaseKind.DECISION,
    verdicts_publish_day=-56,
    shortlist_size=14,
    sub_budgets=(
        SubBudgetSpec(eur(120_000), theme_slug=GROEN.slug),
        SubBudgetSpec(eur(120_000), theme_slug=SOCIAAL.slug),
        SubBudgetSpec(eur(110_000), theme_slug=JEUGD.slug),
        SubBudgetSpec(eur(80_000), theme_slug=SPORT.slug),
        SubBudgetSpec(eur(70_000), theme_slug=CULTUUR.slug),
    ),
)

NOORD_2026 = EditionSpec(
    slug="buurtbudget-noord-2026",
    district_slug="noord",
    name="Buurtbudget Noord 2026",
    year=2026,
    introduction=(
        "Noord koos dit jaar voor een burgerpanel. 900 adressen in Noord kregen per loting een "
        "uitnodiging; 300 bewoners van 16 jaar en ouder meldden zich aan. Uit hen werd per loting een "
        "panel van 24 mensen gekozen, zo dat het lijkt op Noord: jong en oud, vrouwen en mannen, uit "
        "elke wijk.\n\n"
        "Het panel kwam drie zaterdagen bij elkaar in de Tolhuistuin, sprak met de initiatiefnemers "
        "en verdeelde € 500.000 over de haalbare plannen, volgens de regel Eerlijk delen. "
        "Het panel koos alle haalbare plannen; wat overbleef, gaat naar de volgende editie. De "
        "gekozen plannen worden nu uitgevoerd: hier volg je hoe ze ervoor staan."
    ),
    total_budget_cents=eur(500_000),
    max_plan_cost_cents=eur(50_000),
    min_age=16,
    decision_model=DecisionModel.PANEL,
    ballot_format=BallotFormat.CUMULATIVE,
    ballot_max_choices=None,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, VEILIG, SPORT, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -330, -301),
        PhaseSpan(PhaseKind.PLANS, -300, -241),
        PhaseSpan(PhaseKind.REVIEW, -240, -191),
        PhaseSpan(PhaseKind.DECISION, -190, -151),
        PhaseSpan(PhaseKind.RESULT, -150, -131),
        PhaseSpan(PhaseKind.EXECUTION, -130, 240),
        PhaseSpan(PhaseKind.EVALUATION, 241, 300),
    ),
    unspent_money=UnspentMoney.DISTRICT,
    current_phase=PhaseKind.EXECUTION,
    verdicts_publish_day=-190,
)

OOST_2027 = EditionSpec(
    slug="buurtbudget-oost-2027",
    district_slug="oost",
    name="Buurtbudget Oost 2027",
    year=2027,
    introduction=(
        "Stadsdeel Oost stelt € 400.000 beschikbaar voor plannen van bewoners, van de Weesperzijde tot "
        "IJburg. De inzendperiode is voorbij: 11 plannen zijn ingediend.\n\n"
        "Nu is het aan jou: steun de plannen die jij belangrijk vindt. Steunen minstens 15 bewoners een "
        "plan, dan controleert het stadsdeel of het kan. Wie steunt, kan ook reageren en vragen "
        "stellen aan de initiatiefnemers.\n\n"
        "In het voorjaar stemt iedereen van 16 jaar en ouder die in Oost woont op ten hoogste vijf "
        "plannen. Die stemming is een advies. Daarna beslist een burgerpanel van bewoners, door loting "
        "gekozen, over de plannen. Het panel heeft de uitslag van de stemming dan op tafel. Het panel "
        "legt per plan uit waarom het wel of niet gekozen is."
    ),
    total_budget_cents=eur(400_000),
    max_plan_cost_cents=eur(40_000),
    min_age=16,
    decision_model=DecisionModel.HYBRID,
    hybrid_order=HybridOrder.VOTE_THEN_PANEL,
    ballot_format=BallotFormat.APPROVAL,
    ballot_max_choices=5,
    aggregation_rule=AggregationRule.PHRAGMEN,
    support_threshold=15,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, VEILIG, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -95, -66),
        PhaseSpan(PhaseKind.PLANS, -65, -9),
        PhaseSpan(PhaseKind.SUPPORT, -8, 13),
        PhaseSpan(PhaseKind.REVIEW, 14, 55),
        PhaseSpan(PhaseKind.DECISION, 56, 76),
        PhaseSpan(PhaseKind.PANEL, 77, 97),
        PhaseSpan(PhaseKind.RESULT, 98, 111),
        PhaseSpan(PhaseKind.EXECUTION, 112, 475),
    ),
    current_phase=PhaseKind.SUPPORT,
)

WEST_2027 = EditionSpec(
    slug="buurtbudget-west-2027",
    district_slug="west",
    name="Buurtbudget West 2027",
    year=2027,
    introduction=(
        "In West beslissen bewoners over € 350.000. Alle ingediende plannen worden nu getoetst door "
        "het stadsdeel: is het plan wettelijk toegestaan, klopt de begroting, past het in de straat, "
        "wie onderhoudt het en heeft de buurt er iets aan?\n\n"
        "Soms vraagt de toetser de initiatiefnemer om het plan aan te passen. Alle oordelen worden "
        "tegelijk gepubliceerd, met een toelichting, aan het eind van de toetsfase.\n\n"
        "Daarna beslist een burgerpanel van 35 bewoners, door loting gekozen, over een voorstel, en "
        "stemt heel West erover."
    ),
    total_budget_cents=eur(350_000),
    max_plan_cost_cents=eur(45_000),
    min_age=16,
    decision_model=DecisionModel.HYBRID,
    hybrid_order=HybridOrder.PANEL_THEN_VOTE,
    ballot_format=BallotFormat.CUMULATIVE,
    ballot_max_choices=None,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, VEILIG, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -120, -91),
        PhaseSpan(PhaseKind.PLANS, -90, -36),
        PhaseSpan(PhaseKind.REVIEW, -35, 20),
        PhaseSpan(PhaseKind.SHORTLIST, 21, 34),
        PhaseSpan(PhaseKind.DECISION, 35, 48),
        PhaseSpan(PhaseKind.RESULT, 49, 62),
        PhaseSpan(PhaseKind.EXECUTION, 63, 430),
    ),
    current_phase=PhaseKind.REVIEW,
    verdicts_publish_day=20,
)

ZUID_2027 = EditionSpec(
    slug="buurtbudget-zuid-2027",
    district_slug="zuid",
    name="Buurtbudget Zuid 2027",
    year=2027,
    introduction=(
        "Stadsdeel Zuid verdeelt € 300.000 over plannen van bewoners. Het stadsdeel heeft alle plannen "
        "getoetst; de oordelen en de toelichting staan bij elk plan.\n\n"
        "De stadsdeelcommissie kiest nu uit de haalbare plannen ten hoogste acht plannen voor de "
        "stemming, elk met een reden die iedereen kan lezen. Daarna stemt iedereen van 12 jaar en ouder "
        "die in Zuid woont op ten hoogste vier plannen."
    ),
    total_budget_cents=eur(300_000),
    max_plan_cost_cents=eur(40_000),
    min_age=12,
    decision_model=DecisionModel.ONLINE_VOTE,
    ballot_format=BallotFormat.APPROVAL,
    ballot_max_choices=4,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -190, -161),
        PhaseSpan(PhaseKind.PLANS, -160, -101),
        PhaseSpan(PhaseKind.REVIEW, -100, -36),
        PhaseSpan(PhaseKind.SHORTLIST, -35, 6),
        PhaseSpan(PhaseKind.DECISION, 7, 27),
        PhaseSpan(PhaseKind.RESULT, 28, 41),
        PhaseSpan(PhaseKind.EXECUTION, 42, 410),
    ),
    current_phase=PhaseKind.SHORTLIST,
    verdicts_publish_day=-35,
    shortlist_size=8,
)

# The edition before Nieuw-West 2027: voted on by about 5,000 residents, counted and published.
NIEUW_WEST_2026 = EditionSpec(
    slug="buurtbudget-nieuw-west-2026",
    district_slug="nieuw-west",
    name="Buurtbudget Nieuw-West 2026",
    year=2026,
    introduction=(
        "In Nieuw-West beslisten bewoners over € 450.000. Geuzenveld, Osdorp-Oost en Slotervaart Noord "
        "hadden elk een eigen deel van het budget; de rest was voor plannen uit de andere wijken en "
        "voor heel Nieuw-West.\n\n"
        "Iedereen van 16 jaar en ouder kreeg een brief met een stemcode en koos online of op papier "
        "ten hoogste vijf plannen per deel van het budget. Het stadsdeel telde de stemmen met de "
        "regel Eerlijk delen: elke groep stemmers bepaalt over een eerlijk deel van het geld.\n\n"
        "De uitslag staat hieronder, met per plan hoeveel stemmen het kreeg en waarom het wel of niet "
        "gekozen is. De stembiljetten zijn anoniem te downloaden, zodat iedereen kan natellen."
    ),
    total_budget_cents=eur(450_000),
    max_plan_cost_cents=eur(60_000),
    min_age=16,
    decision_model=DecisionModel.ONLINE_VOTE,
    ballot_format=BallotFormat.APPROVAL,
    ballot_max_choices=5,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    rule_satisfaction=Satisfaction.COST,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, VEILIG, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -150, -121),
        PhaseSpan(PhaseKind.PLANS, -120, -81),
        PhaseSpan(PhaseKind.REVIEW, -80, -35),
        PhaseSpan(PhaseKind.DECISION, -34, -13),
        PhaseSpan(PhaseKind.RESULT, -12, 8),
        PhaseSpan(PhaseKind.EXECUTION, 9, 370),
    ),
    unspent_money=UnspentMoney.NEXT_EDITION,
    current_phase=PhaseKind.RESULT,
    verdicts_publish_day=-35,
    results_publish_day=-9,
    sub_budgets=(
        SubBudgetSpec(eur(65_000), neighbourhood_slug="geuzenveld"),
        SubBudgetSpec(eur(52_000), neighbourhood_slug="osdorp-oost"),
        SubBudgetSpec(eur(48_000), neighbourhood_slug="slotervaart-noord"),
    ),
)

# The edition before Oost 2027, finished: a citizens' panel made the shortlist, then all of Oost voted
# on it; the chosen plans were carried out and the edition is now being evaluated.
OOST_2026 = EditionSpec(
    slug="buurtbudget-oost-2026",
    district_slug="oost",
    name="Buurtbudget Oost 2026",
    year=2026,
    introduction=(
        "In Oost beslisten bewoners over € 200.000. Bewoners dienden 14 plannen in; het stadsdeel "
        "toetste ze en twaalf bleken haalbaar.\n\n"
        "Een burgerpanel van 21 bewoners, door loting gekozen uit wie op een brief reageerde, koos "
        "daaruit in twee werkavonden in het Huis van de Wijk Oost tien plannen voor de stemming, elk "
        "met een reden. Daarna stemde iedereen van 16 jaar en ouder in Oost, online of op papier, op "
        "ten hoogste vier plannen; de regel Eerlijk delen verdeelde het geld.\n\n"
        "De gekozen plannen zijn uitgevoerd of worden afgerond. Het stadsdeel evalueert nu wat deze "
        "editie opleverde en wat Oost 2027 anders doet."
    ),
    total_budget_cents=eur(200_000),
    max_plan_cost_cents=eur(40_000),
    min_age=16,
    decision_model=DecisionModel.HYBRID,
    hybrid_order=HybridOrder.PANEL_THEN_VOTE,
    ballot_format=BallotFormat.APPROVAL,
    ballot_max_choices=4,
    aggregation_rule=AggregationRule.EQUAL_SHARES,
    rule_satisfaction=Satisfaction.COST,
    support_threshold=0,
    themes=(GROEN, SOCIAAL, SPORT, CULTUUR, JEUGD),
    phases=(
        PhaseSpan(PhaseKind.INFORMATION, -420, -391),
        PhaseSpan(PhaseKind.PLANS, -390, -336),
        PhaseSpan(PhaseKind.REVIEW, -335, -291),
        PhaseSpan(PhaseKind.SHORTLIST, -290, -263),
        PhaseSpan(PhaseKind.DECISION, -262, -242),
        PhaseSpan(PhaseKind.RESULT, -241, -222),
        PhaseSpan(PhaseKind.EXECUTION, -221, -15),
        PhaseSpan(PhaseKind.EVALUATION, -14, 60),
    ),
    unspent_money=UnspentMoney.EDITION_POT,
    current_phase=PhaseKind.EVALUATION,
    verdicts_publish_day=-290,
    shortlist_size=10,
    results_publish_day=-237,
)

EDITIONS: tuple[EditionSpec, ...] = (
    NIEUW_WEST_2027,
    ZUIDOOST_2026,
    NOORD_2026,
    OOST_2026,
    OOST_2027,
    WEST_2027,
    ZUID_2027,
    NIEUW_WEST_2026,
)
