package org.finpatrol.app.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The message broker between a patrol's manager and its workers: one durable queue of partition
 * requests, each a Spring Batch {@link StepExecutionRequest} (the worker step's name and the step
 * execution's id, as text: every worker reads the rest from the shared job repository).
 */
public final class Broker {

  /** The queue of partition requests unless {@code finpatrol.partition-queue} names another. */
  public static final String QUEUE = "finpatrol.partitions";

  /** The property naming the queue, for {@code @Value}. */
  static final String QUEUE_PROPERTY = "${finpatrol.partition-queue:" + QUEUE + "}";

  /** Where the broker is unless {@code FINPATROL_BROKER_URL} says otherwise. */
  public static final String DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672";

  private Broker() {}

  /** The broker URL from the environment, or the default. */
  public static String url(java.util.Map<String, String> env) {
    String url = env.get("FINPATROL_BROKER_URL");
    return url == null || url.isBlank() ? DEFAULT_URL : url.strip();
  }

  /** The URL without its password, for messages. */
  public static String shown(String url) {
    return url.replaceFirst("//([^:/@]*):[^@]*@", "//$1:***@");
  }

  /** Connections to the broker (opened on first use). */
  static CachingConnectionFactory connections(String url) {
    CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(url));
    factory.setConnectionNameStrategy(f -> "finpatrol");
    return factory;
  }

  /**
   * Declares the queue (durable: requests wait for a worker across broker restarts).
   *
   * @throws BrokerUnavailableException when the broker does not answer
   */
  public static void declare(CachingConnectionFactory connections, String queue) {
    try {
      new RabbitAdmin(connections).declareQueue(new Queue(queue, true));
    } catch (org.springframework.amqp.AmqpConnectException e) {
      throw new BrokerUnavailableException(
          connections.getUsername() + "@" + connections.getHost() + ":" + connections.getPort(), e);
    }
  }

  static byte[] encode(StepExecutionRequest request) {
    return (request.getStepName() + " " + request.getStepExecutionId())
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalArgumentException for a message that is not a partition request
   */
  static StepExecutionRequest decode(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    String[] parts = text.split(" ");
    if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
      throw new IllegalArgumentException("not a partition request: '" + text + "'");
    }
    return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
  }
}
