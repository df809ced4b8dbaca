"""Derive ``analyzer/lexicons/emotive_words.csv`` from VADER's own lexicon.

    python benchmarks/build_emotive_lexicon.py            # rewrite the lexicon file
    python benchmarks/build_emotive_lexicon.py --check    # fail if the file is out of date

Source: ``vader_lexicon.txt`` as installed with vaderSentiment (MIT licence; Hutto, C. J. and
Gilbert, E. (2014), "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
Text", ICWSM). Each VADER entry is the mean of ten human ratings on a -4 (extremely negative) to
+4 (extremely positive) scale.

Rule, decided by reasoning and checked on the seed articles (no evaluation corpus was read):

- a word is **emotive** when its mean rating is at least :data:`MIN_VALENCE` in size: raters on
  average called it more than "moderately" positive or negative (2 on VADER's scale), so the
  word itself carries the feeling whatever it reports;
- only dictionary-like words: letters and inner hyphens or apostrophes, at least
  :data:`MIN_LENGTH` letters, minus chat slang and initialisms (:data:`CHAT_SLANG`);
- minus words a factual news report needs to name the event itself (:data:`NEWS_VOCABULARY`):
  "killed" in a war report or "won" in an election report states what happened; flagging them
  would highlight every article and teach students nothing;
- minus every form the curated lexicons (``actor_labels.csv``, ``loaded_language.csv``) already
  list, so each word has one owner and the curated rule text wins.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.matching import variants  # noqa: E402
from analyzer.signals.loaded import label_rows, language_rows, surface_forms  # noqa: E402

TARGET = ROOT / "analyzer" / "lexicons" / "emotive_words.csv"
#: |mean rating| on VADER's -4..4 scale; 2 is "moderately" valenced by the raters' anchors.
MIN_VALENCE = 2.0
#: Shorter VADER entries are mostly initialisms ("ly", "po", "dx").
MIN_LENGTH = 4
WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")

#: Chat slang and initialisms in VADER's social-media lexicon that are not news words.
_CHAT_SLANG_TEXT = (
    "aayf alol ambw bwahaha bwahahah fubar hahaha heh iluaaf lmao lmfao lmso lolz lylab lylas "
    "muah mwah roflmao rotfl rotflmao rotflmfao rotflol rotgl sete sfete snafu tyvm xlnt xoxo "
    "ywia fuked fuking bsod cwot hagd hagn hhoj kmuf pita prblms sgtm swak tgif gratz lulz "
    "effin mofo woohoo dullsville haha hugz congrats okays rofl roflcopter xoxozzz"
)
CHAT_SLANG = frozenset(_CHAT_SLANG_TEXT.split())

#: Words that name the event, act, condition or outcome a factual report is about, by reason.
#: They are strongly valenced for VADER's raters, but in news they are the facts themselves ("two
#: soldiers were killed", "the war entered its third year", "she won the vote").
NEWS_VOCABULARY_GROUPS: dict[str, str] = {
    "death and killing, said plainly": (
        "dead death deaths die died dies dying kill killed killer killers killing killings kills "
        "fatal fatalities fatality fatally corpse corpses murder murdered murderer murderers "
        "murders murdering suicide suicides suicidal drown drowned drowning strangled starved "
        "starving casualty casualties"
    ),
    "war, violence and security named as events": (
        "war wars warfare attack attacked attacks attacking assault assaults assaulted "
        "assassination assassinations assassinated violence violent violently riot riots rioting "
        "weapon weapons fight fighting fought conflict conflicts enemy enemies hostage hostages "
        "prisoner prisoners abduction abducted kidnap kidnapped kidnapping torture tortured "
        "tortures torturing bomb bombs bombing bombed explosion explosions invasion injured "
        "wounded threat threats threatened threatening danger dangerous"
    ),
    "crime, law and punishment named as such": (
        "crime crimes criminal criminals illegal illegally fraud frauds felony felonies rape raped "
        "rapes raping rapist rapists abuse abused abuses robbery rob robbed robber theft stealing "
        "arrest arrested jail jailed prison guilty convicted victim victims harassment harassments "
        "ban banned fired punishment punished conspiracy fraudulent fraudster fraudsters cheat "
        "cheated cheating imprisoned prosecution penalty perpetrator violation violations violate "
        "violated violates violating stolen steal steals thief thieves smuggler smuggling heroin "
        "eviction foreclosures suspended abductions abusing abuser abusers assaulting harass "
        "harassed harasser harassers harasses harassing molest molester molesters molesting "
        "molests molestations punish punishes punishing punitive"
    ),
    "disease, disaster, economy": (
        "cancer disease pandemic disaster disasters crisis crises depression recession poverty "
        "poorest bankrupt bankruptcy unemployment debt loss losses lost accident illnesses "
        "infected contagion pollute polluted polluters pollutes poor richer richest wealthier "
        "wealthiest slavery totalitarian totalitarianism widowed bereaved survived"
    ),
    "names of issues a report is about ('police brutality', 'racism', 'racial injustice')": (
        "brutality brutalities racism injustice"
    ),
    "the terror family: actor_labels.csv decides how 'terrorist' and its kin are judged": (
        "terror terrors terrorism terrorisms terroristic terrorise terrorised terrorises "
        "terrorising terrorize terrorized terrorizes terrorizing terrorization"
    ),
    "ordinary verbs and nouns of politics, war and business that state what happened": (
        "offensive collapse agreement acceptance approval rejected rejects rejecting rejection "
        "rejections forced defeat defeated destroy destroyed destroying destroys destruction "
        "damage damaged damaging beating broken fail failed failing failings failure failures gain "
        "benefit beneficiary interest intelligence engagement improved improvement dedicated "
        "effective save relief trust trusted respect respected strength strong strengthening "
        "strengthens confidence confident confidently successfully peacefully peacekeeping "
        "peacemaker peacemakers peacetime peacetimes peaces liberty liberties medal festival "
        "charities abandoned abandonment censor dangers dangerously jeopardy fear feared fears "
        "panic worse worsen worsening worsens troubled troubles grievance grievances prejudice "
        "popularity favorite valuable valuables"
    ),
    (
        "reactions a report attributes to people ('drew praise', 'expressed frustration') and "
        "words of ordinary harm ('suffered injuries', 'a hate crime')"
    ): (
        "praise praised praises praising blame blamed blaming arguing encourage encouraged "
        "encourages encouraging frustrated frustration frustrations disappointed disappointment "
        "disappointments suffer suffered suffering suffers harm harmed harming harms hate cares "
        "sick superior pretty"
    ),
    "outcomes, institutions and civic values used as names": (
        "win wins won winner winners winning victory victories award awards awarded prize prizes "
        "champion champions championship success successes successful freedom freedoms free peace "
        "peaceful supreme security secure safe safety positive negative rich wealth justice "
        "celebrate celebrated celebrates celebrating celebration honor honour honored honoured "
        "reward rewards bonus bonuses support supported help helped rescue rescued"
    ),
    "everyday words of courtesy and ordinary description": (
        "love loved loves happy best great greatest better good thank thanks thanked welcome hope "
        "hopes hoped hopeful smile smiled laugh laughed fun kiss kissed party heart hearts care "
        "cared friend friends friendly super hand hands kind kindly wise wrong tops grand lying "
        "crying pain hurt hurts honest honestly honesty sincerely earnest luck luckily safely "
        "sweet sunshine heaven divine jewels neat slaw dick intellectual comfortable succeed "
        "motivated ambitious gross favorable sophisticated ideal wisdom beauty"
    ),
}
NEWS_VOCABULARY = frozenset(" ".join(NEWS_VOCABULARY_GROUPS.values()).split())


def read_vader() -> list[tuple[str, float]]:
    """(token, mean rating) of every entry of the installed VADER lexicon."""
    source = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    entries = []
    for line in source.read_text(encoding="utf-8").splitlines():
        token, mean, *_ = line.split("\t")
        entries.append((token, float(mean)))
    return entries


def curated_forms() -> set[str]:
    """Every string the curated lexicons' terms can match (so no word gets two owners)."""
    forms: set[str] = set()
    for row in (*label_rows(), *language_rows()):
        for form in surface_forms(row):
            forms |= variants(form)
    return forms


