"""Plain words for every column a reader sees, and a glossary of the terms framescope uses.

The scorecard keeps its stable snake_case names (scripts and spreadsheets rely on them); the
dashboard shows a class these names instead. One registry, beside the data dictionary
(:func:`analyzer.scorecard.data_dictionary`), so a column is named alike on every page, and a
test checks that every column of the dictionary has a name here.
"""

from __future__ import annotations

import re

import pandas as pd

#: Whose words a span is in, as a student reads it.
VOICE_WORDS = {
    "authorial": "in the outlet's own words",
    "quoted": "in direct quotes",
    "reported": "in reported speech",
    "caption": "in a caption or credit line",
}
PER_WORDS = "per 1,000 words"

_NAMES = {
    "file": "file",
    "outlet": "outlet",
    "title": "headline",
    "url": "address",
    "published": "published",
    "articles": "articles",
    "framescope_version": "framescope version",
    "lexicon_version": "word-list version",
    "boilerplate_share": "share of the page that is not the article (furniture)",
    "boilerplate_lines": "lines of page furniture",
    "loaded_label_rate": f"labels for groups, any kind, {PER_WORDS}",
    "loaded_style_flags": "judging labels in the outlet's own words",
    "loaded_style_flag_rate": f"judging labels in the outlet's own words, {PER_WORDS}",
    "loaded_language_rate": f"loaded words, {PER_WORDS}",
    "loaded_language_authorial_rate": f"loaded words in the outlet's own words, {PER_WORDS}",
    "loaded_emotive_rate": f"emotive words, {PER_WORDS}",
    "loaded_emotive_authorial_rate": f"emotive words in the outlet's own words, {PER_WORDS}",
    "loaded_unresolved": "labels tied to no actor (unresolved)",
    "hedge_booster_balance": "hedged (+1) or boosted (-1)?",
    "attribution_density": "share of sentences that say who said it",
    "attribution_rate": f"'said', 'according to' and the like, {PER_WORDS}",
    "quote_direct_count": "direct quotes",
    "quote_direct_rate": f"direct quotes, {PER_WORDS}",
    "quote_word_share": "share of words inside quotes",
    "quote_attributed_share": "share of quotes with a known speaker",
    "source_distinct_count": "different sources",
    "source_named_count": "named people as sources",
    "source_organisation_count": "organisations as sources",
    "source_anonymous_count": "unnamed sources",
    "source_pronoun_count": "sources written as 'he', 'she', 'they'",
    "source_named_share": "share of sources that are named",
    "source_anonymous_rate": f"unnamed sources, {PER_WORDS}",
    "sentiment_mean_compound": "average tone (-1 negative to +1 positive)",
    "sentiment_negative_share": "share of negative sentences",
    "sentiment_positive_share": "share of positive sentences",
    "readability_fk_grade": "reading level (US school grade)",
    "readability_flesch_ease": "reading ease (0 hard, 100 easy)",
    "body_words": "words in the article",
    # Credibility indicators (the "How is it sourced?" page).
    "voice_side_count": "sides whose people are heard",
    "voice_top_side_word_share": "share of quoted words the most-quoted side gets",
    "evidence_reference_rate": f"documents, studies and data referred to, {PER_WORDS}",
    "evidence_sourced_number_share": "share of numbers that say where they come from",
    "evidence_date_rate": f"dates of events, {PER_WORDS}",
    "evidence_link_count": "web links in the article",
    "headline_words": "words in the headline",
    "headline_clickbait_count": "clickbait signs in the headline",
    "headline_caps_share": "share of headline words in capitals",
    "headline_unsupported_share": "share of headline words the article never uses",
    "headline_label_absent_count": "loaded headline words the article never uses",
    "tone_loaded_sentence_share": "share of sentences that judge in the outlet's own words",
    "page_byline": "shows who wrote it (byline)",
    "page_date": "shows when it was published",
    "page_dateline": "says where it was written (dateline)",
    "page_correction": "shows a correction or update notice",
    "page_donation_ask_count": "requests for donations",
    "page_ad_teaser_count": "ads and 'also read' teasers",
}
_SIGNAL_WORDS = {
    "hedge": "hedges (less sure)",
    "booster": "boosters (more sure)",
    "weasel": "weasel words (unnamed sources)",
    "distancing": "distancing verbs",
}
_TIER_LABELS = re.compile(
    r"loaded_(descriptive|contested|value_laden|dehumanizing|honorific)_"
    r"(authorial|quoted|reported|caption)(_rate)?"
)
_SIGNAL_RATES = re.compile(r"(hedge|booster|weasel|distancing)(_authorial)?_rate")

#: The words framescope uses that a class may not know, explained once (the Glossary page).
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("label", "A word for a group or a person: 'terrorists', 'fighters', 'heroes'."),
    ("descriptive", "A label that says who they are or what they did without judging "
     "('fighters', 'armed group')."),
    ("contested", "A label some style guides accept and others avoid ('militants', 'rebels')."),
    ("value-laden", "A label that judges ('terrorists', 'regime'): newsrooms use it only when "
     "they say who used it."),
    ("dehumanizing", "A label that makes people sound less than human ('vermin', 'animals')."),
    ("honorific", "A label that praises ('heroes', 'martyrs', 'freedom fighters'): praise is "
     "framing too."),
    ("judging label", "A value-laden, dehumanizing or honorific label."),
    ("authorial (the outlet's own words)", "Written by the outlet itself, not inside a quote and "
     "not reported as what someone said."),
    ("quoted", "Inside quotation marks: someone else's exact words."),
    ("reported", "Someone's words retold by the outlet ('officials said the group ...')."),
    ("caption", "In a photo caption, byline or dateline: words set apart from the article, "
     "often the photo desk's or an agency's, not the outlet's own voice."),
    ("unresolved", "A label framescope could not tie to any actor in the text; a story pack can "
     "tie it."),
    ("hedge", "A word that makes a claim less sure: 'may', 'reportedly', 'appears to'."),
    ("booster", "A word that makes a claim more sure: 'clearly', 'completely', 'proved'."),
    ("weasel words", "A claim that leans on someone the text does not name: 'experts say', "
     "'reports suggest'."),
    ("distancing verb", "A verb that casts doubt on what was said: 'claimed', 'alleged'."),
    ("page furniture", "Parts of a web page that are not the article: share buttons, 'Also "
     "read' links, comment prompts. framescope leaves them out of every count."),
    ("story pack", "A list of the actors in one story and every name they go by, so labels "
     "attach to the right actor."),
    ("per 1,000 words", "How many in every 1,000 words of the article, so long and short "
     "articles compare fairly."),
)  # fmt: skip


def display_name(column: str) -> str:
    """The plain-language name of a scorecard column (the column itself if it is unknown)."""
    if column in _NAMES:
        return _NAMES[column]
    tiers = _TIER_LABELS.fullmatch(column)
    if tiers:
        tier, voice, rate = tiers.groups()
        name = f"{tier.replace('_', '-')} labels {VOICE_WORDS[voice]}"
        return f"{name}, {PER_WORDS}" if rate else name
    signal = _SIGNAL_RATES.fullmatch(column)
    if signal:
        kind, own = signal.groups()
        return f"{_SIGNAL_WORDS[kind]}{' ' + VOICE_WORDS['authorial'] if own else ''}, {PER_WORDS}"
    return column


def display_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its scorecard columns renamed to their plain names, for display only."""
    return frame.rename(columns=display_name)
