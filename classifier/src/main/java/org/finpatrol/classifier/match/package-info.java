/** Fast text matching for rules: a compacted view of text and an Aho-Corasick phrase automaton. */
package org.finpatrol.classifier.match;
