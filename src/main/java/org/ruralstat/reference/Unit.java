package org.ruralstat.reference;

import java.math.BigDecimal;

/**
 * A unit as written in a return and how to reach the canonical unit of its dimension.
 *
 * @param dimension money, persons, length, area, unit, household or hour
 * @param canonical the contract's unit for the dimension (yuan, persons, m, m2, unit, household, hour)
 * @param factor    what one of this unit is in the canonical unit (万元: 10000)
 */
public record Unit(String dimension, String canonical, BigDecimal factor) {

    public Unit {
        if (factor == null || factor.signum() <= 0) {
            throw new IllegalArgumentException("unit factor must be positive");
        }
    }

    public BigDecimal toCanonical(BigDecimal value) {
        return value.multiply(factor);
    }
}
