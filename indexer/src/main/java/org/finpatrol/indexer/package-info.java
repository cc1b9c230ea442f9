/**
 * The page index: schema, writing, labelling, searching and highlighting. {@link
 * org.finpatrol.indexer.PageIndex} is the facade; the records are its vocabulary.
 */
package org.finpatrol.indexer;
