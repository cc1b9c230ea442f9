package org.finpatrol.app.cluster;

import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's output channel for Spring Batch Integration's partition handler: each step
 * execution request becomes a persistent message on the broker's queue, which a worker takes.
 */
final class PartitionRequests implements MessageChannel {

  private final CachingConnectionFactory connections;
  private final RabbitTemplate rabbit;
  private final String queue;
  private volatile boolean declared;

  PartitionRequests(CachingConnectionFactory connections, String queue) {
    this.connections = connections;
    this.queue = queue;
    this.rabbit = new RabbitTemplate(connections);
  }

  @Override
  public boolean send(Message<?> message, long timeout) {
    if (!(message.getPayload() instanceof StepExecutionRequest request)) {
      throw new IllegalArgumentException("not a step execution request: " + message.getPayload());
    }
    if (!declared) {
      Broker.declare(connections, queue);
      declared = true;
    }
    MessageProperties properties = new MessageProperties();
    properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
    rabbit.send(
        "", queue, new org.springframework.amqp.core.Message(Broker.encode(request), properties));
    return true;
  }
}
