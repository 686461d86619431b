#!/usr/bin/env python3
"""Reference values for the drift statistics of mlops-validation, computed independently of mlops4j with scipy and
numpy (Debian's python3-scipy), for DriftReferenceTest and the other drift tests.

Run from the mlops-validation directory with the Debian interpreter (it has scipy):
    /usr/bin/python3 src/test/python/drift_reference.py ../../shared/data > src/test/resources/drift-reference.json

Everything here is written from the definitions (and scipy's functions), not from the Java code:
  KS       scipy.stats.ks_2samp (method 'exact' or 'asymp'), scipy.stats.kstwo.sf
  W        scipy.stats.wasserstein_distance / numpy.std (population, floored at 0.001)
  PSI      sum (c - r) ln(c / r), an empty share replaced by 1e-4, bins as in the case
  JS       scipy.spatial.distance.jensenshannon (distance; divergence = its square), base 2 or e
  L-inf    max |r - c|
  chi2     scipy.stats.chi2_contingency(correction=False) (homogeneity), scipy.stats.chisquare (goodness of fit)
  z        two-proportion z with pooled variance, p = 2 * scipy.stats.norm.sf(|z|)
Bins: reference quantile cuts numpy.quantile(method='inverted_cdf') at k/B, right-closed (numpy.searchsorted
side='left'); equal width over both sides' range, right-closed; Sturges = numpy.histogram_bin_edges(bins='sturges')
with numpy.histogram (left-closed, last closed), as Evidently; TFDV = union of each side's 11 equal-width edges,
right-closed; value bins = one bin per distinct value of either side.
"""
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

EPS = 1e-4


# ---- binning ------------------------------------------------------------------------------------------------------

def counts_right_closed(values, cuts):
    idx = np.searchsorted(np.asarray(cuts, dtype=float), np.asarray(values, dtype=float), side="left")
    return np.bincount(idx, minlength=len(cuts) + 1)


def quantile_cuts(ref, bins):
    qs = [np.quantile(np.asarray(ref, dtype=float), k / bins, method="inverted_cdf") for k in range(1, bins)]
    return sorted(set(float(q) for q in qs))


def equal_width_cuts(lo, hi, bins):
    if not hi > lo:
        return []
    edges = np.linspace(lo, hi, bins + 1)
    return [float(e) for e in edges[1:-1]]


def tfdv_cuts(ref, cur):
    edges = set()
    for side in (ref, cur):
        lo, hi = float(np.min(side)), float(np.max(side))
        edges.update(float(e) for e in np.linspace(lo, hi, 11))
    edges = sorted(edges)
    return edges[1:-1]


def binned(ref, cur, binning, bins=10):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    if binning == "quantiles":
        cuts = quantile_cuts(ref, bins)
    elif binning == "equal_width":
        both = np.concatenate([ref, cur])
        cuts = equal_width_cuts(float(both.min()), float(both.max()), bins)
    elif binning == "tfdv":
        cuts = tfdv_cuts(ref, cur)
    elif binning == "sturges":
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        return np.histogram(ref, edges)[0], np.histogram(cur, edges)[0]
    elif binning == "values":
        keys = sorted(set(ref.tolist()) | set(cur.tolist()))
        return (np.array([np.sum(ref == k) for k in keys]), np.array([np.sum(cur == k) for k in keys]))
    else:
        raise ValueError(binning)
    return counts_right_closed(ref, cuts), counts_right_closed(cur, cuts)


def category_counts(ref, cur):
    keys = sorted(set(ref) | set(cur))
    return (np.array([ref.count(k) for k in keys]), np.array([cur.count(k) for k in keys]))


# ---- statistics ---------------------------------------------------------------------------------------------------

def shares(counts):
    counts = np.asarray(counts, dtype=float)
    return counts / counts.sum()


def psi(rc, cc):
    r = shares(rc)
    c = shares(cc)
    r = np.where(r == 0, EPS, r)
    c = np.where(c == 0, EPS, c)
    return float(np.sum((c - r) * np.log(c / r)))


def js_distance(rc, cc, base):
    return float(distance.jensenshannon(shares(rc), shares(cc), base=base))


def l_inf(rc, cc):
    return float(np.max(np.abs(shares(rc) - shares(cc))))


