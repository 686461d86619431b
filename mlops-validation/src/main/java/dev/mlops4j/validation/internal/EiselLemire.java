package dev.mlops4j.validation.internal;

import java.math.BigInteger;

/**
 * Exact decimal-to-double conversion for up to 19 significant digits with the Eisel-Lemire algorithm (Daniel
 * Lemire, "Number Parsing at a Gigabyte per Second", 2021, as implemented in fast_float): one or two 64x64-bit
 * multiplications by a 128-bit approximation of the power of five, then rounding to nearest-even. It is several
 * times faster than {@link Double#parseDouble(String)} on the 16-17 digit numbers that programs write, and
 * returns {@code NaN} in the rare cases it does not decide (subnormal results, exponents out of range), where
 * the caller falls back to the JDK.
 */
final class EiselLemire {
    private static final int SMALLEST_POWER = -342;
    private static final int LARGEST_POWER = 308;
    /** 128-bit approximations of 5^q, q in [-342, 308]: high word at 2i, low word at 2i + 1. */
    private static final long[] POWERS = table();

    private EiselLemire() {
    }

    /** Generates the table as fast_float's table_generation.py does (truncated for q >= 0, rounded up below). */
    private static long[] table() {
        long[] t = new long[2 * (LARGEST_POWER - SMALLEST_POWER + 1)];
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                int z = power5.subtract(BigInteger.ONE).bitLength(); // smallest z with 2^z >= power5
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = BigInteger.valueOf(5).pow(q);
                while (c.compareTo(two127) < 0) {
                    c = c.shiftLeft(1);
                }
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            }
            int i = 2 * (q - SMALLEST_POWER);
            t[i] = c.shiftRight(64).longValue();
            t[i + 1] = c.and(mask).longValue();
        }
        return t;
    }

    /**
     * @param w the decimal significand, non-zero, at most 19 digits (unsigned)
     * @param q the power of ten
     * @param negative the sign
     * @return {@code (negative ? -1 : 1) * w * 10^q} correctly rounded, or NaN if this algorithm does not decide
     */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (q < SMALLEST_POWER || q > LARGEST_POWER) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = 2 * (q - SMALLEST_POWER);
        long firstHigh = Math.multiplyHigh(w, POWERS[index]) + ((w >> 63) & POWERS[index])
                + ((POWERS[index] >> 63) & w); // unsigned high word
        long firstLow = w * POWERS[index];
        final long precisionMask = 0x1FFL;
        if ((firstHigh & precisionMask) == precisionMask) {
            long secondHigh = Math.multiplyHigh(w, POWERS[index + 1]) + ((w >> 63) & POWERS[index + 1])
                    + ((POWERS[index + 1] >> 63) & w);
            firstLow += secondHigh;
            if (Long.compareUnsigned(secondHigh, firstLow) > 0) {
                firstHigh++;
            }
        }
        int upperbit = (int) (firstHigh >>> 63);
        int shift = upperbit + 9;
        long mantissa = firstHigh >>> shift;
        int power2 = (int) ((((152170L + 65536L) * q) >> 16) + 63) + upperbit - lz + 1023;
        if (power2 <= 0) {
            return Double.NaN; // subnormal: leave it to the JDK
        }
        if (Long.compareUnsigned(firstLow, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && (mantissa << shift) == firstHigh) {
            mantissa &= ~1L; // exactly halfway: round to even, i.e. down
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long bits = mantissa | ((long) power2 << 52) | (negative ? 1L << 63 : 0);
        return Double.longBitsToDouble(bits);
    }
}
