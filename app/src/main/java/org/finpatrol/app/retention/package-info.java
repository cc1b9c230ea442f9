/**
 * Retention: how long crawl data is kept ({@code config/retention.yml}) and {@code finpatrol gc},
 * which compacts old crawl data and never deletes evidence a case still cites.
 */
package org.finpatrol.app.retention;
