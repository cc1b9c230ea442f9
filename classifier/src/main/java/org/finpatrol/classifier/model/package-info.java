/**
 * The statistical model that backs the rules (RULES.md control 7): a maximum-entropy document
 * categorizer (Apache OpenNLP) per label over the characters and character pairs of the normalised
 * text, so it needs no word segmentation and sees through the same obfuscation the rules do. It
 * only ever adds a label the rules missed, and says so; it never removes one.
 */
package org.finpatrol.classifier.model;
