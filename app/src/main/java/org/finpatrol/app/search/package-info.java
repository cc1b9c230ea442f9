/** Search requests from the command line and the web, checked the same way. */
package org.finpatrol.app.search;
