#!/usr/bin/env python3
"""Reference statistics of the shared data sets, computed independently of mlops4j with Python's standard
library (csv, statistics, math.fsum), for ProfileReferenceTest.

Run from the mlops-validation directory:
    python3 src/test/python/reference_stats.py ../../shared/data > src/test/resources/reference-stats.csv
"""
import csv
import math
import statistics
import sys
from pathlib import Path

NUMERIC = {
    "iris.csv": ["sepal_length", "sepal_width", "petal_length", "petal_width"],
    "wine.csv": ["alcohol", "malic_acid", "magnesium", "proline", "hue"],
    "seattle-weather.csv": ["precipitation", "temp_max", "temp_min", "wind"],
}

def main(data_dir):
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["file", "column", "count", "mean", "pstdev", "min", "max", "zeros", "median_low"])
    for name, columns in NUMERIC.items():
        with open(Path(data_dir) / name, newline="") as f:
            rows = list(csv.DictReader(f))
        for column in columns:
            values = [float(r[column]) for r in rows]
            mean = math.fsum(values) / len(values)
            out.writerow([name, column, len(values), repr(mean), repr(statistics.pstdev(values)),
                          repr(min(values)), repr(max(values)), sum(1 for v in values if v == 0),
                          repr(statistics.median_low(values))])

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../shared/data")
