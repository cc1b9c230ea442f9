/**
 * The database: connection settings (H2 under --data, or MySQL) and the patrol's working tables.
 */
package org.finpatrol.app.store;