def chi2_homogeneity(rc, cc):
    keep = (np.asarray(rc) + np.asarray(cc)) > 0
    table = np.array([np.asarray(rc)[keep], np.asarray(cc)[keep]])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    return float(chi2), float(p), int(dof)


def chi2_gof(rc, cc):
    rc = np.asarray(rc, dtype=float)
    cc = np.asarray(cc, dtype=float)
    keep = (rc + cc) > 0
    rc, cc = rc[keep], cc[keep]
    expected = rc * cc.sum() / rc.sum()
    r = stats.chisquare(cc, expected)
    return float(r.statistic), float(r.pvalue), int(len(rc) - 1)


def z_test(rc, cc):
    rc = np.asarray(rc, dtype=float)
    cc = np.asarray(cc, dtype=float)
    n1, n2 = rc.sum(), cc.sum()
    p1, p2 = rc[1] / n1, cc[1] / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return float(z), float(2 * stats.norm.sf(abs(z)))


def ks(ref, cur, method):
    r = stats.ks_2samp(np.asarray(ref, dtype=float), np.asarray(cur, dtype=float), method=method)
    return float(r.statistic), float(r.pvalue)


def wasserstein_normed(ref, cur):
    ref = np.asarray(ref, dtype=float)
    return float(stats.wasserstein_distance(ref, np.asarray(cur, dtype=float)) / max(np.std(ref), 0.001))


def numeric_measures(ref, cur):
    """Every method on two numeric samples, with the default binning (values for at most 20 reference values)."""
    binning = "values" if len(set(ref)) <= 20 else "quantiles"
    rc, cc = binned(ref, cur, binning)
    ks_method = "exact" if max(len(ref), len(cur)) < 10000 else "asymp"
    d, p = ks(ref, cur, ks_method)
    chi, chip, dof = chi2_homogeneity(rc, cc)
    return {
        "binning": binning,
        "ks": {"statistic": d, "pvalue": p, "kind": ks_method},
        "wasserstein_normed": wasserstein_normed(ref, cur),
        "psi": psi(rc, cc),
        "js_distance_base2": js_distance(rc, cc, 2),
        "js_distance_base_e": js_distance(rc, cc, math.e),
        "l_infinity": l_inf(rc, cc),
        "chi2": {"statistic": chi, "pvalue": chip, "dof": dof},
    }


def categorical_measures(ref, cur):
    rc, cc = category_counts(ref, cur)
    chi, chip, dof = chi2_homogeneity(rc, cc)
    out = {
        "psi": psi(rc, cc),
        "js_distance_base2": js_distance(rc, cc, 2),
        "l_infinity": l_inf(rc, cc),
        "chi2": {"statistic": chi, "pvalue": chip, "dof": dof},
    }
    if all(k in set(ref) for k in set(cur)):
        s, p, d = chi2_gof(rc, cc)
        out["chi2_gof"] = {"statistic": s, "pvalue": p, "dof": d}
    return out


# ---- multiple testing, bands, history strategies -------------------------------------------------------------------

def bonferroni(p):
    m = len(p)
    return [min(1.0, x * m) for x in p]


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out.tolist()


def online_normal(series, k, min_history):
    """Flags x_i outside mean +/- k sd (sample sd, ddof=1) of the earlier non-flagged points, once min_history such
    points exist."""
    flags = []
    kept = []
    for x in series:
        flagged = False
        if len(kept) >= min_history:
            mean = float(np.mean(kept))
            sd = float(np.std(kept, ddof=1))
            flagged = x < mean - k * sd or x > mean + k * sd
        flags.append(flagged)
        if not flagged:
            kept.append(x)
    return flags


def relative_rate(series, max_decrease, max_increase):
    flags = [False]
    for prev, x in zip(series, series[1:]):
        if prev == 0:
            flags.append(x != 0)
        else:
            rate = x / prev
            flags.append(rate < max_decrease or rate > max_increase)
    return flags


# ---- data ---------------------------------------------------------------------------------------------------------

def read_weather(data_dir):
    with open(Path(data_dir) / "seattle-weather.csv", newline="") as f:
        return list(csv.DictReader(f))


def column(rows, name):
    return [float(r[name]) for r in rows]


