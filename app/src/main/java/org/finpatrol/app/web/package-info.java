/**
 * The web UI (server-rendered, zh-CN) and the JSON API. For now read-only and served on loopback
 * only; logins, roles and the review actions come with the web UI issue.
 */
package org.finpatrol.app.web;
