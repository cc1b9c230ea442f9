package org.finpatrol.app.cluster;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's connection to the broker. Nothing connects until a patrol is spread over workers: a
 * patrol of one process never needs the broker.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

  @Bean(destroyMethod = "destroy")
  CachingConnectionFactory brokerConnections(
      @Value("${finpatrol.broker-url:" + Broker.DEFAULT_URL + "}") String url) {
    return Broker.connections(url);
  }

  @Bean
  MessageChannel partitionRequests(
      CachingConnectionFactory brokerConnections, @Value(Broker.QUEUE_PROPERTY) String queue) {
    return new PartitionRequests(brokerConnections, queue);
  }
}
