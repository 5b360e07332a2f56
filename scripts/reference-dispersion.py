#!/usr/bin/env python3
"""Reference computation for the over-dispersion-aware change test (issue 13).

Independent of the app: reads the police.uk street CSVs directly with Python's csv
module, counts each theme per month over two financial years, and fits with statsmodels

    count ~ C(year) + C(month_of_year),  family = Poisson

then the same model as quasi-Poisson (scale = Pearson chi2 / residual df). Prints, per
theme: the two yearly totals, the dispersion, the Poisson Wald p of the year effect, the
quasi-Poisson p (normal and t on the residual df), and the exact conditional (binomial)
p of the two totals (scipy). The Rust tests in src/analysis/dispersion.rs hold these
numbers as constants.

Usage: python3 scripts/reference-dispersion.py [POLICE_UK_DIR] [--fy 2024]
(defaults: sample-data/police-uk, financial year 2024/25 against 2023/24).
Needs: pip install statsmodels scipy
"""
import argparse
import csv
import glob
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats


def months_of(fy):
    return ["%04d-%02d" % (fy + (m < 4), m) for m in list(range(4, 13)) + [1, 2, 3]]


def count(folder, fy):
    wanted = set(months_of(fy - 1) + months_of(fy))
    counts = {}
    for path in sorted(glob.glob(os.path.join(folder, "*", "*-street.csv"))):
        with open(path, newline="", encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                month = row["Month"]
                if month not in wanted:
                    continue
                asb = row["Crime type"] == "Anti-social behaviour"
                for theme in ["asb" if asb else "all_crime", row["Crime type"]]:
                    counts.setdefault(theme, {}).setdefault(month, 0)
                    counts[theme][month] += 1
    return counts


def fit(by_month, fy):
    rows = []
    for year, label in [(fy - 1, 0), (fy, 1)]:
        for i, m in enumerate(months_of(year)):
            rows.append({"count": by_month.get(m, 0), "year": label, "moy": i})
    df = pd.DataFrame(rows)
    model = smf.glm("count ~ C(year) + C(moy)", df, family=sm.families.Poisson())
    poisson = model.fit()
    quasi = model.fit(scale="X2")
    dispersion = quasi.scale
    z_quasi = quasi.params["C(year)[T.1]"] / quasi.bse["C(year)[T.1]"]
    a = int(df[df.year == 1]["count"].sum())
    b = int(df[df.year == 0]["count"].sum())
    exact = stats.binomtest(min(a, b), a + b, 0.5).pvalue if a + b else 1.0
    return {
        "current": a,
        "previous": b,
        "dispersion": dispersion,
        "p_wald_poisson": poisson.pvalues["C(year)[T.1]"],
        "p_quasi_normal": quasi.pvalues["C(year)[T.1]"],
        "p_quasi_t": 2 * stats.t.sf(abs(z_quasi), poisson.df_resid),
        "p_exact_poisson": exact,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="sample-data/police-uk")
    ap.add_argument("--fy", type=int, default=2024, help="first calendar year of the FY")
    args = ap.parse_args()
    counts = count(args.folder, args.fy)
    print("theme,current,previous,dispersion,p_exact_poisson,p_wald_poisson,p_quasi_normal,p_quasi_t")
    for theme in sorted(counts):
        r = fit(counts[theme], args.fy)
        print("%s,%d,%d,%.10g,%.10g,%.10g,%.10g,%.10g" % (
            theme, r["current"], r["previous"], r["dispersion"], r["p_exact_poisson"],
            r["p_wald_poisson"], r["p_quasi_normal"], r["p_quasi_t"]))
    print()
    print("theme,financial_year,april_to_march")
    for theme in ["all_crime", "asb"]:
        for fy in [args.fy - 1, args.fy]:
            by_month = counts.get(theme, {})
            print("%s,%d/%02d,%s" % (theme, fy, (fy + 1) % 100,
                                     " ".join(str(by_month.get(m, 0)) for m in months_of(fy))))


if __name__ == "__main__":
    main()
