/** FinPatrol's Chinese analysis as an OpenSearch 2.19 analysis plugin. */
package org.finpatrol.opensearch;
