/** The command line: one picocli command per verb of the contract in DESIGN.md. */
package org.finpatrol.app.cli;
