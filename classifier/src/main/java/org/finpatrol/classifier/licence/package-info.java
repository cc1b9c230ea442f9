/**
 * The licence registry ({@code config/licences.csv}): which operators hold which financial licence,
 * and which banks may hold customers' money in custody. The classifier asks it before {@code
 * UNLICENSED_SOLICITATION}, {@code RESTRICTED_NAME}, {@code FALSE_ENDORSEMENT} and {@code
 * NO_CUSTODY} (RULES.md, control 5).
 */
package org.finpatrol.classifier.licence;
