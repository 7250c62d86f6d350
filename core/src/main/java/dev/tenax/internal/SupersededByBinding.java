package dev.tenax.internal;

/**
 * Marks a default listener that a bound listener replaces: the zero-configuration Micrometer listener on the
 * global registry steps aside while an explicit registry is bound, so that no meter is counted twice when that
 * registry is also part of the global composite (Spring Boot adds its registry there by default).
 */
interface SupersededByBinding {}
