/** Public tips (举报): URLs reported by the public, validated, then seeded into the next patrol. */
package org.finpatrol.app.tips;
