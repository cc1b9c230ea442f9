/**
 * Review cases: one per platform, routed to the units that must act, stored with JDBC under Flyway
 * migrations that run unchanged on H2 and MySQL. {@link org.finpatrol.review.CaseService} is the
 * facade.
 */
package org.finpatrol.review;
