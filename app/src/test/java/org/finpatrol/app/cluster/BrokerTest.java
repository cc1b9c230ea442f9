package org.finpatrol.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class BrokerTest {

  @Test
  void aPartitionRequestTravelsAsTextAndComesBackWhole() {
    StepExecutionRequest back =
        Broker.decode(Broker.encode(new StepExecutionRequest("partition", 4711L)));
    assertThat(back.getStepName()).isEqualTo("partition");
    assertThat(back.getStepExecutionId()).isEqualTo(4711L);
  }

  @Test
  void aMessageThatIsNoRequestIsNamed() {
    assertThatThrownBy(() -> Broker.decode("你好 世界".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'你好 世界'");
    assertThatThrownBy(() -> Broker.decode("partition".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUrlComesFromTheEnvironmentAndIsShownWithoutItsPassword() {
    assertThat(Broker.url(Map.of())).isEqualTo(Broker.DEFAULT_URL);
    assertThat(Broker.url(Map.of("FINPATROL_BROKER_URL", " amqp://fp:s3cret@mq.example.cn:5672 ")))
        .isEqualTo("amqp://fp:s3cret@mq.example.cn:5672");
    assertThat(Broker.shown("amqp://fp:s3cret@mq.example.cn:5672"))
        .isEqualTo("amqp://fp:***@mq.example.cn:5672")
        .doesNotContain("s3cret");
  }
}
