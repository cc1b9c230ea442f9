/** JMH benchmarks, each with its baselines in the same run (see benchmarks/README.md). */
package org.finpatrol.benchmarks;
