/** Rule packs as data: the records read from {@code config/rules/*.yml} and their loader. */
package org.finpatrol.classifier.rules;
