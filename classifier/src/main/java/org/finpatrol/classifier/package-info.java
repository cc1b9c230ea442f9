/**
 * Classification of page and ad texts against RULES.md: the {@link
 * org.finpatrol.classifier.Classifier} facade, its {@link org.finpatrol.classifier.Classification}
 * and {@link org.finpatrol.classifier.Finding} records, and the label ids.
 */
package org.finpatrol.classifier;
