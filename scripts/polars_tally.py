#!/usr/bin/env python3
"""The peer for `summary` on a CSV table (issue 15): polars `read_csv` and a group_by of
the signers by party, state and role, as a data person would count the same table.

    python3 scripts/polars_tally.py TABLE.csv

Prints the number of groups and of signers. Exits 3, saying so, when polars is not
installed (pip install polars), so that scripts/bench-summary.sh can leave it out.
"""
import sys

try:
    import polars as pl
except ImportError:
    print("polars is not installed (pip install polars): the polars peer is skipped", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: polars_tally.py TABLE.csv")
    table = pl.read_csv(sys.argv[1], infer_schema_length=0)
    counts = table.group_by(["party", "state", "role"]).len()
    print(f"{counts.height} groups, {int(counts['len'].sum())} signers")


if __name__ == "__main__":
    main()
