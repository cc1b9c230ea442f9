/**
 * Chinese text handling shared by the indexer and the classifier: HanLP configured once, the
 * finance dictionary, offset-preserving normalisation and segmentation.
 */
package org.finpatrol.text;