def emotive_rows() -> list[tuple[str, float, str]]:
    """(term, valence, category) by the rule in the module docstring, sorted by term."""
    taken = curated_forms()
    rows = []
    for token, mean in read_vader():
        if abs(mean) < MIN_VALENCE or not WORD.fullmatch(token) or len(token) < MIN_LENGTH:
            continue
        if token in CHAT_SLANG or token in NEWS_VOCABULARY or token in taken:
            continue
        rows.append((token, mean, "emotive-negative" if mean < 0 else "emotive-positive"))
    return sorted(rows)


def render(rows: list[tuple[str, float, str]]) -> str:
    header = [
        "Emotive words: strongly valenced words from VADER's lexicon, shown with label 'emotive'.",
        "source: vader_lexicon.txt of vaderSentiment (MIT licence); Hutto, C. J. and Gilbert, E.",
        "  (2014), VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media",
        "  Text, ICWSM. valence = VADER's mean of ten human ratings on a -4..+4 scale.",
        f"rule: |valence| >= {MIN_VALENCE} (more than 'moderately' valenced on VADER's scale),",
        f"  letters only, at least {MIN_LENGTH} long, minus chat slang, minus plain news vocabulary",
        "  (killed, war, attack, dead, crime, won, peace ...: the facts a report names, not a",
        "  judgement), minus forms the curated lexicons already own.",
        "Generated by benchmarks/build_emotive_lexicon.py (the excluded words are listed there,",
        "  with the reason); edit that script, not this file. No evaluation corpus was read.",
        "Plain news vocabulary left out, by reason:",
        *(f"  - {reason}" for reason in NEWS_VOCABULARY_GROUPS),
        f"{len(rows)} terms.",
    ]
    lines = [f"# {line}" for line in header]
    lines.append("term,valence,category")
    lines.extend(f"{term},{valence:.1f},{category}" for term, valence, category in rows)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    rows = emotive_rows()
    content = render(rows)
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != content:
            print(f"{TARGET.name} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(content, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
