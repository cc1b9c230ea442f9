/**
 * The web UI (server-rendered, zh-CN first with English switchable by {@code ?lang=en}) and the
 * JSON API. Who may do what is {@link org.finpatrol.app.security}; every case a page or the API
 * shows passes {@link org.finpatrol.app.web.CaseAccess}. Crawled text only ever reaches a template
 * as text (escaped); the raw page only in a sandbox.
 */
package org.finpatrol.app.web;
