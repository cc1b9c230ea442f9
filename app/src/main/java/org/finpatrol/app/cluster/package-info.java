/**
 * A patrol spread over several processes or machines: the RabbitMQ broker that carries Spring Batch
 * Integration's partition requests from the manager ({@code finpatrol patrol --partitions N}) to
 * the workers ({@code finpatrol worker}), and the worker's application.
 */
package org.finpatrol.app.cluster;
