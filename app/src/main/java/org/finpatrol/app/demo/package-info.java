/** The bundled demo: fictional financial sites served on loopback for {@code finpatrol demo}. */
package org.finpatrol.app.demo;
