/** Lucene analysis for Chinese: the HanLP word tokenizer and the normalising CJK bigram chain. */
package org.finpatrol.indexer.analysis;
