#!/usr/bin/env python3
"""The Python reference for scripts/bench-summary.sh: the same tally as
`signer-dashboard summary FILE --format json`, with only the standard library
(json or csv, and collections.Counter).

It normalises parties and states the way the app does (codes, full names, dotted and
AP-style forms, ignoring case), so that its counts can be checked against the app's:

    python3 scripts/reference_tally.py big.json          # prints the tally as JSON
    python3 scripts/reference_tally.py big.csv --check app.json

With --check it compares its tally with the app's JSON summary and exits 1 if they differ.
"""

import csv
import json
import sys
from collections import Counter

STATES = {
    "AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "MA": "Massachusetts",
    "MD": "Maryland", "ME": "Maine", "MI": "Michigan", "MN": "Minnesota", "MO": "Missouri",
    "MS": "Mississippi", "MT": "Montana", "NC": "North Carolina", "ND": "North Dakota",
    "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia", "VT": "Vermont",
    "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming",
    "DC": "District of Columbia", "AS": "American Samoa", "GU": "Guam",
    "MP": "Northern Mariana Islands", "PR": "Puerto Rico", "VI": "U.S. Virgin Islands",
}
ALIASES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "flor": "FL", "ill": "IL", "ills": "IL",
    "ind": "IN", "kan": "KS", "kans": "KS", "ken": "KY", "mass": "MA", "mich": "MI",
    "minn": "MN", "miss": "MS", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV",
    "nmex": "NM", "ndak": "ND", "sdak": "SD", "okla": "OK", "ore": "OR", "oreg": "OR",
    "penn": "PA", "penna": "PA", "tenn": "TN", "tex": "TX", "wash": "WA", "wva": "WV",
    "wis": "WI", "wisc": "WI", "wyo": "WY", "ida": "ID", "ia": "IA", "cnmi": "MP",
    "usvirginislands": "VI", "virginislands": "VI", "usvi": "VI", "washingtondc": "DC",
    "northernmarianas": "MP", "territoryofguam": "GU", "commonwealthofpuertorico": "PR",
}


def fold(text):
    return "".join(c for c in text if c.isalnum()).lower()


STATE_BY_FOLDED = {}
for _code, _name in STATES.items():
    STATE_BY_FOLDED[_code.lower()] = _code
    STATE_BY_FOLDED[fold(_name)] = _code
for _alias, _code in ALIASES.items():
    STATE_BY_FOLDED.setdefault(_alias, _code)

PARTIES = {}
for _forms, _code in [
    ("d dem democrat democratic dfl", "D"),
    ("r rep gop republican", "R"),
    ("i ind independent", "I"),
]:
    for _form in _forms.split():
        PARTIES[_form] = _code
for _form, _code in [
    ("democratic party", "D"),
    ("democratic-farmer-labor", "D"),
    ("democratic-farmer-labor party", "D"),
    ("republican party", "R"),
    ("", "?"),
]:
    PARTIES[_form] = _code

CHAMBERS = {
    "house": "house", "h": "house", "rep": "house", "representative": "house",
    "house of representatives": "house", "us house": "house", "u.s. house": "house",
    "senate": "senate", "s": "senate", "sen": "senate", "senator": "senate",
    "us senate": "senate", "u.s. senate": "senate",
}
LEADS = {"lead", "leader", "co-lead", "colead", "co-leader", "sponsor"}


def state_code(text):
    if text is None or not text.strip():
        return "??"
    return STATE_BY_FOLDED.get(fold(text), "??")


def party_code(text, others):
    if text is None:
        return "?"
    trimmed = text.strip().rstrip(".")
    known = PARTIES.get(trimmed.lower())
    if known is not None:
        return known
    # Other codes are kept as first written, the same party whatever the case.
    return others.setdefault(trimmed.lower(), trimmed)


def tally(signers):
    by_party, by_state, by_role, by_chamber = Counter(), Counter(), Counter(), Counter()
    by_party_state = Counter()
    others = {}
    for signer in signers:
        party = party_code(signer.get("party"), others)
        state = state_code(signer.get("state"))
        by_party[party] += 1
        by_state[state] += 1
        by_party_state[(state, party)] += 1
        role = (signer.get("role") or "").strip().lower()
        by_role["lead" if role in LEADS else "cosigner"] += 1
        chamber = CHAMBERS.get((signer.get("chamber") or "").strip().rstrip(".").lower())
        by_chamber[chamber or "unknown"] += 1
    party_state = {}
    for (state, party), n in by_party_state.items():
        party_state.setdefault(state, {})[party] = n
    return {
        "total": sum(by_party.values()),
        "by_party": dict(by_party),
        "by_state": dict(by_state),
        "by_party_state": party_state,
        "by_role": {"lead": by_role["lead"], "cosigner": by_role["cosigner"]},
        "by_chamber": dict(by_chamber),
    }


def read_signers(path):
    if path.lower().endswith(".csv"):
        with open(path, newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)["signers"]


def comparable(summary):
    """The parts of a summary both sides compute, with the zero counts left out."""
    chamber = {k: v for k, v in summary["by_chamber"].items() if v}
    return {
        "total": summary["total"],
        "by_party": summary["by_party"],
        "by_state": summary["by_state"],
        "by_party_state": summary["by_party_state"],
        "by_role": summary["by_role"],
        "by_chamber": chamber,
    }


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--check"):
        print(__doc__, file=sys.stderr)
        return 2
    result = tally(read_signers(argv[1]))
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8") as f:
            app = json.load(f)
        if comparable(app) != comparable(result):
            print("reference_tally: the app's tally differs from Python's", file=sys.stderr)
            for key, value in comparable(result).items():
                if comparable(app)[key] != value:
                    print(f"  {key}: app {comparable(app)[key]} python {value}", file=sys.stderr)
            return 1
        print(f"reference_tally: same tally as the app ({result['total']} signers)")
        return 0
    json.dump(result, sys.stdout, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
