/**
 * Operations: health (database, index, disk space, the last patrol) and metrics for the Actuator
 * endpoints under {@code /actuator}, Prometheus included.
 */
package org.finpatrol.app.ops;