def main(data_dir):
    rng = np.random.RandomState(20240601)
    arrays = {
        "x": np.round(rng.normal(10, 2, 40), 2).tolist(),
        "y": np.round(rng.normal(10.8, 2.5, 35), 2).tolist(),
        "ties_ref": rng.randint(0, 12, 50).astype(float).tolist(),
        "ties_cur": rng.randint(1, 14, 45).astype(float).tolist(),
        "wide_ref": np.round(rng.gamma(2.0, 3.0, 300), 3).tolist(),
        "wide_cur": np.round(rng.gamma(2.4, 3.0, 260), 3).tolist(),
    }
    # large samples given as value counts (KS asymptotic: both above 10,000 values)
    values = list(range(1, 41))
    p_ref = np.linspace(1, 2, 40)
    p_cur = np.linspace(1, 2.3, 40)
    counts_ref = rng.multinomial(12000, p_ref / p_ref.sum()).tolist()
    counts_cur = rng.multinomial(15000, p_cur / p_cur.sum()).tolist()
    big_ref = np.repeat(values, counts_ref).astype(float)
    big_cur = np.repeat(values, counts_cur).astype(float)

    cat_ref = ["a"] * 70 + ["b"] * 60 + ["c"] * 45 + ["d"] * 25
    cat_cur = ["a"] * 50 + ["b"] * 70 + ["c"] * 30 + ["d"] * 20 + ["e"] * 10
    cat_cur_known = ["a"] * 50 + ["b"] * 70 + ["c"] * 40 + ["d"] * 30
    bin_ref = ["no"] * 130 + ["yes"] * 70
    bin_cur = ["no"] * 100 + ["yes"] * 90

    cases = {}
    cases["x_vs_y"] = numeric_measures(arrays["x"], arrays["y"])
    cases["ties"] = numeric_measures(arrays["ties_ref"], arrays["ties_cur"])
    cases["wide"] = numeric_measures(arrays["wide_ref"], arrays["wide_cur"])
    wide = {}
    for b in ("equal_width", "sturges", "tfdv"):
        rc, cc = binned(arrays["wide_ref"], arrays["wide_cur"], b)
        wide[b] = {"bins": int(len(rc)), "psi": psi(rc, cc), "js_distance_base2": js_distance(rc, cc, 2),
                   "js_divergence_base2": js_distance(rc, cc, 2) ** 2, "l_infinity": l_inf(rc, cc)}
    cases["wide_binnings"] = wide
    cases["big"] = {
        "values": values, "counts_ref": counts_ref, "counts_cur": counts_cur,
        "ks": dict(zip(("statistic", "pvalue"), ks(big_ref, big_cur, "asymp")), kind="asymp"),
        "wasserstein_normed": wasserstein_normed(big_ref, big_cur),
    }
    cases["categorical"] = categorical_measures(cat_ref, cat_cur)
    cases["categorical_known"] = categorical_measures(cat_ref, cat_cur_known)
    z, zp = z_test(*category_counts(bin_ref, bin_cur))
    cases["binary"] = dict(categorical_measures(bin_ref, bin_cur), z={"statistic": z, "pvalue": zp})
    cases["categorical"]["new_category_fraction"] = 10 / len(cat_cur)

    # the two-sided one-sample KS distribution behind the asymptotic p-values
    kstwo = []
    ks_cases = [(0.05, 500), (0.02, 5000), (0.01, 6000), (0.004, 90000), (0.003, 150000), (0.002, 500000),
             (0.0015, 1000000), (0.1, 30), (0.3, 12)]
    for n in (10000, 12000, 30000, 100000):
        for z in (0.6, 1.0, 1.4, 2.0):
            ks_cases.append((z / math.sqrt(n), n))
    for d, n in ks_cases:
        kstwo.append({"d": d, "n": n, "sf": float(stats.kstwo.sf(d, n))})

    # monitors on a column with missing values and an outlier-heavy current side
    mon_ref = [1.0, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0] * 5 + [None] * 5
    mon_cur = [1.0, 2.0, 9.5, 3.0, 10.0, 4.0, -3.0, 5.0, 5.5, 12.0] * 5 + [None] * 15
    ref_vals = np.array([v for v in mon_ref if v is not None])
    cur_vals = np.array([v for v in mon_cur if v is not None])
    mu, sd = ref_vals.mean(), ref_vals.std()
    lo, hi = mu - 2 * sd, mu + 2 * sd
    out_ref = float(np.mean((ref_vals < lo) | (ref_vals > hi)))
    out_cur = float(np.mean((cur_vals < lo) | (cur_vals > hi)))
    monitors = {
        "reference": mon_ref, "current": mon_cur,
        "missing_reference": 5 / 55, "missing_current": 15 / 65, "missing_change": abs(15 / 65 - 5 / 55),
        "outside_reference": out_ref, "outside_current": out_cur, "outside_increase": out_cur - out_ref,
    }

    pvals = [0.001, 0.04, 0.03, 0.2, 0.012, 0.5, 0.049]
    multiple = {"p": pvals, "bonferroni": bonferroni(pvals), "benjamini_hochberg": benjamini_hochberg(pvals)}

    history_series = [0.010, 0.012, 0.011, 0.009, 0.010, 0.013, 0.011, 0.010, 0.012, 0.045, 0.011, 0.010, 0.0,
                      0.012, 0.011]
    history = {
        "series": history_series,
        "online_normal_k3_min5": online_normal(history_series, 3.0, 5),
        "relative_rate_0.5_2.0": relative_rate(history_series, 0.5, 2.0),
    }

    # ---- seattle-weather --------------------------------------------------------------------------------------
    rows = read_weather(data_dir)
    by_year = {y: [r for r in rows if r["date"].startswith(str(y))] for y in (2012, 2013, 2014, 2015)}
    numeric_cols = ["precipitation", "temp_max", "temp_min", "wind"]
    weather = {}
    for a, b in [(2012, 2015), (2012, 2013)]:
        res = {}
        for c in numeric_cols:
            res[c] = numeric_measures(column(by_year[a], c), column(by_year[b], c))
        res["weather"] = categorical_measures([r["weather"] for r in by_year[a]], [r["weather"] for r in by_year[b]])
        weather["%d_vs_%d" % (a, b)] = res
    winter = [r for r in by_year[2015] if r["date"][5:7] in ("01", "02", "12")]
    summer = [r for r in by_year[2015] if r["date"][5:7] in ("06", "07", "08")]
    weather["2015_winter_vs_summer"] = {c: numeric_measures(column(winter, c), column(summer, c))
                                        for c in numeric_cols}
    perm = np.random.RandomState(7).permutation(len(by_year[2015]))
    half = len(perm) // 2
    first = [by_year[2015][i] for i in sorted(perm[:half])]
    second = [by_year[2015][i] for i in sorted(perm[half:])]
    halves = {c: numeric_measures(column(first, c), column(second, c)) for c in numeric_cols}
    halves["weather"] = categorical_measures([r["weather"] for r in first], [r["weather"] for r in second])
    halves["first_half_dates"] = [r["date"] for r in first]
    weather["2015_random_halves"] = halves

    # NannyML-style bands: 2012 cut into calendar months, each month's KS D against all of 2012; 2013-2015 months
    ref2012 = column(by_year[2012], "temp_max")
    chunks = {}
    for r in by_year[2012]:
        chunks.setdefault(r["date"][:7], []).append(float(r["temp_max"]))
    chunk_d = [ks(v, ref2012, "exact")[0] for v in chunks.values()]
    mean = float(np.mean(chunk_d))
    sd = float(np.std(chunk_d))
    months = {}
    for y in (2013, 2014, 2015):
        for r in by_year[y]:
            months.setdefault(r["date"][:7], []).append(float(r["temp_max"]))
    window_d = {m: ks(ref2012, v, "exact")[0] for m, v in months.items()}
    weather["monthly_bands_temp_max"] = {
        "chunk_d": chunk_d, "mean": mean, "sd": sd, "lower": max(0.0, mean - 3 * sd), "upper": mean + 3 * sd,
        "window_d": window_d,
        "outside": sorted(m for m, d in window_d.items() if d > mean + 3 * sd or d < max(0.0, mean - 3 * sd)),
        "window_p": {m: ks(ref2012, v, "exact")[1] for m, v in months.items()},
    }

    out = {
        "generator": "src/test/python/drift_reference.py with scipy %s, numpy %s, Python %s"
                     % (scipy.__version__, np.__version__, sys.version.split()[0]),
        "arrays": arrays,
        "cases": cases,
        "categorical_data": {"reference": cat_ref, "current": cat_cur, "current_known": cat_cur_known,
                             "binary_reference": bin_ref, "binary_current": bin_cur},
        "kstwo": kstwo,
        "monitors": monitors,
        "multiple_testing": multiple,
        "history": history,
        "weather": weather,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../shared/data")
