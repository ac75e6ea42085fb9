"""A test set for story grouping: wire stories written for detente, and outlets' rewrites.

Every base story is told in the project's own words.  Several pairs are deliberately close
(same conflict, same names, same kind of event, different news) so that grouping by topic
alone would fail.  :func:`story_reports` returns the reports with their gold story labels: each
base story plus copies an outlet would run — paragraphs reordered under a new headline, the
ending trimmed, a few words swapped, a different dateline and credit line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: key -> (headline, paragraphs)
BASE: dict[str, tuple[str, list[str]]] = {
    "gaza-doha-hostages": (
        "Hamas answers Doha proposal on hostages",
        [
            "Hamas delivered its written reply to the latest Qatari and Egyptian proposal late on "
            "Tuesday, asking for a firm timetable for the Israeli withdrawal from the Rafah "
            "crossing before a second group of hostages is freed.",
            "A Palestinian official familiar with the exchanges said the movement accepted the "
            "sequence of releases but wanted the number of prisoners freed for each soldier "
            "raised, and insisted that aid trucks reach the north without inspection delays.",
            "Israeli negotiators were expected back in Doha on Thursday. Prime Minister Benjamin "
            "Netanyahu's office said Israel would not end the war until every hostage was home "
            "and Hamas no longer governed the enclave.",
            "Mediators described the gap as narrower than in the spring, but cautioned that the "
            "withdrawal maps had not yet been discussed line by line.",
        ],
    ),
    "gaza-aid-corridor": (
        "Cyprus sea corridor reopens for Gaza aid",
        [
            "A ship carrying flour, medical kits and water purification tablets left Larnaca on "
            "Monday as the maritime corridor to Gaza reopened after a three-week pause.",
            "The World Food Programme said the cargo would feed roughly eighty thousand people "
            "for a month, but warned that sea deliveries could not replace the land crossings, "
            "which it called the only way to reach the scale of need.",
            "Israel said it had finished inspections of the cargo in Cyprus. Aid groups again "
            "urged the opening of additional crossings in the north of the strip.",
            "The pier used for the earlier deliveries was damaged by heavy seas in June and has "
            "not been rebuilt.",
        ],
    ),
    "ukraine-istanbul-swap": (
        "Russia and Ukraine agree large prisoner exchange in Istanbul",
        [
            "Delegations from Russia and Ukraine agreed in Istanbul on Monday to exchange one "
            "thousand prisoners of war each, the largest swap since the full-scale invasion, "
            "but made no progress on a ceasefire.",
            "The Ukrainian side, led by Defence Minister Rustem Umerov, handed over a list of "
            "children it says were taken to Russia and asked for their return. Moscow said it "
            "would study the list.",
            "Russia's delegation repeated its demand that Ukraine withdraw its forces from the "
            "four regions Moscow claims before any halt to the fighting, a condition Kyiv "
            "rejected as a demand to surrender territory.",
            "Turkish Foreign Minister Hakan Fidan said both sides had agreed to keep talking and "
            "that technical groups would meet before the end of the month.",
        ],
    ),
    "ukraine-energy-truce": (
        "Kyiv and Moscow trade blame over energy strike pause",
        [
            "Ukraine accused Russia on Wednesday of breaking a thirty-day pause on strikes "
            "against energy facilities within hours of it taking effect, after drones hit a "
            "power substation in the Dnipropetrovsk region.",
            "The Kremlin denied the charge and said Ukrainian forces had shelled a gas "
            "measuring station in the Kursk region, calling it proof that Kyiv could not be "
            "trusted to keep any truce.",
            "Washington, which brokered the pause in separate calls with both presidents, said "
            "it was looking into the reports and urged both sides to honour the arrangement.",
            "Energy workers in the south said repairs would take at least a week.",
        ],
    ),
    "caucasus-peace-text": (
        "Armenia and Azerbaijan finish draft of peace treaty",
        [
            "Armenia and Azerbaijan said on Thursday they had finished negotiating the text of "
            "a peace treaty after more than two years of talks, though neither side named a "
            "date for signing it.",
            "Baku said it would sign only once Armenia removed from its constitution a "
            "reference to the 1990 declaration of independence that Azerbaijan reads as a "
            "territorial claim on Karabakh.",
            "Armenian Prime Minister Nikol Pashinyan said the text recognised the two "
            "countries' borders on the basis of the 1991 Almaty declaration and that a new "
            "constitution would be put to voters separately.",
            "The draft also commits both sides not to deploy third-country forces along the "
            "border, a clause aimed at the European Union monitoring mission.",
        ],
    ),
    "caucasus-transit-route": (
        "Transit route through Syunik dominates Yerevan talks",
        [
            "Officials from Armenia, Azerbaijan and the United States met in Yerevan on Tuesday "
            "to discuss how a road and railway across Armenia's southern Syunik province would "
            "be run.",
            "Azerbaijan wants unimpeded travel to its Nakhchivan exclave without Armenian border "
            "checks. Yerevan says the route must stay under its customs and border control and "
            "has offered joint inspection points instead.",
            "An American official said Washington was ready to bring in a private operator to "
            "manage the line for decades, an idea Iran has warned against.",
            "The officials agreed to meet again in three weeks at expert level.",
        ],
    ),
    "congo-doha-framework": (
        "Congo and M23 sign framework in Doha",
        [
            "The Congolese government and the M23 rebel movement signed a framework agreement "
            "in Doha on Saturday that sets out the steps toward a final peace deal for the east "
            "of the country.",
            "The rebels, who hold Goma and Bukavu, have refused to leave the towns until a "
            "final settlement is reached, while Kinshasa insists on their withdrawal and the "
            "return of state administration first.",
            "Qatar's mediator said the sides would now negotiate protocols on prisoner "
            "exchanges, the return of refugees and a ceasefire monitoring mechanism.",
            "Rwanda, which United Nations experts say commands the rebels, welcomed the "
            "signing and repeated its denial that its troops are inside Congo.",
        ],
    ),
    "congo-washington-minerals": (
        "Kinshasa and Kigali meet in Washington over minerals deal",
        [
            "Foreign ministers from Congo and Rwanda met in Washington on Friday to work on a "
            "regional economic framework that would link investment in mining to an end of "
            "support for armed groups.",
            "Congo's minister said Kigali had to withdraw its soldiers from North Kivu before "
            "any joint projects could start. Rwanda said its security concerns about the FDLR "
            "militia had to be addressed first.",
            "American officials said companies were interested in tin, tantalum and gold "
            "supply chains that could be certified as conflict free.",
            "A follow-up meeting was pencilled in for next month.",
        ],
    ),
    "sudan-jeddah-truce": (
        "Sudan army refuses Jeddah truce talks without RSF withdrawal",
        [
            "Sudan's army said on Sunday it would not return to the Jeddah talks until the "
            "Rapid Support Forces withdrew from homes and public buildings in the capital, as "
            "required by the declaration both sides signed two years ago.",
            "The paramilitary group said it was ready for an unconditional humanitarian truce "
            "and accused the army of blocking aid to El Fasher, where famine has been declared "
            "in a displacement camp.",
            "Saudi and American mediators have tried for months to bring the generals back to "
            "the table. A diplomat said the army fears a truce would freeze the front lines in "
            "Darfur.",
            "Aid agencies said trucks had been waiting at the Chad border for nine days.",
        ],
    ),
    "kosovo-ohrid-plates": (
        "Serbia and Kosovo clash again over Ohrid commitments",
        [
            "Serbia and Kosovo accused each other in Brussels on Wednesday of failing to carry "
            "out the agreement reached in Ohrid, after a day of talks chaired by the European "
            "Union's envoy.",
            "Kosovo's prime minister said Belgrade must first recognise Kosovo's documents and "
            "symbols in practice. Serbia's president said Pristina had to establish the "
            "association of Serb-majority municipalities before anything else moved.",
            "The envoy said the two leaders had agreed to a joint statement on missing persons "
            "but nothing on the association.",
            "The European Union has kept some funding to Kosovo frozen since a spike in tension "
            "in the north.",
        ],
    ),
    "colombia-eln-ceasefire": (
        "Colombia suspends talks with ELN after attack",
        [
            "Colombia's government suspended peace talks with the National Liberation Army on "
            "Friday after an attack on a military base in Arauca killed two soldiers.",
            "The chief government negotiator said the talks could resume only if the guerrilla "
            "group stopped kidnappings and attacks on the security forces.",
            "The ELN command said the attack was a response to army operations and that it "
            "remained willing to negotiate under the agenda agreed in Mexico.",
            "Church leaders in the region asked both sides to restore the bilateral ceasefire "
            "that expired in the summer.",
        ],
    ),
    "tigray-pretoria-review": (
        "African Union reviews Pretoria deal as Tigray tensions rise",
        [
            "African Union envoys met Ethiopian federal officials and the Tigray interim "
            "administration in Addis Ababa on Tuesday to review the Pretoria agreement that "
            "ended the war in the region.",
            "Tigrayan leaders asked for the return of displaced people to western Tigray, "
            "which remains under Amhara forces, and for the release of prisoners held since "
            "the fighting.",
            "The federal government said disarmament of Tigrayan fighters had to be completed "
            "before the disputed areas were settled by referendum.",
            "The envoys urged restraint after a split within the Tigray People's Liberation "
            "Front raised fears of new clashes.",
        ],
    ),
}

DATELINES = {
    "gaza-doha-hostages": "DOHA",
    "gaza-aid-corridor": "NICOSIA",
    "ukraine-istanbul-swap": "ISTANBUL",
    "ukraine-energy-truce": "KYIV",
    "caucasus-peace-text": "YEREVAN",
    "caucasus-transit-route": "YEREVAN",
    "congo-doha-framework": "DOHA",
    "congo-washington-minerals": "WASHINGTON",
    "sudan-jeddah-truce": "PORT SUDAN",
    "kosovo-ohrid-plates": "BRUSSELS",
    "colombia-eln-ceasefire": "BOGOTA",
    "tigray-pretoria-review": "ADDIS ABABA",
}

OUTLETS = ("Reuters", "AFP", "AP", "dpa", "Anadolu", "EFE", "ANSA")

#: Words an outlet's copy desk changes.
SWAPS = {
    "said": "stated",
    "on Monday": "Monday",
    "warned": "cautioned",
    "refused": "declined",
    "meet": "convene",
    "agreed": "consented",
    "demand": "call",
    "talks": "negotiations",
}

#: Headlines rewrites get, per story.
NEW_HEADLINES = {
    "gaza-doha-hostages": "Hostage deal: Hamas wants withdrawal timetable",
    "gaza-aid-corridor": "Aid ship leaves Larnaca as maritime route resumes",
    "ukraine-istanbul-swap": "Thousand-for-thousand swap agreed, no ceasefire",
    "ukraine-energy-truce": "Energy strike pause under strain hours after start",
    "caucasus-peace-text": "Peace treaty text agreed, signing date open",
    "caucasus-transit-route": "Who runs the Syunik road? Three-way talks in Yerevan",
    "congo-doha-framework": "Doha framework signed by Kinshasa and rebels",
    "congo-washington-minerals": "Minerals and troops on table in Washington",
    "sudan-jeddah-truce": "Army sets condition for return to Jeddah",
    "kosovo-ohrid-plates": "Brussels talks end in mutual accusations",
    "colombia-eln-ceasefire": "Bogota halts ELN negotiations after base attack",
    "tigray-pretoria-review": "Pretoria agreement under review in Addis Ababa",
}


@dataclass(frozen=True, slots=True)
class Copy:
    """One report of the test set and the story it belongs to."""

    story: str
    outlet: str
    text: str
    how: str


def _render(headline: str, dateline: str, outlet: str, paras: list[str], credit: bool) -> str:
    body = f"{dateline} ({outlet}) - " + "\n\n".join(paras)
    tail = f"\n\n(Reporting by the {outlet} desk; editing by the night team)" if credit else ""
    return f"{headline}\n\n{body}{tail}\n"


def _swap(text: str, rng: random.Random) -> str:
    for old, new in SWAPS.items():
        if rng.random() < 0.5:
            text = text.replace(old, new)
    return text


def story_reports(seed: int = 7) -> list[Copy]:
    """Base stories and their rewrites (3 to 5 reports per story), shuffled."""
    rng = random.Random(seed)
    out: list[Copy] = []
    for key, (headline, paras) in BASE.items():
        where = DATELINES[key]
        outlets = rng.sample(OUTLETS, 5)
        out.append(
            Copy(key, outlets[0], _render(headline, where, outlets[0], paras, True), "original")
        )
        # Reordered paragraphs under a new headline.
        moved = paras[:1] + paras[2:3] + paras[1:2] + paras[3:]
        out.append(
            Copy(
                key,
                outlets[1],
                _render(NEW_HEADLINES[key], where, outlets[1], moved, False),
                "reordered",
            )
        )
        # The ending trimmed (last paragraph and the end of the one before), words swapped.
        trimmed = paras[:2] + [paras[2].split(". ")[0] + "."]
        out.append(
            Copy(
                key,
                outlets[2],
                _swap(_render(headline, where, outlets[2], trimmed, True), rng),
                "trimmed",
            )
        )
        if rng.random() < 0.7:
            # Lead rewritten into two paragraphs, the rest reordered.
            lead = paras[0].split(", ", 1)
            split = [lead[0] + ".", lead[1][0].upper() + lead[1][1:]] if len(lead) == 2 else lead
            rest = [paras[3], paras[1], paras[2]]
            out.append(
                Copy(
                    key,
                    outlets[3],
                    _swap(_render(NEW_HEADLINES[key], where, outlets[3], split + rest, False), rng),
                    "rewritten lead",
                )
            )
        if rng.random() < 0.5:
            out.append(
                Copy(
                    key,
                    outlets[4],
                    _render(headline.upper(), where, outlets[4], paras[:3], True),
                    "short",
                )
            )
    rng.shuffle(out)
    return out
