"""Closed word classes of English news prose that the rules lean on.

General grammar and world knowledge only: nothing here names a person, place or phrase of any
particular article. The open word lists (cue verbs, category words) live in config.yaml.
"""
from __future__ import annotations

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm maj sen rep gov st mt jr sr no nos vs etc fig
jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx ave blvd rev
hon pres supt det insp cpl pvt atty
""".split())

# the numbers written as words, and the words for many of them
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
MULTITUDES = frozenset("dozens hundreds thousands".split())

DETERMINERS = frozenset("""
a an the this that these those its his her their our my your some several many few another each
every both all any no
""".split()) | NUMBER_WORDS | MULTITUDES

PERSONAL_PRONOUNS = {
    "he": ("m", False), "she": ("f", False), "they": (None, True), "it": ("n", False),
    "we": (None, True), "i": (None, False),
}

# Words between a speaker and the cue verb that belong to neither ("X has also said").
VERB_FILLERS = frozenset("""
has have had was were is are be been being will would could should may might must can did does do
also later then again once still further previously personally publicly privately separately
earlier repeatedly reportedly recently first initially lately subsequently quickly simply flatly
immediately finally already even just only now never often widely angrily bluntly calmly
firmly quietly loudly openly sharply strongly curtly tersely cautiously not long since
""".split())

# Words before a number that make it rough ("about half of voters", "over 40 percent"), and the
# amounts they qualify: the phrase is a quantity, not a preposition's object.
APPROXIMATORS = frozenset("about around nearly almost roughly some over under approximately".split())
AMOUNTS = frozenset("half third quarter a dozen two-thirds three-quarters one-third one-quarter "
                    "majority".split()) | NUMBER_WORDS | MULTITUDES

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
# Words that can open an adverbial phrase in front of a clause's subject ("On Friday, ...").
TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
morning afternoon evening night week weekend month year day hours minutes moments weeks months
years decade earlier later last next this that previous recent
""".split()) | frozenset(MONTHS)

# words that open a subordinate clause: "When asked about it, Vale said …"
SUBORDINATORS = frozenset("when while after before since as because although though if once until "
                          "unless whereas".split())
PREPOSITIONS = frozenset("""
in on at by for from with about of to into onto over under after before during since until
through across against among between without within via amid despite towards toward near
around inside outside beyond along behind throughout upon beside besides alongside regarding
concerning like per
""".split())

# Clause-joining words that end a speaker's noun phrase when read right to left.
CLAUSE_WORDS = frozenset("""
and but or that which who whom whose when while where because although though if as than so
yet since after before until unless whereas
""".split())

# Objects of "tell" and friends that are audiences, not content ("told reporters that").
AUDIENCES = frozenset("""
reporters journalists correspondents press media aides advisers advisors allies friends donors
voters followers fans lawmakers legislators parliament parliamentarians
mps senators congress deputies delegates diplomats officials investigators police prosecutors
court judge jury committee council audience crowd supporters students residents listeners viewers
readers me us him her them you everyone colleagues members staff employees workers troops
conference briefing interview meeting session hearing broadcaster newspaper paper agency
television tv radio station channel outlet magazine website panel subcommittee network show program
programme podcast host rally
""".split())

# Nouns whose "shows/suggests/indicates" introduces what the evidence says.
EVIDENCE_NOUNS = frozenset("""
footage video videos clip clips image images imagery photo photos photograph photographs picture
pictures recording recordings document documents records data figures report reports study studies
survey surveys poll polls polling analysis assessment review investigation evidence graph graphs chart
charts statistics findings results research audit census estimates filings transcript transcripts
""".split())

# Texts that carry someone's words: "a statement posted on …", "the memo says …. It warns …"
TEXT_NOUNS = frozenset("""
statement statements post posts message messages letter letters tweet tweets video videos release
interview speech caption photo photos image footage clip note notes document documents article
articles column essay blog email emails comment comments remarks words update thread page account
memo summary
""".split())

SOCIAL_PLATFORMS = frozenset("""
x twitter telegram facebook instagram tiktok youtube weibo wechat vk vkontakte reddit bluesky
threads truth mastodon snapchat whatsapp linkedin
""".split())

FEMALE_WORDS = frozenset("""
she her woman women spokeswoman chairwoman congresswoman businesswoman mother wife daughter
sister grandmother aunt niece girl girlfriend widow ms mrs madam queen princess actress
""".split())
MALE_WORDS = frozenset("""
he his man men spokesman chairman congressman businessman father husband son brother
grandfather uncle nephew boy boyfriend widower mr sir king prince actor
""".split())

