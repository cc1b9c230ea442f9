/** Network safety: which addresses a patrol may connect to, enforced at DNS resolution time. */
package org.finpatrol.crawler.net;
