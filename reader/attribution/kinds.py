"""What kind of source a phrase names: a public body, an intelligence service, a company, a media
outlet, an NGO, an armed group, an institution, an unnamed source, or a person.

Read from the kind of word a body's name or description is built on ("Ministry", "Agency",
"Times", "rights group", "militants"), never from any particular name. The configuration maps
these kinds to categories (`kinds:` in config.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from reader.attribution.lexicon import COUNTRIES, SOCIAL_PLATFORMS
from reader.config import SOURCE_KINDS

PERSON = "person"
PUBLIC_BODY = "public body"
INTELLIGENCE = "intelligence service"
COMPANY = "company"
MEDIA = "media outlet"
NGO = "NGO"
ARMED_GROUP = "armed group"
INSTITUTION = "institution"
UNNAMED = "unnamed source"
PRIVATE_PERSON = "private person"  # a person the article gives no role or office
POST = "post"  # a statement posted on a social platform
# nouns that name a body ("the ministry", "a rights group"), as the head of an owner phrase
BODY_NOUNS = frozenset("""
ministry department agency office service police army military government administration court
embassy council committee commission authority authorities company firm group militants rebels
newspaper broadcaster network channel organisation organization charity foundation
""".split())
# kinds of body, as opposed to people and documents
BODY_KINDS = frozenset({PUBLIC_BODY, INTELLIGENCE, COMPANY, MEDIA, NGO, ARMED_GROUP, INSTITUTION, UNNAMED})
assert {PUBLIC_BODY, INTELLIGENCE, COMPANY, MEDIA, NGO, ARMED_GROUP, INSTITUTION, UNNAMED,
        PRIVATE_PERSON, POST} <= set(SOURCE_KINDS)

# Legislatures and their members: "a legislator on an intelligence committee is official".
_LEGISLATIVE = frozenset("""
senate senator senators congress congressman congresswoman congressional parliament parliamentary
parliamentarian lawmaker lawmakers legislator legislators legislature mp mps committee
""".split())
_INTELLIGENCE = frozenset("""
intelligence spy spies espionage counterintelligence counter-intelligence
""".split())
_INTELLIGENCE_PHRASES = ("security service", "security services", "secret service", "spy agency")
_ARMED_GROUP = frozenset("""
militant militants militia militias rebel rebels insurgent insurgents insurgency jihadist jihadists
jihadi guerrilla guerrillas extremist extremists terrorist terrorists gunmen separatists separatist
""".split())
_MEDIA = frozenset("""
newspaper newspapers paper tabloid broadcaster broadcasters magazine outlet outlets network
radio television tv newswire wire daily weekly media
""".split())
# the last word of a capitalised name that makes it a newspaper or a broadcaster
_MEDIA_NAME_ENDS = frozenset("""
times post journal herald tribune gazette telegraph chronicle observer news press radio
television tv broadcasting magazine daily weekly review mail express standard today
""".split())
_NGO = frozenset("""
ngo ngos charity charities nonprofit non-profit non-governmental humanitarian rights advocacy
volunteer volunteers activists campaigners watchdog foundation
""".split())
_NGO_PHRASES = ("aid group", "aid agency", "aid agencies", "aid organisation", "aid organization",
                "relief group", "rights group", "campaign group", "pressure group", "without borders",
                "red cross", "red crescent", "save the children")
_COMPANY = frozenset("""
company companies firm firms corporation corp inc ltd llc plc co holdings conglomerate carrier
airline airlines airways manufacturer maker retailer insurer lender startup start-up operator
technologies industries motors pharmaceuticals railroad bank
""".split()) | SOCIAL_PLATFORMS - {"x", "threads", "truth"}
_INSTITUTION = frozenset("""
university universities college institute institution academy school think-tank church museum
""".split())
_INSTITUTION_PHRASES = ("think tank",)
_PUBLIC = frozenset("""
ministry ministries government governments administration cabinet presidency embassy embassies
consulate police army navy military court courts tribunal judiciary prosecutors
prosecutor municipality municipal county council authorities authority agency commission
department bureau directorate inspectorate gendarmerie coastguard regime state-run state-owned
""".split()) | _LEGISLATIVE
# words that name a public body only as the last word of a capitalised name ("Home Office",
# "National Weather Service", "Geological Survey"), never in lower case ("a ride-sharing service")
_PUBLIC_NAME_ENDS = frozenset("""
office service survey board guard forces force assembly division secretariat
""".split())
# Bodies of governments together, by the acronym they are known by (the names with a type word,
# "World Bank", "European Union", are found by their words)
_INTERGOVERNMENTAL = frozenset("""
UN WHO IMF WFP UNICEF UNESCO UNHCR UNDP UNEP IAEA OECD OSCE NATO OPEC ASEAN EU AU ECOWAS IOM ILO WTO
""".split())
_INTERGOVERNMENTAL_PHRASES = ("world bank", "international monetary fund", "african union", "european union",
                              "european commission", "world food programme")
_PUBLIC_PHRASES = ("state media", "state news agency", "state television", "state tv", "news agency of",
                   "official news agency", "armed forces", "air force", "coast guard", "fire department",
                   "fire service", "united nations", "white house", "city hall", "central bank")
_UN = frozenset({"un", "u.n", "u.n."})
_UNNAMED = frozenset("source sources insider insiders".split())
_UNNAMED_PHRASES = ("people familiar", "person familiar", "someone familiar", "people close", "person close",
                    "people with knowledge", "person with knowledge")

_WORD = re.compile(r"[\w’'-]+|\.")


def _has(low: str, phrases: tuple[str, ...]) -> bool:
    return any(p in low for p in phrases)


# Roles that speak for the body they belong to: "an Oxland Aid spokesman" speaks for an aid group,
# "the ministry's spokesman" for a ministry, "Vale Rail's chief technology officer" for a company.
AFFILIATED_ROLES = frozenset("""
spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official officials officer
officers representative representatives director directors head chief chairman chairwoman chair
president executive executives manager managers member members secretary leader leaders commander
commanders staff employee employees aide aides adviser advisers advisor advisors agent agents
coordinator co-ordinator founder co-founder owner ceo cfo cto coo
""".split())


def legislative(phrase: str) -> bool:
    """Does the phrase name a legislature or its members ("Senate Intelligence Committee")?"""
    return any(w.lower() in _LEGISLATIVE for w in _WORD.findall(phrase))


@lru_cache(maxsize=4096)
def body_kind(phrase: str) -> str | None:
    """The kind of body a phrase names or works for, or None: "the Home Office" -> public body,
    "Senate Intelligence Committee" -> public body, "a rights group" -> NGO. People's names and
    roles give None here (whoswho.affiliation_of finds the body a role belongs to)."""
    words = _WORD.findall(phrase)
    if not words:
        return None
    folded = [w.replace("’", "'").lower().removesuffix("'s") for w in words]
    lows = set(folded)
    low = " ".join(folded)
    if lows & _LEGISLATIVE:
        return PUBLIC_BODY  # before intelligence: a legislator on an intelligence committee
    if lows & _INTELLIGENCE or _has(low, _INTELLIGENCE_PHRASES):
        return INTELLIGENCE
    if _has(low, _PUBLIC_PHRASES) or lows & _UN or _has(low, _INTERGOVERNMENTAL_PHRASES) \
            or any(w in _INTERGOVERNMENTAL for w in words):
        return PUBLIC_BODY
    if _has(low, _NGO_PHRASES):
        return NGO
    if lows & _ARMED_GROUP:
        return ARMED_GROUP
    if "social media" in low:
        return None  # "social media users": people, whose words tell the rest
    caps = [w for w in words if w[:1].isupper()]
    last_cap = caps[-1].lower() if caps else ""
    named_end = len(caps) >= 2 and words[-1] == caps[-1]  # a capitalised name ends the phrase
    first_cap = caps[1].lower() if len(caps) > 1 and caps[0].lower() == "the" else (caps[0].lower() if caps else "")
    if lows & _MEDIA or "news agency" in low or (named_end and last_cap in _MEDIA_NAME_ENDS):
        return MEDIA
    if lows & _PUBLIC:
        return PUBLIC_BODY
    if lows & _NGO or (named_end and last_cap == "international"):
        return NGO  # "a rights group", "Oxland International"
    if lows & _COMPANY:
        return COMPANY
    if lows & _INSTITUTION or _has(low, _INSTITUTION_PHRASES):
        return INSTITUTION
    if named_end and (last_cap in _PUBLIC_NAME_ENDS or (
            first_cap == "world" and last_cap in ("organization", "organisation"))):
        return PUBLIC_BODY  # "Harbour Survey", "World Weather Organisation": bodies of governments
    if low in COUNTRIES or low.removeprefix("the ") in COUNTRIES:
        return PUBLIC_BODY  # "Moscow denied": a capital speaking for its government
    if lows & _UNNAMED or _has(low, _UNNAMED_PHRASES):
        return UNNAMED
    return None
