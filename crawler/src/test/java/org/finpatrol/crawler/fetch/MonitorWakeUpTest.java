package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MonitorWakeUpTest {

  @Test
  void wakesTheThreadThatLookedAtTheCrawlersFromItsSleep() throws Exception {
    MonitorWakeUp wakeUp = new MonitorWakeUp();
    CountDownLatch looked = new CountDownLatch(1);
    AtomicBoolean woken = new AtomicBoolean();
    Thread monitor =
        new Thread(
            () -> {
              wakeUp.calledByMonitor();
              looked.countDown();
              try {
                Thread.sleep(60_000); // crawler4j's monitor sleeps between looks
              } catch (InterruptedException e) {
                woken.set(true);
              }
            });
    monitor.start();
    assertThat(looked.await(5, TimeUnit.SECONDS)).isTrue();
    wakeUp.run();
    monitor.join(5_000);
    assertThat(monitor.isAlive()).isFalse();
    assertThat(woken).isTrue();
  }

  @Test
  void beforeTheMonitorHasLookedNoThreadIsInterrupted() throws Exception {
    MonitorWakeUp wakeUp = new MonitorWakeUp();
    wakeUp.run();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // The first thread to look is the monitor; others calling later do not replace it.
    wakeUp.calledByMonitor();
    Thread other = new Thread(wakeUp::calledByMonitor);
    other.start();
    other.join(5_000);
    wakeUp.run();
    assertThat(Thread.interrupted()).isTrue(); // this thread looked first: it was woken
  }

  @Test
  void aWakeUpPendingOnTheMonitorIsTakenAndOtherThreadsInterruptsAreLeftAlone() throws Exception {
    MonitorWakeUp wakeUp = new MonitorWakeUp();
    wakeUp.calledByMonitor(); // this thread is the monitor
    wakeUp.run();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    wakeUp.takePending();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();

    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread other =
        new Thread(
            () -> {
              Thread.currentThread().interrupt(); // someone else's interrupt, not a wake-up
              wakeUp.takePending();
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    other.start();
    other.join(5_000);
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void theMonitorThreadIsKnownOnceItHasLookedAndNotBefore() throws Exception {
    MonitorWakeUp wakeUp = new MonitorWakeUp();
    assertThat(wakeUp.awaitThread(java.time.Duration.ofMillis(50))).isNull();
    Thread monitor = new Thread(wakeUp::calledByMonitor);
    monitor.start();
    assertThat(wakeUp.awaitThread(java.time.Duration.ofSeconds(5))).isSameAs(monitor);
  }
}