# Nouns for people that are not roles of an office (mentions.PERSON_ROLES, kinds.AFFILIATED_ROLES):
# who "he" or "she" may stand for when no name is written ("the candidate", "a local woman").
PERSON_NOUNS = FEMALE_WORDS | MALE_WORDS | frozenset("""
person people candidate nominee contender delegate voter democrat republican independent
conservative liberal progressive host anchor commentator columnist writer author actor
veteran partner friend supporter donor fundraiser volunteer student parent child citizen
lawmaker legislator congressman congresswoman politician rival opponent challenger incumbent
speaker pastor priest rabbi imam bishop farmer owner neighbor neighbour victim survivor
suspect defendant plaintiff attorney counsel critic fan protester protestor demonstrator
customer patient relative cousin guy lady gentleman girl boy mom dad wife husband
frontrunner front-runner star celebrity someone somebody anyone everyone one
""".split())
# Endings of nouns for people ("businessman", "economist", "historian", "employee", "questioner",
# "donor"), and the nouns for things that end so
PERSON_ENDINGS = ("man", "woman", "person", "ist", "ian", "ee", "ess", "er", "or")
THINGS_ENDING_SO = frozenset("""
paper letter poster number order matter center computer water power border chapter cover trailer
newsletter answer tower corner flyer flier banner marker sticker folder timer meter monitor error
door floor factor sector motor mirror color colour honor honour humor humour rumor rumour labor
labour favor favour behavior behaviour tremor committee
""".split())

# Last words of the names of places, laws and events, which no person goes by ("Fair Housing Act",
# "Harbour Street", "Super Tuesday"): a first name before them does not make a person
NAMES_OF_THINGS_END = frozenset("""
act acts amendment amendments bill law code treaty accord accords agreement street avenue road
boulevard square lane drive highway bridge park arena stadium hall center centre tower building
plaza airport station hospital church cathedral mosque temple synagogue school college river lake
island mountain mountains valley beach bay coast county city state states district province region
east west north south hotel mall summit convention conference tuesday war prize award awards
""".split())

# Words that make a capitalised noun phrase an organisation rather than a person.
ORGANISATION_WORDS = frozenset("""
ministry ministries department agency service services office government council committee
commission embassy consulate army navy force forces police bureau institute university party
union company corporation group channel network news times post guardian journal press
association federation court parliament assembly organisation organization foundation fund
bank authority authorities administration cabinet kremlin pentagon command staff unit units
centre center programme program team club league board technologies technology consulting
consultancy inc ltd llc plc corp corporation holdings partners associates systems solutions labs
resources mining oil gas petroleum pharmaceuticals
laboratories media international airlines airways motors industries enterprises watch rights
amnesty coalition alliance society trust movement front brigade brigades battalion observatory
initiative project campaign
""".split())

# Countries and capitals, used as metonyms for governments ("Norway claimed", "Oslo denied").
COUNTRIES = frozenset(name.lower() for name in """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|
Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|
Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|
Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|
Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Türkiye|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|
Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|America|the US|
the U.S.|the UK|the U.K.|Beijing|Moscow|Kyiv|Kiev|Washington|London|Paris|Berlin|Tokyo|Seoul|
Pyongyang|Tehran|Ankara|Warsaw|Delhi|New Delhi|Islamabad|Kabul|Baghdad|Damascus|Riyadh|Cairo|
Jerusalem|Minsk|Brussels|Rome|Madrid|Ottawa|Canberra|Taipei|Hanoi|Manila|Jakarta|Bangkok|Havana|
Caracas|Brasilia|Addis Ababa|Nairobi|Abuja|Pretoria|Khartoum|Tripoli|Algiers|Rabat|Doha|
Abu Dhabi|Muscat|Sanaa|Beirut|Amman|Baku|Yerevan|Tbilisi|Chisinau|Budapest|Prague|Vienna|
Bucharest|Sofia|Belgrade|Athens|Lisbon|Dublin|Oslo|Stockholm|Helsinki|Copenhagen|Tallinn|Riga|
Vilnius|Bratislava|Ljubljana|Zagreb|Sarajevo|Skopje|Tirana|Podgorica|Nicosia|Valletta|
Reykjavik|Bern|Luxembourg|Amsterdam|The Hague|Canberra|Wellington|Mexico City|Bogota|Lima|
Santiago|Buenos Aires|Montevideo|Asuncion|La Paz|Quito|Managua|Tegucigalpa|Naypyidaw|Dhaka|
Kathmandu|Colombo|Astana|Tashkent|Bishkek|Dushanbe|Ashgabat|Ulaanbaatar|Kinshasa|Luanda|
Harare|Lusaka|Maputo|Kampala|Kigali|Mogadishu|Asmara|Juba|Dakar|Accra|Bamako|Niamey|
Ouagadougou|Tunis|Tel Aviv|Gaza|Ramallah|Kremlin|White House|Downing Street|Elysee|Élysée|
Pentagon|Whitehall|Brussels|Europe|NATO|the West|the EU|the European Union|the United Nations
""".replace("\n", "").split("|"))
