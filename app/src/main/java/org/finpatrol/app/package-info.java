/** The FinPatrol application: command line, Spring Boot wiring, patrol job, demo and web. */
package org.finpatrol.app;
