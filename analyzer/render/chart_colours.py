"""One colour per meaning on every chart: a bar that counts a kind of highlight takes its colour.

"Hedges" are the hedge yellow on every chart and in every article; "unnamed sources" are the weasel
blue whether the chart counts weasel words or anonymous sources, because both are the same kind
of evidence. Measures no highlight stands for (tone, reading level, voices) take colours no
highlight uses, each for one meaning only.
"""

from __future__ import annotations

from analyzer.render.kinds import KIND_BY_KEY

#: Measures that count one kind of highlight (the span-kind registry's key).
MEASURE_KINDS = {
    "hedge_authorial_rate": "hedge",
    "booster_authorial_rate": "booster",
    "weasel_authorial_rate": "weasel",
    "distancing_authorial_rate": "distancing",
    "source_anonymous_count": "weasel",
    "source_named_count": "source",
    "source_named_share": "source",
    "tier:value-laden": "label",
    "tier:honorific": "praise",
    "tier:contested": "contested",
    "tier:descriptive": "descriptive",
}
#: Measures no highlight colour stands for: each colour here means one thing only.
OTHER_COLOURS = {
    "tier:dehumanizing": "#b2182b",  # a deeper shade of the loaded-label red: the worst of it
    "boilerplate_share": "#9e9e9e",  # furniture is greyed in the articles too
    "voice:authorial": "#2b2b2b",
    "voice:quoted": "#8c6d31",
    "quote_word_share": "#8c6d31",  # words in quotes: the quoted voice's colour
    "voice:reported": "#6b8e23",
    "voice:caption": "#4a5f78",  # the italic caption lines in the articles
    "attribution_density": "#4a6fa5",
    "source_organisation_count": "#5f9ea0",
    "sentiment_negative_share": "#5e3c99",
    "sentiment_positive_share": "#1b9e77",
    "readability_fk_grade": "#666666",
}
#: Bars in pale highlight colours need an outline to read on white.
BAR_OUTLINE = "#333333"


def measure_colour(key: str) -> str:
    """The colour of a chart measure (a scorecard column, ``tier:T`` or ``voice:V``)."""
    if key in MEASURE_KINDS:
        colour = KIND_BY_KEY[MEASURE_KINDS[key]].colour
        assert colour is not None  # every kind listed is a filled one
        return colour
    return OTHER_COLOURS[key]
